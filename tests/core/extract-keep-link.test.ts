/**
 * `keepLink` lets the backlink checker skip text and placement for links it
 * will throw away; it must not change anything about the links it keeps.
 */
import { analyzeHtml } from '../../src/core/extract';
import { loadCorpus } from '../fixtures/corpus/evaluate';

const corpus = loadCorpus();

/** Keeps about a third of each page's links, spread over the whole page. */
function everyThirdHost( href: string ): boolean {
	const host = new URL( href ).host;
	let sum = 0;
	for ( let i = 0; i < host.length; i++ ) {
		sum += host.charCodeAt( i );
	}
	return sum % 3 === 0;
}

const oursOnly = ( href: string ) => new URL( href ).hostname === 'ours.test';

/**
 * A page of one paragraph (one block) per href, analysed in full and with
 * only the links to ours.test kept: a wrongly skipped or kept link shifts
 * the block numbers of the links that follow it.
 */
function analyseBoth( hrefs: readonly string[], baseUrl: string ) {
	const html = `<html><body><main>${ hrefs
		.map(
			( href, i ) =>
				`<p>Line ${ i } <a href="${ href }">link ${ i }</a></p>`
		)
		.join( '' ) }</main></body></html>`;
	const all = analyzeHtml( html, baseUrl );
	const kept = analyzeHtml( html, baseUrl, { keepLink: oursOnly } );
	return {
		kept: kept.links,
		expected: all.links.filter( ( link ) => oursOnly( link.href ) ),
	};
}

describe( 'analyzeHtml keepLink', () => {
	it.each( corpus.map( ( page ) => [ page.name, page ] as const ) )(
		'%s: kept links equal the unfiltered result filtered afterwards (blocks, positions, placement), facts unchanged',
		( _name, page ) => {
			const all = analyzeHtml( page.html, page.baseUrl );
			const kept = analyzeHtml( page.html, page.baseUrl, {
				keepLink: everyThirdHost,
			} );
			expect( kept.facts ).toEqual( all.facts );
			expect( kept.links ).toEqual(
				all.links.filter( ( link ) => everyThirdHost( link.href ) )
			);
		}
	);

	it( 'relative links are dropped unresolved only when they cannot leave the page host', () => {
		// Each line is its own block, so a wrongly skipped or kept link
		// shifts the block numbers of the links to ours that follow it.
		const hrefs = [
			'/about',
			'//ours.test/host-relative',
			'&#92;&#92;ours.test/backslashes',
			'/&#92;ours.test/slash-backslash',
			'/&#10;/ours.test/newline-makes-host',
			'&#1;//ours.test/leading-control',
			' //ours.test/leading-space',
			'https:ours.test/other-scheme',
			'http:ours.test/same-scheme',
			'java&#10;script:alert(1)',
			'mailto:me@ours.test',
			'?page=2',
			'../up',
			'a b:c',
			`/${ 'x'.repeat( 9000 ) }`,
			'https://ours.test/plain',
		];
		const { kept, expected } = analyseBoth(
			hrefs,
			'http://partner.test/post/'
		);
		expect( kept ).toEqual( expected );
		expect( kept.map( ( link ) => link.text ) ).toEqual( [
			'link 1',
			'link 2',
			'link 3',
			'link 4',
			'link 5',
			'link 6',
			'link 7',
			'link 15',
		] );
		// On an alias of ours, relative links are ours and are kept.
		const onOurs = analyseBoth( hrefs, 'http://ours.test/post/' );
		expect( onOurs.kept ).toEqual( onOurs.expected );
		expect( onOurs.kept.map( ( link ) => link.href ) ).toContain(
			'http://ours.test/about'
		);
	} );

	it( 'random hrefs of URL syntax characters: kept links equal the filtered full result', () => {
		// A fixed-seed generator, so a failure names a reproducible href.
		let seed = 42;
		const random = () => {
			seed = ( seed * 1103515245 + 12345 ) % 2147483648;
			return seed / 2147483648;
		};
		const pieces = [
			'/',
			'\\',
			':',
			'.',
			'..',
			'?',
			'#',
			'@',
			'%2f',
			'http',
			'https',
			'ours.test',
			'x',
			'&#9;',
			'&#10;',
			'&#13;',
			'&#1;',
			' ',
			'mailto:',
			'javascript:',
		];
		const some = ( max: number ) =>
			Array.from(
				{ length: Math.floor( random() * ( max + 1 ) ) },
				() => pieces[ Math.floor( random() * pieces.length ) ]
			).join( '' );
		const prefixes = [
			'/',
			'\\',
			'http:',
			'https:',
			'&#10;',
			'&#9;',
			' ',
			'&#1;',
			'.',
			'?',
			':',
		];
		const prefix = () =>
			Array.from(
				{ length: 1 + Math.floor( random() * 3 ) },
				() => prefixes[ Math.floor( random() * prefixes.length ) ]
			).join( '' );
		// Half: a tricky prefix in front of our host name ("/&#10;/ours…").
		const hrefs = Array.from( { length: 3000 }, () =>
			random() < 0.5 ? prefix() + 'ours.test' + some( 2 ) : some( 5 )
		);
		const { kept, expected } = analyseBoth(
			hrefs,
			'http://partner.test/a/b'
		);
		expect( kept.length ).toBeGreaterThan( 10 );
		expect( kept ).toEqual( expected );
	} );

	it( 'drops every link when nothing is kept, in page and fragment mode', () => {
		const page = corpus[ 0 ];
		for ( const fragment of [ false, true ] ) {
			const result = analyzeHtml( page.html, page.baseUrl, {
				fragment,
				keepLink: () => false,
			} );
			expect( result.links ).toEqual( [] );
			expect( result.facts ).toEqual(
				analyzeHtml( page.html, page.baseUrl, { fragment } ).facts
			);
		}
	} );

	it( 'filters the corpus for real (the test above is not vacuous)', () => {
		const counts = corpus.map( ( page ) => {
			const { links } = analyzeHtml( page.html, page.baseUrl );
			return [
				links.length,
				links.filter( ( link ) => everyThirdHost( link.href ) ).length,
			];
		} );
		const total = counts.reduce( ( sum, [ all ] ) => sum + all, 0 );
		const kept = counts.reduce( ( sum, [ , some ] ) => sum + some, 0 );
		expect( kept ).toBeGreaterThan( 0 );
		expect( kept ).toBeLessThan( total );
	} );
} );
