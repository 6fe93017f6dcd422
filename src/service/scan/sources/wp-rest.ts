/**
 * Reads a WordPress site's posts and pages over its REST API, without
 * anything installed on it: `/wp-json/wp/v2/{posts,pages}`, 100 per page,
 * `_fields` so only what the scan needs travels, in id order so a page
 * boundary stays put while the scan runs. Sites without pretty permalinks
 * (where `/wp-json/` is a 404) are read through `?rest_route=`.
 */
import { parseDocument, DomUtils } from 'htmlparser2';
import type { ScanCursor } from '../../store/scan-types';
import { RlgError } from '../../errors';
import type { HttpDocument, ScanHttp } from '../http';
import type { KeyBatch, PostBatch, PostSource, SourcePost } from './types';

export const WP_TYPES = [ 'posts', 'pages' ] as const;
export type WpType = ( typeof WP_TYPES )[ number ];

/** Largest page the REST API serves. */
export const WP_PER_PAGE = 100;
const POST_FIELDS = 'id,link,modified_gmt,title,content,status';
/** A REST page of 100 posts with their content: generous, but capped. */
const MAX_JSON_BYTES = 32 * 1024 * 1024;

/**
 * `modified_after` is compared with the post's modification time in the
 * site's own time zone, which the API does not tell anonymous readers:
 * asking from a day earlier covers every zone (UTC-12 … UTC+14). Posts read
 * twice are simply replaced, never duplicated.
 */
const MODIFIED_AFTER_MARGIN_MS = 26 * 3_600_000;

export interface WpRestOptions {
	/** The site's home URL. */
	site: string;
	http: ScanHttp;
	/** An application password: also reads drafts and private posts. */
	auth?: { user: string; password: string };
	types?: readonly WpType[];
	perPage?: number;
}

interface WpPost {
	id: number;
	link: string;
	modified_gmt?: string;
	title?: { rendered?: string };
	content?: { rendered?: string };
	status?: string;
}

type ApiStyle = 'pretty' | 'plain';

/** Text of a rendered title (`&#8217;` and tags decoded away). */
function plainText( html: string ): string {
	return DomUtils.textContent( parseDocument( html ) )
		.replace( /\s+/g, ' ' )
		.trim();
}

function siteRoot( site: string ): string {
	return site.endsWith( '/' ) ? site : site + '/';
}

