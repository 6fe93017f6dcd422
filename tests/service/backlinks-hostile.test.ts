/**
 * Hostile pages through the whole checker (fetch + extraction + matching):
 * huge link counts and pathological markup end in the exact status within
 * the check's deadline.
 */
import {
	createBacklinkChecker,
	type CheckContext,
} from '../../src/service/backlinks';
import { createFetcher, type Fetcher } from '../../src/service/fetch';
import { startPartnerWeb, type PartnerWeb } from '../helpers/partner-web';

const H = 'hostile-html.test';
const DEADLINE_MS = 20_000;
const ctx: CheckContext = {
	siteUrls: [ 'https://our.site/' ],
	keywords: [],
	brandTerms: [],
	homepage: false,
};

let web: PartnerWeb;
let fetcher: Fetcher;

beforeAll( async () => {
	const manyLinks = Array.from(
		{ length: 100_000 },
		( _, i ) => `<a href=/${ i }>x</a>`
	).join( '' );
	web = await startPartnerWeb( {
		[ H ]: {
			'/many-links': `<!doctype html><title>links</title><body>${ manyLinks }<a href="https://our.site/">us</a></body>`,
			'/unclosed': `<!doctype html><title>deep</title><body>${ '<div>'.repeat( 100_000 ) }<a href="https://our.site/">us</a>`,
			'/malformed':
				`<html><body><a href="https://our.site/"<<p>>>unterminated <a href='https://our.site/x>` +
				'</b>'.repeat( 1000 ),
			'/no-links-deep': `<body>${ '<span><i>'.repeat( 50_000 ) }text`,
		},
	} );
	fetcher = createFetcher( { resolveMap: web.resolveMap } );
} );

afterAll( async () => {
	await fetcher.close();
	await web.close();
} );

it.each( [
	[ '/many-links', 'links-back' ],
	[ '/unclosed', 'links-back' ],
	[ '/no-links-deep', 'no-link' ],
] )( '%s ends as %s within the deadline', async ( path, status ) => {
	const deadline = Date.now() + DEADLINE_MS;
	const result = await createBacklinkChecker( { fetcher } ).checkTarget(
		web.url( H, path ),
		{ ...ctx, deadline }
	);
	expect( result.status ).toBe( status );
	expect( Date.now() ).toBeLessThanOrEqual( deadline + 2_000 );
} );

it( 'survives malformed markup without throwing', async () => {
	const result = await createBacklinkChecker( { fetcher } ).checkTarget(
		web.url( H, '/malformed' ),
		ctx
	);
	expect( [ 'links-back', 'no-link' ] ).toContain( result.status );
	expect( result.page?.title ).toBe( '' );
} );
