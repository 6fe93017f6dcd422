import { chunk, planChecks } from '../../src/editor/links/diff';
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

describe( 'chunk', () => {
	it( 'splits into batches of the service cap', () => {
		expect( chunk( [ 1, 2, 3, 4, 5 ], 2 ) ).toEqual( [
			[ 1, 2 ],
			[ 3, 4 ],
			[ 5 ],
		] );
		expect( chunk( [], 100 ) ).toEqual( [] );
	} );

	it( 'refuses a size below one', () => {
		expect( () => chunk( [ 1 ], 0 ) ).toThrow( RangeError );
	} );
} );
