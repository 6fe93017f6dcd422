/**
 * The demo's world for scenario tests: the eight partner sites of `npm
 * start` (scripts/demo/partners.js) on a local port, checked through the
 * real fetcher and backlink checker (reached by name through a --resolve
 * map, as the service does), and our posts judged by the core rules with
 * the demo's settings — the same path a WordPress post takes through the
 * service, without WordPress.
 */
import { analyzeHtml } from '../../src/core/extract';
import type { Finding } from '../../src/core/findings';
import { evaluatePost } from '../../src/core/rules';
import type { BacklinkResult } from '../../src/core/schemas';
import { SettingsSchema, type Settings } from '../../src/core/settings';
import { createSiteMatcher, normalizeUrl, urlKey } from '../../src/core/url';
import { createBacklinkChecker } from '../../src/service/backlinks';
import { createFetcher } from '../../src/service/fetch';
import { parseResolveMap } from '../../src/service/fetch/resolve-map';
import {
	KEYWORDS,
	startPartners,
	type RunningPartners,
} from '../../scripts/demo/partners';
import { demoPosts, type DemoPost } from '../../scripts/demo/seed';

/** Our WordPress as `npm start` runs it (never fetched: only named). */
export const HOME = 'http://localhost:8888/';
export const postUrl = ( slug: string ) => `http://localhost:8888/${ slug }/`;

/** The demo's settings (scripts/demo/seed.js). */
export const DEMO_SETTINGS: Settings = SettingsSchema.parse( {
	keywords: KEYWORDS,
	brandTerms: [ 'De Moestuinier', 'Moestuinier' ],
} );

export interface PostToJudge {
	title: string;
	/** Block markup or HTML of the post's content. */
	html: string;
	/** The page the links are on (our homepage makes a homepage link). */
	url?: string;
	/** The site's other posts (title and text), as a scan knows them. */
	siteText?: string;
}

export interface Judgement {
	findings: Finding[];
	/** Findings about our links to `host`. */
	about: ( host: string ) => Finding[];
	results: Record< string, BacklinkResult >;
}

export interface DemoWorld {
	partners: RunningPartners;
	/** URL of a partner page ("casinobonus.test", "/vrienden/"). */
	partner: ( host: string, path?: string ) => string;
	/** The three demo posts, as seeded. */
	posts: DemoPost[];
	/** The demo posts' titles and text: the site's topic, as a scan sees it. */
	siteText: string;
	judge: ( post: PostToJudge ) => Promise< Judgement >;
	close: () => Promise< void >;
}

function textOf( html: string, url: string ): string {
	return analyzeHtml( html, url, { fragment: true } ).facts.textSample;
}

export async function startDemoWorld(): Promise< DemoWorld > {
	const partners = await startPartners( {
		port: 0,
		ours: { home: HOME, post: postUrl },
	} );
	const fetcher = createFetcher( {
		resolveMap: parseResolveMap( partners.resolveEntries ),
		maxRetries: 0,
	} );
	const checker = createBacklinkChecker( { fetcher } );
	const matcher = createSiteMatcher( [ HOME ] );
	const partner = ( host: string, path = '/' ) => partners.url( host, path );
	const posts = demoPosts( partner );
	const siteText = posts
		.map(
			( p ) => `${ p.title }\n${ textOf( p.content, postUrl( p.slug ) ) }`
		)
		.join( '\n' );
	const cache = new Map< string, BacklinkResult >();

	const judge = async ( post: PostToJudge ): Promise< Judgement > => {
		const url = post.url ?? postUrl( 'new-post' );
		const { links, facts } = analyzeHtml( post.html, url, {
			fragment: true,
		} );
		const targets = [
			...new Set(
				links
					.map( ( link ) => normalizeUrl( link.href ) )
					.filter(
						( href ): href is string =>
							href !== null && ! matcher.isOurs( href )
					)
			),
		];
		const unchecked = targets.filter( ( t ) => ! cache.has( urlKey( t ) ) );
		const checked = await checker.checkTargets( unchecked, {
			siteUrls: [ HOME ],
			keywords: DEMO_SETTINGS.keywords,
			brandTerms: DEMO_SETTINGS.brandTerms,
			homepage: true,
			partialMatchShare: DEMO_SETTINGS.partialMatchShare,
		} );
		for ( const result of checked ) {
			cache.set( urlKey( result.target ), result );
		}
		const results: Record< string, BacklinkResult > = {};
		for ( const target of targets ) {
			results[ urlKey( target ) ] = cache.get( urlKey( target ) )!;
		}
		const findings = evaluatePost(
			{
				siteUrls: [ HOME ],
				postUrl: url,
				postText: `${ post.title }\n${ facts.textSample }`,
				siteText: post.siteText,
				links,
				backlinks: results,
			},
			DEMO_SETTINGS
		);
		return {
			findings,
			about: ( host ) =>
				findings.filter(
					( f ) =>
						f.linkUrl !== undefined &&
						new URL( f.linkUrl ).hostname === host
				),
			results,
		};
	};

	return {
		partners,
		partner,
		posts,
		siteText,
		judge,
		close: async () => {
			await fetcher.close();
			await partners.close();
		},
	};
}
