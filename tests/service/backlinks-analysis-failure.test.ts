/**
 * If the analyser ever throws on a stranger's page, that target gets a
 * status and the check goes on.
 */
import { createBacklinkChecker } from '../../src/service/backlinks';
import { createFetcher } from '../../src/service/fetch';
import { html, startPartnerWeb } from '../helpers/partner-web';

jest.mock( '../../src/core/extract', () => ( {
	analyzeHtml: () => {
		throw new RangeError( 'Maximum call stack size exceeded' );
	},
} ) );

it( 'reports a page the analyser cannot handle as not-html', async () => {
	const web = await startPartnerWeb( { 'p.test': { '/': html( 'x' ) } } );
	const fetcher = createFetcher( { resolveMap: web.resolveMap } );
	try {
		const result = await createBacklinkChecker( { fetcher } ).checkTarget(
			web.url( 'p.test' ),
			{
				siteUrls: [ 'https://our.site/' ],
				keywords: [],
				brandTerms: [],
				homepage: true,
			}
		);
		expect( result.status ).toBe( 'not-html' );
		expect( result.httpStatus ).toBe( 200 );
		expect( result.detail ).toMatch(
			/could not be analysed \(Maximum call stack/
		);
	} finally {
		await fetcher.close();
		await web.close();
	}
} );
