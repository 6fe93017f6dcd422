/**
 * `generic-anchor` (info): our anchor says nothing about the target ("click
 * here", "lees meer", "cliquez ici"). Not a link-scheme signal, so never
 * more than info: it costs readers and search engines the context of the
 * link. Image links are judged by their alt text and never reported here.
 */
import type { Finding } from '../findings';
import type { PostFacts, PostRule } from './types';

export const genericAnchor: PostRule = ( facts: PostFacts ): Finding[] =>
	facts.links
		.filter( ( f ) => f.anchor.anchorClass === 'generic' )
		.map( ( f ) => ( {
			code: 'generic-anchor',
			severity: 'info',
			linkUrl: f.href,
			params: { anchor: f.link.text },
		} ) );
