/**
 * Builders for editor test data: links and backlink results as the store
 * and the helpers see them.
 */
import type { BacklinkResult, ExtractedLink } from '../../src/core';
import type { EditorLink } from '../../src/editor/types';
import { extractedLink } from '../helpers/extracted-link';

export function extracted(
	overrides: Partial< ExtractedLink > = {}
): ExtractedLink {
	return extractedLink(
		'https://partner.example/page',
		'Partner page',
		overrides
	);
}

export function editorLink(
	href: string,
	overrides: Partial< EditorLink > = {}
): EditorLink {
	const url = new URL( href );
	return {
		id: `block-1:0:0`,
		clientId: 'block-1',
		blockName: 'core/paragraph',
		key: `${ url.host.replace( /^www\./, '' ) }${ url.pathname.replace(
			/\/$/,
			''
		) }`,
		domain: url.host,
		rawHrefs: [ href ],
		external: true,
		link: extracted( { href } ),
		...overrides,
	};
}

export function result(
	target: string,
	overrides: Partial< BacklinkResult > = {}
): BacklinkResult {
	return {
		target,
		status: 'no-link',
		httpStatus: 200,
		detail: null,
		checkedAt: '2026-11-25T09:00:00.000Z',
		fromCache: false,
		page: null,
		links: [],
		...overrides,
	};
}
