/**
 * Server-side helpers for specs: run PHP inside the e2e WordPress, and call
 * its REST API with a logged-in browser context's cookies and nonce.
 */
import type { BrowserContext } from 'playwright-core';
import * as wp from '../../../scripts/wp/lib';
import { readState } from './state';

/** Runs PHP statements with WordPress loaded; returns what they echo. */
export function wpPhp( code: string ): string {
	const state = readState();
	return wp.wpEval( state.siteDir, code, { url: state.wpUrl } );
}

/** Runs PHP that echoes JSON and parses it. */
export function wpJson< T = unknown >( code: string ): T {
	return JSON.parse( wpPhp( code ) ) as T;
}

/** Merges values into the plugin's `rlg_settings` option. */
export function setPluginOptions( values: Record< string, unknown > ): void {
	const json = Buffer.from( JSON.stringify( values ) ).toString( 'base64' );
	wpPhp( `$values = json_decode( base64_decode( '${ json }' ), true );
		$current = get_option( 'rlg_settings', array() );
		update_option( 'rlg_settings', array_merge( is_array( $current ) ? $current : array(), is_array( $values ) ? $values : array() ) );` );
}

/**
 * Replaces the plugin's option as a whole (restore what a spec changed,
 * including keys it added). `null` deletes the option.
 */
export function replacePluginOptions(
	values: Record< string, unknown > | null
): void {
	const json = Buffer.from( JSON.stringify( values ) ).toString( 'base64' );
	wpPhp( `$values = json_decode( base64_decode( '${ json }' ), true );
		if ( is_array( $values ) ) {
			update_option( 'rlg_settings', $values );
		} else {
			delete_option( 'rlg_settings' );
		}` );
}

/** The plugin's option as stored, or null when there is none. */
export function pluginOptions(): Record< string, unknown > | null {
	return wpJson(
		`echo wp_json_encode( get_option( 'rlg_settings', null ) );`
	);
}

/** Creates a post as `author` (a user id) and returns its id. */
export function createPost(
	authorId: number,
	fields: { title?: string; content?: string; status?: string } = {}
): number {
	const json = Buffer.from( JSON.stringify( fields ) ).toString( 'base64' );
	return Number(
		wpPhp( `$f = json_decode( base64_decode( '${ json }' ), true );
		echo wp_insert_post( array(
			'post_author' => ${ authorId },
			'post_title' => isset( $f['title'] ) ? $f['title'] : 'E2E post',
			'post_content' => isset( $f['content'] ) ? $f['content'] : '',
			'post_status' => isset( $f['status'] ) ? $f['status'] : 'draft',
		) );` ).trim()
	);
}

/** The REST nonce of the context's logged-in user (core's admin-ajax action). */
export async function restNonce( context: BrowserContext ): Promise< string > {
	const state = readState();
	const response = await context.request.get(
		`${ state.wpUrl }/wp-admin/admin-ajax.php?action=rest-nonce`
	);
	return ( await response.text() ).trim();
}

export interface RestAnswer {
	status: number;
	body: Record< string, unknown > & { code?: string; message?: string };
	/** Response headers, names in lower case. */
	headers?: Record< string, string >;
}

/**
 * Calls /wp-json/<route> with the context's cookies. `nonce` null sends no
 * nonce (then WordPress treats the request as anonymous, as core does).
 */
export async function rest(
	context: BrowserContext,
	method: 'GET' | 'POST',
	route: string,
	options: { body?: unknown; nonce?: string | null } = {}
): Promise< RestAnswer > {
	const state = readState();
	const headers: Record< string, string > = {};
	if ( options.nonce !== null && options.nonce !== undefined ) {
		headers[ 'X-WP-Nonce' ] = options.nonce;
	}
	const response = await context.request.fetch(
		`${ state.wpUrl }/wp-json/${ route.replace( /^\//, '' ) }`,
		{
			method,
			headers,
			data: options.body,
			failOnStatusCode: false,
		}
	);
	const text = await response.text();
	let body: RestAnswer[ 'body' ];
	try {
		body = JSON.parse( text );
	} catch {
		throw new Error(
			`${ method } ${ route } answered ${ response.status() } with non-JSON: ${ text.slice( 0, 500 ) }`
		);
	}
	return { status: response.status(), body, headers: response.headers() };
}
