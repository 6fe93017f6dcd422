/* @jest-environment jsdom */
/**
 * The sidebar's rules go into the editor page once, when the plugin
 * registers, not with every opening of the sidebar (issue 20: each added
 * sheet makes the browser match the whole page's styles again).
 */
import {
	installSidebarStyle,
	SIDEBAR_CSS,
	SIDEBAR_STYLE_ID,
} from '../../src/editor/components/styles';

describe( 'installSidebarStyle', () => {
	it( 'adds the sidebar rules to the page once', () => {
		installSidebarStyle();
		installSidebarStyle();
		const sheets = document.querySelectorAll( `#${ SIDEBAR_STYLE_ID }` );
		expect( sheets ).toHaveLength( 1 );
		expect( sheets[ 0 ].textContent ).toBe( SIDEBAR_CSS );
		expect( sheets[ 0 ].parentElement ).toBe( document.head );
	} );

	it( 'adds them again only when they were removed', () => {
		installSidebarStyle();
		document.getElementById( SIDEBAR_STYLE_ID )!.remove();
		installSidebarStyle();
		expect(
			document.querySelectorAll( `#${ SIDEBAR_STYLE_ID }` )
		).toHaveLength( 1 );
	} );
} );
