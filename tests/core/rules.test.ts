import {
	evaluatePost,
	evaluateSite,
	groupLinks,
	isPartnerSectionHeading,
} from '../../src/core/rules';
import type { Finding, FindingCode } from '../../src/core/findings';
import { SettingsSchema } from '../../src/core/settings';
import { prepareText } from '../../src/core/relevance';
import { PAGES } from './fixtures/relevance-texts';
import {
	SETTINGS,
	SITE,
	ourLink,
	page,
	post,
	reciprocal,
	result,
	theirLink,
} from './fixtures/rules';

function only( findings: Finding[], code: FindingCode ): Finding[] {
	return findings.filter( ( f ) => f.code === code );
}

function one( findings: Finding[], code: FindingCode ): Finding {
	const matching = only( findings, code );
	expect( matching ).toHaveLength( 1 );
	return matching[ 0 ];
}

function codes( findings: Finding[] ): FindingCode[] {
	return findings.map( ( f ) => f.code );
}

describe( 'reciprocal-link', () => {
	it( 'reports where their link sits, its anchor and rel', () => {
		const { link, result: r } = reciprocal(
			{},
			{ placement: 'content', rel: [ 'noopener' ], text: 'Hardloopblog' }
		);
		const finding = one(
			evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
			'reciprocal-link'
		);
		expect( finding ).toMatchObject( {
			severity: 'info',
			linkUrl: link.href,
			params: {
				partner: 'stride-runstore.com',
				placement: 'content',
				foundOn: 'target-page',
				anchor: 'Hardloopblog',
				anchorClass: 'branded',
				rel: [ 'noopener' ],
				count: 1,
			},
		} );
	} );

	it( 'is silent when the target does not link back, was not checked, or could not be checked', () => {
		const link = ourLink();
		for ( const input of [
			post( [ link ], [ result( link.href, [] ) ] ),
			post( [ link ] ),
			post(
				[ link ],
				[
					result( link.href, [], {
						status: 'timeout',
						page: null,
						detail: 'no answer within 10 s',
					} ),
				]
			),
		] ) {
			expect(
				only( evaluatePost( input, SETTINGS ), 'reciprocal-link' )
			).toEqual( [] );
		}
	} );

	it( 'is reported once per target, however often the post links to it', () => {
		const { link, result: r } = reciprocal();
		const again = { ...link, text: 'Stride again', position: 0.7 };
		expect(
			only(
				evaluatePost( post( [ link, again ], [ r ] ), SETTINGS ),
				'reciprocal-link'
			)
		).toHaveLength( 1 );
	} );

	it( 'becomes a warning on a site already over its partner limit', () => {
		const { link, result: r } = reciprocal();
		const input = post( [ link ], [ r ], {
			siteStats: {
				outboundDomains: 200,
				reciprocalPartners: 11,
				newReciprocalPartners: 0,
			},
		} );
		expect(
			one( evaluatePost( input, SETTINGS ), 'reciprocal-link' ).severity
		).toBe( 'warning' );
	} );

	it( 'finds the result under any spelling of the target URL', () => {
		const { link, result: r } = reciprocal();
		const input = post(
			[ { ...link, href: link.href + '/?utm_source=x' } ],
			[]
		);
		input.backlinks = { 'http://stride-runstore.com/road-shoes': r };
		expect( codes( evaluatePost( input, SETTINGS ) ) ).toContain(
			'reciprocal-link'
		);
	} );
} );

describe( 'internal links', () => {
	it( 'are ignored, on every host of our registrable domain', () => {
		const internal = [
			ourLink( {
				href: 'https://hardloopblog.nl/',
				text: 'hardloopschoenen',
			} ),
			ourLink( {
				href: 'https://shop.hardloopblog.nl/',
				text: 'klik hier',
				hidden: 'display-none',
			} ),
		];
		expect( evaluatePost( post( internal ), SETTINGS ) ).toEqual( [] );
	} );
} );

