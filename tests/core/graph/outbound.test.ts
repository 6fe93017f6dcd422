/**
 * The outbound domains of a partner page (issue 19): counted by site, the
 * page's own site and ours left out, bounded to the most-linked
 * MAX_OUTBOUND_DOMAINS with the true total.
 */
import { createOutboundCounter } from '../../../src/core/graph/outbound';
import {
	MAX_OUTBOUND_DOMAINS,
	MAX_SAMPLE_URL_CHARS,
	PartnerPageSchema,
} from '../../../src/core/graph/schemas';

const isOurs = ( href: string ) => href.startsWith( 'https://our.test' );

describe( 'createOutboundCounter', () => {
	it( 'counts links by site, not by host, leaving out its own site and ours', () => {
		const counter = createOutboundCounter( 'b.test', isOurs );
		for ( const href of [
			'https://c.test/a',
			'https://www.c.test/b',
			'https://b.test/self',
			'https://shop.b.test/self',
			'https://our.test/post',
			'https://d.co.uk/',
			'http://127.0.0.1:8080/x',
			'mailto:x@y.test',
		] ) {
			counter.add( href );
		}
		expect( counter.summary() ).toEqual( {
			outbound: [
				{ domain: 'c.test', links: 2, sample: 'https://c.test/a' },
				{ domain: 'd.co.uk', links: 1, sample: 'https://d.co.uk/' },
				{
					domain: '127.0.0.1:8080',
					links: 1,
					sample: 'http://127.0.0.1:8080/x',
				},
			],
			outboundTotal: 3,
		} );
	} );

	it( 'keeps the most-linked domains and the true total on a page of thousands', () => {
		const counter = createOutboundCounter( 'b.test', isOurs );
		for ( let i = 0; i < 1000; i++ ) {
			counter.add( `https://site${ i }.test/${ 'x'.repeat( 400 ) }` );
		}
		for ( let i = 0; i < 5; i++ ) {
			counter.add( 'https://site999.test/' );
		}
		const summary = counter.summary();
		expect( summary.outboundTotal ).toBe( 1000 );
		expect( summary.outbound ).toHaveLength( MAX_OUTBOUND_DOMAINS );
		expect( summary.outbound[ 0 ] ).toMatchObject( {
			domain: 'site999.test',
			links: 6,
		} );
		expect( summary.outbound[ 1 ].domain ).toBe( 'site0.test' );
		expect( summary.outbound[ 1 ].sample ).toHaveLength(
			MAX_SAMPLE_URL_CHARS
		);
		// What it yields is a valid stored page.
		expect(
			PartnerPageSchema.safeParse( {
				pageUrl: 'https://b.test/',
				domain: 'b.test',
				foundOn: 'homepage',
				target: 'https://b.test/post',
				readAt: '2026-01-01T00:00:00.000Z',
				linksToUs: 0,
				...summary,
			} ).success
		).toBe( true );
	} );
} );
