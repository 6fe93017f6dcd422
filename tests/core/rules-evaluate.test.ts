/**
 * evaluatePost end to end: whole posts with several links, as the editor and
 * the scan hand them over, against the severities the README promises.
 */
import fc from 'fast-check';
import { FindingSchema, type Finding } from '../../src/core/findings';
import {
	HIDDEN_REASONS,
	PLACEMENTS,
	type ExtractedLink,
} from '../../src/core/schemas';
import { evaluatePost, evaluateSite } from '../../src/core/rules';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import {
	SETTINGS,
	SITE,
	ourLink,
	post,
	reciprocal,
	result,
	theirLink,
} from './fixtures/rules';

function summary( findings: Finding[] ): string[] {
	return findings.map(
		( f ) =>
			`${ f.severity } ${ f.code }${ f.linkUrl ? ' ' + f.linkUrl : '' }`
	);
}

describe( 'evaluatePost', () => {
	it( 'keeps a single natural in-content exchange with varied anchors at info', () => {
		const { link, result: r } = reciprocal(
			{ text: 'the cushioned trainers Stride recommends' },
			{ text: 'Joost explains how he picks marathon shoes' }
		);
		const findings = evaluatePost( post( [ link ], [ r ] ), SETTINGS );
		expect( summary( findings ) ).toEqual( [
			`info reciprocal-link ${ link.href }`,
			`info followed-both-ways ${ link.href }`,
		] );
	} );

	it( 'calls a footer swap with exact-match anchors critical', () => {
		const partners = [ 0, 1, 2 ].map( ( i ) =>
			ourLink( {
				href: `https://partner-${ i }.example/`,
				text: i === 0 ? 'running shoes' : `Partner ${ i }`,
				inList: true,
				block: 30 + i,
				heading: 'Partners',
				position: 0.9 + i * 0.03,
			} )
		);
		const swapped = result( partners[ 0 ].href, [
			theirLink( partners[ 0 ].href, {
				href: SITE,
				toHomepage: true,
				text: 'hardloopschoenen',
				placement: 'footer',
				foundOn: 'homepage',
				pageUrl: partners[ 0 ].href,
			} ),
		] );
		const findings = evaluatePost(
			post( [ ourLink(), ...partners ], [ swapped ] ),
			SETTINGS
		);
		const critical = findings
			.filter( ( f ) => f.severity === 'critical' )
			.map( ( f ) => f.code )
			.sort();
		// A partners list in a post is no homepage swap (our end is a post,
		// not our homepage or template), however much else it is.
		expect( critical ).toEqual( [
			'boilerplate-backlink',
			'exact-match-anchor-both',
			'footer-placement-ours',
		] );
		expect(
			findings.find( ( f ) => f.code === 'followed-both-ways' )
		).toMatchObject( {
			severity: 'warning',
			params: {
				signals: [ 'exact-match', 'boilerplate', 'footer-placement' ],
			},
		} );
		// The other partners of the list are flagged too, as local findings.
		expect(
			findings
				.filter( ( f ) => f.code === 'footer-placement-ours' )
				.map( ( f ) => [ f.linkUrl, f.severity ] )
		).toEqual( [
			[ 'https://partner-0.example/', 'critical' ],
			[ 'https://partner-1.example/', 'info' ],
			[ 'https://partner-2.example/', 'info' ],
		] );
	} );

	it( 'lists findings by link position, most severe first, each once', () => {
		const late = reciprocal(
			{
				position: 0.8,
				text: 'hardloopschoenen',
				href: 'https://late.example/a',
			},
			{ placement: 'sidebar' }
		);
		const early = ourLink( {
			position: 0.1,
			text: 'klik hier',
			href: 'https://early.example/',
		} );
		const repeated = { ...early, position: 0.2 };
		const findings = evaluatePost(
			post( [ early, repeated, late.link ], [ late.result ] ),
			SETTINGS
		);
		const urls = findings.map( ( f ) => f.linkUrl );
		expect( urls.indexOf( 'https://late.example/a' ) ).toBeGreaterThan(
			urls.lastIndexOf( 'https://early.example/' )
		);
		expect(
			findings.filter( ( f ) => f.code === 'generic-anchor' )
		).toHaveLength( 1 );
		const lateSeverities = findings
			.filter( ( f ) => f.linkUrl === 'https://late.example/a' )
			.map( ( f ) => f.severity );
		expect( lateSeverities ).toEqual(
			[ ...lateSeverities ].sort(
				( a, b ) =>
					[ 'critical', 'warning', 'info' ].indexOf( a ) -
					[ 'critical', 'warning', 'info' ].indexOf( b )
			)
		);
	} );

	it( 'produces only contract-valid findings: codes and params, no sentences', () => {
		const { link, result: r } = reciprocal(
			{
				text: 'hardloopschoenen',
				hidden: 'off-screen',
				heading: 'Sponsors',
			},
			{
				placement: 'footer',
				hidden: 'display-none',
				text: 'running shoes',
			}
		);
		const findings = evaluatePost( post( [ link ], [ r ] ), SETTINGS );
		expect( findings.length ).toBeGreaterThan( 5 );
		for ( const finding of findings ) {
			expect( FindingSchema.parse( finding ) ).toEqual( finding );
			expect( Object.keys( finding ) ).not.toContain( 'message' );
		}
	} );

	it( 'accepts settings input and fills defaults', () => {
		const link = ourLink( { text: 'Read more' } );
		expect(
			evaluatePost( post( [ link ] ), {} ).map( ( f ) => f.code )
		).toEqual( [ 'generic-anchor' ] );
		expect( DEFAULT_SETTINGS.keywords ).toEqual( [] );
	} );

	it( 'survives garbage without throwing', () => {
		const junk = ourLink( { href: 'javascript:void(0)', text: '' } );
		expect(
			evaluatePost(
				{
					siteUrls: [ 'not a url' ],
					postText: '',
					links: [ junk ],
					backlinks: { '': result( 'nonsense', [] ) },
				},
				SETTINGS
			)
		).toEqual( [] );
	} );
} );

