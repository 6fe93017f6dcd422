/**
 * `rlg sites add|list|set|aliases|remove`: the sites that may call the
 * service, each with its own HMAC key. `add` prints the key once; it is
 * stored in the data directory (which is therefore as secret as the keys).
 * `set` changes what a site may do: `--allow-rendered` lets it ask for
 * rendered checks, which start Chromium on the service machine.
 */
import type { Command } from 'commander';
import { createSiteKey } from '../auth/signing';
import { resolveDatabaseUrl, resolveDataDir } from '../config';
import { RlgError } from '../errors';
import { connectStore, describeStore, siteIdentity } from '../store';
import type { Store, StoreLocation } from '../store';
import { dataDirOption, databaseOption, print } from './options';

interface SitesOptions {
	dataDir?: string;
	database?: string;
	json?: boolean;
	alias?: string[];
	/** add: true with --allow-rendered; set: true, false or absent. */
	allowRendered?: boolean;
}

const ALLOW_RENDERED_HELP =
	'let the site ask for rendered checks (CheckRequest.rendered), which start Chromium on this machine';

function collect( value: string, previous: string[] | undefined ): string[] {
	return [ ...( previous ?? [] ), value ];
}

/** Normalised other URLs of a site, each checked to be an http(s) URL. */
function aliasesOf( urls: string[] | undefined ): string[] {
	return [
		...new Set( ( urls ?? [] ).map( ( url ) => identityOf( url ).url ) ),
	];
}

function identityOf( url: string ) {
	const identity = siteIdentity( url );
	if ( ! identity ) {
		throw new RlgError(
			'ERR_INVALID_SITE',
			`"${ url }" is not an absolute http(s) URL (e.g. https://our.site)`
		);
	}
	return identity;
}

function locationOf( options: SitesOptions ): StoreLocation {
	return {
		dataDir: resolveDataDir( options.dataDir ),
		databaseUrl: resolveDatabaseUrl( options.database ),
	};
}

async function withStore< T >(
	options: SitesOptions,
	work: ( store: Store ) => Promise< T >
): Promise< T > {
	const store = await connectStore( locationOf( options ) );
	try {
		return await work( store );
	} finally {
		await store.close();
	}
}

