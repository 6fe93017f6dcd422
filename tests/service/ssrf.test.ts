/**
 * The SSRF matrix: every range the guard must refuse, every spelling that
 * tries to sneak past it, on the first request and on redirect hops, and
 * names whose DNS answers point inside. The only way in is --resolve.
 */
/* eslint jest/expect-expect: [ "error", { "assertFunctionNames": [ "expect", "expectRefused" ] } ] */
import { isRlgError } from '../../src/service/errors';
import {
	createFetcher,
	embeddedIPv4,
	parseResolveMap,
	unsafeAddressReason,
	type Fetcher,
	type FetchOutcome,
	type LookupFunction,
} from '../../src/service/fetch';
import type { Socket } from 'node:net';
import { createGuardedConnector } from '../../src/service/fetch/ssrf-guard';
import {
	html,
	redirect,
	startPartnerWeb,
	type PartnerWeb,
} from '../helpers/partner-web';

const A = 'partner-a.test';

describe( 'unsafeAddressReason', () => {
	it.each( [
		[ '0.0.0.0', /unspecified/ ],
		[ '0.1.2.3', /0\.0\.0\.0\/8/ ],
		[ '10.0.0.1', /private/ ],
		[ '10.255.255.255', /private/ ],
		[ '100.64.0.1', /CGNAT/ ],
		[ '100.127.255.254', /CGNAT/ ],
		[ '100.100.100.200', /cloud metadata/ ],
		[ '127.0.0.1', /loopback/ ],
		[ '127.255.255.254', /loopback/ ],
		[ '169.254.0.1', /link-local/ ],
		[ '169.254.169.254', /cloud metadata/ ],
		[ '172.16.0.1', /private/ ],
		[ '172.31.255.255', /private/ ],
		[ '192.0.0.8', /IETF/ ],
		[ '192.0.2.10', /documentation/ ],
		[ '192.88.99.1', /6to4 relay/ ],
		[ '192.168.1.1', /private/ ],
		[ '198.18.0.1', /benchmarking/ ],
		[ '198.51.100.7', /documentation/ ],
		[ '203.0.113.9', /documentation/ ],
		[ '224.0.0.1', /multicast/ ],
		[ '239.255.255.250', /multicast/ ],
		[ '240.0.0.1', /reserved/ ],
		[ '255.255.255.255', /broadcast/ ],
		[ '::', /unspecified/ ],
		[ '::1', /loopback/ ],
		[ '[::1]', /loopback/ ],
		[ 'fe80::1', /link-local/ ],
		[ 'fe80::1%eth0', /link-local/ ],
		[ 'febf:ffff::1', /link-local/ ],
		[ 'fec0::1', /site-local/ ],
		[ 'fc00::1', /unique local/ ],
		[ 'fd12:3456::1', /unique local/ ],
		[ 'fd00:ec2::254', /cloud metadata/ ],
		[ 'ff02::1', /multicast/ ],
		[ '100::1', /not global unicast/ ],
		[ '2001:db8::1', /documentation/ ],
		[ '3fff::1', /documentation/ ],
		[ '2001:0:4136:e378::1', /Teredo/ ],
		[ '::ffff:127.0.0.1', /IPv4-mapped form of 127\.0\.0\.1 is loopback/ ],
		[ '::ffff:7f00:1', /IPv4-mapped form of 127\.0\.0\.1/ ],
		[ '::ffff:a9fe:a9fe', /169\.254\.169\.254 .*cloud metadata/ ],
		[ '::ffff:10.1.2.3', /private/ ],
		[ '::127.0.0.1', /IPv4-compatible form of 127\.0\.0\.1/ ],
		[ '64:ff9b::127.0.0.1', /NAT64 form of 127\.0\.0\.1/ ],
		[ '64:ff9b::a00:1', /NAT64 form of 10\.0\.0\.1/ ],
		[ '64:ff9b:1::1', /not global unicast/ ],
		[ '2002:7f00:1::', /6to4 form of 127\.0\.0\.1/ ],
		[ '2002:c0a8:101::1', /6to4 form of 192\.168\.1\.1/ ],
		[ '2002:a9fe:a9fe::1', /6to4 form of 169\.254\.169\.254/ ],
		[ 'localhost', /not an IP address/ ],
	] )( 'refuses %s', ( address, reason ) => {
		expect( unsafeAddressReason( address ) ).toMatch( reason );
	} );

	it.each( [
		'1.1.1.1',
		'8.8.8.8',
		'93.184.216.34',
		'100.63.255.255',
		'100.128.0.0',
		'172.15.255.255',
		'172.32.0.0',
		'169.253.255.255',
		'2606:4700:4700::1111',
		'2a00:1450:4001:82b::200e',
		'::ffff:8.8.8.8',
		'64:ff9b::808:808',
		'2002:808:808::1',
	] )( 'allows public %s', ( address ) => {
		expect( unsafeAddressReason( address ) ).toBeNull();
	} );

	it( 'finds the IPv4 address inside IPv6 forms', () => {
		expect( embeddedIPv4( '::ffff:192.168.0.1' ) ).toEqual( {
			v4: '192.168.0.1',
			form: 'IPv4-mapped',
		} );
		expect( embeddedIPv4( '2002:0a00:0001::' ) ).toEqual( {
			v4: '10.0.0.1',
			form: '6to4',
		} );
		expect( embeddedIPv4( '2606:4700::1' ) ).toBeNull();
	} );
} );

