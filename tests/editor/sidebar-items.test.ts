/**
 * The sidebar's windowed list (issue 20) and what counts as a problem
 * (issue 18): problems first, partners beyond the first few collapsed, a
 * filter by text and to problems only, findings on a target's first link.
 */
import type { Finding } from '../../src/core';
import { urlKey } from '../../src/core/url';
import {
	OPEN_GROUPS,
	checkProgress,
	findingsByKey,
	isProblem,
	sidebarItems,
	type GroupItem,
} from '../../src/editor/links/sidebar-items';
import { groupByPartner } from '../../src/editor/links/status';
import type { EditorLink } from '../../src/editor/types';
import { editorLink, extracted, result } from './fixtures';

function link( domain: string, path: string, text = 'anchor' ): EditorLink {
	const href = `https://${ domain }/${ path }`;
	return editorLink( href, {
		id: `${ domain }-${ path }`,
		domain,
		link: extracted( { href, text } ),
	} );
}

function finding(
	code: Finding[ 'code' ],
	severity: Finding[ 'severity' ],
	linkUrl: string
): Finding {
	return { code, severity, linkUrl, params: {} };
}

/** 10 partners with 3 links each; partner 7 has a critical finding. */
function post() {
	const links: EditorLink[] = [];
	for ( let p = 0; p < 10; p++ ) {
		for ( let l = 0; l < 3; l++ ) {
			links.push(
				link( `p${ p }.example`, `page-${ l }`, `Anchor ${ p }-${ l }` )
			);
		}
	}
	const findings = [
		finding( 'homepage-swap', 'critical', 'https://p7.example/page-0' ),
		finding( 'reciprocal-link', 'warning', 'https://p2.example/page-0' ),
	];
	return {
		links,
		findings,
		groups: groupByPartner( links, findings, urlKey ),
	};
}

const base = ( findings: Finding[] ) => ( {
	checks: {},
	serviceConfigured: true,
	findings: findingsByKey( findings, urlKey ),
	query: '',
	problemsOnly: false,
	toggled: new Map< string, boolean >(),
} );

describe( 'isProblem', () => {
	it( 'never counts "links back to us" as a problem, even as a warning', () => {
		expect(
			isProblem( finding( 'reciprocal-link', 'warning', 'x' ) )
		).toBe( false );
		expect( isProblem( finding( 'generic-anchor', 'info', 'x' ) ) ).toBe(
			false
		);
		expect( isProblem( finding( 'homepage-swap', 'warning', 'x' ) ) ).toBe(
			true
		);
	} );
} );

describe( 'sidebarItems', () => {
	it( 'puts partners with problems first and opens only the first few', () => {
		const { groups, findings } = post();
		const items = sidebarItems( groups, base( findings ) );
		const headers = items.filter(
			( i ): i is GroupItem => i.kind === 'group'
		);
		expect( headers ).toHaveLength( 10 );
		expect( headers[ 0 ] ).toMatchObject( {
			domain: 'p7.example',
			problems: 1,
			worst: 'critical',
		} );
		// The partner that links back over the limits is not a problem.
		expect(
			headers.find( ( h ) => h.domain === 'p2.example' )?.problems
		).toBe( 0 );
		expect( headers.filter( ( h ) => h.open ) ).toHaveLength( OPEN_GROUPS );
		// Rows only for open partners: 3 open x 3 links.
		expect( items.filter( ( i ) => i.kind === 'row' ) ).toHaveLength(
			OPEN_GROUPS * 3
		);
	} );

	it( 'opens and closes a partner by hand', () => {
		const { groups, findings } = post();
		const items = sidebarItems( groups, {
			...base( findings ),
			toggled: new Map( [
				[ 'p9.example', true ],
				[ 'p7.example', false ],
			] ),
		} );
		const rowsOf = ( domain: string ) =>
			items.filter( ( i ) => i.kind === 'row' && i.domain === domain );
		expect( rowsOf( 'p9.example' ) ).toHaveLength( 3 );
		expect( rowsOf( 'p7.example' ) ).toHaveLength( 0 );
	} );

	it( 'filters by domain, anchor or address, and to problems only', () => {
		const { groups, findings } = post();
		const byAnchor = sidebarItems( groups, {
			...base( findings ),
			query: 'anchor 9-1',
		} );
		expect( byAnchor.map( ( i ) => i.key ) ).toEqual( [
			'group:p9.example',
			'row:p9.example-page-1',
		] );
		const byDomain = sidebarItems( groups, {
			...base( findings ),
			query: 'p4.example',
		} );
		expect( byDomain.filter( ( i ) => i.kind === 'row' ) ).toHaveLength(
			3
		);
		const problems = sidebarItems( groups, {
			...base( findings ),
			problemsOnly: true,
		} );
		expect(
			problems
				.filter( ( i ) => i.kind === 'group' )
				.map( ( i ) => i.domain )
		).toEqual( [ 'p7.example' ] );
	} );

	it( 'shows a target’s findings on its first link only', () => {
		const a = link( 'a.example', 'x' );
		const again = { ...link( 'a.example', 'x' ), id: 'second' };
		const findings = [
			finding( 'generic-anchor', 'warning', 'https://a.example/x' ),
		];
		const items = sidebarItems(
			groupByPartner( [ a, again ], findings, urlKey ),
			base( findings )
		);
		const rows = items.filter( ( i ) => i.kind === 'row' );
		expect(
			rows.map( ( r ) => ( r.kind === 'row' ? r.findings.length : -1 ) )
		).toEqual( [ 1, 0 ] );
	} );
} );

describe( 'checkProgress', () => {
	it( 'counts distinct external targets and the finished ones', () => {
		const a = link( 'a.example', 'x' );
		const b = link( 'b.example', 'y' );
		const internal = { ...link( 'ours.example', 'z' ), external: false };
		const progress = checkProgress( [ a, a, b, internal ], {
			[ a.key ]: {
				state: 'done',
				url: a.link.href,
				result: result( a.link.href ),
			},
			[ b.key ]: { state: 'checking', url: b.link.href },
		} );
		expect( progress ).toEqual( { total: 2, finished: 1, checking: true } );
	} );
} );