describe( 'evaluatePost on arbitrary input', () => {
	const href = fc.oneof(
		fc.constantFrom(
			'https://partner.example/',
			'https://partner.example/page',
			'http://www.hardloopblog.nl/',
			'https://münchen.de/',
			'javascript:void(0)',
			''
		),
		fc.webUrl(),
		fc.string()
	);
	const link: fc.Arbitrary< ExtractedLink > = fc.record( {
		href,
		text: fc.oneof(
			fc.string(),
			fc.constantFrom( 'hardloopschoenen', 'klik hier', 'Stride' )
		),
		rel: fc.array(
			fc.constantFrom( 'nofollow', 'sponsored', 'ugc', 'noopener' )
		),
		placement: fc.constantFrom( ...PLACEMENTS ),
		hidden: fc.option( fc.constantFrom( ...HIDDEN_REASONS ) ),
		isImage: fc.boolean(),
		block: fc.nat( 5 ),
		heading: fc.option(
			fc.oneof( fc.string(), fc.constantFrom( 'Partners', 'Blogroll' ) )
		),
		inList: fc.boolean(),
		position: fc.double( { min: 0, max: 1, noNaN: true } ),
	} );

	it( 'never throws and returns only contract-valid findings', () => {
		expect( () =>
			fc.assert(
				fc.property(
					fc.array( link, { maxLength: 12 } ),
					fc.array(
						fc.tuple(
							fc.nat( 11 ),
							fc.array( link, { maxLength: 3 } )
						),
						{
							maxLength: 6,
						}
					),
					fc.string(),
					( links, backs, text ) => {
						const results = backs
							.filter( ( [ i ] ) => i < links.length )
							.map( ( [ i, theirs ] ) =>
								result(
									links[ i ].href,
									theirs.map( ( t ) =>
										theirLink( links[ i ].href, {
											...t,
											href: SITE,
										} )
									)
								)
							);
						const findings = evaluatePost(
							post( links, results, { postText: text } ),
							SETTINGS
						);
						for ( const finding of findings ) {
							FindingSchema.parse( finding );
						}
					}
				),
				{ numRuns: 300 }
			)
		).not.toThrow();
	} );
} );

describe( 'evaluateSite', () => {
	it( 'returns both site-wide findings for an exchange-heavy site', () => {
		expect(
			evaluateSite(
				{
					outboundDomains: 40,
					reciprocalPartners: 25,
					newReciprocalPartners: 9,
				},
				SETTINGS
			).map( ( f ) => `${ f.severity } ${ f.code }` )
		).toEqual( [
			'critical too-many-partners',
			'critical exchange-velocity',
		] );
	} );
} );
