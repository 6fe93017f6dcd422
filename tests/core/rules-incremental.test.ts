/**
 * The incremental evaluator (src/core/rules/incremental.ts) gives what
 * evaluatePost gives, finding for finding and in the same order, over
 * random sequences of check results and edits; and it recomputes only the
 * links whose result changed (issue 20).
 */
import fc from 'fast-check';
import {
	HIDDEN_REASONS,
	PLACEMENTS,
	type BacklinkResult,
	type ExtractedLink,
	type SiteStats,
} from '../../src/core/schemas';
import { evaluatePost, type PostAnalysisInput } from '../../src/core/rules';
import { createAnchorMemo } from '../../src/core/rules/anchor-memo';
import { createPostEvaluator } from '../../src/core/rules/incremental';
import { createRelevanceMemo } from '../../src/core/rules/relevance-memo';
import { urlKey } from '../../src/core/url';
import {
	SETTINGS,
	SITE,
	SITE_URLS,
	ourLink,
	page,
	result,
	theirLink,
} from './fixtures/rules';
import { PAGES, POSTS } from './fixtures/relevance-texts';

/** Targets that share keys (www, trailing slash, tracking) and one of ours. */
const HREFS = [
	'https://partner.example/shoes',
	'https://www.partner.example/shoes/',
	'https://partner.example/shoes?utm_source=x',
	'https://other.example/',
	'https://third.example/pricing',
	'https://fourth.example/blog/post',
	'https://fifth.example/',
	'https://www.hardloopblog.nl/intern',
];

const linkArb: fc.Arbitrary< ExtractedLink > = fc
	.record( {
		href: fc.constantFrom( ...HREFS ),
		text: fc.constantFrom(
			'hardloopschoenen',
			'klik hier',
			'Stride',
			'running shoes',
			'this guide to cushioned trainers'
		),
		rel: fc.subarray( [ 'nofollow', 'sponsored', 'noopener' ] ),
		placement: fc.constantFrom( ...PLACEMENTS ),
		hidden: fc.option( fc.constantFrom( ...HIDDEN_REASONS ) ),
		isImage: fc.boolean(),
		block: fc.nat( 4 ),
		heading: fc.option( fc.constantFrom( 'Partners', 'Shoes' ) ),
		inList: fc.boolean(),
		position: fc.double( { min: 0, max: 1, noNaN: true } ),
		contextChars: fc.option( fc.nat( 80 ), { nil: undefined } ),
	} )
	.map( ( fields ) => ourLink( fields ) );

const resultArb = ( target: string ): fc.Arbitrary< BacklinkResult | null > =>
	fc.oneof(
		fc.constant( null ),
		fc.constant( result( target, [], { status: 'blocked-by-robots' } ) ),
		fc.constant( result( target, [] ) ),
		fc
			.record( {
				theirs: fc.array(
					fc.record( {
						text: fc.constantFrom(
							'hardloopschoenen',
							'Stride',
							'Hardloopblog',
							'running shoes'
						),
						placement: fc.constantFrom( ...PLACEMENTS ),
						hidden: fc.option(
							fc.constantFrom( ...HIDDEN_REASONS )
						),
						foundOn: fc.constantFrom(
							'target-page' as const,
							'homepage' as const
						),
						toHomepage: fc.boolean(),
						rel: fc.subarray( [ 'nofollow', 'ugc' ] ),
					} ),
					{ minLength: 1, maxLength: 3 }
				),
				offTopic: fc.boolean(),
			} )
			.map( ( { theirs, offTopic } ) =>
				result(
					target,
					theirs.map( ( t ) =>
						theirLink( target, {
							...t,
							href: t.toHomepage ? SITE : `${ SITE }post/`,
						} )
					),
					offTopic
						? {
								page: page( target, {
									title: 'Casino bonus codes',
									h1: 'Casino bonus',
									textSample: PAGES.casino,
								} ),
							}
						: {}
				)
			)
	);

type Step =
	| { kind: 'result'; href: number; result: BacklinkResult | null }
	| { kind: 'links'; links: ExtractedLink[] }
	| { kind: 'text'; text: string }
	| { kind: 'stats'; stats: SiteStats | undefined }
	| { kind: 'same' };

const stepArb: fc.Arbitrary< Step > = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.nat( HREFS.length - 1 ).chain( ( href ) =>
			resultArb( HREFS[ href ] ).map( ( r ): Step => ( {
				kind: 'result',
				href,
				result: r,
			} ) )
		),
	},
	{
		weight: 1,
		arbitrary: fc
			.array( linkArb, { maxLength: 10 } )
			.map( ( links ): Step => ( { kind: 'links', links } ) ),
	},
	{
		weight: 1,
		arbitrary: fc
			.constantFrom( POSTS.runningShoes, 'Casino tips', '' )
			.map( ( text ): Step => ( { kind: 'text', text } ) ),
	},
	{
		weight: 1,
		arbitrary: fc
			.option(
				fc.record( {
					outboundDomains: fc.nat( 40 ),
					reciprocalPartners: fc.nat( 30 ),
					newReciprocalPartners: fc.nat( 10 ),
				} ),
				{ nil: undefined }
			)
			.map( ( stats ): Step => ( { kind: 'stats', stats } ) ),
	},
	{ weight: 1, arbitrary: fc.constant< Step >( { kind: 'same' } ) }
);

