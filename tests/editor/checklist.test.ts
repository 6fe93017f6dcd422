import { DEFAULT_SETTINGS, type Finding } from '../../src/core';
import {
	LINE_ONLY_WHEN_FOUND,
	POST_RULE_CODES,
	buildChecklist,
} from '../../src/editor/analysis/checklist';
import {
	blockingFindings,
	codesByPartner,
} from '../../src/editor/analysis/blocking';
import {
	fixesFor,
	fixesForLink,
	patternEditUrl,
} from '../../src/editor/analysis/fixes';
import { editorLink } from './fixtures';

const finding = (
	code: Finding[ 'code' ],
	severity: Finding[ 'severity' ]
): Finding => ( {
	code,
	severity,
	linkUrl: 'https://partner.example/',
	params: {},
} );

describe( 'buildChecklist', () => {
	it( 'has a line per post rule and none for the site-wide rules or the info-only reciprocal-link', () => {
		const lines = buildChecklist( [], POST_RULE_CODES, true );
		const codes = lines.map( ( l ) => l.code );
		expect( codes ).toHaveLength(
			POST_RULE_CODES.length - LINE_ONLY_WHEN_FOUND.length
		);
		expect( codes ).not.toContain( 'cloaked-backlink' );
		// The graph needs the partners' pages read: no "pass" nobody checked.
		expect( codes ).not.toContain( 'link-ring' );
		expect( codes ).not.toContain( 'partner-network' );
		expect( codes ).not.toContain( 'shared-footprint' );
		expect( codes ).toContain( 'link-context' );
		expect( codes ).toContain( 'weak-destination' );
		expect( codes ).not.toContain( 'too-many-partners' );
		expect( codes ).not.toContain( 'reciprocal-link' );
		expect( lines.every( ( l ) => l.state === 'pass' ) ).toBe( true );
	} );

	it( 'has a line for a graph finding once one is found', () => {
		const lines = buildChecklist(
			[ finding( 'link-ring', 'warning' ) ],
			POST_RULE_CODES,
			true
		);
		expect( lines[ 0 ] ).toMatchObject( {
			code: 'link-ring',
			state: 'warning',
		} );
	} );

	it( 'shows the worst severity of a rule and sorts problems first', () => {
		const lines = buildChecklist(
			[
				finding( 'generic-anchor', 'warning' ),
				finding( 'homepage-swap', 'critical' ),
				finding( 'generic-anchor', 'critical' ),
			],
			POST_RULE_CODES,
			true
		);
		expect(
			lines.slice( 0, 2 ).map( ( l ) => [ l.code, l.state ] )
		).toEqual( [
			[ 'generic-anchor', 'critical' ],
			[ 'homepage-swap', 'critical' ],
		] );
		expect( lines[ 0 ].findings ).toHaveLength( 2 );
		expect( lines[ 2 ].state ).toBe( 'pass' );
	} );

	it( 'does not pass the one-sided exact-match lines beside a "both ways" finding', () => {
		const codes = ( findings: Parameters< typeof buildChecklist >[ 0 ] ) =>
			buildChecklist( findings, POST_RULE_CODES, true ).map( ( l ) => [
				l.code,
				l.state,
			] );
		const both = codes( [
			finding( 'exact-match-anchor-both', 'critical' ),
		] );
		expect( both ).toContainEqual( [
			'exact-match-anchor-both',
			'critical',
		] );
		expect( both.map( ( [ code ] ) => code ) ).not.toContain(
			'exact-match-anchor-ours'
		);
		expect( both.map( ( [ code ] ) => code ) ).not.toContain(
			'exact-match-anchor-theirs'
		);
		// A one-sided finding on another link keeps its own line.
		expect(
			codes( [
				finding( 'exact-match-anchor-both', 'critical' ),
				finding( 'exact-match-anchor-ours', 'warning' ),
			] )
		).toContainEqual( [ 'exact-match-anchor-ours', 'warning' ] );
	} );

	it( 'shows the cloaking line only when a cloaked backlink was found', () => {
		const lines = buildChecklist(
			[ finding( 'cloaked-backlink', 'critical' ) ],
			POST_RULE_CODES,
			true
		);
		expect( lines[ 0 ] ).toMatchObject( {
			code: 'cloaked-backlink',
			state: 'critical',
		} );
	} );

	it( 'marks rules about partner pages as not checked when reciprocity could not be checked', () => {
		const lines = buildChecklist( [], POST_RULE_CODES, false );
		const state = ( code: string ) =>
			lines.find( ( l ) => l.code === code )?.state;
		expect( state( 'homepage-swap' ) ).toBe( 'not-checked' );
		expect( state( 'generic-anchor' ) ).toBe( 'pass' );
	} );
} );

