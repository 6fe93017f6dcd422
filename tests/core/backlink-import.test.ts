/**
 * Backlink exports → backlinks (src/core/backlink-import): every format and
 * encoding we read, each reason a row is skipped, and the file-level errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	ExportFileError,
	decodeExport,
	parseBacklinkExport,
} from '../../src/core/backlink-import';

const FIXTURES = path.join( __dirname, '../fixtures/backlink-exports' );
const OURS = [ 'https://www.moestuinier.test/' ];

function fixture( name: string ): Uint8Array {
	return fs.readFileSync( path.join( FIXTURES, name ) );
}

function fileError( run: () => unknown ): ExportFileError {
	try {
		run();
	} catch ( error ) {
		if ( error instanceof ExportFileError ) {
			return error;
		}
		throw error;
	}
	throw new Error( 'expected an ExportFileError' );
}

describe( 'backlink exports: good files', () => {
	it( 'reads Search Console latest links (UTF-8, CRLF): linking pages, last crawled', () => {
		const result = parseBacklinkExport( fixture( 'gsc-latest-links.csv' ), {
			ownerUrls: OURS,
		} );
		expect( result ).toMatchObject( {
			format: 'gsc',
			variant: 'gsc-latest-links',
			encoding: 'utf-8',
			delimiter: ',',
			rowsRead: 7,
			skippedTotal: 0,
			domains: 6,
		} );
		expect( result.backlinks[ 0 ] ).toEqual( {
			line: 2,
			sourceUrl: 'https://tuinhulp.test/compost-maken/',
			sourceDomain: 'tuinhulp.test',
			targetUrl: null,
			anchor: null,
			nofollow: null,
			ugc: null,
			sponsored: null,
			firstSeen: null,
			lastSeen: '2026-11-28',
			linkingPages: null,
		} );
		expect( result.backlinks[ 4 ].sourceDomain ).toBe( 'kasplanten.test' );
	} );

	it( 'reads Search Console top linking sites (UTF-8 with BOM) with quoted thousands', () => {
		const result = parseBacklinkExport(
			fixture( 'gsc-top-linking-sites.csv' ),
			{ ownerUrls: OURS }
		);
		expect( result ).toMatchObject( {
			variant: 'gsc-top-linking-sites',
			encoding: 'utf-8-bom',
			rowsRead: 6,
			skippedTotal: 0,
		} );
		expect( result.backlinks[ 0 ] ).toMatchObject( {
			sourceUrl: null,
			sourceDomain: 'zaadwinkel.test',
			linkingPages: 1204,
		} );
	} );

	it( 'reads the Ahrefs export in UTF-16LE (tab-separated) and in UTF-8 (comma) alike', () => {
		const utf16 = parseBacklinkExport(
			fixture( 'ahrefs-backlinks-utf16.csv' ),
			{ ownerUrls: OURS, format: 'ahrefs' }
		);
		const utf8 = parseBacklinkExport(
			fixture( 'ahrefs-backlinks-utf8.csv' ),
			{ ownerUrls: OURS }
		);
		expect( utf16 ).toMatchObject( {
			variant: 'ahrefs-backlinks',
			encoding: 'utf-16le',
			delimiter: '\t',
			rowsRead: 5,
			skippedTotal: 0,
		} );
		expect( utf8 ).toMatchObject( { encoding: 'utf-8', delimiter: ',' } );
		expect( utf8.backlinks ).toEqual( utf16.backlinks );
		expect( utf16.backlinks[ 2 ] ).toMatchObject( {
			sourceUrl: 'http://blog.kasplanten.test/2026/10/tomaten-in-de-kas',
			sourceDomain: 'kasplanten.test',
			targetUrl: 'https://www.moestuinier.test/tomaten/',
			anchor: 'tomaten kweken',
			nofollow: true,
			ugc: false,
			sponsored: false,
			firstSeen: '2026-10-17',
			lastSeen: '2026-11-25',
		} );
	} );

	it( 'reads Semrush comma and semicolon exports alike; www. and bare domain are both ours', () => {
		const comma = parseBacklinkExport( fixture( 'semrush-backlinks.csv' ), {
			ownerUrls: OURS,
		} );
		const semicolon = parseBacklinkExport(
			fixture( 'semrush-backlinks-semicolon.csv' ),
			{ ownerUrls: OURS, format: 'semrush' }
		);
		expect( comma ).toMatchObject( {
			variant: 'semrush-backlinks',
			rowsRead: 5,
			skippedTotal: 0,
			domains: 4,
		} );
		expect( semicolon.delimiter ).toBe( ';' );
		expect( semicolon.backlinks ).toEqual( comma.backlinks );
		expect( comma.backlinks[ 4 ] ).toMatchObject( {
			anchor: 'zaden kiezen',
			sponsored: true,
			firstSeen: '2026-11-20',
		} );
	} );

	it( 'judges a competitor export against the competitor, not us', () => {
		const result = parseBacklinkExport(
			fixture( 'semrush-backlinks.csv' ),
			{
				ownerUrls: [ 'https://concurrent.test/' ],
			}
		);
		expect( result.backlinks ).toHaveLength( 0 );
		expect( result.skippedByReason ).toEqual( { 'target-elsewhere': 5 } );
	} );
} );

describe( 'backlink exports: skipped rows', () => {
	it( 'skips each bad row with its line and reason, and keeps the good ones', () => {
		const result = parseBacklinkExport( fixture( 'semrush-bad-rows.csv' ), {
			ownerUrls: OURS,
		} );
		expect( result.rowsRead ).toBe( 9 );
		expect( result.backlinks.map( ( link ) => link.line ) ).toEqual( [
			2, 10,
		] );
		expect(
			result.skipped.map( ( row ) => [ row.line, row.reason ] )
		).toEqual( [
			[ 3, 'wrong-column-count' ],
			[ 4, 'missing-source' ],
			[ 5, 'invalid-source' ],
			[ 6, 'internal-link' ],
			[ 7, 'target-elsewhere' ],
			[ 8, 'invalid-date' ],
			[ 9, 'duplicate' ],
		] );
		expect( result.skipped[ 0 ].detail ).toBe(
			'3 cells, the header has 19'
		);
		expect( result.skipped[ 2 ].detail ).toContain(
			'ftp://files.test/pub/'
		);
		expect( result.skipped[ 5 ].detail ).toBe( '"gisteren" is not a date' );
		expect( result.skippedTotal ).toBe( 7 );
	} );

	it( 'imports at most maxRows backlinks and counts the rest as over-limit, listing at most 200 skips', () => {
		const lines = [ 'Linking page,Last crawled' ];
		for ( let index = 0; index < 400; index++ ) {
			lines.push( `https://site${ index }.test/page,2026-01-01` );
		}
		const result = parseBacklinkExport(
			new TextEncoder().encode( lines.join( '\n' ) ),
			{ ownerUrls: OURS, maxRows: 100 }
		);
		expect( result.backlinks ).toHaveLength( 100 );
		expect( result.skippedByReason ).toEqual( { 'over-limit': 300 } );
		expect( result.skippedTotal ).toBe( 300 );
		expect( result.skipped ).toHaveLength( 200 );
		expect( result.skipped[ 0 ] ).toMatchObject( { line: 102 } );
	} );

	it( 'skips a Search Console site that is no host name', () => {
		const result = parseBacklinkExport(
			new TextEncoder().encode(
				'Site,Linking pages,Target pages\nnot a host,1,1\nmoestuinier.test,4,1\ngoed.test,2,1\n'
			),
			{ ownerUrls: OURS }
		);
		expect(
			result.skipped.map( ( row ) => [ row.line, row.reason ] )
		).toEqual( [
			[ 2, 'invalid-source' ],
			[ 3, 'internal-link' ],
		] );
		expect( result.backlinks.map( ( link ) => link.sourceDomain ) ).toEqual(
			[ 'goed.test' ]
		);
	} );

	it( 'reads English month names and refuses impossible dates', () => {
		const result = parseBacklinkExport(
			new TextEncoder().encode(
				'Linking page,Last crawled\nhttps://a.test/,"Mar 5, 2026"\nhttps://b.test/,2026-02-30\n'
			),
			{ ownerUrls: OURS }
		);
		expect( result.backlinks[ 0 ].lastSeen ).toBe( '2026-03-05' );
		expect( result.skipped[ 0 ] ).toMatchObject( {
			line: 3,
			reason: 'invalid-date',
		} );
	} );
} );

describe( 'backlink exports: encodings and file errors', () => {
	it( 'decodes UTF-16LE without a BOM and UTF-16BE with one', () => {
		const text =
			'Linking page,Last crawled\r\nhttps://é.test/,2026-01-01\r\n';
		const le = Buffer.from( text, 'utf16le' );
		const be = Buffer.from( le );
		be.swap16();
		expect( decodeExport( le ) ).toEqual( { text, encoding: 'utf-16le' } );
		expect(
			decodeExport(
				Buffer.concat( [ Buffer.from( [ 0xfe, 0xff ] ), be ] )
			)
		).toEqual( { text, encoding: 'utf-16be' } );
	} );

	it( 'reads a file Excel saved as Windows-1252', () => {
		const bytes = Buffer.from(
			'Linking page,Last crawled\nhttps://caf\xe9.test/menu,2026-01-01\n',
			'latin1'
		);
		const result = parseBacklinkExport( bytes, { ownerUrls: OURS } );
		expect( result.encoding ).toBe( 'windows-1252' );
		expect( result.backlinks[ 0 ].sourceDomain ).toBe( 'xn--caf-dma.test' );
	} );

	it( 'names what is wrong with a file that cannot be read', () => {
		expect(
			fileError( () =>
				parseBacklinkExport( new Uint8Array(), { ownerUrls: OURS } )
			).reason
		).toBe( 'empty' );
		expect(
			fileError( () =>
				parseBacklinkExport(
					Buffer.from( 'PK\x03\x04rest', 'latin1' ),
					{
						ownerUrls: OURS,
					}
				)
			).message
		).toMatch( /Excel workbook/ );
		const unknown = fileError( () =>
			parseBacklinkExport(
				new TextEncoder().encode( 'Keyword,Position\nzaden,3\n' ),
				{ ownerUrls: OURS }
			)
		);
		expect( unknown.reason ).toBe( 'unknown-format' );
		expect( unknown.message ).toContain( '"Keyword", "Position"' );
		expect( unknown.message ).toContain( '"referring page url"' );
		const mismatch = fileError( () =>
			parseBacklinkExport( fixture( 'semrush-backlinks.csv' ), {
				ownerUrls: OURS,
				format: 'ahrefs',
			} )
		);
		expect( mismatch.reason ).toBe( 'format-mismatch' );
		expect( mismatch.message ).toContain( 'Semrush backlinks export' );
		expect(
			fileError( () =>
				parseBacklinkExport(
					new TextEncoder().encode( 'Linking page,Last crawled\n' ),
					{ ownerUrls: OURS }
				)
			).reason
		).toBe( 'no-rows' );
		expect(
			fileError( () =>
				parseBacklinkExport( new Uint8Array( 16 * 1024 * 1024 + 1 ), {
					ownerUrls: OURS,
				} )
			).reason
		).toBe( 'too-large' );
	} );
} );

describe( 'Search Console exports in the interface language', () => {
	const read = ( text: string, format?: 'gsc' ) =>
		parseBacklinkExport( new TextEncoder().encode( text ), {
			ownerUrls: OURS,
			format,
		} );

	it( 'reads latest links in Dutch, German, French, Spanish, Italian and Portuguese, with their dates', () => {
		const cases: Array< [ string, string, string ] > = [
			[ 'Linkende pagina,Laatst gecrawld', '28 nov. 2026', '2026-11-28' ],
			[ 'Linkende pagina,Laatst gecrawld', '3-4-2026', '2026-04-03' ],
			[
				'Verlinkende Seite,Zuletzt gecrawlt',
				'28. Nov. 2026',
				'2026-11-28',
			],
			[
				'Verlinkende Seite,Zuletzt gecrawlt',
				'03.04.2026',
				'2026-04-03',
			],
			[
				"Page d'origine du lien,Dernière exploration",
				'5 févr. 2026',
				'2026-02-05',
			],
			[
				'Página que enlaza,Último rastreo',
				'8 de mayo de 2026',
				'2026-05-08',
			],
			[ 'Página que enlaza,Último rastreo', '03/04/2026', '2026-04-03' ],
			[
				'Pagina che rimanda,Ultima scansione',
				'12 set 2026',
				'2026-09-12',
			],
			[
				'Página de referência,Último rastreamento',
				'1 de out. de 2026',
				'2026-10-01',
			],
			// English Search Console writes the month first.
			[ 'Linking page,Last crawled', '03/04/2026', '2026-03-04' ],
		];
		for ( const [ header, date, iso ] of cases ) {
			const result = read(
				`${ header }\r\nhttps://tuinhulp.test/a/,"${ date }"\r\n`
			);
			expect( [ header, result.variant, result.skipped ] ).toEqual( [
				header,
				'gsc-latest-links',
				[],
			] );
			expect( [ header, date, result.backlinks[ 0 ].lastSeen ] ).toEqual(
				[ header, date, iso ]
			);
		}
	} );

	it( 'reads top linking sites in Dutch and German (with the BOM, accents folded)', () => {
		const dutch = read(
			'\uFEFFSite,Linkende pagina\'s,Doelpagina\'s\nzaadwinkel.test,"1.204",3\n'
		);
		expect( dutch.variant ).toBe( 'gsc-top-linking-sites' );
		expect( dutch.backlinks[ 0 ] ).toMatchObject( {
			sourceDomain: 'zaadwinkel.test',
			linkingPages: 1204,
		} );
		const german = read(
			'Website;Verlinkende Seiten;Zielseiten\ntuinhulp.test;12;2\n'
		);
		expect( german.backlinks[ 0 ] ).toMatchObject( {
			sourceDomain: 'tuinhulp.test',
			linkingPages: 12,
		} );
	} );

	it( 'reads a two-column export by its known "last crawled" column when the other name is not in the table', () => {
		const result = read(
			'Page de référence,Dernière exploration\nhttps://tuinhulp.test/a/,2026-11-28\n'
		);
		expect( result.variant ).toBe( 'gsc-latest-links' );
		expect( result.backlinks[ 0 ] ).toMatchObject( {
			sourceUrl: 'https://tuinhulp.test/a/',
			lastSeen: '2026-11-28',
		} );
	} );

	it( 'refuses "Top linked pages" in any language, saying which export to take instead', () => {
		const error = fileError( () =>
			read(
				'Doelpagina,Inkomende links,Linkende sites\nhttps://www.moestuinier.test/,40,12\n'
			)
		);
		expect( error.reason ).toBe( 'unknown-format' );
		expect( error.message ).toContain( '"Top linked pages"' );
		expect( error.message ).toContain( 'lists your own pages' );
		expect( error.message ).toContain( '"Top linking sites"' );
	} );

	it( 'names the header it does not know and what a Search Console export names, per language', () => {
		const error = fileError( () =>
			read(
				'Pagina met link,Datum,Opmerking\nhttps://tuinhulp.test/a/,2026-11-28,x\n',
				'gsc'
			)
		);
		expect( error.reason ).toBe( 'unknown-format' );
		expect( error.message ).toContain(
			'it has "Pagina met link", "Datum", "Opmerking"'
		);
		expect( error.message ).toContain(
			'Search Console links export ("Linking page" and "Last crawled")'
		);
		expect( error.message ).toContain(
			'Dutch ("Linkende pagina" and "Laatst gecrawld"; "Site" and "Linkende pagina\'s")'
		);
		expect( error.message ).toContain(
			'German ("Verlinkende Seite" and "Zuletzt gecrawlt"'
		);
		// A German file whose first column this table lacks, with a third
		// column: the known "Zuletzt gecrawlt" is not named as unknown.
		const auto = fileError( () =>
			read(
				'Linkadresse,Zuletzt gecrawlt,Klicks\nhttps://tuinhulp.test/a/,28.11.2026,3\n'
			)
		);
		expect( auto.message ).toContain(
			'(not known: "Linkadresse", "Klicks")'
		);
		expect( auto.message ).toContain(
			'Search Console headers are also read in Dutch, German, French, Spanish, Italian, Portuguese'
		);
	} );
} );
