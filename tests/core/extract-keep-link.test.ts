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