describe( 'exact-match anchors', () => {
	it( 'flags our keyword anchor as info when there is no exchange', () => {
		const link = ourLink( { text: 'Hardloopschoenen' } );
		expect(
			one(
				evaluatePost(
					post( [ link ], [ result( link.href, [] ) ] ),
					SETTINGS
				),
				'exact-match-anchor-ours'
			)
		).toMatchObject( {
			severity: 'info',
			params: { anchor: 'Hardloopschoenen', keyword: 'hardloopschoenen' },
		} );
	} );

	it( 'raises our keyword anchor to a warning when the target links back', () => {
		const { link, result: r } = reciprocal( { text: 'hardloopschoenen' } );
		expect(
			one(
				evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
				'exact-match-anchor-ours'
			).severity
		).toBe( 'warning' );
	} );

	it( 'uses the focus keyphrase and the target page title and H1 as keywords', () => {
		const focus = ourLink( { text: 'Beste trailschoenen 2026' } );
		expect(
			codes(
				evaluatePost(
					post( [ focus ], [], {
						focusKeyphrase: 'beste trailschoenen 2026',
					} ),
					SETTINGS
				)
			)
		).toContain( 'exact-match-anchor-ours' );

		// Their title is "Running shoes and gait analysis | Stride Run Store".
		const titled = ourLink( { text: 'running shoes and gait analysis' } );
		expect(
			codes(
				evaluatePost(
					post( [ titled ], [ result( titled.href, [] ) ] ),
					SETTINGS
				)
			)
		).toContain( 'exact-match-anchor-ours' );
		// A long H1 is an article title: citing it is editorial.
		const article = ourLink( {
			text: 'How I ran my first marathon in Berlin',
		} );
		const articleResult = result( article.href, [] );
		articleResult.page = page( article.href, {
			h1: 'How I ran my first marathon in Berlin',
		} );
		expect(
			codes(
				evaluatePost( post( [ article ], [ articleResult ] ), SETTINGS )
			)
		).not.toContain( 'exact-match-anchor-ours' );
		// The brand segment of their title is their name, not a keyword.
		const brand = ourLink( { text: 'Stride Run Store' } );
		expect(
			codes(
				evaluatePost(
					post( [ brand ], [ result( brand.href, [] ) ] ),
					SETTINGS
				)
			)
		).not.toContain( 'exact-match-anchor-ours' );
	} );

	it( 'flags their keyword anchor, critical when it is also site-wide', () => {
		const inContent = reciprocal( {}, { text: 'Marathon training' } );
		expect(
			one(
				evaluatePost(
					post( [ inContent.link ], [ inContent.result ] ),
					SETTINGS
				),
				'exact-match-anchor-theirs'
			)
		).toMatchObject( {
			severity: 'warning',
			params: {
				anchor: 'Marathon training',
				keyword: 'marathon training',
			},
		} );

		const inFooter = reciprocal(
			{},
			{ text: 'marathon training', placement: 'footer' }
		);
		expect(
			one(
				evaluatePost(
					post( [ inFooter.link ], [ inFooter.result ] ),
					SETTINGS
				),
				'exact-match-anchor-theirs'
			).severity
		).toBe( 'critical' );
	} );

	it( 'reports both sides as one critical finding', () => {
		const { link, result: r } = reciprocal(
			{ text: 'running shoes' },
			{ text: 'hardloopschoenen' }
		);
		const findings = evaluatePost( post( [ link ], [ r ] ), SETTINGS );
		expect( one( findings, 'exact-match-anchor-both' ) ).toMatchObject( {
			severity: 'critical',
			params: {
				anchor: 'running shoes',
				theirAnchor: 'hardloopschoenen',
			},
		} );
		expect( codes( findings ) ).not.toContain( 'exact-match-anchor-ours' );
		expect( codes( findings ) ).not.toContain(
			'exact-match-anchor-theirs'
		);
	} );

	it( 'leaves branded and descriptive anchors alone', () => {
		const { link, result: r } = reciprocal(
			{ text: 'Stride' },
			{ text: 'Hardloopblog' }
		);
		const found = codes(
			evaluatePost( post( [ link ], [ r ] ), SETTINGS )
		);
		expect(
			found.filter( ( c ) => c.startsWith( 'exact-match' ) )
		).toEqual( [] );
	} );
} );

describe( 'identical-anchors', () => {
	it( 'flags the same anchor both ways, whatever its case and punctuation', () => {
		const { link, result: r } = reciprocal(
			{ text: 'Tips for your first race' },
			{ text: 'tips for your first race!' }
		);
		expect(
			one(
				evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
				'identical-anchors'
			)
		).toMatchObject( {
			severity: 'warning',
			params: { anchor: 'Tips for your first race' },
		} );
	} );

	it( 'is critical for a shared keyword anchor', () => {
		const { link, result: r } = reciprocal(
			{ text: 'marathon training' },
			{ text: 'Marathon Training' }
		);
		expect(
			one(
				evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
				'identical-anchors'
			).severity
		).toBe( 'critical' );
	} );

	it( 'ignores shared generic anchors and different anchors', () => {
		const generic = reciprocal(
			{ text: 'lees meer' },
			{ text: 'Lees meer' }
		);
		const different = reciprocal(
			{ text: 'a shop I like' },
			{ text: 'a blog I like' }
		);
		for ( const { link, result: r } of [ generic, different ] ) {
			expect(
				codes( evaluatePost( post( [ link ], [ r ] ), SETTINGS ) )
			).not.toContain( 'identical-anchors' );
		}
	} );
} );