export function createWpRestSource( options: WpRestOptions ): PostSource {
	const { http } = options;
	const root = siteRoot( options.site );
	const types = options.types ?? WP_TYPES;
	const perPage = options.perPage ?? WP_PER_PAGE;
	const headers: Record< string, string > = { accept: 'application/json' };
	if ( options.auth ) {
		headers.authorization =
			'Basic ' +
			Buffer.from(
				`${ options.auth.user }:${ options.auth.password }`
			).toString( 'base64' );
	}
	// Drafts and private posts are only listed for an authenticated editor.
	const statuses = options.auth
		? 'publish,private,draft,pending,future'
		: 'publish';
	let style: ApiStyle | null = null;

	function endpoint(
		apiStyle: ApiStyle,
		type: WpType,
		params: Record< string, string >
	): string {
		const query = new URLSearchParams( params ).toString();
		return apiStyle === 'pretty'
			? `${ root }wp-json/wp/v2/${ type }?${ query }`
			: `${ root }?rest_route=${ encodeURIComponent(
					`/wp/v2/${ type }`
				) }&${ query }`;
	}

	async function request(
		type: WpType,
		params: Record< string, string >
	): Promise< HttpDocument > {
		if ( style === null ) {
			const pretty = await http.get( endpoint( 'pretty', type, params ), {
				headers,
				maxBytes: MAX_JSON_BYTES,
			} );
			if ( pretty.status !== 404 || isRestError( pretty ) ) {
				style = 'pretty';
				return pretty;
			}
			// No rewrite rules: /wp-json/ is WordPress's own 404 page.
			style = 'plain';
		}
		return http.get( endpoint( style, type, params ), {
			headers,
			maxBytes: MAX_JSON_BYTES,
		} );
	}

	/** One page of a listing; null past the last page. */
	async function listPage(
		type: WpType,
		page: number,
		params: Record< string, string >
	): Promise< { items: unknown[]; totalPages: number } | null > {
		const response = await request( type, {
			...params,
			per_page: String( perPage ),
			page: String( page ),
			status: statuses,
			orderby: 'id',
			order: 'asc',
		} );
		const body = parseJson( response );
		if (
			response.status === 400 &&
			restCode( body ) === 'rest_post_invalid_page_number'
		) {
			return null;
		}
		if ( response.status === 401 || response.status === 403 ) {
			throw new RlgError(
				'ERR_SCAN_AUTH',
				`${ response.url } refused the request (HTTP ${ response.status }${
					restCode( body ) ? `, ${ restCode( body ) }` : ''
				}): ${ options.auth ? 'check the application password' : 'the REST API is closed to anonymous readers; pass an application password' }`
			);
		}
		if ( response.status !== 200 || ! Array.isArray( body ) ) {
			throw new RlgError(
				'ERR_SCAN_SOURCE',
				`${ response.url } is not a WordPress REST listing (HTTP ${ response.status })`
			);
		}
		const declared = Number( response.header( 'x-wp-totalpages' ) ?? '' );
		// Without X-WP-TotalPages (a proxy stripped it), a short page is the last.
		let totalPages = page + 1;
		if ( Number.isFinite( declared ) && declared > 0 ) {
			totalPages = declared;
		} else if ( body.length < perPage ) {
			totalPages = page;
		}
		return { items: body, totalPages };
	}

	/** Posts the listing will return (X-WP-Total over every type). */
	async function countAll(
		params: Record< string, string >
	): Promise< number | null > {
		let sum = 0;
		for ( const type of types ) {
			const response = await request( type, {
				...params,
				per_page: '1',
				_fields: 'id',
				status: statuses,
			} );
			const total = response.header( 'x-wp-total' );
			if ( response.status !== 200 || total === null ) {
				return null;
			}
			sum += Number( total );
		}
		return sum;
	}

	/** The type a cursor continues with; past the last one when it says null. */
	function startIndex( cursor: ScanCursor ): number {
		if ( cursor.type === null ) {
			return types.length;
		}
		const index = types.indexOf( cursor.type as WpType );
		return index < 0 ? 0 : index;
	}

	function toPost( type: WpType, item: WpPost ): SourcePost | null {
		if ( typeof item?.id !== 'number' || typeof item.link !== 'string' ) {
			return null;
		}
		return {
			sourceKey: `wp:${ type }:${ item.id }`,
			url: item.link,
			title: plainText( item.title?.rendered ?? '' ),
			modifiedGmt: item.modified_gmt
				? `${ item.modified_gmt.replace( /Z$/, '' ) }Z`
				: null,
			html: item.content?.rendered ?? '',
			fragment: true,
		};
	}

	return {
		keyPrefix: 'wp:',
		listsEveryPost: false,

		async *readPosts(
			cursor: ScanCursor,
			modifiedAfter: string | null
		): AsyncIterable< PostBatch > {
			const params: Record< string, string > = { _fields: POST_FIELDS };
			if ( modifiedAfter ) {
				params.modified_after = new Date(
					Date.parse( modifiedAfter ) - MODIFIED_AFTER_MARGIN_MS
				).toISOString();
			}
			const postsTotal =
				typeof cursor.postsTotal === 'number'
					? cursor.postsTotal
					: await countAll(
							params.modified_after
								? { modified_after: params.modified_after }
								: {}
						);
			let typeIndex = startIndex( cursor );
			let page = typeof cursor.page === 'number' ? cursor.page : 1;
			while ( typeIndex < types.length ) {
				const type = types[ typeIndex ];
				const listing = await listPage( type, page, params );
				const last = listing === null || page >= listing.totalPages;
				const next: ScanCursor = last
					? {
							type: types[ typeIndex + 1 ] ?? null,
							page: 1,
							postsTotal,
						}
					: { type, page: page + 1, postsTotal };
				const posts = ( listing?.items ?? [] )
					.map( ( item ) => toPost( type, item as WpPost ) )
					.filter( ( post ): post is SourcePost => post !== null );
				yield {
					posts,
					unchanged: [],
					cursor: next,
					postsTotal,
					failures: [],
				};
				if ( last ) {
					typeIndex++;
					page = 1;
				} else {
					page++;
				}
			}
		},

		async *listKeys( cursor: ScanCursor ): AsyncIterable< KeyBatch > {
			let typeIndex = startIndex( cursor );
			let page = typeof cursor.page === 'number' ? cursor.page : 1;
			while ( typeIndex < types.length ) {
				const type = types[ typeIndex ];
				const listing = await listPage( type, page, { _fields: 'id' } );
				const last = listing === null || page >= listing.totalPages;
				const keys = ( listing?.items ?? [] )
					.map( ( item ) => ( item as { id?: unknown } ).id )
					.filter( ( id ): id is number => typeof id === 'number' )
					.map( ( id ) => `wp:${ type }:${ id }` );
				yield {
					keys,
					cursor: last
						? { type: types[ typeIndex + 1 ] ?? null, page: 1 }
						: { type, page: page + 1 },
				};
				if ( last ) {
					typeIndex++;
					page = 1;
				} else {
					page++;
				}
			}
		},
	};
}

function parseJson( response: HttpDocument ): unknown {
	try {
		return JSON.parse( response.body.toString( 'utf8' ) );
	} catch {
		return null;
	}
}

function restCode( body: unknown ): string | null {
	return body && typeof body === 'object' && 'code' in body
		? String( ( body as { code: unknown } ).code )
		: null;
}

/** A REST error body (JSON with a `code`) rather than a theme's 404 page. */
function isRestError( response: HttpDocument ): boolean {
	return restCode( parseJson( response ) ) !== null;
}
