/**
 * A WordPress of a spec's own that the real service can scan: served at
 * http://localhost:PORT (the service reaches it through its `--resolve`
 * map; the shared e2e WordPress is addressed by IP, which the SSRF guard
 * refuses by design), with its own service and the four partner sites of
 * harness/partners.ts. For specs that need a scan (WP-CLI, e-mail digest).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import * as wp from '../../../scripts/wp/lib';
import { startPartnerWeb, type PartnerWeb } from '../../helpers/partner-web';
import { PARTNER_KEYWORD, partnerRoutes } from './partners';
import {
	registerSite,
	startService,
	stopGroup,
	type StartedService,
} from './processes';
import { readState } from './state';

const WP_CLI_HARNESS = path.join( __dirname, 'wp-cli.php' );

export interface CliRun {
	status: number;
	stdout: string;
	stderr: string;
}

export interface LiveSite {
	siteUrl: string;
	siteDir: string;
	service: StartedService;
	web: PartnerWeb;
	/** Runs PHP with this WordPress loaded; returns what it echoes. */
	php: ( code: string ) => string;
	/** Publishes a post and returns its id. */
	publish: ( title: string, content: string ) => number;
	/**
	 * `wp <args…>` through the WP-CLI stand-in (harness/wp-cli.php). Not
	 * spawnSync: the partner sites are served by this very process.
	 */
	wpCli: ( args: string[], env?: NodeJS.ProcessEnv ) => Promise< CliRun >;
	/** `<a href>` to a partner page. */
	link: ( name: string, pathname: string, anchor: string ) => string;
	stop: () => Promise< void >;
}

/**
 * `wp <args…>` in the WordPress at `siteDir`, for `url` (WP-CLI's --url),
 * through the WP-CLI stand-in. Not spawnSync: partner sites may be served
 * by this very process.
 */
export function runWpCli(
	siteDir: string,
	url: string,
	args: string[],
	env: NodeJS.ProcessEnv = {}
): Promise< CliRun > {
	return new Promise( ( resolve, reject ) => {
		const child = spawn(
			'php',
			[
				'-d',
				'display_errors=stderr',
				WP_CLI_HARNESS,
				siteDir,
				url,
				...args,
			],
			{ cwd: siteDir, env: { ...process.env, ...env } }
		);
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding( 'utf8' );
		child.stderr.setEncoding( 'utf8' );
		child.stdout.on( 'data', ( chunk: string ) => ( stdout += chunk ) );
		child.stderr.on( 'data', ( chunk: string ) => ( stderr += chunk ) );
		child.on( 'error', reject );
		child.on( 'close', ( code ) =>
			resolve( { status: code ?? -1, stdout, stderr } )
		);
	} );
}

/** Starts WordPress, partner sites and a service registered with the site. */
export async function startLiveSite( name: string ): Promise< LiveSite > {
	const state = readState();
	const port = await wp.freePort();
	const siteUrl = `http://localhost:${ port }`;
	const siteDir = path.join( state.tmpDir, `${ name }-wordpress` );
	wp.prepareSite( { siteDir, url: siteUrl } );
	const server = await wp.startServer( {
		siteDir,
		port,
		url: siteUrl,
		logFile: path.join( state.tmpDir, `${ name }-php.log` ),
	} );
	const web = await startPartnerWeb( partnerRoutes( siteUrl ) );
	const dataDir = path.join( state.tmpDir, `${ name }-service` );
	const service = await startService( {
		port: await wp.freePort(),
		dataDir,
		logFile: path.join( state.tmpDir, `${ name }-service.log` ),
		resolve: [ ...web.resolveEntries, `localhost:${ port }:127.0.0.1` ],
	} );
	const siteKey = registerSite( `${ siteUrl }/`, dataDir );
	const php = ( code: string ) =>
		wp.wpEval( siteDir, code, { url: siteUrl } );
	const options = Buffer.from(
		JSON.stringify( {
			serviceUrl: service.url,
			siteKey,
			keywords: [ PARTNER_KEYWORD ],
		} )
	).toString( 'base64' );
	php( `$v = json_decode( base64_decode( '${ options }' ), true );
		$c = get_option( 'rlg_settings', array() );
		update_option( 'rlg_settings', array_merge( is_array( $c ) ? $c : array(), $v ) );` );

	return {
		siteUrl,
		siteDir,
		service,
		web,
		php,
		publish( title, content ) {
			const json = Buffer.from(
				JSON.stringify( { title, content } )
			).toString( 'base64' );
			return Number(
				php( `$f = json_decode( base64_decode( '${ json }' ), true );
				echo wp_insert_post( array( 'post_author' => 1, 'post_status' => 'publish', 'post_title' => $f['title'], 'post_content' => $f['content'] ) );` ).trim()
			);
		},
		wpCli: ( args, env = {} ) => runWpCli( siteDir, siteUrl, args, env ),
		link: ( partner, pathname, anchor ) =>
			`<a href="${ web.url( partner, pathname ) }">${ anchor }</a>`,
		async stop() {
			stopGroup( service.pid );
			await web.close();
			wp.stopProcessGroup( server.pid );
		},
	};
}