describe( 'generic-anchor', () => {
	it.each( [
		'klik hier',
		'Read more',
		'cliquez ici',
		'hier klicken',
		'leer más',
	] )( 'flags %p as info', ( text ) => {
		expect(
			one(
				evaluatePost( post( [ ourLink( { text } ) ] ), SETTINGS ),
				'generic-anchor'
			)
		).toMatchObject( { severity: 'info', params: { anchor: text } } );
	} );

	it( 'leaves descriptive anchors and images alone', () => {
		const findings = evaluatePost(
			post( [
				ourLink(),
				ourLink( {
					text: 'click here',
					isImage: true,
					href: 'https://img.example/',
				} ),
			] ),
			SETTINGS
		);
		expect( codes( findings ) ).not.toContain( 'generic-anchor' );
	} );
} );

/** Three partner links in a list at the end of the post. */
function trailingList(
	count: number,
	start = 0.88
): ReturnType< typeof ourLink >[] {
	return Array.from( { length: count }, ( _, i ) =>
		ourLink( {
			href: `https://partner-${ i }.example/`,
			text: `Partner ${ i }`,
			inList: true,
			block: 20 + i,
			heading: null,
			position: Math.min( 1, start + i * 0.04 ),
		} )
	);
}

describe( 'footer-placement-ours', () => {
	it( 'flags every link of a trailing list of minLinksInLinkList external links', () => {
		const findings = only(
			evaluatePost(
				post( [ ourLink(), ...trailingList( 3 ) ] ),
				SETTINGS
			),
			'footer-placement-ours'
		);
		expect( findings.map( ( f ) => f.linkUrl ) ).toEqual( [
			'https://partner-0.example/',
			'https://partner-1.example/',
			'https://partner-2.example/',
		] );
		expect( findings[ 0 ] ).toMatchObject( {
			severity: 'info',
			params: {
				spot: 'trailing-list',
				count: 3,
				limit: 3,
				reciprocal: false,
			},
		} );
	} );

	it( 'ignores a shorter list, and a list in the body of the post', () => {
		expect(
			codes( evaluatePost( post( trailingList( 2 ) ), SETTINGS ) )
		).not.toContain( 'footer-placement-ours' );
		expect(
			codes( evaluatePost( post( trailingList( 3, 0.2 ) ), SETTINGS ) )
		).not.toContain( 'footer-placement-ours' );
		const lowered = SettingsSchema.parse( {
			...SETTINGS,
			minLinksInLinkList: 2,
		} );
		expect(
			codes( evaluatePost( post( trailingList( 2 ) ), lowered ) )
		).toContain( 'footer-placement-ours' );
	} );

	it( 'flags a link under a partners heading in any supported language', () => {
		for ( const heading of [
			'Onze partners',
			'Sponsors',
			'Blogroll',
			'Partnerseiten',
			'Sites amis',
			'Enlaces de interés',
		] ) {
			const finding = one(
				evaluatePost( post( [ ourLink( { heading } ) ] ), SETTINGS ),
				'footer-placement-ours'
			);
			expect( finding.params ).toMatchObject( {
				spot: 'partner-section',
				heading,
			} );
		}
		expect(
			isPartnerSectionHeading(
				'How to pick a business partner for your running shop'
			)
		).toBe( false );
		expect( isPartnerSectionHeading( 'Choosing a shoe' ) ).toBe( false );
	} );

	it( 'is a warning when the partner links back, critical in a footer-for-footer swap', () => {
		const swap = reciprocal( { heading: 'Partners' } );
		expect(
			one(
				evaluatePost(
					post( [ swap.link ], [ swap.result ] ),
					SETTINGS
				),
				'footer-placement-ours'
			).severity
		).toBe( 'warning' );
		const footerSwap = reciprocal(
			{ heading: 'Partners' },
			{ placement: 'footer' }
		);
		expect(
			one(
				evaluatePost(
					post( [ footerSwap.link ], [ footerSwap.result ] ),
					SETTINGS
				),
				'footer-placement-ours'
			).severity
		).toBe( 'critical' );
	} );
} );

