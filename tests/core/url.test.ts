import fc from 'fast-check';
import {
	createSiteMatcher,
	isHomepage,
	normalizeUrl,
	registrableDomain,
	siteKey,
	urlKey,
} from '../../src/core/url';

describe( 'normalizeUrl', () => {
	it.each( [
		[ 'HTTP://Example.COM', 'http://example.com/' ],
		[ 'https://example.com:443/a', 'https://example.com/a' ],
		[ 'http://example.com:80/a?b=1#frag', 'http://example.com/a?b=1' ],
		[ 'http://example.com:8080/a', 'http://example.com:8080/a' ],
		[
			'https://münchen.de/straße',
			'https://xn--mnchen-3ya.de/stra%C3%9Fe',
		],
		[ 'https://user:secret@example.com/', 'https://example.com/' ],
		[ 'https://example.com./a/../b', 'https://example.com/b' ],
		[ '  https://example.com/Path/  ', 'https://example.com/Path/' ],
	] )( '%s → %s', ( input, expected ) => {
		expect( normalizeUrl( input ) ).toBe( expected );
	} );

	it( 'resolves relative references against the base', () => {
		expect(
			normalizeUrl( '../partners/', 'https://ex.com/blog/post/' )
		).toBe( 'https://ex.com/blog/partners/' );
		expect( normalizeUrl( '//cdn.ex.com/x', 'https://ex.com/' ) ).toBe(
			'https://cdn.ex.com/x'
		);
	} );

	it.each( [
		'',
		'   ',
		'mailto:info@example.com',
		'javascript:alert(1)',
		'tel:+31201234567',
		'ftp://example.com/file',
		'/relative/without/base',
		'http://',
		'http://exa mple.com/',
		'#top',
	] )( 'returns null for %p', ( input ) => {
		expect( normalizeUrl( input ) ).toBeNull();
	} );

	it( 'never throws, whatever it is given', () => {
		expect( () =>
			fc.assert(
				fc.property(
					fc.string(),
					fc.option( fc.string() ),
					( href, base ) => {
						const result = normalizeUrl( href, base ?? undefined );
						return result === null || /^https?:\/\//.test( result );
					}
				)
			)
		).not.toThrow();
	} );
} );

describe( 'urlKey', () => {
	it( 'ignores scheme, www., trailing slash, tracking parameters and index files', () => {
		const key = urlKey( 'https://example.com/gids' );
		expect( urlKey( 'http://www.example.com/gids/' ) ).toBe( key );
		expect( urlKey( 'https://WWW.Example.com/gids?utm_source=x#y' ) ).toBe(
			key
		);
		expect( urlKey( 'example.com/gids' ) ).toBe( key );
		expect( urlKey( 'https://example.com/index.php' ) ).toBe(
			urlKey( 'https://example.com' )
		);
	} );

	it( 'keeps what addresses a different resource', () => {
		expect( urlKey( 'https://example.com/Gids' ) ).not.toBe(
			urlKey( 'https://example.com/gids' )
		);
		expect( urlKey( 'https://example.com/?p=1' ) ).not.toBe(
			urlKey( 'https://example.com/?p=2' )
		);
		expect( urlKey( 'https://shop.example.com/' ) ).not.toBe(
			urlKey( 'https://example.com/' )
		);
		expect( urlKey( 'http://127.0.0.1:8081/' ) ).not.toBe(
			urlKey( 'http://127.0.0.1:8082/' )
		);
	} );

	it( 'maps garbage to itself instead of throwing', () => {
		expect( urlKey( 'mailto:A@b.c' ) ).toBe( 'mailto:a@b.c' );
		fc.assert(
			fc.property( fc.string(), ( s ) => typeof urlKey( s ) === 'string' )
		);
	} );
} );

