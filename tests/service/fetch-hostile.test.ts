/**
 * A hostile web (issue 7, item 1): every trick a partner's server can play
 * ends in one exact per-link status, within the check's deadline, without
 * the process's memory running away.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	createFetcher,
	type Fetcher,
	type FetchOutcome,
} from '../../src/service/fetch';
import {
	endlessBody,
	makeBomb,
	redirect,
	resetMidBody,
	slowBody,
	slowHeaders,
	startPartnerWeb,
	tooManyRequests,
	type PartnerRoutes,
	type PartnerWeb,
} from '../helpers/partner-web';

const H = 'hostile.test';
const DEADLINE_MS = 2_500;
/** Scheduling slack on top of the deadline (not a speed claim). */
const SLACK_MS = 1_500;
const CAP = 256 * 1024;

let web: PartnerWeb;
let fetcher: Fetcher;
let peakRss = 0;
/**
 * RSS when this suite started: a jest worker may have run other suites
 * before, and RSS rarely shrinks, so only growth is this suite's doing.
 */
const baselineRss = process.memoryUsage().rss;
/** Fixture path → the status it ended with (for docs/reliability.md). */
const seen: Record< string, string > = {};

const chain = ( name: string, hops: number ): PartnerRoutes =>
	Object.fromEntries(
		Array.from( { length: hops }, ( _, i ) => [
			`/${ name }${ i }`,
			redirect( `/${ name }${ i + 1 }` ),
		] )
	);

beforeAll( async () => {
	const [ gzipBomb, brotliBomb ] = await Promise.all( [
		makeBomb( 'gzip', 64 * 1024 * 1024 ),
		makeBomb( 'br', 64 * 1024 * 1024 ),
	] );
	web = await startPartnerWeb( {
		[ H ]: {
			'/robots.txt': 'User-agent: *\nAllow: /',
			'/slowloris-headers': slowHeaders( 1000 ),
			'/slowloris-body': slowBody( 1000, 'x' ),
			'/endless': endlessBody(),
			'/five-gb': ( _req, res ) => {
				res.writeHead( 200, {
					'content-type': 'text/html',
					'content-length': String( 5 * 1024 ** 3 ),
				} );
				res.write( '<html>' );
			},
			'/gzip-bomb': {
				headers: {
					'content-type': 'text/html',
					'content-encoding': 'gzip',
				},
				body: gzipBomb,
			},
			'/brotli-bomb': {
				headers: {
					'content-type': 'text/html',
					'content-encoding': 'br',
				},
				body: brotliBomb,
			},
			'/loop': redirect( '/loop' ),
			...chain( 'hop', 30 ),
			'/to-file': redirect( 'file:///etc/passwd' ),
			'/to-data': redirect( 'data:text/html;base64,PGgxPmhpPC9oMT4=' ),
			'/to-javascript': redirect( 'javascript:alert(document.cookie)' ),
			'/to-private': redirect( 'http://10.0.0.1/admin' ),
			'/to-metadata': redirect(
				'http://169.254.169.254/latest/meta-data/iam/'
			),
			'/binary': {
				headers: { 'content-type': 'text/html' },
				body: Buffer.alloc( 4096, 0 ),
			},
			'/missing-charset': {
				headers: { 'content-type': 'text/html' },
				body: Buffer.from( '<html>caf\xe9</html>', 'latin1' ),
			},
			'/wrong-charset': {
				headers: { 'content-type': 'text/html; charset=utf-8' },
				body: Buffer.from( '<html>\xff\xfe\xfd</html>', 'latin1' ),
			},
			'/storm-429': tooManyRequests( 1 ),
			'/storm-503': tooManyRequests( 1, 503 ),
			'/reset': resetMidBody(),
			'/bad-encoding': {
				headers: {
					'content-type': 'text/html',
					'content-encoding': 'gzip',
				},
				body: 'not gzip at all',
			},
			'/huge-headers': ( _req, res ) => {
				res.writeHead( 200, {
					'content-type': 'text/html',
					'x-junk': 'j'.repeat( 60 * 1024 ),
				} );
				res.end( 'x' );
			},
		},
	} );
	fetcher = createFetcher( {
		resolveMap: web.resolveMap,
		maxBytes: CAP,
		retryBaseDelayMs: 50,
		maxRetries: 3,
	} );
} );

afterEach( () => {
	peakRss = Math.max( peakRss, process.memoryUsage().rss );
} );

afterAll( async () => {
	await fetcher.close();
	await web.close();
	// The reliability report (issue 7) collects figures from test runs.
	const dir = process.env.RLG_RELIABILITY_DIR;
	if ( dir ) {
		mkdirSync( dir, { recursive: true } );
		writeFileSync(
			join( dir, 'fetch-hostile.json' ),
			JSON.stringify(
				{
					faults: Object.keys( seen ).length,
					outcomes: seen,
					peakRssBytes: peakRss,
					rssGrowthBytes: peakRss - baselineRss,
					deadlineMs: DEADLINE_MS,
				},
				null,
				2
			)
		);
	}
} );

it.each( [
	[ '/slowloris-headers', 'timeout' ],
	[ '/slowloris-body', 'timeout' ],
	[ '/endless', 'too-large' ],
	[ '/five-gb', 'too-large' ],
	[ '/gzip-bomb', 'too-large' ],
	[ '/brotli-bomb', 'too-large' ],
	[ '/loop', 'http-error' ],
	[ '/hop0', 'http-error' ],
	[ '/to-file', 'refused-unsafe-address' ],
	[ '/to-data', 'refused-unsafe-address' ],
	[ '/to-javascript', 'refused-unsafe-address' ],
	[ '/to-private', 'refused-unsafe-address' ],
	[ '/to-metadata', 'refused-unsafe-address' ],
	[ '/binary', 'not-html' ],
	[ '/missing-charset', 'ok' ],
	[ '/wrong-charset', 'ok' ],
	[ '/storm-429', 'rate-limited' ],
	[ '/storm-503', 'rate-limited' ],
	[ '/reset', 'unreachable' ],
	[ '/bad-encoding', 'unreachable' ],
	[ '/huge-headers', 'unreachable' ],
] )( '%s ends as %s within the deadline', async ( path, status ) => {
	const deadline = Date.now() + DEADLINE_MS;
	const outcome: FetchOutcome = await fetcher.fetchPage( web.url( H, path ), {
		deadline,
	} );
	seen[ path ] = outcome.kind === 'failed' ? outcome.status : outcome.kind;
	expect( seen[ path ] ).toBe( status );
	expect( Date.now() ).toBeLessThanOrEqual( deadline + SLACK_MS );
} );

it( 'refuses TLS to a plain HTTP port as unreachable', async () => {
	const outcome = await fetcher.fetchPage(
		`https://${ H }:${ web.site( H ).port }/`
	);
	expect( outcome.kind === 'failed' && outcome.status ).toBe( 'unreachable' );
} );

it( 'decodes a page with no charset as windows-1252 when it is not UTF-8', async () => {
	const outcome = await fetcher.fetchPage( web.url( H, '/missing-charset' ) );
	expect( outcome.kind === 'ok' && outcome.html ).toBe( '<html>café</html>' );
} );

it( 'kept memory bounded across the hostile suite', () => {
	// Two 64 MiB bombs and an endless body went by; none may be buffered.
	expect( peakRss - baselineRss ).toBeLessThan( 300 * 1024 * 1024 );
} );
