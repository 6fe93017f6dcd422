/**
 * Keeps the canvas marks stylesheet in step with the findings. The iframe
 * canvas can be recreated (device preview, template mode), so the sheet is
 * re-applied on a slow interval as well as on every change.
 */
import { useEffect, useMemo } from '@wordpress/element';
import type { Finding } from '../../core';
import { urlKey } from '../../core/url';
import { applyMarks } from '../canvas/inject';
import { buildMarksCss, type LinkMark } from '../canvas/marks';
import { findingMessage } from '../messages';
import type { EditorLink } from '../types';

const REAPPLY_MS = 2000;

export function marksFor(
	links: readonly EditorLink[],
	findings: readonly Finding[]
): LinkMark[] {
	const rawByKey = new Map< string, readonly string[] >();
	for ( const link of links ) {
		rawByKey.set( link.key, link.rawHrefs );
	}
	// A title depends on the code alone; the whole message (risk and fix
	// sentences with their parameters) is costly to build for hundreds of
	// findings after every batch of results (issue 20).
	const titles = new Map< string, string >();
	const marks: LinkMark[] = [];
	for ( const finding of findings ) {
		if ( ! finding.linkUrl || finding.code === 'reciprocal-link' ) {
			continue;
		}
		const rawHrefs = rawByKey.get( urlKey( finding.linkUrl ) );
		if ( rawHrefs?.length ) {
			let title = titles.get( finding.code );
			if ( title === undefined ) {
				title = findingMessage( finding ).title;
				titles.set( finding.code, title );
			}
			marks.push( {
				rawHrefs,
				severity: finding.severity,
				message: title,
			} );
		}
	}
	return marks;
}

export function useInlineMarks(
	links: readonly EditorLink[] | null,
	findings: readonly Finding[] | null
): void {
	const css = useMemo(
		() => buildMarksCss( marksFor( links ?? [], findings ?? [] ) ),
		[ links, findings ]
	);
	useEffect( () => {
		applyMarks( css );
		const timer = window.setInterval( () => applyMarks( css ), REAPPLY_MS );
		return () => window.clearInterval( timer );
	}, [ css ] );
	useEffect( () => () => applyMarks( '' ), [] );
}