describe( 'registrableDomain', () => {
	it.each( [
		[ 'https://www.example.co.uk/x', 'example.co.uk' ],
		[ 'blog.example.com', 'example.com' ],
		[ 'https://alice.blogspot.com/', 'alice.blogspot.com' ],
		[ 'https://münchen.de/', 'xn--mnchen-3ya.de' ],
		[ 'http://127.0.0.1:8080/', '127.0.0.1' ],
		[ 'localhost:3000', 'localhost' ],
		[ 'partner.test', 'partner.test' ],
	] )( '%s → %s', ( input, expected ) => {
		expect( registrableDomain( input ) ).toBe( expected );
	} );

	it.each( [ '', 'mailto:a@b.c', '/just/a/path' ] )(
		'is null for %p',
		( input ) => {
			expect( registrableDomain( input ) ).toBeNull();
		}
	);
} );

describe( 'isHomepage', () => {
	it.each( [
		'https://example.com',
		'https://example.com/',
		'https://www.example.com/index.php',
		'https://example.com/?utm_source=newsletter',
		'https://example.com/en/',
		'https://example.com/pt-br',
		'example.com',
	] )( '%s is a homepage', ( url ) => {
		expect( isHomepage( url ) ).toBe( true );
	} );

	it.each( [
		'https://example.com/blog/post',
		'https://example.com/?p=123',
		'https://example.com/contact/',
		'not a url',
	] )( '%s is not a homepage', ( url ) => {
		expect( isHomepage( url ) ).toBe( false );
	} );
} );

describe( 'createSiteMatcher', () => {
	const site = createSiteMatcher( [
		'https://www.example.com/',
		'https://old-example.nl',
		'not a url',
	] );

	it( 'counts every subdomain of our registrable domains as ours', () => {
		expect( site.domains.sort() ).toEqual( [
			'example.com',
			'old-example.nl',
		] );
		expect( site.isOurs( 'http://example.com/x' ) ).toBe( true );
		expect( site.isOurs( 'https://shop.example.com/' ) ).toBe( true );
		expect( site.isOurs( 'https://old-example.nl/a' ) ).toBe( true );
		expect( site.isOurs( 'https://example.com.evil.io/' ) ).toBe( false );
		expect( site.isOurs( 'https://notexample.com/' ) ).toBe( false );
		expect( site.isOurs( 'mailto:x@example.com' ) ).toBe( false );
	} );

	it( 'keeps neighbouring blogs on a shared platform external', () => {
		const blog = createSiteMatcher( [ 'https://alice.github.io' ] );
		expect( blog.isOurs( 'https://alice.github.io/post' ) ).toBe( true );
		expect( blog.isOurs( 'https://bob.github.io/' ) ).toBe( false );
	} );

	it( 'tells local servers apart by port', () => {
		const local = createSiteMatcher( [ 'http://127.0.0.1:8081' ] );
		expect( local.domains ).toEqual( [ '127.0.0.1:8081' ] );
		expect( local.isOurs( 'http://127.0.0.1:8081/a' ) ).toBe( true );
		expect( local.isOurs( 'http://127.0.0.1:8082/a' ) ).toBe( false );
	} );

	it( 'recognises our homepage, with or without www, and a sub-directory install', () => {
		expect( site.isOurHomepage( 'http://example.com' ) ).toBe( true );
		expect(
			site.isOurHomepage( 'https://www.example.com/?utm_medium=x' )
		).toBe( true );
		expect( site.isOurHomepage( 'https://example.com/post/' ) ).toBe(
			false
		);
		expect( site.isOurHomepage( 'https://shop.example.com/' ) ).toBe(
			false
		);
		expect( site.isOurHomepage( 'https://partner.com/' ) ).toBe( false );

		const sub = createSiteMatcher( [ 'https://example.org/blog/' ] );
		expect( sub.isOurHomepage( 'https://example.org/blog' ) ).toBe( true );
		expect( sub.isOurHomepage( 'https://example.org/' ) ).toBe( true );
		expect( sub.isOurHomepage( 'https://example.org/blog/post' ) ).toBe(
			false
		);
	} );
} );

describe( 'siteKey', () => {
	it( 'is the registrable domain, or host:port where there is none', () => {
		expect( siteKey( 'https://blog.example.co.uk/x' ) ).toBe(
			'example.co.uk'
		);
		expect( siteKey( 'http://127.0.0.1:8081/a' ) ).toBe( '127.0.0.1:8081' );
		expect( siteKey( 'mailto:a@b.c' ) ).toBeNull();
	} );
} );