describe( 'boilerplate-backlink', () => {
	it.each( [ 'footer', 'sidebar', 'navigation', 'header' ] as const )(
		'flags their link in the %s',
		( placement ) => {
			const { link, result: r } = reciprocal( {}, { placement } );
			expect(
				one(
					evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
					'boilerplate-backlink'
				)
			).toMatchObject( {
				severity: 'warning',
				params: { placement, reason: placement },
			} );
		}
	);

	it( 'flags a blogroll section in their content', () => {
		const { link, result: r } = reciprocal(
			{},
			{ heading: 'Blogroll', foundOn: 'homepage' }
		);
		expect(
			one(
				evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
				'boilerplate-backlink'
			).params
		).toMatchObject( {
			reason: 'partner-section',
			section: 'Blogroll',
			foundOn: 'homepage',
		} );
	} );

	it( 'is critical with a keyword anchor', () => {
		const { link, result: r } = reciprocal(
			{},
			{ placement: 'sidebar', text: 'beste hardloopschoenen' }
		);
		expect(
			one(
				evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
				'boilerplate-backlink'
			).severity
		).toBe( 'critical' );
	} );

	it( 'leaves an in-content link alone', () => {
		const { link, result: r } = reciprocal();
		expect(
			codes( evaluatePost( post( [ link ], [ r ] ), SETTINGS ) )
		).not.toContain( 'boilerplate-backlink' );
	} );
} );

describe( 'boilerplate-backlink on template parts around an article', () => {
	it.each( [ 'related', 'tags', 'breadcrumbs', 'share' ] as const )(
		'flags their link in the %s',
		( placement ) => {
			const { link, result: r } = reciprocal( {}, { placement } );
			expect(
				one(
					evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
					'boilerplate-backlink'
				)
			).toMatchObject( { params: { placement, reason: placement } } );
		}
	);

	it.each( [ 'author-box', 'comments' ] as const )(
		'leaves a link in the %s to its own finding',
		( placement ) => {
			const { link, result: r } = reciprocal( {}, { placement } );
			expect(
				codes( evaluatePost( post( [ link ], [ r ] ), SETTINGS ) )
			).not.toContain( 'boilerplate-backlink' );
		}
	);
} );

describe( 'author-bio-backlink', () => {
	it( 'flags their link in an author box as a warning', () => {
		const { link, result: r } = reciprocal(
			{},
			{ placement: 'author-box', text: 'Stride' }
		);
		expect(
			one(
				evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
				'author-bio-backlink'
			)
		).toMatchObject( {
			severity: 'warning',
			params: { placement: 'author-box', anchor: 'Stride' },
		} );
	} );

	it( 'is critical with a keyword anchor in the bio', () => {
		const { link, result: r } = reciprocal(
			{},
			{ placement: 'author-box', text: 'beste hardloopschoenen' }
		);
		expect(
			one(
				evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
				'author-bio-backlink'
			).severity
		).toBe( 'critical' );
	} );

	it( 'counts as a scheme signal of the exchange', () => {
		const { link, result: r } = reciprocal(
			{},
			{ placement: 'author-box' }
		);
		expect(
			one(
				evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
				'followed-both-ways'
			).params.signals
		).toContain( 'author-bio' );
	} );

	it( 'stays silent on an in-content link and on a comment link', () => {
		for ( const placement of [ 'content', 'comments' ] as const ) {
			const { link, result: r } = reciprocal( {}, { placement } );
			expect(
				codes( evaluatePost( post( [ link ], [ r ] ), SETTINGS ) )
			).not.toContain( 'author-bio-backlink' );
		}
	} );
} );

describe( 'comment-backlink', () => {
	it( 'flags their link in the comments as a warning', () => {
		const { link, result: r } = reciprocal(
			{},
			{ placement: 'comments', text: 'Stride', rel: [ 'ugc' ] }
		);
		expect(
			one(
				evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
				'comment-backlink'
			)
		).toMatchObject( {
			severity: 'warning',
			params: { placement: 'comments', followed: false },
		} );
	} );

	it( 'is critical when followed with a keyword anchor, a warning when ugc', () => {
		const keyword = {
			placement: 'comments' as const,
			text: 'beste hardloopschoenen',
		};
		const followed = reciprocal( {}, { ...keyword, rel: [] } );
		const ugc = reciprocal( {}, { ...keyword, rel: [ 'ugc' ] } );
		expect(
			one(
				evaluatePost(
					post( [ followed.link ], [ followed.result ] ),
					SETTINGS
				),
				'comment-backlink'
			).severity
		).toBe( 'critical' );
		expect(
			one(
				evaluatePost( post( [ ugc.link ], [ ugc.result ] ), SETTINGS ),
				'comment-backlink'
			).severity
		).toBe( 'warning' );
	} );

	it( 'stays silent on an in-content link and on an author-box link', () => {
		for ( const placement of [ 'content', 'author-box' ] as const ) {
			const { link, result: r } = reciprocal( {}, { placement } );
			expect(
				codes( evaluatePost( post( [ link ], [ r ] ), SETTINGS ) )
			).not.toContain( 'comment-backlink' );
		}
	} );
} );