describe( 'parseResolveMap', () => {
	it( 'parses curl-style entries, canonicalising host names', () => {
		const map = parseResolveMap( [
			'Partner-A.TEST:8081:127.0.0.1',
			'bücher.test:80:[::1]',
			'six.test:443:::1',
		] );
		expect( [ ...map ] ).toEqual( [
			[ 'partner-a.test:8081', '127.0.0.1' ],
			[ 'xn--bcher-kva.test:80', '::1' ],
			[ 'six.test:443', '::1' ],
		] );
	} );

	it.each( [
		'partner-a.test:8081',
		'partner-a.test::127.0.0.1',
		'partner-a.test:99999:127.0.0.1',
		'partner-a.test:80:not-an-ip',
		'127.0.0.2:80:127.0.0.1',
		':80:127.0.0.1',
		'bad host:80:127.0.0.1',
	] )( 'rejects %j with ERR_INVALID_RESOLVE', ( entry ) => {
		let thrown: unknown;
		try {
			parseResolveMap( [ entry ] );
		} catch ( error ) {
			thrown = error;
		}
		expect( isRlgError( thrown, 'ERR_INVALID_RESOLVE' ) ).toBe( true );
		expect( ( thrown as Error ).message ).toContain( entry );
	} );
} );

describe( 'fetching through the guard', () => {
	let web: PartnerWeb;
	let fetcher: Fetcher;
	let port: number;
	const dnsAnswers = new Map< string, string[] >();
	const lookups: string[] = [];
	const fakeDns: LookupFunction = async ( hostname ) => {
		lookups.push( hostname );
		const answers = dnsAnswers.get( hostname );
		if ( ! answers ) {
			throw Object.assign(
				new Error( `getaddrinfo ENOTFOUND ${ hostname }` ),
				{ code: 'ENOTFOUND' }
			);
		}
		return answers.map( ( address ) => ( {
			address,
			family: address.includes( ':' ) ? 6 : 4,
		} ) );
	};

	function expectRefused( outcome: FetchOutcome, detail?: RegExp ) {
		expect(
			outcome.kind === 'failed' ? outcome.status : outcome.kind
		).toBe( 'refused-unsafe-address' );
		if ( detail && outcome.kind === 'failed' ) {
			expect( outcome.detail ).toMatch( detail );
		}
	}

	beforeAll( async () => {
		web = await startPartnerWeb( {
			[ A ]: {
				'/': html( 'public-looking partner' ),
				'/to-loopback': redirect(
					( w ) => `http://127.0.0.1:${ w.site( A ).port }/`
				),
				'/to-metadata': redirect(
					'http://169.254.169.254/latest/meta-data/'
				),
				'/to-mapped-v6': redirect(
					( w ) => `http://[::ffff:127.0.0.1]:${ w.site( A ).port }/`
				),
				'/to-decimal': redirect(
					( w ) => `http://2130706433:${ w.site( A ).port }/`
				),
				'/to-other-port': redirect(
					( w ) => `http://${ A }:${ w.site( A ).port + 1 }/`
				),
				'/to-evil-name': redirect(
					( w ) => `http://evil.example:${ w.site( A ).port }/`
				),
				'/to-userinfo': redirect(
					( w ) => `http://${ A }@127.0.0.1:${ w.site( A ).port }/`
				),
			},
		} );
		port = web.site( A ).port;
		dnsAnswers.set( 'evil.example', [ '127.0.0.1' ] );
		dnsAnswers.set( 'metadata.example', [ '169.254.169.254' ] );
		dnsAnswers.set( 'mixed.example', [ '93.184.216.34', '10.0.0.7' ] );
		dnsAnswers.set( 'six.example', [ '::1' ] );
		dnsAnswers.set( 'mapped6.example', [ '::ffff:127.0.0.1' ] );
		dnsAnswers.set( A, [ '127.0.0.1' ] );
		fetcher = createFetcher( {
			resolveMap: web.resolveMap,
			lookup: fakeDns,
			checkTimeoutMs: 5_000,
		} );
	} );

	afterAll( async () => {
		await fetcher.close();
		await web.close();
	} );

	it( 'reaches a mapped name (the --resolve bypass)', async () => {
		expect( ( await fetcher.fetchPage( web.url( A ) ) ).kind ).toBe( 'ok' );
	} );

	it.each( [
		[ 'loopback', 'http://127.0.0.1:PORT/' ],
		[ 'short loopback', 'http://127.1:PORT/' ],
		[ 'decimal', 'http://2130706433:PORT/' ],
		[ 'octal', 'http://0177.0.0.1:PORT/' ],
		[ 'long octal', 'http://017700000001:PORT/' ],
		[ 'hex', 'http://0x7f.0x0.0x0.0x1:PORT/' ],
		[ 'long hex', 'http://0x7f000001:PORT/' ],
		[ 'zero', 'http://0:PORT/' ],
		[ 'IPv6 loopback', 'http://[::1]:PORT/' ],
		[ 'IPv6 unspecified', 'http://[::]:PORT/' ],
		[ 'IPv4-mapped', 'http://[::ffff:127.0.0.1]:PORT/' ],
		[ 'IPv4-mapped hex', 'http://[::ffff:7f00:1]:PORT/' ],
		[ 'NAT64', 'http://[64:ff9b::7f00:1]:PORT/' ],
		[ '6to4', 'http://[2002:7f00:1::]:PORT/' ],
		[ 'metadata', 'http://169.254.169.254/latest/meta-data/' ],
		[ 'metadata decimal', 'http://2852039166/latest/meta-data/' ],
		[ 'metadata IPv6', 'http://[fd00:ec2::254]/latest/meta-data/' ],
		[ 'private', 'http://10.0.0.1/' ],
		[ 'private 192', 'http://192.168.0.1/' ],
		[ 'CGNAT', 'http://100.64.0.1/' ],
		[ 'link-local v6', 'http://[fe80::1]/' ],
		[ 'ULA', 'http://[fc00::1]/' ],
		[ 'multicast', 'http://224.0.0.1/' ],
		[ 'broadcast', 'http://255.255.255.255/' ],
		[
			'userinfo naming a partner',
			'http://partner-a.test@127.0.0.1:PORT/',
		],
		[ 'userinfo with port', 'http://partner-a.test:PORT@127.0.0.1:PORT/' ],
		[ 'userinfo with password', 'http://user:pass@127.0.0.1:PORT/' ],
	] )( 'refuses a %s URL before connecting', async ( _name, template ) => {
		const before = web.requests.length;
		expectRefused(
			await fetcher.fetchPage(
				template.replaceAll( 'PORT', String( port ) )
			)
		);
		expect( web.requests.length ).toBe( before );
	} );

	it( 'reads userinfo the way the WHATWG parser does: the host after @ is the one fetched', async () => {
		const outcome = await fetcher.fetchPage(
			`http://127.0.0.1@${ A }:${ port }/`
		);
		expect( outcome.kind ).toBe( 'ok' );
		// …and the credentials are never sent on.
		expect( web.requests.at( -1 )!.headers.authorization ).toBeUndefined();
		expect( outcome.kind === 'ok' && outcome.url ).toBe( web.url( A ) );
	} );

	it.each( [
		[ '/to-loopback', /127\.0\.0\.1 is loopback/ ],
		[ '/to-metadata', /169\.254\.169\.254 is link-local .*cloud metadata/ ],
		[ '/to-mapped-v6', /IPv4-mapped form of 127\.0\.0\.1/ ],
		[ '/to-decimal', /127\.0\.0\.1 is loopback/ ],
		[
			'/to-evil-name',
			/evil\.example resolves to 127\.0\.0\.1 is loopback/,
		],
		[ '/to-other-port', /partner-a\.test resolves to 127\.0\.0\.1/ ],
		[ '/to-userinfo', /127\.0\.0\.1 is loopback/ ],
	] )(
		'refuses a redirect hop %s from a mapped name',
		async ( path, detail ) => {
			const before = web.requests.length;
			const outcome = await fetcher.fetchPage( web.url( A, path ) );
			expectRefused( outcome, detail );
			// Only the redirecting page itself was ever requested.
			expect(
				web.requests.slice( before ).map( ( r ) => r.path )
			).toEqual( [ path ] );
		}
	);

	it.each( [
		[ 'evil.example', /resolves to 127\.0\.0\.1 is loopback/ ],
		[ 'metadata.example', /cloud metadata/ ],
		[ 'mixed.example', /resolves to 10\.0\.0\.7 is private/ ],
		[ 'six.example', /resolves to ::1 is loopback/ ],
		[ 'mapped6.example', /IPv4-mapped form of 127\.0\.0\.1/ ],
	] )( 'refuses %s, whose DNS answer is unsafe', async ( host, detail ) => {
		expectRefused(
			await fetcher.fetchPage( `http://${ host }:${ port }/` ),
			detail
		);
	} );

	it( 'reports a name that does not resolve as unreachable', async () => {
		const outcome = await fetcher.fetchPage( 'http://nowhere.example/' );
		expect( outcome.kind === 'failed' && outcome.status ).toBe(
			'unreachable'
		);
	} );

	it( 'checks DNS again on a later check, so an answer that changes to loopback is refused', async () => {
		let answer = '93.184.216.34';
		const flipping = createFetcher( {
			lookup: async () => [ { address: answer, family: 4 } ],
			connectTimeoutMs: 300,
			checkTimeoutMs: 2_000,
		} );
		try {
			// No internet in tests: the public address cannot be reached, but it is not refused.
			const first = await flipping.fetchPage(
				`http://rebind.example:${ port }/`
			);
			expect(
				first.kind === 'failed' &&
					[ 'unreachable', 'timeout' ].includes( first.status )
			).toBe( true );
			answer = '127.0.0.1';
			expectRefused(
				await flipping.fetchPage( `http://rebind.example:${ port }/` ),
				/rebind\.example resolves to 127\.0\.0\.1/
			);
		} finally {
			await flipping.close();
		}
	} );

	it( 'never looks up a mapped name', async () => {
		const before = lookups.length;
		expect( ( await fetcher.fetchPage( web.url( A ) ) ).kind ).toBe( 'ok' );
		expect( lookups.length ).toBe( before );
	} );

	it( 'hands the socket the address it checked, not the name (no second lookup to rebind)', async () => {
		const resolved: string[] = [];
		const connect = createGuardedConnector( {
			resolve: async ( hostname ) => {
				resolved.push( hostname );
				return { address: '127.0.0.1', mapped: false };
			},
			timeoutMs: 2_000,
		} );
		// ".invalid" never resolves: the connection can only succeed if
		// net.connect received the IP literal.
		const socket = await new Promise< Socket >( ( resolve, reject ) =>
			connect(
				{
					hostname: 'never-resolves.invalid',
					host: `never-resolves.invalid:${ port }`,
					protocol: 'http:',
					port: String( port ),
				},
				( error, sock ) =>
					error ? reject( error ) : resolve( sock as Socket )
			)
		);
		try {
			expect( socket.remoteAddress ).toBe( '127.0.0.1' );
			expect( resolved ).toEqual( [ 'never-resolves.invalid' ] );
		} finally {
			socket.destroy();
		}
	} );
} );
