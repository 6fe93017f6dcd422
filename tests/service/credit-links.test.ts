/**
 * A sitemap scan reads whole pages, template included: the theme's
 * "Proudly powered by WordPress" must not make wordpress.org a partner,
 * while a partner linked from the same footer still counts.
 */
import { createSiteMatcher } from '../../src/core/url';
import {
	CMS_CREDIT_DOMAINS,
	creditDomains,
} from '../../src/service/scan/credit-links';
import { toScannedPost } from '../../src/service/scan/scanner';

const PAGE = `<!doctype html><html><head><title>Tomatoes</title></head><body>
<header><nav><a href="https://our.test/">Home</a></nav></header>
<main><article><h1>Tomatoes</h1><p>Read the <a href="https://wordpress.org/documentation/">WordPress manual</a>
and <a href="https://seeds.example/">the seed shop</a>.</p></article></main>
<footer class="site-footer"><p>Friends: <a href="https://friend.example/">Friend</a>.
Proudly powered by <a href="https://wordpress.org/">WordPress</a>. Theme by <a href="https://themes.example/">Themes Inc</a>.</p></footer>
</body></html>`;

function domainsOf( credits?: readonly string[] ): string[] {
	return toScannedPost(
		{
			sourceKey: 'url:https://our.test/tomatoes/',
			url: 'https://our.test/tomatoes/',
			title: '',
			modifiedGmt: null,
			html: PAGE,
			fragment: false,
		},
		createSiteMatcher( [ 'https://our.test/' ] ),
		credits
	).links.map( ( link ) => `${ link.domain } ${ link.link.placement }` );
}

describe( 'template credit links', () => {
	it( 'drops the footer credit to wordpress.org, keeps the footer partner and content links to it', () => {
		expect( domainsOf() ).toEqual( [
			'wordpress.org content',
			'seeds.example content',
			'friend.example footer',
			'themes.example footer',
		] );
	} );

	it( 'takes more credit domains from RLG_CREDIT_DOMAINS and --credit-domain', () => {
		const credits = creditDomains( [ ' Themes.Example ' ], {
			RLG_CREDIT_DOMAINS: 'other.example, ',
		} );
		expect( credits ).toEqual( [
			...CMS_CREDIT_DOMAINS,
			'other.example',
			'themes.example',
		] );
		expect( domainsOf( credits ) ).toEqual( [
			'wordpress.org content',
			'seeds.example content',
			'friend.example footer',
		] );
	} );
} );