describe( 'homepage-swap', () => {
	const home = { href: 'https://www.stride-runstore.com/', text: 'Stride' };
	/** Our links as they sit on our homepage (a sitemap scan of it). */
	const onOurHomepage = { postUrl: SITE };
	/** Their homepage's link to ours, in their content. */
	const fromTheirHomepage = {
		href: SITE,
		toHomepage: true,
		foundOn: 'homepage' as const,
		pageUrl: 'https://www.stride-runstore.com/',
	};

	it( 'flags our homepage linking to theirs, answered from their homepage', () => {
		const { link, result: r } = reciprocal( home, fromTheirHomepage );
		expect(
			one(
				evaluatePost(
					post( [ link ], [ r ], onOurHomepage ),
					SETTINGS
				),
				'homepage-swap'
			)
		).toMatchObject( {
			severity: 'warning',
			params: { partner: 'stride-runstore.com', ourEnd: 'homepage' },
		} );
	} );

	it( 'counts template links (footer, sidebar, navigation, header) as site-wide ends', () => {
		const { link, result: r } = reciprocal(
			{ ...home, placement: 'footer' },
			{
				href: SITE,
				toHomepage: true,
				placement: 'sidebar',
				pageUrl: 'https://www.stride-runstore.com/blog/any-post',
			}
		);
		expect(
			one(
				evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
				'homepage-swap'
			).params.ourEnd
		).toBe( 'template' );
	} );

	it( 'recognises our homepage by URL even when the checker did not mark it', () => {
		const { link, result: r } = reciprocal( home, {
			...fromTheirHomepage,
			href: 'http://hardloopblog.nl',
			toHomepage: false,
		} );
		expect(
			codes(
				evaluatePost( post( [ link ], [ r ], onOurHomepage ), SETTINGS )
			)
		).toContain( 'homepage-swap' );
	} );

	it( 'is critical with identical anchors', () => {
		const { link, result: r } = reciprocal(
			{ ...home, text: 'Great running resources' },
			{ ...fromTheirHomepage, text: 'Great running resources' }
		);
		expect(
			one(
				evaluatePost(
					post( [ link ], [ r ], onOurHomepage ),
					SETTINGS
				),
				'homepage-swap'
			).severity
		).toBe( 'critical' );
	} );

	it( 'needs homepages on both sides', () => {
		const deepOurs = reciprocal( {}, fromTheirHomepage );
		const deepTheirs = reciprocal( home );
		for ( const { link, result: r } of [ deepOurs, deepTheirs ] ) {
			expect(
				codes(
					evaluatePost(
						post( [ link ], [ r ], onOurHomepage ),
						SETTINGS
					)
				)
			).not.toContain( 'homepage-swap' );
		}
	} );

	// Issue 15: "Vrienden van De Moestuinier" (a post) links to the
	// forum's homepage, whose friends section links to our homepage.
	it( 'is no swap when our end is a post, and nothing about it is critical', () => {
		const { link, result: r } = reciprocal(
			{ ...home, text: 'het Moestuinforum' },
			{ ...fromTheirHomepage, text: 'Hardloopblog', heading: 'Friends' }
		);
		const findings = evaluatePost( post( [ link ], [ r ] ), SETTINGS );
		expect( codes( findings ) ).not.toContain( 'homepage-swap' );
		expect( codes( findings ) ).toContain( 'reciprocal-link' );
		expect( findings.filter( ( f ) => f.severity === 'critical' ) ).toEqual(
			[]
		);
		expect(
			only( findings, 'followed-both-ways' )[ 0 ]?.params.signals
		).not.toContain( 'homepage-swap' );
	} );

	it( 'is no swap when their end is a deep page in its content', () => {
		const { link, result: r } = reciprocal( home, {
			href: SITE,
			toHomepage: true,
			pageUrl: 'https://www.stride-runstore.com/blog/our-friends',
		} );
		expect(
			codes(
				evaluatePost( post( [ link ], [ r ], onOurHomepage ), SETTINGS )
			)
		).not.toContain( 'homepage-swap' );
	} );
} );

