import { evaluatePost } from '../../src/core/rules';
import type { BacklinkResult } from '../../src/core/schemas';
import { SETTINGS, ourLink, post, reciprocal, result } from './fixtures/rules';

const US = 'https://www.hardloopblog.nl/';

function cloaking(
	botLinks: string[],
	browserLinks: string[],
	error: string | null = null
): Pick< BacklinkResult, 'cloaking' > {
	return {
		cloaking: {
			method: 'browser-ua',
			botLinks,
			browserLinks,
			differs:
				error === null &&
				botLinks.slice().sort().join( '\n' ) !==
					browserLinks.slice().sort().join( '\n' ),
			error,
		},
	};
}

describe( 'cloaked-backlink', () => {
	it( 'warns when the link to us is shown to our crawler but not to a browser, naming the bot-only link', () => {
		const { link, result: r } = reciprocal(
			{},
			{},
			cloaking( [ `${ US } follow` ], [] )
		);
		const findings = evaluatePost( post( [ link ], [ r ] ), SETTINGS );
		const cloaked = findings.filter(
			( f ) => f.code === 'cloaked-backlink'
		);
		expect( cloaked ).toEqual( [
			{
				code: 'cloaked-backlink',
				severity: 'warning',
				linkUrl: link.href,
				params: {
					method: 'browser-ua',
					pageUrl: r.page!.finalUrl,
					botOnly: [ `${ US } follow` ],
					browserOnly: [],
				},
			},
		] );
	} );

	it( 'warns when only a browser sees the link (the crawler got a page without it)', () => {
		const link = ourLink();
		const r = result( link.href, [], cloaking( [], [ `${ US } follow` ] ) );
		const cloaked = evaluatePost(
			post( [ link ], [ r ] ),
			SETTINGS
		).filter( ( f ) => f.code === 'cloaked-backlink' );
		expect( cloaked ).toHaveLength( 1 );
		expect( cloaked[ 0 ].params.browserOnly ).toEqual( [
			`${ US } follow`,
		] );
	} );

	it( 'does not call a link inserted by JavaScript cloaking, but a link the rendered page removed is', () => {
		const link = ourLink();
		const inserted = result( link.href, [], {
			cloaking: {
				method: 'rendered',
				botLinks: [],
				browserLinks: [ `${ US } follow` ],
				differs: true,
				error: null,
			},
		} );
		expect(
			evaluatePost( post( [ link ], [ inserted ] ), SETTINGS ).map(
				( f ) => f.code
			)
		).not.toContain( 'cloaked-backlink' );

		const removed = reciprocal(
			{},
			{},
			{
				cloaking: {
					method: 'rendered',
					botLinks: [ `${ US } follow` ],
					browserLinks: [],
					differs: true,
					error: null,
				},
			}
		);
		expect(
			evaluatePost(
				post( [ removed.link ], [ removed.result ] ),
				SETTINGS
			).filter( ( f ) => f.code === 'cloaked-backlink' )
		).toMatchObject( [
			{ params: { method: 'rendered', botOnly: [ `${ US } follow` ] } },
		] );
	} );

	it( 'is silent when both fetches saw the same links, when the comparison failed, or was not asked for', () => {
		const same = reciprocal(
			{},
			{},
			cloaking( [ `${ US } follow` ], [ `${ US } follow` ] )
		);
		const failed = reciprocal(
			{ href: 'https://other-partner.nl/x' },
			{},
			cloaking( [ `${ US } follow` ], [], 'timeout: no answer' )
		);
		const none = reciprocal( { href: 'https://third-partner.nl/y' } );
		const findings = evaluatePost(
			post(
				[ same.link, failed.link, none.link ],
				[ same.result, failed.result, none.result ]
			),
			SETTINGS
		);
		expect( findings.map( ( f ) => f.code ) ).not.toContain(
			'cloaked-backlink'
		);
	} );
} );