export function register( program: Command ): void {
	const sites = program
		.command( 'sites' )
		.description(
			'manage the sites (and their keys) that may call the service'
		);

	sites
		.command( 'add <url>' )
		.description( 'register a site and print its new key' )
		.addOption( dataDirOption() )
		.addOption( databaseOption() )
		.option( '--json', 'print { site, key, dataDir } as JSON' )
		.option(
			'--alias <url>',
			'another URL of the same site (old domain, staging); links to it count as links to us (repeatable)',
			collect
		)
		.option( '--allow-rendered', ALLOW_RENDERED_HELP )
		.action( async ( url: string, options: SitesOptions ) => {
			const identity = identityOf( url );
			const alternateUrls = aliasesOf( options.alias );
			const key = createSiteKey();
			const location = locationOf( options );
			const site = await withStore( options, ( store ) =>
				store.addSite( {
					...identity,
					secret: key,
					alternateUrls,
					allowRendered: options.allowRendered === true,
				} )
			);
			if ( options.json ) {
				print(
					JSON.stringify( {
						site: site.url,
						key,
						dataDir: location.dataDir,
						...( location.databaseUrl
							? { database: describeStore( location ) }
							: {} ),
						allowRendered: site.allowRendered,
					} )
				);
				return;
			}
			print(
				[
					`Registered ${ site.url }`,
					`Key: ${ key }`,
					'',
					'Enter this key in the plugin settings of that site. It is stored in',
					location.databaseUrl
						? `${ describeStore( location ) }: keep that database private.`
						: `${ location.dataDir }: keep that directory private.`,
					...( site.allowRendered
						? [ 'It may ask for rendered checks (Chromium).' ]
						: [] ),
				].join( '\n' )
			);
		} );

	sites
		.command( 'list' )
		.description( 'list the registered sites (keys are not shown)' )
		.addOption( dataDirOption() )
		.addOption( databaseOption() )
		.option( '--json', 'print the sites as JSON' )
		.action( async ( options: SitesOptions ) => {
			const list = await withStore( options, ( store ) =>
				store.listSites()
			);
			const rows = list.map( ( site ) => ( {
				site: site.url,
				aliases: site.alternateUrls,
				hasKey: site.secret !== null,
				allowRendered: site.allowRendered,
				createdAt: site.createdAt,
			} ) );
			if ( options.json ) {
				print( JSON.stringify( rows ) );
				return;
			}
			if ( rows.length === 0 ) {
				print(
					'No sites registered. Add one with: rlg sites add https://our.site'
				);
				return;
			}
			const width = Math.max( ...rows.map( ( row ) => row.site.length ) );
			for ( const row of rows ) {
				print(
					`${ row.site.padEnd( width ) }  ${
						row.hasKey ? 'key     ' : 'no key  '
					}  ${ row.allowRendered ? 'rendered' : '        ' }  since ${
						row.createdAt
					}${
						row.aliases.length > 0
							? `  aliases: ${ row.aliases.join( ' ' ) }`
							: ''
					}`
				);
			}
		} );

	sites
		.command( 'set <url>' )
		.description( 'change what a registered site may do' )
		.addOption( dataDirOption() )
		.addOption( databaseOption() )
		.option( '--allow-rendered', ALLOW_RENDERED_HELP )
		.option(
			'--no-allow-rendered',
			'refuse its rendered checks (403 ERR_RENDER_NOT_ALLOWED)'
		)
		.action( async ( url: string, options: SitesOptions ) => {
			const identity = identityOf( url );
			const allowed = options.allowRendered;
			if ( allowed === undefined ) {
				throw new RlgError(
					'ERR_NOTHING_TO_SET',
					'nothing to set: pass --allow-rendered or --no-allow-rendered'
				);
			}
			const updated = await withStore( options, ( store ) =>
				store.setAllowRendered( identity.siteKey, allowed )
			);
			if ( ! updated ) {
				throw new RlgError(
					'ERR_UNKNOWN_SITE',
					`${ identity.url } is not registered`
				);
			}
			print(
				updated.allowRendered
					? `${ updated.url } may ask for rendered checks (Chromium)`
					: `${ updated.url } may not ask for rendered checks`
			);
		} );

	sites
		.command( 'aliases <url> [aliases...]' )
		.description(
			"set a site's other URLs (old domain, staging); none clears them"
		)
		.addOption( dataDirOption() )
		.addOption( databaseOption() )
		.action(
			async ( url: string, aliases: string[], options: SitesOptions ) => {
				const identity = identityOf( url );
				const updated = await withStore( options, ( store ) =>
					store.setAlternateUrls(
						identity.siteKey,
						aliasesOf( aliases )
					)
				);
				if ( ! updated ) {
					throw new RlgError(
						'ERR_UNKNOWN_SITE',
						`${ identity.url } is not registered`
					);
				}
				print(
					updated.alternateUrls.length > 0
						? `${ updated.url } also answers on ${ updated.alternateUrls.join(
								', '
							) }`
						: `${ updated.url } has no other URLs`
				);
			}
		);

	sites
		.command( 'remove <url>' )
		.description(
			'unregister a site: its key stops working and its stored results are deleted'
		)
		.addOption( dataDirOption() )
		.addOption( databaseOption() )
		.action( async ( url: string, options: SitesOptions ) => {
			const identity = identityOf( url );
			const removed = await withStore( options, ( store ) =>
				store.removeSite( identity.siteKey )
			);
			if ( ! removed ) {
				throw new RlgError(
					'ERR_UNKNOWN_SITE',
					`${ identity.url } is not registered`
				);
			}
			print( `Removed ${ identity.url }` );
		} );
}
