/**
 * An extracted link as `src/core`'s extraction reports one: a followed
 * link in the content, neither hidden nor an image, halfway down the page.
 * Tests that store or analyse links start from it and override what they
 * are about.
 */
import type { ExtractedLink } from '../../src/core/schemas';

export function extractedLink(
	href: string,
	text: string,
	overrides: Partial< ExtractedLink > = {}
): ExtractedLink {
	return {
		href,
		text,
		rel: [],
		placement: 'content',
		hidden: null,
		isImage: false,
		block: 0,
		heading: null,
		inList: false,
		position: 0.5,
		...overrides,
	};
}
