/**
 * The plugin signs service requests in PHP (Service_Client::sign) and the
 * service verifies them in TypeScript (src/service/auth/signing.ts): the two
 * must produce the same signature for the same request, byte for byte,
 * including a query string, a UTF-8 body and an empty body.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { computeSignature } from '../../src/service/auth/signing';

const CLIENT = path.resolve(
	__dirname,
	'..',
	'..',
	'includes',
	'class-service-client.php'
);

function phpSign( input: {
	key: string;
	method: string;
	path: string;
	timestamp: string;
	nonce: string;
	body: string;
} ): string {
	const result = spawnSync(
		'php',
		[
			'-r',
			`define( 'ABSPATH', '/' );
			require $argv[1];
			$in = json_decode( $argv[2], true );
			echo ReciprocalLinkGuard\\Service_Client::sign( $in['key'], $in['method'], $in['path'], $in['timestamp'], $in['nonce'], $in['body'] );`,
			CLIENT,
			JSON.stringify( input ),
		],
		{ encoding: 'utf8' }
	);
	if ( result.error || result.status !== 0 ) {
		throw new Error(
			`php failed: ${ result.error?.message ?? result.stderr }`
		);
	}
	return result.stdout;
}

describe( 'request signatures: PHP plugin and TypeScript service agree', () => {
	it.each( [
		[
			'a check with a JSON body',
			'POST',
			'/v1/check',
			JSON.stringify( {
				site: 'http://127.0.0.1:8888/',
				links: [
					{
						url: 'https://tuin.example/',
						anchorText: 'moestuin tips',
					},
				],
			} ),
		],
		[
			'a GET with a query and no body',
			'GET',
			'/v1/report?perPage=5&page=1',
			'',
		],
		[
			'a body with non-ASCII text',
			'POST',
			'/v1/partner-log',
			'{"note":"Afspraak met Zoë — €50"}',
		],
	] )( '%s', ( _name, method, requestPath, body ) => {
		const input = {
			key: 'd3adb33f'.repeat( 8 ),
			method,
			path: requestPath,
			timestamp: '1764064800',
			nonce: '0123456789abcdef0123456789abcdef',
			body,
		};
		expect( phpSign( input ) ).toBe(
			computeSignature( input.key, {
				method: input.method,
				path: input.path,
				timestamp: input.timestamp,
				nonce: input.nonce,
				body: input.body,
			} )
		);
	} );
} );
