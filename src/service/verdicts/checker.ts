/**
 * The backlink checker with the issue 9 verdict checks on top, shaped as
 * the check service's TargetChecker:
 *
 * - cloaking (ctx.cloaking): the target page fetched again with a browser
 *   User-Agent; the links to us compared; the result's `cloaking` holds
 *   both sets, each link's `seenBy` the fetches that saw it.
 * - rendered (ctx.rendered): the page rendered in Chromium (its requests
 *   answered by our guarded fetcher). Links only the rendered page has are
 *   real links their JavaScript inserts (search engines render too): they
 *   are added with seenBy ['rendered'] and make the status links-back.
 * - aliases: a link to one of our alternate URLs on another domain (a
 *   short domain) is resolved with a guarded GET; when it redirects to our
 *   main site the backlink says `viaRedirect: true`.
 */
import type {
	Backlink,
	BacklinkResult,
	ExtractedLink,
	SeenBy,
} from '../../core/schemas';
import {
	addCounts,
	boundResult,
	countLinks,
	linkCountsOf,
} from '../../core/their-links';
import { createSiteMatcher } from '../../core/url';
import {
	createInlineAnalyzer,
	type PageAnalyzer,
	type PageSource,
} from '../analysis';
import { createBacklinkChecker } from '../backlinks';
import type { TargetChecker, TargetCheckContext } from '../check-service';
import type { Fetcher } from '../fetch';
import { compareLinks, comparisonKey, markSeenBy } from './compare';
import { createRedirectResolver } from './redirects';
import { BROWSER_USER_AGENT, type Renderer } from './render';

/** Distinct alias hrefs resolved per check, at most (a hostile page has thousands). */
const MAX_ALIAS_RESOLUTIONS = 10;

export interface VerdictCheckerOptions {
	fetcher: Fetcher;
	/** For `rendered` checks; without one they report that they could not run. */
	renderer?: Renderer;
	/** Where pages are analysed (default: this thread); the caller closes it. */
	analyzer?: PageAnalyzer;
	now?: () => Date;
}

interface BrowserView {
	method: 'browser-ua' | 'rendered';
	/** Links to our site only. */
	links: ExtractedLink[];
	finalUrl: string;
	error: string | null;
}

function describe( outcome: Awaited< ReturnType< Fetcher[ 'fetchPage' ] > > ) {
	return outcome.kind === 'failed'
		? `${ outcome.status }: ${ outcome.detail }`
		: `HTTP ${ outcome.httpStatus }`;
}

