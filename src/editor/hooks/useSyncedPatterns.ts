/**
 * The synced patterns the post uses, read from core-data (`wp_block`
 * records, fetched on first use like the pattern block itself does), with
 * the patterns nested in them. Re-renders only when a record or its
 * loading state changes: the selection is a flat object of the memoised
 * records, compared key by key.
 */
import { useSelect } from '@wordpress/data';
import { useMemo } from '@wordpress/element';
import { coreDataSelectors } from '../core-stores';
import {
	nestedRefs,
	patternSource,
	refsInBlocks,
	type PatternBlockLike,
	type PatternRecord,
	type SyncedPatternSource,
} from '../links/synced-patterns';
import { serializeBlocks, type BlockInstance } from '../wp-globals';

const KIND = 'postType';
const NAME = 'wp_block';

export function useSyncedPatterns(
	blocks: readonly PatternBlockLike[]
): ReadonlyMap< number, SyncedPatternSource > {
	const selected = useSelect(
		( select ) => {
			const out: Record< string, unknown > = {};
			const queue = [ ...refsInBlocks( blocks ) ];
			if ( queue.length === 0 ) {
				return out;
			}
			const core = coreDataSelectors( select );
			const seen = new Set( queue );
			for ( let i = 0; i < queue.length; i++ ) {
				const ref = queue[ i ];
				// getEntityRecord starts the fetch; the edited record has
				// this session's unsaved edits of the pattern on top.
				const saved = core.getEntityRecord( KIND, NAME, ref );
				const record = saved
					? core.getEditedEntityRecord( KIND, NAME, ref ) || saved
					: null;
				out[ `record:${ ref }` ] = record;
				out[ `done:${ ref }` ] = core.hasFinishedResolution(
					'getEntityRecord',
					[ KIND, NAME, ref ]
				);
				for ( const nested of record ? nestedRefs( record ) : [] ) {
					if ( ! seen.has( nested ) ) {
						seen.add( nested );
						queue.push( nested );
					}
				}
			}
			return out;
		},
		[ blocks ]
	);
	return useMemo( () => {
		const sources = new Map< number, SyncedPatternSource >();
		for ( const key of Object.keys( selected ) ) {
			if ( ! key.startsWith( 'record:' ) ) {
				continue;
			}
			const ref = Number( key.slice( 'record:'.length ) );
			sources.set(
				ref,
				patternSource(
					ref,
					selected[ key ] as PatternRecord | null,
					selected[ `done:${ ref }` ] === true,
					( list ) => serializeBlocks( list as BlockInstance[] )
				)
			);
		}
		return sources;
	}, [ selected ] );
}