describe( 'createPostEvaluator', () => {
	it( 'gives what evaluatePost gives over random results and edits', () => {
		fc.assert(
			fc.property(
				fc.array( linkArb, { minLength: 1, maxLength: 10 } ),
				fc.array( stepArb, { minLength: 1, maxLength: 8 } ),
				fc.boolean(),
				fc.option( fc.integer( { min: 1, max: 4 } ), {
					nil: undefined,
				} ),
				( links, steps, withMemos, linksPerSlice ) => {
					const evaluator = createPostEvaluator();
					const options = withMemos
						? {
								relevance: createRelevanceMemo(),
								anchors: createAnchorMemo(),
							}
						: {};
					let input: PostAnalysisInput = {
						siteUrls: SITE_URLS,
						postText: POSTS.runningShoes,
						links,
						backlinks: {},
					};
					for ( const step of steps ) {
						if ( step.kind === 'result' ) {
							const backlinks = { ...input.backlinks };
							const key = urlKey( HREFS[ step.href ] );
							if ( step.result ) {
								backlinks[ key ] = step.result;
							} else {
								delete backlinks[ key ];
							}
							input = { ...input, backlinks };
						} else if ( step.kind === 'links' ) {
							input = { ...input, links: step.links };
						} else if ( step.kind === 'text' ) {
							input = { ...input, postText: step.text };
						} else if ( step.kind === 'stats' ) {
							input = { ...input, siteStats: step.stats };
						} else {
							input = { ...input };
						}
						if ( linksPerSlice !== undefined ) {
							// Prepared in slices of a few links first.
							let slices = 0;
							let budget = 0;
							const more = () => --budget > 0;
							do {
								budget = linksPerSlice;
								slices++;
							} while (
								! evaluator.prepare(
									input,
									SETTINGS,
									options,
									more
								) &&
								slices < 100
							);
						}
						expect(
							evaluator.evaluate( input, SETTINGS, options )
						).toEqual( evaluatePost( input, SETTINGS ) );
					}
				}
			),
			{ numRuns: 100 }
		);
	} );

	/** 30 links to 10 partners (3 pages each), some in a trailing list. */
	function bigPost(): ExtractedLink[] {
		return Array.from( { length: 30 }, ( _, i ) =>
			ourLink( {
				href: `https://partner-${ i % 10 }.example/page-${ i % 3 }`,
				text: i % 4 === 0 ? 'hardloopschoenen' : `partner page ${ i }`,
				block: Math.floor( i / 5 ),
				inList: i >= 25,
				position: i / 30,
			} )
		);
	}

	it( 'recomputes only the links whose result changed, keeping the other findings as they were', () => {
		const links = bigPost();
		const evaluator = createPostEvaluator();
		const backlinks: Record< string, BacklinkResult > = {};
		const input = (): PostAnalysisInput => ( {
			siteUrls: SITE_URLS,
			postText: POSTS.runningShoes,
			links,
			backlinks: { ...backlinks },
		} );
		const backTo = ( href: string ) =>
			result( href, [ theirLink( href, { text: 'running shoes' } ) ] );
		for ( let p = 0; p < 5; p++ ) {
			const href = `https://partner-${ p }.example/page-${ p % 3 }`;
			backlinks[ urlKey( href ) ] = backTo( href );
		}
		const before = evaluator.evaluate( input(), SETTINGS );
		expect( evaluator.recomputed ).toBe( 30 );

		// One new result: partner-7's page-1 is linked once (i = 7).
		const href = 'https://partner-7.example/page-1';
		backlinks[ urlKey( href ) ] = backTo( href );
		const after = evaluator.evaluate( input(), SETTINGS );
		expect( evaluator.recomputed ).toBe( 1 );
		expect( after ).toEqual( evaluatePost( input(), SETTINGS ) );
		// Every finding about another link is the very same object.
		const others = after.filter( ( f ) => f.linkUrl !== href );
		for ( const finding of others.filter( ( f ) => f.linkUrl ) ) {
			expect( before ).toContain( finding );
		}
		expect( after.some( ( f ) => f.linkUrl === href ) ).toBe( true );

		// Nothing changed: nothing recomputed.
		evaluator.evaluate( input(), SETTINGS );
		expect( evaluator.recomputed ).toBe( 0 );

		// Prepared ahead, a link per call: evaluate computes nothing more.
		const next = input();
		const another = 'https://partner-8.example/page-2';
		next.backlinks[ urlKey( another ) ] = backTo( another );
		let calls = 1;
		while ( ! evaluator.prepare( next, SETTINGS, {}, () => false ) ) {
			calls++;
		}
		// One call per link, the last one finding nothing left.
		expect( calls ).toBe( links.length );
		expect( evaluator.recomputed ).toBe( 1 );
		expect( evaluator.evaluate( next, SETTINGS ) ).toEqual(
			evaluatePost( next, SETTINGS )
		);
		expect( evaluator.recomputed ).toBe( 1 );
	} );

	it( 'starts afresh when the links, the text or the settings change', () => {
		const evaluator = createPostEvaluator();
		const base: PostAnalysisInput = {
			siteUrls: SITE_URLS,
			postText: POSTS.runningShoes,
			links: bigPost(),
			backlinks: {},
		};
		evaluator.evaluate( base, SETTINGS );
		evaluator.evaluate( { ...base, links: bigPost() }, SETTINGS );
		expect( evaluator.recomputed ).toBe( 30 );
		evaluator.evaluate( { ...base, postText: 'Other text' }, SETTINGS );
		expect( evaluator.recomputed ).toBe( 30 );
		evaluator.evaluate(
			{ ...base, postText: 'Other text' },
			{
				...SETTINGS,
			}
		);
		expect( evaluator.recomputed ).toBe( 30 );
	} );
} );
