/**
 * The memos of evaluatePost (issue 20): the editor evaluates a post again
 * for every batch of check results; with them, each partner page is
 * assessed once per post text and each anchor analysed once while its
 * inputs stay the same, and the findings are the same as without.
 */
import { prepareText } from '../../src/core/relevance';
import { evaluatePost } from '../../src/core/rules';
import {
	createAnchorMemo,
	type AnchorMemo,
} from '../../src/core/rules/anchor-memo';
import { createRelevanceMemo } from '../../src/core/rules/relevance-memo';
import type { BacklinkResult, ExtractedLink } from '../../src/core/schemas';
import { PAGES, POSTS } from './fixtures/relevance-texts';
import { SETTINGS, page, post, reciprocal } from './fixtures/rules';

function pageOf( target: string, text: string ) {
	const [ title, h1, ...rest ] = text.split( '\n' );
	return page( target, { title, h1, textSample: rest.join( '\n' ) } );
}

/** Reciprocal partners, each on its own host, with pages of the given texts. */
function partners( texts: string[] ) {
	return texts.map( ( text, i ) => {
		const href = `https://partner-${ i }.example/page`;
		const pair = reciprocal( {
			href,
			text: `partner ${ i }`,
			position: i / texts.length,
		} );
		pair.result.page = pageOf( href, text );
		return pair;
	} );
}

function counting() {
	const seen: string[] = [];
	return {
		seen,
		prepare: ( text: string ) => {
			seen.push( text );
			return prepareText( text );
		},
	};
}

const TEXTS = [
	PAGES.casino,
	PAGES.runningShop,
	PAGES.cryptoExchange,
	PAGES.keukenwinkel,
];

describe( 'createRelevanceMemo', () => {
	it( 'gives the same findings as an evaluation without it', () => {
		const pairs = partners( TEXTS );
		const links: ExtractedLink[] = pairs.map( ( p ) => p.link );
		const results: BacklinkResult[] = pairs.map( ( p ) => p.result );
		const memo = createRelevanceMemo();
		const input = post( links, results );
		const plain = evaluatePost( input, SETTINGS );
		expect( plain.map( ( f ) => f.code ) ).toContain( 'off-topic-partner' );
		// Twice through the memo: assessed, then remembered.
		expect( evaluatePost( input, SETTINGS, { relevance: memo } ) ).toEqual(
			plain
		);
		expect( evaluatePost( input, SETTINGS, { relevance: memo } ) ).toEqual(
			plain
		);
	} );

	it( 'assesses only the pages of new results when the post is evaluated again', () => {
		const pairs = partners( TEXTS );
		const { seen, prepare } = counting();
		const memo = createRelevanceMemo( { prepareText: prepare } );
		const links = pairs.map( ( p ) => p.link );
		// Results arrive in two batches, as they do in the editor.
		evaluatePost(
			post(
				links,
				pairs.slice( 0, 2 ).map( ( p ) => p.result )
			),
			SETTINGS,
			{ relevance: memo }
		);
		expect( seen ).toHaveLength( 2 );
		evaluatePost(
			post(
				links,
				pairs.map( ( p ) => p.result )
			),
			SETTINGS,
			{ relevance: memo }
		);
		expect( seen ).toHaveLength( 4 );
		expect( new Set( seen ).size ).toBe( 4 );
		// The assessments themselves are remembered, not made again.
		const page0 = pairs[ 0 ].result.page!;
		const text = POSTS.runningShoes;
		expect( memo.knows( page0, text, '', SETTINGS.minRelevance ) ).toBe(
			true
		);
		const first = memo.ofPage( page0, text, '', SETTINGS.minRelevance );
		expect( first ).not.toBeNull();
		expect( memo.ofPage( page0, text, '', SETTINGS.minRelevance ) ).toBe(
			first
		);
	} );

	it( 'assesses again for a new post text, keeping the pages prepared', () => {
		const pairs = partners( TEXTS.slice( 0, 2 ) );
		const { seen, prepare } = counting();
		const memo = createRelevanceMemo( { prepareText: prepare } );
		const links = pairs.map( ( p ) => p.link );
		const results = pairs.map( ( p ) => p.result );
		const running = evaluatePost( post( links, results ), SETTINGS, {
			relevance: memo,
		} );
		const cooking = evaluatePost(
			post( links, results, { postText: POSTS.kookblog } ),
			SETTINGS,
			{ relevance: memo }
		);
		// Pages prepared once; the verdicts follow the post text.
		expect( seen ).toHaveLength( 2 );
		expect( cooking ).toEqual(
			evaluatePost(
				post( links, results, { postText: POSTS.kookblog } ),
				SETTINGS
			)
		);
		expect( cooking ).not.toEqual( running );
		const page0 = results[ 0 ].page!;
		expect(
			memo.knows( page0, POSTS.kookblog, '', SETTINGS.minRelevance )
		).toBe( true );
		expect(
			memo.knows( page0, POSTS.runningShoes, '', SETTINGS.minRelevance )
		).toBe( false );
		// Another threshold is another verdict, not a remembered one.
		const strict = { ...SETTINGS, minRelevance: 0.9 };
		expect(
			evaluatePost(
				post( links, results, { postText: POSTS.kookblog } ),
				strict,
				{ relevance: memo }
			)
		).toEqual(
			evaluatePost(
				post( links, results, { postText: POSTS.kookblog } ),
				strict
			)
		);
	} );
} );

describe( 'createAnchorMemo', () => {
	function counted() {
		const memo = createAnchorMemo();
		const computed: string[] = [];
		const anchors: AnchorMemo = {
			of: ( link, facts, keywords, settings, compute ) =>
				memo.of( link, facts, keywords, settings, () => {
					computed.push( link.href );
					return compute();
				} ),
		};
		return { anchors, computed };
	}

	it( 'analyses an anchor again only when its page, the keywords or the settings change', () => {
		const pairs = partners( TEXTS );
		const links = pairs.map( ( p ) => p.link );
		const { anchors, computed } = counted();
		const firstTwo = post(
			links,
			pairs.slice( 0, 2 ).map( ( p ) => p.result )
		);
		const all = post(
			links,
			pairs.map( ( p ) => p.result )
		);
		expect( evaluatePost( firstTwo, SETTINGS, { anchors } ) ).toEqual(
			evaluatePost( firstTwo, SETTINGS )
		);
		expect( computed ).toHaveLength( 4 );
		// Results for the other two: only their anchors are analysed again.
		expect( evaluatePost( all, SETTINGS, { anchors } ) ).toEqual(
			evaluatePost( all, SETTINGS )
		);
		expect( computed.slice( 4 ) ).toEqual( [
			links[ 2 ].href,
			links[ 3 ].href,
		] );
		// A focus keyphrase changes every anchor's keywords.
		const focused = { ...all, focusKeyphrase: 'partner 1' };
		expect( evaluatePost( focused, SETTINGS, { anchors } ) ).toEqual(
			evaluatePost( focused, SETTINGS )
		);
		expect( computed ).toHaveLength( 10 );
	} );
} );
