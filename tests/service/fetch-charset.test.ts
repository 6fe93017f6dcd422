/**
 * Decoding strangers' HTML: BOM, then Content-Type charset, then <meta> in
 * the first 1024 bytes, then strict UTF-8, then windows-1252.
 */
import {
	createFetcher,
	decodeHtml,
	type Fetcher,
} from '../../src/service/fetch';
import { startPartnerWeb, type PartnerWeb } from '../helpers/partner-web';

const SJIS_NIHONGO = Buffer.from( [ 0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea ] ); // 日本語
const EUCJP_NIHONGO = Buffer.from( [ 0xc6, 0xfc, 0xcb, 0xdc, 0xb8, 0xec ] ); // 日本語
const GBK_ZHONGWEN = Buffer.from( [ 0xd6, 0xd0, 0xce, 0xc4 ] ); // 中文
/** "café – “quoted”" in windows-1252 (0x96, 0x93, 0x94 are not latin1). */
const CP1252 = Buffer.from( 'caf\xe9 \x96 \x93quoted\x94', 'latin1' );

const doc = ( head: string, body: Buffer | string ) =>
	Buffer.concat( [
		Buffer.from(
			`<!doctype html><html><head>${ head }<title>t</title></head><body>`
		),
		Buffer.from( body ),
		Buffer.from( '</body></html>' ),
	] );

describe( 'decodeHtml', () => {
	it( 'uses the Content-Type charset (windows-1252)', () => {
		const decoded = decodeHtml(
			doc( '', CP1252 ),
			'text/html; charset=windows-1252'
		);
		expect( decoded ).toMatchObject( {
			charset: 'windows-1252',
			source: 'header',
		} );
		expect( decoded.text ).toContain( 'café – “quoted”' );
	} );

	it( 'treats the latin1 label as windows-1252, as browsers do', () => {
		expect(
			decodeHtml( doc( '', CP1252 ), 'text/html; charset="ISO-8859-1"' )
				.text
		).toContain( '“quoted”' );
	} );

	it.each( [
		[ 'Shift_JIS', SJIS_NIHONGO, '日本語', 'shift_jis' ],
		[ 'EUC-JP', EUCJP_NIHONGO, '日本語', 'euc-jp' ],
		[ 'GBK', GBK_ZHONGWEN, '中文', 'gbk' ],
		[ 'gb2312', GBK_ZHONGWEN, '中文', 'gbk' ],
		[ 'iso-8859-2', Buffer.from( [ 0xb1, 0xe6 ] ), 'ąć', 'iso-8859-2' ],
		[ 'koi8-r', Buffer.from( [ 0xd2, 0xd5, 0xd3 ] ), 'рус', 'koi8-r' ],
	] )(
		'decodes %s declared in the header',
		( label, bytes, text, charset ) => {
			const decoded = decodeHtml(
				doc( '', bytes ),
				`text/html; charset=${ label }`
			);
			expect( decoded.charset ).toBe( charset );
			expect( decoded.text ).toContain( text );
		}
	);

	it( 'finds <meta charset> in the first 1024 bytes', () => {
		const decoded = decodeHtml(
			doc( '<meta charset="shift_jis">', SJIS_NIHONGO ),
			'text/html'
		);
		expect( decoded ).toMatchObject( {
			charset: 'shift_jis',
			source: 'meta',
		} );
		expect( decoded.text ).toContain( '日本語' );
	} );

	it( 'finds <meta http-equiv="Content-Type"> with a charset', () => {
		const decoded = decodeHtml(
			doc(
				`<META HTTP-EQUIV='content-type' CONTENT='text/html; charset=euc-jp'>`,
				EUCJP_NIHONGO
			),
			null
		);
		expect( decoded ).toMatchObject( {
			charset: 'euc-jp',
			source: 'meta',
		} );
		expect( decoded.text ).toContain( '日本語' );
	} );

	it( 'ignores a <meta> inside a comment or beyond 1024 bytes', () => {
		const late = doc(
			`<!-- <meta charset="shift_jis"> -->${ ' '.repeat( 1100 ) }<meta charset="shift_jis">`,
			CP1252
		);
		expect( decodeHtml( late, 'text/html' ) ).toMatchObject( {
			charset: 'windows-1252',
			source: 'default',
		} );
	} );

	it( 'lets a BOM override the header', () => {
		const bytes = Buffer.concat( [
			Buffer.from( [ 0xef, 0xbb, 0xbf ] ),
			doc( '', 'naïve' ),
		] );
		const decoded = decodeHtml( bytes, 'text/html; charset=windows-1252' );
		expect( decoded ).toMatchObject( { charset: 'utf-8', source: 'bom' } );
		expect( decoded.text.startsWith( '<!doctype' ) ).toBe( true );
		expect( decoded.text ).toContain( 'naïve' );
	} );

	it( 'decodes UTF-16LE with a BOM', () => {
		const bytes = Buffer.concat( [
			Buffer.from( [ 0xff, 0xfe ] ),
			Buffer.from( '<html>Grüße</html>', 'utf16le' ),
		] );
		expect( decodeHtml( bytes, 'text/html' ) ).toMatchObject( {
			charset: 'utf-16le',
			text: '<html>Grüße</html>',
		} );
	} );

	it( 'reads a meta that claims UTF-16 as UTF-8 (it cannot be true in ASCII markup)', () => {
		expect(
			decodeHtml( doc( '<meta charset="utf-16">', 'é' ), null ).charset
		).toBe( 'utf-8' );
	} );

	it( 'skips an unknown header label and falls through to the meta', () => {
		const decoded = decodeHtml(
			doc( '<meta charset="shift_jis">', SJIS_NIHONGO ),
			'text/html; charset=x-klingon'
		);
		expect( decoded ).toMatchObject( {
			charset: 'shift_jis',
			source: 'meta',
		} );
	} );

	it( 'uses UTF-8 for undeclared valid UTF-8 and windows-1252 for anything else', () => {
		expect( decodeHtml( doc( '', 'Grüße' ), null ) ).toMatchObject( {
			charset: 'utf-8',
			source: 'utf8-valid',
		} );
		expect(
			decodeHtml( doc( '', CP1252 ), 'text/html; charset=bogus' )
		).toMatchObject( {
			charset: 'windows-1252',
			source: 'default',
		} );
	} );
} );

