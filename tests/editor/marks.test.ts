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

describe( 'buildMarksCss at scale', () => {
	it( 'shares rules between links: a few rules however many links are marked', () => {
		const marks = Array.from( { length: 300 }, ( _, i ) => ( {
			rawHrefs: [ `https://partner-${ i }.example/` ],
			severity: i % 2 ? ( 'warning' as const ) : ( 'critical' as const ),
			message: i % 3 ? 'Off-topic partner' : 'Links back to us',
		} ) );
		const css = buildMarksCss( marks );
		// A colour per severity, the tooltip box, a text per message.
		expect( css.split( '\n' ) ).toHaveLength( 5 );
		for ( let i = 0; i < 300; i++ ) {
			expect( css ).toContain(
				`a[href="https://partner-${ i }.example/"]`
			);
		}
		// Critical comes after warning, so it wins where both would apply.
		expect( css.indexOf( '#cc1818' ) ).toBeGreaterThan(
			css.indexOf( '#b26200' )
		);
	} );
} );
