import { planChecks, requestBatches } from '../../src/editor/links/diff';
import type { CheckEntry } from '../../src/editor/types';
import { editorLink, result } from './fixtures';

describe( 'planChecks', () => {
	const a = editorLink( 'https://a.example/one' );
	const b = editorLink( 'https://b.example/two' );

	it( 'sends every external target of a fresh post once', () => {
		const again = { ...a, id: 'block-2:0:1', clientId: 'block-2' };
		const planned = planChecks( [ a, b, again ], {} );
		expect( planned.map( ( t ) => t.url ) ).toEqual( [
			'https://a.example/one',
			'https://b.example/two',
		] );
	} );

	it( 'sends only the new target after an edit', () => {
		const checks: Record< string, CheckEntry > = {
			[ a.key ]: {
				state: 'done',
				url: a.link.href,
				result: result( a.link.href ),
			},
		};
		const changed = editorLink( 'https://a.example/changed' );
		expect(
			planChecks( [ a, changed, b ], checks ).map( ( t ) => t.key )
		).toEqual( [ changed.key, b.key ] );
	} );

	it( 'does not resend targets in flight or failed', () => {
		const checks: Record< string, CheckEntry > = {
			[ a.key ]: { state: 'checking', url: a.link.href },
			[ b.key ]: {
				state: 'failed',
				url: b.link.href,
				error: { code: 'x', message: 'y' },
			},
		};
		expect( planChecks( [ a, b ], checks ) ).toEqual( [] );
	} );

	it( 'never sends internal links', () => {
		const internal = editorLink( 'https://ours.example/about', {
			external: false,
		} );
		expect( planChecks( [ internal ], {} ) ).toEqual( [] );
	} );

	it( 'sends the anchor text of the first occurrence', () => {
		const first = { ...a, link: { ...a.link, text: 'first' } };
		const second = { ...a, link: { ...a.link, text: 'second' } };
		expect( planChecks( [ first, second ], {} )[ 0 ].anchorText ).toBe(
			'first'
		);
	} );
} );

describe( 'requestBatches', () => {
	const target = ( n: number, chars = 20 ) => ( {
		key: `k${ n }`,
		url: `https://p${ n }.example/`.padEnd( chars, 'x' ),
		anchorText: '',
	} );

	it( 'splits into requests of at most the per-request cap', () => {
		const all = [ 1, 2, 3, 4, 5 ].map( ( n ) => target( n ) );
		expect( requestBatches( all, 2 ) ).toEqual( [
			all.slice( 0, 2 ),
			all.slice( 2, 4 ),
			all.slice( 4 ),
		] );
		expect( requestBatches( [], 100 ) ).toEqual( [] );
	} );

	it( 'starts a new request before the URLs and anchors would outgrow the body limit', () => {
		const long = [ 1, 2, 3 ].map( ( n ) => target( n, 1500 ) );
		expect(
			requestBatches( long, 1000, 3200 ).map( ( b ) => b.length )
		).toEqual( [ 2, 1 ] );
		// A target longer than the limit alone is a request of its own.
		expect(
			requestBatches( long, 1000, 1000 ).map( ( b ) => b.length )
		).toEqual( [ 1, 1, 1 ] );
		// A thousand of the longest links a request may carry do not fit in
		// the service's 1 MB body.
		const longest = Array.from( { length: 1000 }, ( _, n ) => ( {
			...target( n, 2048 ),
			anchorText: 'a'.repeat( 1000 ),
		} ) );
		const batches = requestBatches( longest, 1000 );
		expect( batches.length ).toBeGreaterThan( 1 );
		for ( const batch of batches ) {
			expect( JSON.stringify( batch ).length ).toBeLessThan(
				1024 * 1024
			);
		}
	} );

	it( 'refuses a size below one', () => {
		expect( () => requestBatches( [ target( 1 ) ], 0 ) ).toThrow(
			RangeError
		);
	} );
} );
