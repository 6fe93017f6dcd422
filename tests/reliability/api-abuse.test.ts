/**
 * API abuse (issue 7, part 3) beyond tests/service/auth.test.ts and
 * api.test.ts: invalid UTF-8, 100 KB URLs, wrong content types, JSON bombs
 * and header floods against the real service. Each is refused with its
 * status and a stable `code`, and /v1/health answers after every one.
 */
import net from 'node:net';
import { recordFigures } from './figures';
import {
	SITE_URL,
	signedPost,
	startReliableService,
	type ReliableService,
} from './service';

let running: ReliableService;
let base: string;
const refused: Record< string, { status: number; code: string } > = {};

beforeAll( async () => {
	running = await startReliableService();
	base = running.service.url;
} );

afterAll( async () => {
	await running.close();
	recordFigures( 'api-abuse', { refused } );
} );

async function healthy(): Promise< boolean > {
	const response = await fetch( `${ base }/v1/health` );
	return response.status === 200 && ( await response.json() ).ok === true;
}

/** One raw HTTP exchange: what a client that ignores the rules can send. */
function rawRequest( request: string ): Promise< string > {
	const { port } = new URL( base );
	return new Promise( ( resolve, reject ) => {
		const socket = net.connect( Number( port ), '127.0.0.1' );
		let received = '';
		socket.on( 'data', ( chunk ) => ( received += chunk.toString() ) );
		socket.on( 'end', () => resolve( received ) );
		socket.on( 'close', () => resolve( received ) );
		socket.on( 'error', ( error: NodeJS.ErrnoException ) =>
			// The server may close while we still write; what it said counts.
			error.code === 'ECONNRESET' || error.code === 'EPIPE'
				? resolve( received )
				: reject( error )
		);
		socket.setTimeout( 10_000, () => socket.destroy() );
		socket.end( request );
	} );
}

function parseRaw( response: string ): { status: number; body: any } {
	const status = Number( /^HTTP\/1\.1 (\d{3})/.exec( response )?.[ 1 ] );
	const body = response.slice( response.indexOf( '\r\n\r\n' ) + 4 );
	try {
		return { status, body: JSON.parse( body ) };
	} catch {
		return { status, body };
	}
}

const checkBody = ( url: string ) =>
	JSON.stringify( { site: SITE_URL, links: [ { url, anchorText: 'x' } ] } );

describe.each( [
	[
		'invalid UTF-8 in a signed body',
		() =>
			signedPost(
				base,
				'/v1/check',
				Buffer.concat( [
					Buffer.from(
						`{"site":"${ SITE_URL }","links":[{"url":"https://partner.example/","anchorText":"`
					),
					Buffer.from( [ 0xc3, 0x28, 0xff, 0xfe ] ),
					Buffer.from( '"}]}' ),
				] )
			),
		400,
		'ERR_INVALID_UTF8',
	],
	[
		'a URL of 100 KB',
		() =>
			signedPost(
				base,
				'/v1/check',
				checkBody(
					`https://partner.example/${ 'a'.repeat( 100_000 ) }`
				)
			),
		400,
		'ERR_VALIDATION',
	],
	[
		'a text/plain body',
		() =>
			signedPost( base, '/v1/check', checkBody( 'https://p.example/' ), {
				'content-type': 'text/plain',
			} ),
		415,
		'ERR_UNSUPPORTED_MEDIA_TYPE',
	],
	[
		'a form-encoded body',
		() =>
			signedPost( base, '/v1/check', 'site=x', {
				'content-type': 'application/x-www-form-urlencoded',
			} ),
		415,
		'ERR_UNSUPPORTED_MEDIA_TYPE',
	],
	[
		'a JSON bomb nested 100,000 deep',
		() =>
			signedPost(
				base,
				'/v1/check',
				`{"site":"${ SITE_URL }","links":${ '['.repeat( 100_000 ) }${ ']'.repeat( 100_000 ) }}`
			),
		400,
		'ERR_VALIDATION',
	],
	[
		'a JSON bomb nested 100,000 deep under an unknown key',
		() =>
			signedPost(
				base,
				'/v1/check',
				`{"site":"${ SITE_URL }","links":[{"url":"http://127.0.0.1:9/"}],"x":${ '{"a":'.repeat( 100_000 ) }1${ '}'.repeat( 100_000 ) }}`
			),
		// Unknown keys are dropped unread: the request is valid and checked
		// (the target is loopback: refused by the SSRF guard, no network).
		200,
		null,
	],
	[
		'truncated JSON',
		() =>
			signedPost(
				base,
				'/v1/check',
				`{"site":"${ SITE_URL }","links":[`
			),
		400,
		'ERR_INVALID_JSON',
	],
	[
		'a request line of 100 KB',
		async () =>
			parseRaw(
				await rawRequest(
					`GET /v1/health?${ 'q'.repeat( 100_000 ) } HTTP/1.1\r\nHost: x\r\n\r\n`
				)
			),
		431,
		'ERR_HEADERS_TOO_LARGE',
	],
	[
		'a flood of 2,000 headers',
		async () =>
			parseRaw(
				await rawRequest(
					`GET /v1/health HTTP/1.1\r\nHost: x\r\n${ Array.from(
						{ length: 2000 },
						( _, i ) => `X-Flood-${ i }: ${ 'v'.repeat( 20 ) }\r\n`
					).join( '' ) }\r\n`
				)
			),
		431,
		'ERR_HEADERS_TOO_LARGE',
	],
	[
		'a malformed request line',
		async () => parseRaw( await rawRequest( 'GARBAGE\r\n\r\n' ) ),
		400,
		'ERR_BAD_REQUEST',
	],
] )(
	'%s',
	(
		name,
		send: () => Promise< { status: number; body: any } >,
		status,
		code
	) => {
		it( `is answered ${ status }${ code ? ` ${ code }` : '' } and the service stays up`, async () => {
			const answer = await send();
			const seen = {
				status: answer.status,
				code: ( answer.body?.code as string | undefined ) ?? null,
				explained:
					code === null || typeof answer.body?.message === 'string',
			};
			expect( seen ).toEqual( { status, code, explained: true } );
			if ( code !== null ) {
				refused[ name ] = { status: seen.status, code: seen.code! };
			}
			expect( await healthy() ).toBe( true );
		} );
	}
);