describe( 'fetching pages in other charsets', () => {
	let web: PartnerWeb;
	let fetcher: Fetcher;

	beforeAll( async () => {
		web = await startPartnerWeb( {
			'partner-jp.test': {
				'/header': {
					headers: { 'content-type': 'text/html; charset=Shift_JIS' },
					body: doc( '', SJIS_NIHONGO ),
				},
				'/meta': {
					headers: { 'content-type': 'text/html' },
					body: doc( '<meta charset="euc-jp">', EUCJP_NIHONGO ),
				},
				'/wrong': {
					// Declared UTF-8 but really windows-1252: decoded as declared, replacement chars, no crash.
					headers: { 'content-type': 'text/html; charset=utf-8' },
					body: doc( '', CP1252 ),
				},
				'/cp1252': {
					headers: {
						'content-type': 'text/html; charset=windows-1252',
					},
					body: doc( '', CP1252 ),
				},
			},
		} );
		fetcher = createFetcher( { resolveMap: web.resolveMap } );
	} );

	afterAll( async () => {
		await fetcher.close();
		await web.close();
	} );

	it.each( [
		[ '/header', 'shift_jis', '日本語' ],
		[ '/meta', 'euc-jp', '日本語' ],
		[ '/cp1252', 'windows-1252', 'café – “quoted”' ],
		[ '/wrong', 'utf-8', 'caf\ufffd' ],
	] )( 'decodes %s as %s', async ( path, charset, text ) => {
		const outcome = await fetcher.fetchPage(
			web.url( 'partner-jp.test', path )
		);
		expect( outcome.kind === 'ok' && outcome.charset ).toBe( charset );
		expect( outcome.kind === 'ok' && outcome.html ).toContain( text );
	} );
} );