describe( 'many outbound domains', () => {
	const paragraph = ( domains: number, pagesEach = 1 ) =>
		Array.from( { length: domains * pagesEach }, ( _, i ) =>
			ourLink( {
				href: `https://site-${ Math.floor( i / pagesEach ) }.example/page-${ i }`,
				text: `source ${ i }`,
				block: 4,
				position: 0.3 + i * 0.001,
			} )
		);

	it( 'flags a block with more distinct domains than the limit', () => {
		const finding = one(
			evaluatePost( post( paragraph( 6 ) ), SETTINGS ),
			'many-outbound-domains-block'
		);
		expect( finding ).toMatchObject( {
			severity: 'warning',
			linkUrl: 'https://site-0.example/page-0',
			params: { count: 6, limit: 5, block: 4, reciprocalPartners: 0 },
		} );
	} );

	it( 'counts domains, not links, and not across separate blocks', () => {
		expect(
			codes( evaluatePost( post( paragraph( 5 ) ), SETTINGS ) )
		).not.toContain( 'many-outbound-domains-block' );
		expect(
			codes( evaluatePost( post( paragraph( 3, 3 ) ), SETTINGS ) )
		).not.toContain( 'many-outbound-domains-block' );
		const spread = paragraph( 6 ).map( ( l, i ) => ( { ...l, block: i } ) );
		expect(
			codes( evaluatePost( post( spread ), SETTINGS ) )
		).not.toContain( 'many-outbound-domains-block' );
	} );

	it( 'treats a list as one block even when its items are numbered separately', () => {
		const list = trailingList( 6, 0.2 ).map( ( l ) => ( {
			...l,
			heading: 'Resources',
		} ) );
		expect( groupLinks( list ) ).toHaveLength( 1 );
		expect( codes( evaluatePost( post( list ), SETTINGS ) ) ).toContain(
			'many-outbound-domains-block'
		);
	} );

	it( 'is critical when the block holds several reciprocal partners', () => {
		const links = paragraph( 6 );
		const results = links
			.slice( 0, 2 )
			.map( ( l ) => result( l.href, [ theirLink( l.href ) ] ) );
		expect(
			one(
				evaluatePost( post( links, results ), SETTINGS ),
				'many-outbound-domains-block'
			).severity
		).toBe( 'critical' );
	} );

	it( 'flags a post with more distinct domains than the limit, ignoring internal links', () => {
		const spread = ( n: number ) =>
			Array.from( { length: n }, ( _, i ) =>
				ourLink( {
					href: `https://d${ i }.example/`,
					text: `d${ i }`,
					block: i,
				} )
			);
		const internal = Array.from( { length: 5 }, ( _, i ) =>
			ourLink( {
				href: `https://hardloopblog.nl/p/${ i }`,
				block: 100 + i,
			} )
		);
		const finding = one(
			evaluatePost( post( spread( 21 ) ), SETTINGS ),
			'many-outbound-domains-post'
		);
		expect( finding.linkUrl ).toBeUndefined();
		expect( finding.params ).toMatchObject( { count: 21, limit: 20 } );
		expect(
			codes(
				evaluatePost(
					post( [ ...spread( 20 ), ...internal ] ),
					SETTINGS
				)
			)
		).not.toContain( 'many-outbound-domains-post' );
	} );
} );

