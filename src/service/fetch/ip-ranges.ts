/**
 * Which IP addresses a fetch of a stranger's page may connect to.
 *
 * The policy is "public unicast only": loopback, private, link-local, CGNAT,
 * multicast, unspecified, broadcast, reserved, documentation and benchmark
 * ranges are refused, in IPv4 and IPv6, and IPv6 forms that embed an IPv4
 * address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by the
 * address they embed. For IPv6 we allow-list global unicast (2000::/3) and
 * then refuse the special blocks inside it, so a range IANA has not
 * allocated yet is refused rather than trusted.
 *
 * Pure functions over strings: no DNS here (see ssrf-guard.ts).
 */
/* eslint-disable no-bitwise -- IP and zlib header arithmetic is bitwise by nature. */
import { BlockList, isIPv4, isIPv6 } from 'node:net';

interface Range {
	readonly cidr: string;
	readonly label: string;
}

/** IPv4 special-purpose ranges (RFC 6890 and the IANA registry). */
const IPV4_UNSAFE: readonly Range[] = [
	{ cidr: '0.0.0.0/8', label: '"this network" / unspecified' },
	{ cidr: '10.0.0.0/8', label: 'private' },
	{ cidr: '100.64.0.0/10', label: 'carrier-grade NAT (CGNAT)' },
	{ cidr: '127.0.0.0/8', label: 'loopback' },
	{ cidr: '169.254.0.0/16', label: 'link-local' },
	{ cidr: '172.16.0.0/12', label: 'private' },
	{ cidr: '192.0.0.0/24', label: 'IETF protocol assignments' },
	{ cidr: '192.0.2.0/24', label: 'documentation (TEST-NET-1)' },
	{ cidr: '192.88.99.0/24', label: '6to4 relay anycast' },
	{ cidr: '192.168.0.0/16', label: 'private' },
	{ cidr: '198.18.0.0/15', label: 'benchmarking' },
	{ cidr: '198.51.100.0/24', label: 'documentation (TEST-NET-2)' },
	{ cidr: '203.0.113.0/24', label: 'documentation (TEST-NET-3)' },
	{ cidr: '224.0.0.0/4', label: 'multicast' },
	// 255.255.255.255 (limited broadcast) lies inside this block too.
	{ cidr: '240.0.0.0/4', label: 'reserved / broadcast' },
];

/**
 * IPv6 blocks refused inside global unicast 2000::/3. Everything outside
 * 2000::/3 (::/8 incl. ::1 and ::, fc00::/7 incl. fd00:ec2::254,
 * fe80::/10, fec0::/10, ff00::/8, 100::/64 …) is refused by the allow-list.
 */
const IPV6_UNSAFE_IN_GLOBAL: readonly Range[] = [
	// Includes Teredo 2001::/32, whose obfuscated v4 we do not try to judge.
	{ cidr: '2001::/23', label: 'IETF protocol assignments (incl. Teredo)' },
	{ cidr: '2001:db8::/32', label: 'documentation' },
	{ cidr: '3fff::/20', label: 'documentation' },
];

/** Well-known cloud instance-metadata endpoints, named in refusals. */
const METADATA_ADDRESSES = new Set( [
	'169.254.169.254',
	'169.254.170.2',
	'100.100.100.200',
	'fd00:ec2::254',
] );

function buildList(
	ranges: readonly Range[],
	type: 'ipv4' | 'ipv6'
): Array< { list: BlockList; range: Range } > {
	return ranges.map( ( range ) => {
		const [ network, prefix ] = range.cidr.split( '/' );
		const list = new BlockList();
		list.addSubnet( network, Number( prefix ), type );
		return { list, range };
	} );
}

const V4 = buildList( IPV4_UNSAFE, 'ipv4' );
const V6 = buildList( IPV6_UNSAFE_IN_GLOBAL, 'ipv6' );

/** Why an address is unsafe to connect to. */
export interface UnsafeAddress {
	readonly address: string;
	/** Human sentence, e.g. "127.0.0.1 is loopback (127.0.0.0/8)". */
	readonly reason: string;
}

/** Strips brackets and a zone index: "[fe80::1%eth0]" → "fe80::1". */
export function bareAddress( address: string ): string {
	let bare = address.trim();
	if ( bare.startsWith( '[' ) && bare.endsWith( ']' ) ) {
		bare = bare.slice( 1, -1 );
	}
	const zone = bare.indexOf( '%' );
	return zone === -1 ? bare : bare.slice( 0, zone );
}

/**
 * Expands a valid IPv6 address (possibly with a dotted IPv4 tail) to its
 * eight 16-bit groups.
 */
