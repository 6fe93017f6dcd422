import { buildMarksCss, cssString } from '../../src/editor/canvas/marks';

describe( 'buildMarksCss', () => {
	it( 'targets each href as written, scoped to the canvas, with the finding as tooltip', () => {
		const css = buildMarksCss( [
			{
				rawHrefs: [ 'https://partner.example/x' ],
				severity: 'warning',
				message: 'Generic anchor',
			},
		] );
		expect( css ).toContain(
			'.editor-styles-wrapper a[href="https://partner.example/x"]{'
		);
		expect( css ).toContain( 'content:"Generic anchor"' );
		expect( css ).toContain( '#b26200' );
	} );

	it( 'uses the worst severity and lists every message once for a shared href', () => {
		const css = buildMarksCss( [
			{ rawHrefs: [ '/p' ], severity: 'info', message: 'A' },
			{ rawHrefs: [ '/p' ], severity: 'critical', message: 'B' },
			{ rawHrefs: [ '/p' ], severity: 'warning', message: 'A' },
		] );
		expect( css ).toContain( '#cc1818' );
		expect( css ).not.toContain( '#2271b1' );
		expect( css ).toContain( 'content:"A · B"' );
	} );

	it( 'is empty without marks, so the stylesheet is removed', () => {
		expect( buildMarksCss( [] ) ).toBe( '' );
	} );

	it( 'escapes quotes, backslashes and line breaks so an href cannot break out of the rule', () => {
		expect( cssString( 'a"b\\c\nd</style>' ) ).toBe(
			'"a\\"b\\\\c d\\3c /style>"'
		);
	} );
} );