describe( 'off-topic-partner', () => {
	const casinoPage = ( target: string ) => {
		const [ title, h1, ...rest ] = PAGES.casino.split( '\n' );
		return page( target, { title, h1, textSample: rest.join( '\n' ) } );
	};

	it( 'flags a reciprocal partner whose page is about something else', () => {
		const { link, result: r } = reciprocal();
		r.page = casinoPage( link.href );
		const finding = one(
			evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
			'off-topic-partner'
		);
		expect( finding.severity ).toBe( 'warning' );
		expect( finding.params.score ).toBeLessThan( SETTINGS.minRelevance );
		expect( finding.params.limit ).toBe( SETTINGS.minRelevance );
	} );

	it( 'leaves on-topic partners, one-way links and unjudgeable pages alone', () => {
		const onTopic = reciprocal();
		const oneWay = ourLink();
		const oneWayResult = result( oneWay.href, [] );
		oneWayResult.page = casinoPage( oneWay.href );
		const empty = reciprocal();
		empty.result.page = page( empty.link.href, {
			title: '',
			h1: '',
			textSample: '',
		} );
		const otherLanguage = reciprocal();
		otherLanguage.result.page = page( otherLanguage.link.href, {
			title: 'Risotto met paddenstoelen',
			h1: '',
			textSample: PAGES.keukenwinkel,
		} );
		for ( const input of [
			post( [ onTopic.link ], [ onTopic.result ] ),
			post( [ oneWay ], [ oneWayResult ] ),
			post( [ empty.link ], [ empty.result ] ),
			post( [ otherLanguage.link ], [ otherLanguage.result ] ),
		] ) {
			expect( codes( evaluatePost( input, SETTINGS ) ) ).not.toContain(
				'off-topic-partner'
			);
		}
	} );

	it( 'scores the same with page texts prepared once and shared between posts', () => {
		const shared = new Map< string, ReturnType< typeof prepareText > >();
		let prepared = 0;
		const sharedPrepare = ( text: string ) => {
			let found = shared.get( text );
			if ( ! found ) {
				prepared++;
				found = prepareText( text );
				shared.set( text, found );
			}
			return found;
		};
		const casino = reciprocal();
		casino.result.page = casinoPage( casino.link.href );
		const onTopic = reciprocal();
		const posts = [
			post(
				[ casino.link, onTopic.link ],
				[ casino.result, onTopic.result ]
			),
			post( [ onTopic.link ], [ onTopic.result ] ),
			post( [ casino.link ], [ casino.result ] ),
		];
		for ( const input of [ ...posts, ...posts ] ) {
			expect(
				evaluatePost( input, SETTINGS, { prepareText: sharedPrepare } )
			).toEqual( evaluatePost( input, SETTINGS ) );
		}
		// Each distinct page text was prepared once for all six evaluations.
		expect( prepared ).toBe( shared.size );
		expect( shared.size ).toBe( 2 );
	} );

	it( 'follows settings.minRelevance, below which the topic fields decide', () => {
		const casino = reciprocal();
		casino.result.page = casinoPage( casino.link.href );
		const lenient = SettingsSchema.parse( {
			...SETTINGS,
			minRelevance: 0,
		} );
		expect(
			codes(
				evaluatePost(
					post( [ casino.link ], [ casino.result ] ),
					lenient
				)
			)
		).not.toContain( 'off-topic-partner' );
		// A strict threshold does not make a same-field partner off-topic:
		// below it, a shared topic field still makes the pair related.
		const onTopic = reciprocal();
		const strict = SettingsSchema.parse( {
			...SETTINGS,
			minRelevance: 0.99,
		} );
		expect(
			codes(
				evaluatePost(
					post( [ onTopic.link ], [ onTopic.result ] ),
					strict
				)
			)
		).not.toContain( 'off-topic-partner' );
	} );
} );

describe( 'hidden links', () => {
	it( 'flags our hidden link, critical when the target links back', () => {
		const hidden = ourLink( { hidden: 'display-none' } );
		expect(
			one(
				evaluatePost( post( [ hidden ] ), SETTINGS ),
				'hidden-link-ours'
			)
		).toMatchObject( {
			severity: 'warning',
			params: { reason: 'display-none' },
		} );
		const swap = reciprocal( { hidden: 'off-screen' } );
		expect(
			one(
				evaluatePost(
					post( [ swap.link ], [ swap.result ] ),
					SETTINGS
				),
				'hidden-link-ours'
			).severity
		).toBe( 'critical' );
	} );

	it( 'flags their hidden link to us', () => {
		const { link, result: r } = reciprocal(
			{},
			{ hidden: 'zero-font-size' }
		);
		expect(
			one(
				evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
				'hidden-link-theirs'
			)
		).toMatchObject( {
			severity: 'warning',
			params: { reason: 'zero-font-size' },
		} );
	} );

	it( 'is silent for visible links', () => {
		const { link, result: r } = reciprocal();
		const found = codes(
			evaluatePost( post( [ link ], [ r ] ), SETTINGS )
		);
		expect( found ).not.toContain( 'hidden-link-ours' );
		expect( found ).not.toContain( 'hidden-link-theirs' );
	} );
} );

describe( 'followed-both-ways', () => {
	it( 'is info for a natural exchange, a warning with another scheme signal', () => {
		const natural = reciprocal();
		expect(
			one(
				evaluatePost(
					post( [ natural.link ], [ natural.result ] ),
					SETTINGS
				),
				'followed-both-ways'
			)
		).toMatchObject( { severity: 'info', params: { signals: [] } } );
		const keyword = reciprocal( {}, { text: 'hardloopschoenen' } );
		expect(
			one(
				evaluatePost(
					post( [ keyword.link ], [ keyword.result ] ),
					SETTINGS
				),
				'followed-both-ways'
			)
		).toMatchObject( {
			severity: 'warning',
			params: { signals: [ 'exact-match' ] },
		} );
	} );

	it( 'is silent when either side carries nofollow, sponsored or ugc', () => {
		const ours = reciprocal( { rel: [ 'nofollow' ] } );
		const theirs = reciprocal( {}, { rel: [ 'sponsored' ] } );
		const ugc = reciprocal( { rel: [ 'noopener', 'UGC' ] } );
		for ( const { link, result: r } of [ ours, theirs, ugc ] ) {
			expect(
				codes( evaluatePost( post( [ link ], [ r ] ), SETTINGS ) )
			).not.toContain( 'followed-both-ways' );
		}
	} );
} );

