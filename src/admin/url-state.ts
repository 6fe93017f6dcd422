/**
 * The page's address carries the table state and the open partner
 * (`tools.php?page=…&status=no-link&orderBy=findings&order=desc&partner=x.com`):
 * a filtered view can be bookmarked and shared, and the browser's back
 * button closes a partner's detail. Pure; the hook applies it to `history`.
 */
import type { ReportQuery } from '../core/report';
import { paramsToQuery, queryToParams } from './query';

/** Query args the report owns; everything else (page=…) is left alone. */
const OWN_ARGS = [
	'paged',
	'perPage',
	'search',
	'status',
	'finding',
	'placement',
	'orderBy',
	'order',
	'partner',
];

export interface UrlState {
	query: ReportQuery;
	partner: string | null;
}

/** `?page=rlg&paged=2&partner=x` → state. (`paged`: WordPress's own list tables call it that, and `page` is the admin page slug.) */
export function readUrlState( search: string ): UrlState {
	const args = new URLSearchParams( search );
	const params: Record< string, string > = {};
	for ( const name of OWN_ARGS ) {
		const value = args.get( name );
		if ( value !== null ) {
			params[ name === 'paged' ? 'page' : name ] = value;
		}
	}
	const partner = params.partner?.trim() || null;
	return { query: paramsToQuery( params ), partner };
}

/** State → the same location's search string, keeping args that are not ours. */
export function writeUrlState( search: string, state: UrlState ): string {
	const args = new URLSearchParams( search );
	for ( const name of OWN_ARGS ) {
		args.delete( name );
	}
	const params = queryToParams( state.query );
	for ( const [ name, value ] of Object.entries( params ) ) {
		args.set( name === 'page' ? 'paged' : name, value );
	}
	if ( state.partner ) {
		args.set( 'partner', state.partner );
	}
	const text = args.toString();
	return text ? `?${ text }` : '';
}
