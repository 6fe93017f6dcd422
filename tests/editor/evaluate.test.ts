/**
 * The editor's wiring into the core rules: check results keyed the way the
 * rules look them up, findings tied back to the editor's links, and the
 * marks and publish lock derived from them.
 */
import { DEFAULT_SETTINGS, type Backlink } from '../../src/core';
import { urlKey } from '../../src/core/url';
import { blockingFindings } from '../../src/editor/analysis/blocking';
import { evaluate } from '../../src/editor/analysis/evaluate';
import { marksFor } from '../../src/editor/hooks/useInlineMarks';
import type { CheckEntry, EditorContext } from '../../src/editor/types';
import { editorLink, extracted, result } from './fixtures';

const SITE = 'https://ours.example/';
const KEYWORD = 'organic gardening tips';

const context: EditorContext = {
	settings: {
		...DEFAULT_SETTINGS,
		keywords: [ KEYWORD ],
		blockPublishing: true,
		blockingCodes: [ 'exact-match-anchor-both' ],
	},
	siteUrls: [ SITE ],
	settingsUrl: '',
	serviceConfigured: true,
	siteStats: null,
	serviceError: null,
	canOverride: false,
};

function footerBacklink( pageUrl: string ): Backlink {
	return {
		...extracted( { href: SITE, text: KEYWORD, placement: 'footer' } ),
		pageUrl,
		foundOn: 'target-page',
		anchorClass: 'exact-match',
		toHomepage: true,
	};
}

describe( 'evaluate', () => {
	const href = 'https://garden-supplies.example/';
	const partner = editorLink( href, {
		key: urlKey( href ),
		rawHrefs: [ 'https://garden-supplies.example/' ],
		link: extracted( { href, text: KEYWORD } ),
	} );
	const internal = editorLink( 'https://ours.example/about', {
		key: urlKey( 'https://ours.example/about' ),
		external: false,
		link: extracted( {
			href: 'https://ours.example/about',
			text: 'about us',
		} ),
	} );

	it( 'reports a keyword-for-keyword footer swap once the check says they link back', () => {
		const checks: Record< string, CheckEntry > = {
			[ partner.key ]: {
				state: 'done',
				url: href,
				result: result( href, {
					status: 'links-back',
					links: [ footerBacklink( href ) ],
				} ),
			},
		};
		const { findings, siteFindings } = evaluate( {
			links: [ partner, internal ],
			postText: 'Starting a vegetable garden. Compost and mulch.',
			checks,
			context,
		} );
		const codes = findings.map( ( f ) => f.code );
		expect( codes ).toContain( 'reciprocal-link' );
		expect( codes ).toContain( 'exact-match-anchor-both' );
		expect( codes ).toContain( 'boilerplate-backlink' );
		expect(
			findings.every(
				( f ) =>
					f.linkUrl === undefined ||
					urlKey( f.linkUrl ) === partner.key
			)
		).toBe( true );
		expect( siteFindings ).toEqual( [] );

		expect(
			blockingFindings( findings, context.settings ).map(
				( f ) => f.code
			)
		).toEqual( [ 'exact-match-anchor-both' ] );
		const marks = marksFor( [ partner, internal ], findings );
		expect( marks.length ).toBeGreaterThan( 0 );
		expect( marks.every( ( m ) => m.rawHrefs[ 0 ] === href ) ).toBe( true );
	} );

	it( 'keeps the local findings while the target is unchecked', () => {
		const generic = editorLink( 'https://seeds.example/', {
			key: urlKey( 'https://seeds.example/' ),
			link: extracted( {
				href: 'https://seeds.example/',
				text: 'click here',
			} ),
		} );
		const { findings } = evaluate( {
			links: [ generic ],
			postText: 'Seeds.',
			checks: {},
			context,
		} );
		expect( findings.map( ( f ) => f.code ) ).toEqual( [
			'generic-anchor',
		] );
	} );

	it( 'runs the site rules on the site stats', () => {
		const { siteFindings } = evaluate( {
			links: [],
			postText: '',
			checks: {},
			context: {
				...context,
				siteStats: {
					outboundDomains: 20,
					reciprocalPartners: 15,
					newReciprocalPartners: 0,
				},
			},
		} );
		expect( siteFindings.map( ( f ) => f.code ) ).toContain(
			'too-many-partners'
		);
	} );
} );