describe( 'backlink-not-indexable', () => {
	it( 'flags a backlink on a noindex target page', () => {
		const { link, result: r } = reciprocal();
		r.page = page( link.href, { notIndexable: 'noindex-meta' } );
		expect(
			one(
				evaluatePost( post( [ link ], [ r ] ), SETTINGS ),
				'backlink-not-indexable'
			)
		).toMatchObject( {
			severity: 'info',
			params: { reason: 'noindex-meta' },
		} );
	} );

	it( 'is silent for indexable pages and for links found on their homepage', () => {
		const indexable = reciprocal();
		const onHomepage = reciprocal( {}, { foundOn: 'homepage' } );
		onHomepage.result.page = page( onHomepage.link.href, {
			notIndexable: 'canonical-elsewhere',
		} );
		for ( const { link, result: r } of [ indexable, onHomepage ] ) {
			expect(
				codes( evaluatePost( post( [ link ], [ r ] ), SETTINGS ) )
			).not.toContain( 'backlink-not-indexable' );
		}
	} );
} );

describe( 'links without a usable backlink result', () => {
	it( 'get only the findings that need no partner data', () => {
		const link = ourLink( {
			text: 'hardloopschoenen',
			hidden: 'display-none',
			heading: 'Partners',
		} );
		const blocked = result( link.href, [], {
			status: 'blocked-by-robots',
			page: null,
			detail: 'robots.txt disallows /road-shoes',
		} );
		expect(
			codes(
				evaluatePost( post( [ link ], [ blocked ] ), SETTINGS )
			).sort()
		).toEqual( [
			'exact-match-anchor-ours',
			'footer-placement-ours',
			'hidden-link-ours',
		] );
	} );
} );

describe( 'site rules', () => {
	const stats = (
		reciprocalPartners: number,
		outboundDomains: number,
		newReciprocalPartners = 0
	) => ( {
		reciprocalPartners,
		outboundDomains,
		newReciprocalPartners,
	} );

	it( 'too-many-partners fires on the count limit and on the share limit', () => {
		expect(
			one(
				evaluateSite( stats( 11, 100 ), SETTINGS ),
				'too-many-partners'
			)
		).toMatchObject( {
			severity: 'warning',
			params: { count: 11, limit: 10, overCount: true, overShare: false },
		} );
		expect(
			one( evaluateSite( stats( 4, 10 ), SETTINGS ), 'too-many-partners' )
		).toMatchObject( {
			severity: 'warning',
			params: {
				share: 0.4,
				maxShare: 0.25,
				overCount: false,
				overShare: true,
			},
		} );
		expect(
			one(
				evaluateSite( stats( 12, 20 ), SETTINGS ),
				'too-many-partners'
			).severity
		).toBe( 'critical' );
	} );

	it( 'too-many-partners stays silent within limits and below minPartnersForShare', () => {
		expect( evaluateSite( stats( 10, 100 ), SETTINGS ) ).toEqual( [] );
		expect( evaluateSite( stats( 2, 3 ), SETTINGS ) ).toEqual( [] );
		expect( evaluateSite( stats( 0, 0 ), SETTINGS ) ).toEqual( [] );
	} );

	it( 'exchange-velocity fires above maxNewPartnersInWindow, critical beyond twice it', () => {
		expect( evaluateSite( stats( 3, 100, 3 ), SETTINGS ) ).toEqual( [] );
		expect(
			one(
				evaluateSite( stats( 4, 100, 4 ), SETTINGS ),
				'exchange-velocity'
			)
		).toMatchObject( {
			severity: 'warning',
			params: { count: 4, limit: 3, windowDays: 30 },
		} );
		expect(
			one(
				evaluateSite( stats( 7, 100, 7 ), SETTINGS ),
				'exchange-velocity'
			).severity
		).toBe( 'critical' );
	} );

	it( 'never come out of evaluatePost', () => {
		const { link, result: r } = reciprocal();
		const found = codes(
			evaluatePost(
				post( [ link ], [ r ], { siteStats: stats( 50, 60, 20 ) } ),
				SETTINGS
			)
		);
		expect( found ).not.toContain( 'too-many-partners' );
		expect( found ).not.toContain( 'exchange-velocity' );
	} );
} );
