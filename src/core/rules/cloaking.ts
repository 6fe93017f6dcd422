/**
 * `cloaked-backlink` (warning): the partner's page shows different links to
 * us to our crawler and to a browser (another User-Agent, or the page with
 * its JavaScript run). A link shown only to bots is a link readers never
 * see; a link shown only to browsers is one the partner keeps away from
 * crawlers. Either way the verdict of a plain fetch cannot be trusted, so
 * the finding names both sets. A rendered comparison (JavaScript run)
 * only counts links the crawler saw and the page then lost. Needs the comparison the service runs only
 * when asked (CheckRequest.cloaking / rendered): without it, silent.
 */
import type { Finding } from '../findings';
import type { PostFacts, PostRule } from './types';

export const cloakedBacklink: PostRule = ( facts: PostFacts ): Finding[] =>
	facts.links
		.filter(
			( f ) =>
				f.firstForTarget &&
				f.result?.cloaking?.differs === true &&
				f.result.cloaking.error === null
		)
		.flatMap( ( f ): Finding[] => {
			const cloaking = f.result!.cloaking!;
			const bot = new Set( cloaking.botLinks );
			const browser = new Set( cloaking.browserLinks );
			const botOnly = cloaking.botLinks.filter(
				( link ) => ! browser.has( link )
			);
			// A rendered page adds what their JavaScript inserts: a link only
			// it has is an ordinary (script-built) link, not cloaking. Links
			// the crawler got and the rendered page lacks still are.
			if ( cloaking.method === 'rendered' && botOnly.length === 0 ) {
				return [];
			}
			return [
				{
					code: 'cloaked-backlink',
					severity: 'warning',
					linkUrl: f.href,
					params: {
						method: cloaking.method,
						pageUrl: f.result!.page?.finalUrl ?? f.result!.target,
						botOnly,
						browserOnly: cloaking.browserLinks.filter(
							( link ) => ! bot.has( link )
						),
					},
				},
			];
		} );