export function createVerdictChecker(
	options: VerdictCheckerOptions
): TargetChecker & { close: () => Promise< void > } {
	const { fetcher } = options;
	const analyzer = options.analyzer ?? createInlineAnalyzer();
	const backlinks = createBacklinkChecker( {
		fetcher,
		analyzer,
		now: options.now,
	} );

	const redirects = createRedirectResolver( fetcher );

	/** What one browser-like view of the page saw of our links. */
	async function viewOf(
		method: BrowserView[ 'method' ],
		source: PageSource,
		finalUrl: string,
		ctx: TargetCheckContext
	): Promise< BrowserView > {
		try {
			const { links } = await analyzer.analyze( {
				...source,
				baseUrl: finalUrl,
				siteUrls: ctx.siteUrls,
			} );
			return { method, links, finalUrl, error: null };
		} catch ( error ) {
			return {
				method,
				links: [],
				finalUrl,
				error: error instanceof Error ? error.message : String( error ),
			};
		}
	}

	async function browserView(
		result: BacklinkResult,
		ctx: TargetCheckContext
	): Promise< BrowserView > {
		const url = result.page?.finalUrl ?? result.target;
		if ( ctx.rendered ) {
			const rendered = options.renderer
				? await options.renderer.render( url )
				: { ok: false as const, error: 'no renderer configured' };
			return rendered.ok
				? viewOf(
						'rendered',
						{ html: rendered.html },
						rendered.finalUrl,
						ctx
					)
				: {
						method: 'rendered',
						links: [],
						finalUrl: url,
						error: rendered.error,
					};
		}
		const outcome = await fetcher.fetchPage( url, {
			userAgent: BROWSER_USER_AGENT,
		} );
		return outcome.kind === 'ok'
			? viewOf(
					'browser-ua',
					{ body: outcome.body, charset: outcome.charset },
					outcome.finalUrl,
					ctx
				)
			: {
					method: 'browser-ua',
					links: [],
					finalUrl: url,
					error: describe( outcome ),
				};
	}

	async function withBrowserView(
		result: BacklinkResult,
		ctx: TargetCheckContext,
		botLinks: readonly Backlink[] | null
	): Promise< BacklinkResult > {
		if (
			result.status === 'invalid-url' ||
			result.status === 'refused-unsafe-address'
		) {
			return result;
		}
		const matcher = createSiteMatcher( ctx.siteUrls );
		const view = await browserView( result, ctx );
		// All the links our crawler saw on the page, not only those the
		// result keeps (a page may hold thousands of links to us).
		const botOnPage =
			botLinks ??
			result.links.filter( ( link ) => link.foundOn === 'target-page' );
		const comparison = compareLinks( botOnPage, view.links );
		const seen = new Set( comparison.browserLinks );
		let links = markSeenBy( result.links, seen, view.method );
		let status = result.status;
		if ( view.method === 'rendered' && view.error === null ) {
			// Links their JavaScript inserts: real links, seen only rendered.
			const known = new Set( botOnPage.map( comparisonKey ) );
			const added: Backlink[] = [];
			for ( const link of view.links ) {
				const key = comparisonKey( link );
				if ( known.has( key ) ) {
					continue;
				}
				known.add( key );
				const base = result.links.find( ( l ) => l.href === link.href );
				added.push( {
					...link,
					pageUrl: view.finalUrl,
					foundOn: 'target-page',
					anchorClass: base?.anchorClass ?? 'other',
					toHomepage: matcher.isOurHomepage( link.href ),
					seenBy: [ 'rendered' ],
				} );
			}
			links = [ ...links, ...added ];
			if ( added.length > 0 && status === 'no-link' ) {
				status = 'links-back';
			}
		}
		const counted =
			links.length > 0
				? {
						linkCounts: addCounts(
							linkCountsOf( result ),
							countLinks( links.slice( result.links.length ) )
						),
					}
				: {};
		return boundResult( {
			...result,
			status,
			links,
			...counted,
			cloaking: {
				method: view.method,
				botLinks: comparison.botLinks,
				browserLinks: comparison.browserLinks,
				differs: view.error === null && comparison.differs,
				error: view.error,
			},
		} );
	}

	/** Marks links to an alias of ours that redirects to our main site. */
	async function withRedirectAliases(
		result: BacklinkResult,
		ctx: TargetCheckContext
	): Promise< BacklinkResult > {
		if ( ctx.siteUrls.length < 2 || result.links.length === 0 ) {
			return result;
		}
		const main = createSiteMatcher( ctx.siteUrls.slice( 0, 1 ) );
		const aliasHrefs = [
			...new Set(
				result.links
					.map( ( link ) => link.href )
					.filter( ( href ) => ! main.isOurs( href ) )
			),
		].slice( 0, MAX_ALIAS_RESOLUTIONS );
		if ( aliasHrefs.length === 0 ) {
			return result;
		}
		const viaRedirect = new Map< string, boolean >();
		await Promise.all(
			aliasHrefs.map( async ( href ) => {
				viaRedirect.set(
					href,
					await redirects.redirectsToUs( href, main )
				);
			} )
		);
		return {
			...result,
			links: result.links.map( ( link ) =>
				viaRedirect.has( link.href )
					? { ...link, viaRedirect: viaRedirect.get( link.href ) }
					: link
			),
		};
	}

	return {
		async checkTarget( target, ctx ) {
			let botLinks: readonly Backlink[] | null = null;
			let result = await backlinks.checkTarget( target, {
				...ctx,
				previous: ctx.previous?.result ?? null,
				onTargetPageLinks:
					ctx.cloaking || ctx.rendered
						? ( links ) => {
								botLinks = links;
							}
						: undefined,
			} );
			if ( ctx.cloaking || ctx.rendered ) {
				result = await withBrowserView( result, ctx, botLinks );
			} else {
				const plain: SeenBy[] = [ 'http' ];
				result = {
					...result,
					links: result.links.map( ( link ) => ( {
						...link,
						seenBy: link.seenBy ?? plain,
					} ) ),
				};
			}
			return withRedirectAliases( result, ctx );
		},
		createBatch: () => backlinks.createBatch(),
		async close() {
			await redirects.close();
			await options.renderer?.close();
		},
	};
}