export function ipv6Groups( address: string ): number[] {
	let text = address.toLowerCase();
	const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec( text );
	if ( dotted ) {
		const octets = dotted[ 1 ].split( '.' ).map( Number );
		text =
			text.slice( 0, dotted.index ) +
			( ( octets[ 0 ] << 8 ) | octets[ 1 ] ).toString( 16 ) +
			':' +
			( ( octets[ 2 ] << 8 ) | octets[ 3 ] ).toString( 16 );
	}
	const [ head, tail ] = text.includes( '::' )
		? text.split( '::' )
		: [ text, null ];
	const headGroups = head ? head.split( ':' ) : [];
	const tailGroups = tail ? tail.split( ':' ) : [];
	const missing =
		tail === null ? 0 : 8 - headGroups.length - tailGroups.length;
	return [
		...headGroups,
		...Array< string >( missing ).fill( '0' ),
		...tailGroups,
	].map( ( group ) => parseInt( group, 16 ) );
}

function v4FromGroups( high: number, low: number ): string {
	return [ high >> 8, high & 0xff, low >> 8, low & 0xff ].join( '.' );
}

/**
 * The IPv4 address an IPv6 address stands for, when it is one of the forms
 * that reach an IPv4 host: IPv4-mapped ::ffff:0:0/96, the deprecated
 * IPv4-compatible ::/96, NAT64 64:ff9b::/96 and 6to4 2002::/16.
 */
export function embeddedIPv4(
	address: string
): { v4: string; form: string } | null {
	const g = ipv6Groups( address );
	const zeros = ( from: number, to: number ) =>
		g.slice( from, to ).every( ( group ) => group === 0 );
	if ( zeros( 0, 5 ) && g[ 5 ] === 0xffff ) {
		return { v4: v4FromGroups( g[ 6 ], g[ 7 ] ), form: 'IPv4-mapped' };
	}
	if ( g[ 0 ] === 0x64 && g[ 1 ] === 0xff9b && zeros( 2, 6 ) ) {
		return { v4: v4FromGroups( g[ 6 ], g[ 7 ] ), form: 'NAT64' };
	}
	if ( g[ 0 ] === 0x2002 ) {
		return { v4: v4FromGroups( g[ 1 ], g[ 2 ] ), form: '6to4' };
	}
	// ::a.b.c.d (but not :: or ::1, which are judged as IPv6 below).
	if ( zeros( 0, 6 ) && g[ 6 ] !== 0 ) {
		return { v4: v4FromGroups( g[ 6 ], g[ 7 ] ), form: 'IPv4-compatible' };
	}
	return null;
}

function describe( address: string, label: string, cidr: string ): string {
	const metadata = METADATA_ADDRESSES.has( address )
		? ', a cloud metadata endpoint'
		: '';
	return `${ address } is ${ label } (${ cidr })${ metadata }`;
}

function checkIPv4( address: string ): string | null {
	for ( const { list, range } of V4 ) {
		if ( list.check( address, 'ipv4' ) ) {
			return describe( address, range.label, range.cidr );
		}
	}
	return null;
}

function ipv6Label( g: number[] ): { label: string; cidr: string } {
	if ( g.every( ( group ) => group === 0 ) ) {
		return { label: 'unspecified', cidr: '::/128' };
	}
	if ( g.slice( 0, 7 ).every( ( group ) => group === 0 ) && g[ 7 ] === 1 ) {
		return { label: 'loopback', cidr: '::1/128' };
	}
	if ( ( g[ 0 ] & 0xfe00 ) === 0xfc00 ) {
		return { label: 'unique local (private)', cidr: 'fc00::/7' };
	}
	if ( ( g[ 0 ] & 0xffc0 ) === 0xfe80 ) {
		return { label: 'link-local', cidr: 'fe80::/10' };
	}
	if ( ( g[ 0 ] & 0xffc0 ) === 0xfec0 ) {
		return { label: 'site-local (deprecated)', cidr: 'fec0::/10' };
	}
	if ( ( g[ 0 ] & 0xff00 ) === 0xff00 ) {
		return { label: 'multicast', cidr: 'ff00::/8' };
	}
	return { label: 'not global unicast', cidr: 'outside 2000::/3' };
}

/**
 * Returns why `address` (an IPv4 or IPv6 literal) must not be connected to,
 * or null when it is a public unicast address. Anything that is not an IP
 * literal is refused too: callers resolve names first.
 */
export function unsafeAddressReason( address: string ): string | null {
	const bare = bareAddress( address );
	if ( isIPv4( bare ) ) {
		return checkIPv4( bare );
	}
	if ( ! isIPv6( bare ) ) {
		return `${ address } is not an IP address`;
	}
	const canonical = bare.toLowerCase();
	const embedded = embeddedIPv4( canonical );
	if ( embedded ) {
		const inner = checkIPv4( embedded.v4 );
		return inner
			? `${ canonical } is the ${ embedded.form } form of ${ inner }`
			: null;
	}
	const groups = ipv6Groups( canonical );
	if ( ( groups[ 0 ] & 0xe000 ) !== 0x2000 ) {
		const { label, cidr } = ipv6Label( groups );
		return describe( canonical, label, cidr );
	}
	for ( const { list, range } of V6 ) {
		if ( list.check( canonical, 'ipv6' ) ) {
			return describe( canonical, range.label, range.cidr );
		}
	}
	return null;
}

/** Convenience predicate over unsafeAddressReason. */
export function isPublicAddress( address: string ): boolean {
	return unsafeAddressReason( address ) === null;
}
