import {
	DEFAULT_QUERY,
	exportFileName,
	exportPath,
	isFiltered,
	pageCount,
	paramsToQuery,
	partnerPath,
	queryToParams,
	reportPath,
	toggleSort,
	updateQuery,
} from '../../src/admin/query';
import { ReportQuerySchema } from '../../src/core/report';

describe( 'report query → request params', () => {
	it( 'sends nothing for the default query, so the service applies the same defaults', () => {
		expect( queryToParams( DEFAULT_QUERY ) ).toEqual( {} );
		expect( reportPath( DEFAULT_QUERY ) ).toBe(
			'/reciprocal-link-guard/v1/report'
		);
	} );

	it( 'agrees with the contract schema about the defaults', () => {
		expect( ReportQuerySchema.parse( {} ) ).toEqual(
			Object.fromEntries(
				Object.entries( DEFAULT_QUERY ).filter(
					( [ , value ] ) => value !== undefined
				)
			)
		);
	} );

	it( 'sends filters, a trimmed search and the sort, in a stable order', () => {
		const query = {
			...DEFAULT_QUERY,
			page: 3,
			search: '  garden ',
			status: 'links-back' as const,
			finding: 'boilerplate-backlink' as const,
			placement: 'footer' as const,
			orderBy: 'findings' as const,
			order: 'desc' as const,
		};
		expect( reportPath( query ) ).toBe(
			'/reciprocal-link-guard/v1/report?finding=boilerplate-backlink&order=desc&orderBy=findings&page=3&placement=footer&search=garden&status=links-back'
		);
	} );

	it( 'sends the order with the sort field even when only one of them differs from the default', () => {
		expect( queryToParams( { ...DEFAULT_QUERY, order: 'desc' } ) ).toEqual(
			{ orderBy: 'domain', order: 'desc' }
		);
	} );

	it( 'round-trips through params and the service schema', () => {
		const query = {
			...DEFAULT_QUERY,
			page: 2,
			perPage: 50,
			search: 'tuin',
			status: 'no-link' as const,
			orderBy: 'lastChecked' as const,
			order: 'desc' as const,
		};
		const params = queryToParams( query );
		expect( paramsToQuery( params ) ).toEqual( query );
		expect( ReportQuerySchema.parse( params ) ).toEqual(
			Object.fromEntries(
				Object.entries( query ).filter( ( [ , v ] ) => v !== undefined )
			)
		);
	} );

	it( 'ignores malformed values from an edited address instead of failing', () => {
		expect(
			paramsToQuery( {
				page: '-4',
				perPage: '9999',
				status: 'maybe',
				finding: 'nope',
				placement: 'basement',
				orderBy: 'DROP TABLE',
				order: 'sideways',
			} )
		).toEqual( { ...DEFAULT_QUERY, perPage: 200 } );
	} );

	it( 'encodes the search so it cannot add parameters of its own', () => {
		const path = reportPath( {
			...DEFAULT_QUERY,
			search: 'a&status=no-link',
		} );
		expect( path ).toBe(
			'/reciprocal-link-guard/v1/report?search=a%26status%3Dno-link'
		);
	} );
} );

describe( 'CSV export link', () => {
	it( 'keeps filters and sort but not the page: the export has every matching row', () => {
		const query = {
			...DEFAULT_QUERY,
			page: 4,
			perPage: 10,
			status: 'links-back' as const,
			orderBy: 'relevance' as const,
			order: 'asc' as const,
		};
		expect( exportPath( query ) ).toBe(
			'/reciprocal-link-guard/v1/report/export.csv?order=asc&orderBy=relevance&status=links-back'
		);
		expect( exportPath( DEFAULT_QUERY ) ).toBe(
			'/reciprocal-link-guard/v1/report/export.csv'
		);
	} );

	it( 'names the file after the filters and the day', () => {
		const now = new Date( '2026-11-25T09:30:00Z' );
		expect( exportFileName( DEFAULT_QUERY, now ) ).toBe(
			'rlg-partners-2026-11-25.csv'
		);
		expect(
			exportFileName(
				{ ...DEFAULT_QUERY, status: 'no-link', placement: 'footer' },
				now
			)
		).toBe( 'rlg-partners-no-link-footer-2026-11-25.csv' );
	} );
} );

describe( 'partner path', () => {
	it( 'encodes the domain as one path segment', () => {
		expect( partnerPath( 'xn--tuin-9ra.nl' ) ).toBe(
			'/reciprocal-link-guard/v1/report/partners/xn--tuin-9ra.nl'
		);
		expect( partnerPath( 'a/b' ) ).toBe(
			'/reciprocal-link-guard/v1/report/partners/a%2Fb'
		);
	} );
} );

describe( 'table controls', () => {
	it( 'goes back to page 1 when a filter changes', () => {
		const onPage3 = { ...DEFAULT_QUERY, page: 3 };
		expect( updateQuery( onPage3, { status: 'no-link' } ).page ).toBe( 1 );
		expect( updateQuery( onPage3, { search: 'x' } ).page ).toBe( 1 );
		expect( updateQuery( onPage3, { page: 4 } ).page ).toBe( 4 );
	} );

	it( 'flips the order on the sorted column and starts others in their natural order', () => {
		const byDomain = toggleSort( DEFAULT_QUERY, 'domain' );
		expect( byDomain ).toMatchObject( {
			orderBy: 'domain',
			order: 'desc',
		} );
		expect( toggleSort( byDomain, 'domain' ).order ).toBe( 'asc' );
		expect( toggleSort( DEFAULT_QUERY, 'findings' ) ).toMatchObject( {
			orderBy: 'findings',
			order: 'desc',
		} );
		expect(
			toggleSort( { ...DEFAULT_QUERY, page: 5 }, 'status' )
		).toMatchObject( {
			orderBy: 'status',
			order: 'asc',
			page: 1,
		} );
	} );

	it( 'counts pages, with one page for an empty table', () => {
		expect( pageCount( 0, 25 ) ).toBe( 1 );
		expect( pageCount( 25, 25 ) ).toBe( 1 );
		expect( pageCount( 26, 25 ) ).toBe( 2 );
	} );

	it( 'knows when the table is narrowed', () => {
		expect( isFiltered( DEFAULT_QUERY ) ).toBe( false );
		expect( isFiltered( { ...DEFAULT_QUERY, search: '  ' } ) ).toBe(
			false
		);
		expect( isFiltered( { ...DEFAULT_QUERY, placement: 'footer' } ) ).toBe(
			true
		);
		expect( isFiltered( { ...DEFAULT_QUERY, orderBy: 'status' } ) ).toBe(
			false
		);
	} );
} );
