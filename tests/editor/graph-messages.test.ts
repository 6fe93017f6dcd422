/**
 * The graph findings (issue 19) as the sidebar, the pre-publish panel and
 * wp-admin word them: the chain or group a person can check, the pages it
 * was seen on and how sure it is; and the same evidence in the English
 * outputs (CLI, HTML report).
 */
import type { Finding } from '../../src/core';
import { findingEvidence } from '../../src/core/graph/evidence';
import { findingMessage } from '../../src/editor/messages';

const RING: Finding = {
	code: 'link-ring',
	severity: 'warning',
	linkUrl: 'https://b.test/post',
	params: {
		partner: 'b.test',
		confidence: 'medium',
		sites: [ 'our.test', 'b.test', 'c.test', 'our.test' ],
		pages: [
			'https://b.test/post',
			'https://b.test/post',
			'https://c.test/x',
		],
		sources: [ 'our-link', 'partner-page', 'partner-page' ],
		rings: 1,
	},
};

const FOOTPRINT: Finding = {
	code: 'shared-footprint',
	severity: 'warning',
	linkUrl: 'https://a.test/',
	params: {
		partner: 'a.test',
		confidence: 'medium',
		members: [ 'a.test', 'b.test', 'c.test' ],
		memberCount: 5,
		shared: [ 'dir-one.test', 'dir-two.test', 'dir-three.test' ],
		sharedCount: 3,
		pages: [ 'https://a.test/', '', 'https://c.test/' ],
	},
};

describe( 'graph finding messages', () => {
	it( 'shows a ring as its chain, with the pages and the confidence', () => {
		const { title, risk } = findingMessage( RING );
		expect( title ).toBe( 'Link ring' );
		expect( risk ).toContain(
			'Evidence: our.test → b.test → c.test → our.test. Confidence: medium.'
		);
		expect( risk ).toContain(
			'Seen on: https://b.test/post, https://b.test/post, https://c.test/x'
		);
		expect( findingEvidence( RING ) ).toBe(
			'our.test → b.test → c.test → our.test; confidence medium; seen on https://b.test/post, https://b.test/post, https://c.test/x'
		);
	} );

	it( 'says when an export last saw an imported hop, and that one seen over 12 months ago counts less', () => {
		const old: Finding = {
			...RING,
			severity: 'info',
			params: {
				...RING.params,
				confidence: 'low',
				sources: [ 'our-link', 'partner-page', 'imported' ],
				lastSeen: [ '', '', '2025-06-01' ],
				staleHops: [ 'c.test → our.test' ],
			},
		};
		const { risk } = findingMessage( old );
		expect( risk ).toContain(
			'Imported link last seen: c.test → our.test 2025-06-01.'
		);
		expect( risk ).toContain(
			'Not seen for more than 12 months, so the link may be gone and the ring counts less: c.test → our.test.'
		);
		expect( findingEvidence( old ) ).toContain(
			'last seen: c.test → our.test 2025-06-01 (over 12 months ago: the link may be gone)'
		);
		// A fresh one: the date, no warning.
		const fresh = findingMessage( {
			...old,
			params: { ...old.params, staleHops: [] },
		} ).risk;
		expect( fresh ).toContain( 'last seen: c.test → our.test 2025-06-01.' );
		expect( fresh ).not.toContain( 'Not seen' );
	} );

	it( 'names a group with how many more it has', () => {
		const { risk } = findingMessage( FOOTPRINT );
		expect( risk ).toContain( '(a.test, b.test, c.test and 2 more)' );
		expect( risk ).toContain(
			'Evidence: dir-one.test, dir-two.test, dir-three.test.'
		);
		expect( findingEvidence( FOOTPRINT ) ).toBe(
			'partners a.test, b.test, c.test and 2 more all link to dir-one.test, dir-two.test, dir-three.test; confidence medium; seen on https://a.test/, https://c.test/'
		);
	} );

	it( 'says which side of an exchange stands alone or points where', () => {
		const context = ( side: string ) =>
			findingMessage( {
				code: 'link-context',
				severity: 'info',
				params: { side, anchor: 'Our garden' },
			} ).risk;
		expect( context( 'both' ) ).toMatch( /^Both links/ );
		expect( context( 'ours' ) ).toMatch( /^Our link stands alone/ );
		expect( context( 'theirs' ) ).toContain( 'Anchor: “Our garden”' );
		expect(
			findingMessage( {
				code: 'weak-destination',
				severity: 'warning',
				params: { ours: 'homepage', theirs: 'pricing' },
			} ).risk
		).toMatch(
			/^Our link points at a homepage and theirs at a pricing page/
		);
		// The CLI's evidence line, read as a sentence.
		expect(
			findingEvidence( {
				code: 'weak-destination',
				severity: 'warning',
				params: {
					ours: 'homepage',
					theirs: 'pricing',
					theirLinkUrl: 'https://b.test/',
				},
			} )
		).toBe(
			'ours points at their homepage; theirs (https://b.test/) points at our pricing page'
		);
		expect( findingEvidence( { ...RING, code: 'generic-anchor' } ) ).toBe(
			null
		);
	} );
} );
