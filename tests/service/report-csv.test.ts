/**
 * CSV fields of the report export. The scan store's report side (partner
 * rows filtered, sorted, searched and paged in SQL, the CSV export, the
 * relationship log, the link graph) is in the store contract
 * (store-contract.test.ts), run against SQLite and PostgreSQL.
 */
import { csvField } from '../../src/service/report/export';

describe( 'CSV fields', () => {
	it( 'quotes separators and neutralises spreadsheet formulas', () => {
		expect( csvField( 'a,b' ) ).toBe( '"a,b"' );
		expect( csvField( 'say "hi"' ) ).toBe( '"say ""hi"""' );
		expect( csvField( '=HYPERLINK("x")' ) ).toBe( '"\'=HYPERLINK(""x"")"' );
		expect( csvField( '@cmd' ) ).toBe( "'@cmd" );
		expect( csvField( -1 ) ).toBe( '-1' );
		expect( csvField( null ) ).toBe( '' );
	} );
} );