describe( 'blockingFindings', () => {
	const findings = [
		finding( 'homepage-swap', 'critical' ),
		finding( 'generic-anchor', 'critical' ),
		finding( 'hidden-link-ours', 'warning' ),
	];

	it( 'blocks nothing while blocking is off', () => {
		expect(
			blockingFindings( findings, {
				...DEFAULT_SETTINGS,
				blockingCodes: [ 'homepage-swap' ],
			} )
		).toEqual( [] );
	} );

	it( 'blocks on critical findings whose code the admin chose', () => {
		const settings = {
			...DEFAULT_SETTINGS,
			blockPublishing: true,
			blockingCodes: [
				'homepage-swap',
				'hidden-link-ours',
			] as Finding[ 'code' ][],
		};
		expect(
			blockingFindings( findings, settings ).map( ( f ) => f.code )
		).toEqual( [ 'homepage-swap' ] );
	} );
} );

describe( 'fixesFor', () => {
	it( 'offers nofollow and sponsored for partner-side risks on a followed link', () => {
		expect(
			fixesFor(
				finding( 'followed-both-ways', 'warning' ),
				editorLink( 'https://partner.example/' )
			)
		).toEqual( [ 'nofollow', 'sponsored' ] );
	} );

	it( 'does not offer rel fixes on a link that is already nofollow', () => {
		const link = editorLink( 'https://partner.example/' );
		link.link.rel = [ 'nofollow' ];
		expect(
			fixesFor( finding( 'homepage-swap', 'critical' ), link )
		).toEqual( [] );
	} );

	it( 'sends anchor problems to the block instead of rewriting words', () => {
		expect(
			fixesFor(
				finding( 'generic-anchor', 'warning' ),
				editorLink( 'https://partner.example/' )
			)
		).toEqual( [ 'rewrite-anchor' ] );
	} );
} );

describe( 'fixesForLink', () => {
	it( 'offers each action once per link, rewrite before show', () => {
		const link = editorLink( 'https://partner.example/' );
		expect(
			fixesForLink(
				[
					finding( 'exact-match-anchor-both', 'critical' ),
					finding( 'identical-anchors', 'warning' ),
					finding( 'footer-placement-ours', 'warning' ),
				],
				link
			)
		).toEqual( [ 'nofollow', 'sponsored', 'rewrite-anchor' ] );
	} );
} );

describe( 'fixes for a link from a synced pattern', () => {
	const inPattern = {
		...editorLink( 'https://partner.example/' ),
		syncedPattern: { ref: 42, title: 'Garden partners' },
	};

	it( 'offers "edit the pattern" instead of fixes that cannot stick', () => {
		expect(
			fixesForLink(
				[
					finding( 'exact-match-anchor-both', 'critical' ),
					finding( 'footer-placement-ours', 'warning' ),
				],
				inPattern
			)
		).toEqual( [ 'edit-pattern' ] );
		expect( patternEditUrl( 42 ) ).toBe( 'post.php?post=42&action=edit' );
	} );

	it( 'offers nothing where there is nothing to fix', () => {
		expect(
			fixesForLink( [ finding( 'reciprocal-link', 'info' ) ], inPattern )
		).toEqual( [] );
	} );
} );

describe( 'codesByPartner', () => {
	it( 'groups blocking codes by partner site, post-wide ones under our site', () => {
		expect(
			codesByPartner(
				[
					{
						...finding( 'homepage-swap', 'critical' ),
						linkUrl: 'https://www.partner.example/',
					},
					{
						...finding( 'exact-match-anchor-both', 'critical' ),
						linkUrl: 'https://partner.example/x',
					},
					{
						...finding( 'homepage-swap', 'critical' ),
						linkUrl: 'http://127.0.0.1:8101/',
					},
					{
						code: 'many-outbound-domains-post',
						severity: 'critical',
						params: {},
					},
				],
				'ours.example'
			)
		).toEqual( {
			'partner.example': [ 'homepage-swap', 'exact-match-anchor-both' ],
			'127.0.0.1:8101': [ 'homepage-swap' ],
			'ours.example': [ 'many-outbound-domains-post' ],
		} );
	} );
} );
