/**
 * Links that come from synced patterns (`core/block`, once "reusable
 * blocks"). The post only stores `<!-- wp:block {"ref":12} /-->`; the
 * pattern's content lives in its `wp_block` post and is rendered in place on
 * the published page, so its links are outbound links of this post like any
 * other. The collector (links/collect.ts) sees blocks and the post's HTML:
 * this module hands it a post where each pattern instance is one leaf block
 * whose own HTML is the pattern's content, and a post HTML with the pattern
 * expanded where the instance sits, so positions stay post-wide. Links that
 * then belong to an instance are marked with the pattern they come from:
 * editing them changes every post that uses the pattern.
 */
import type { EditorLink, SyncedPatternNote, SyncedPatternRef } from '../types';

export const SYNCED_PATTERN_BLOCK = 'core/block';

/**
 * A pattern instance in block markup. Block comment attributes never hold
 * `--` (the serialiser escapes it), so the comment ends at the first `/-->`.
 */
const PATTERN_COMMENT = /<!--\s+wp:(?:core\/)?block\s+(\{[\s\S]*?\})\s+\/-->/g;

/** A nested pattern deeper than this is left out (WordPress stops too). */
const MAX_DEPTH = 10;

/** The part of a block this module reads (a BlockInstance fits). */
export interface PatternBlockLike {
	clientId: string;
	name: string;
	attributes: Record< string, unknown >;
	innerBlocks: PatternBlockLike[];
}

/** What the editor knows of one `wp_block` post. */
export interface SyncedPatternSource {
	ref: number;
	/**
	 * `loading` while core-data fetches it; `unavailable` when it could not
	 * be read (deleted, trashed, not allowed): its links are then unknown.
	 */
	state: 'loading' | 'ready' | 'unavailable';
	title: string;
	/** The pattern's content as block markup ('' unless ready). */
	content: string;
}

/** A pattern instance in the post, for the sidebar's notes. */
export interface SyncedPatternInstance extends SyncedPatternRef {
	clientId: string;
	state: SyncedPatternSource[ 'state' ];
}

/** A block as the collector gets it: instances are leaves. */
export interface PreparedBlock< B extends PatternBlockLike > {
	clientId: string;
	name: string;
	innerBlocks: PreparedBlock< B >[];
	source: B;
	/** The expanded pattern, for a synced pattern instance. */
	patternHtml: string | null;
}

export interface PreparedPost< B extends PatternBlockLike > {
	blocks: PreparedBlock< B >[];
	blockHtml: ( block: PreparedBlock< B > ) => string;
	postHtml: string;
	/** Every pattern instance of the post, by clientId, in document order. */
	instances: Map< string, SyncedPatternInstance >;
}

/** The `wp_block` id a block refers to, or null when it is no instance. */
export function patternRef( block: PatternBlockLike ): number | null {
	if ( block.name !== SYNCED_PATTERN_BLOCK ) {
		return null;
	}
	const ref = block.attributes.ref;
	return typeof ref === 'number' && Number.isInteger( ref ) && ref > 0
		? ref
		: null;
}

/** The pattern ids of every instance in a block tree, each once. */
export function refsInBlocks(
	blocks: readonly PatternBlockLike[],
	out: Set< number > = new Set()
): Set< number > {
	for ( const block of blocks ) {
		const ref = patternRef( block );
		if ( ref !== null ) {
			out.add( ref );
		} else {
			refsInBlocks( block.innerBlocks, out );
		}
	}
	return out;
}

function refOfComment( json: string ): number | null {
	try {
		const attributes = JSON.parse( json ) as { ref?: unknown };
		const ref = attributes?.ref;
		return typeof ref === 'number' && Number.isInteger( ref ) && ref > 0
			? ref
			: null;
	} catch {
		return null;
	}
}

/** The pattern ids of the instances in block markup (nested patterns). */
export function refsInContent( content: string ): number[] {
	const refs = new Set< number >();
	for ( const match of content.matchAll( PATTERN_COMMENT ) ) {
		const ref = refOfComment( match[ 1 ] );
		if ( ref !== null ) {
			refs.add( ref );
		}
	}
	return [ ...refs ];
}

/**
 * Block markup with every pattern instance replaced by the pattern's own
 * (expanded) content, as the published page shows it. An instance of a
 * pattern that is not ready, or that contains itself, becomes empty.
 */
export function expandSyncedPatterns(
	html: string,
	sources: ReadonlyMap< number, SyncedPatternSource >,
	trail: readonly number[] = []
): string {
	if ( ! html.includes( 'wp:' ) ) {
		return html;
	}
	return html.replace( PATTERN_COMMENT, ( _comment, json: string ) => {
		const ref = refOfComment( json );
		const source = ref === null ? undefined : sources.get( ref );
		if (
			ref === null ||
			source?.state !== 'ready' ||
			trail.includes( ref ) ||
			trail.length >= MAX_DEPTH
		) {
			return '';
		}
		return expandSyncedPatterns( source.content, sources, [
			...trail,
			ref,
		] );
	} );
}

/** Per-instance overrides: block `metadata.name` → attribute values. */
export type PatternOverrides = Record< string, Record< string, unknown > >;

/**
 * The overrides of an instance (pattern overrides, WordPress 6.6+: the
 * `content` attribute of `core/block`), or null when it has none.
 */
export function patternOverrides(
	block: PatternBlockLike
): PatternOverrides | null {
	const content = block.attributes.content;
	if (
		! content ||
		typeof content !== 'object' ||
		Array.isArray( content )
	) {
		return null;
	}
	const entries = Object.entries( content ).filter(
		( [ , values ] ) =>
			values !== null &&
			typeof values === 'object' &&
			! Array.isArray( values )
	);
	return entries.length
		? ( Object.fromEntries( entries ) as PatternOverrides )
		: null;
}

/** A block as wp.blocks.parse gives it, for overrides. */
export interface ParsedBlockLike {
	attributes: Record< string, unknown >;
	innerBlocks: ParsedBlockLike[];
}

/**
 * The pattern's blocks as one instance shows them: each block whose
 * `metadata.name` has overrides gets those attribute values (a paragraph's
 * text, with its links, can differ per post).
 */
export function applyPatternOverrides< T extends ParsedBlockLike >(
	blocks: readonly T[],
	overrides: PatternOverrides
): T[] {
	return blocks.map( ( block ) => {
		const metadata = block.attributes.metadata as
			{ name?: unknown } | undefined;
		const values =
			typeof metadata?.name === 'string'
				? overrides[ metadata.name ]
				: undefined;
		return {
			...block,
			attributes: values
				? { ...block.attributes, ...values }
				: block.attributes,
			innerBlocks: applyPatternOverrides(
				block.innerBlocks as T[],
				overrides
			),
		};
	} );
}

export interface PrepareOptions< B extends PatternBlockLike > {
	ownHtml: ( block: B ) => string;
	serialize: ( blocks: B[] ) => string;
	/** The pattern's markup with an instance's overrides applied. */
	withOverrides?: ( content: string, overrides: PatternOverrides ) => string;
}

/**
 * The post prepared for the collector: every instance a leaf whose own
 * HTML is its expanded pattern (the block editor may hold a pattern's blocks
 * as the instance's inner blocks; they are left out, or the same links would
 * be paired twice), and the post's HTML with each instance replaced by its
 * own expansion (overrides make two instances of a pattern differ).
 */
export function withSyncedPatterns< B extends PatternBlockLike >(
	blocks: readonly B[],
	sources: ReadonlyMap< number, SyncedPatternSource >,
	options: PrepareOptions< B >
): PreparedPost< B > {
	const instances = new Map< string, SyncedPatternInstance >();
	const expansions: string[] = [];
	const expand = ( block: B, ref: number ): string => {
		const source = sources.get( ref );
		if ( source?.state !== 'ready' ) {
			return '';
		}
		const overrides = patternOverrides( block );
		const content =
			overrides && options.withOverrides
				? options.withOverrides( source.content, overrides )
				: source.content;
		return expandSyncedPatterns( content, sources, [ ref ] );
	};
	const prepare = ( list: readonly B[] ): PreparedBlock< B >[] =>
		list.map( ( block ) => {
			const ref = patternRef( block );
			if ( ref === null ) {
				return {
					clientId: block.clientId,
					name: block.name,
					innerBlocks: prepare( block.innerBlocks as B[] ),
					source: block,
					patternHtml: null,
				};
			}
			const source = sources.get( ref );
			instances.set( block.clientId, {
				clientId: block.clientId,
				ref,
				title: source?.title ?? '',
				state: source?.state ?? 'loading',
			} );
			const patternHtml = expand( block, ref );
			expansions.push( patternHtml );
			return {
				clientId: block.clientId,
				name: block.name,
				innerBlocks: [],
				source: block,
				patternHtml,
			};
		} );
	const prepared = prepare( blocks );
	const serialized = options.serialize( [ ...blocks ] );
	return {
		blocks: prepared,
		blockHtml: ( block ) =>
			block.patternHtml ?? options.ownHtml( block.source ),
		postHtml: instances.size
			? expandInstances( serialized, expansions, sources )
			: serialized,
		instances,
	};
}

/**
 * The serialised post with its instances replaced, in document order, by
 * their expansions (the tree walk and the serialiser see instances in the
 * same order). Should the counts ever differ, every instance falls back to
 * its pattern without overrides rather than to the wrong expansion.
 */
function expandInstances(
	serialized: string,
	expansions: readonly string[],
	sources: ReadonlyMap< number, SyncedPatternSource >
): string {
	const comments = serialized.match( PATTERN_COMMENT ) ?? [];
	if ( comments.length !== expansions.length ) {
		return expandSyncedPatterns( serialized, sources );
	}
	let next = 0;
	return serialized.replace( PATTERN_COMMENT, () => expansions[ next++ ] );
}

/** The links, those inside a pattern instance marked with its pattern. */
export function markSyncedPatternLinks(
	links: EditorLink[],
	instances: ReadonlyMap< string, SyncedPatternInstance >
): EditorLink[] {
	if ( instances.size === 0 ) {
		return links;
	}
	return links.map( ( link ) => {
		const instance = link.clientId
			? instances.get( link.clientId )
			: undefined;
		return instance
			? {
					...link,
					syncedPattern: { ref: instance.ref, title: instance.title },
				}
			: link;
	} );
}

/** A `wp_block` record as core-data gives it (edited or not). */
export type PatternRecord = Record< string, unknown >;

function titleOf( record: PatternRecord ): string {
	const title = record.title;
	if ( typeof title === 'string' ) {
		return title.trim();
	}
	if ( title && typeof title === 'object' ) {
		const { raw, rendered } = title as {
			raw?: unknown;
			rendered?: unknown;
		};
		if ( typeof raw === 'string' ) {
			return raw.trim();
		}
		if ( typeof rendered === 'string' ) {
			return rendered.trim();
		}
	}
	return '';
}

/**
 * The pattern's content as block markup. Edited in this session, the record
 * has `blocks` (what the canvas shows) and `content` may be a function of
 * the record that serialises them; otherwise `content` is the saved markup
 * (a string, or `{ raw }` on an unedited record).
 */
export function patternContent(
	record: PatternRecord,
	serialize: ( blocks: unknown[] ) => string
): string {
	if ( Array.isArray( record.blocks ) ) {
		return serialize( record.blocks as unknown[] );
	}
	const content = record.content;
	if ( typeof content === 'function' ) {
		const value: unknown = content( record );
		return typeof value === 'string' ? value : '';
	}
	if ( typeof content === 'string' ) {
		return content;
	}
	if ( content && typeof content === 'object' ) {
		const raw = ( content as { raw?: unknown } ).raw;
		return typeof raw === 'string' ? raw : '';
	}
	return '';
}

/** One pattern's state from its record and whether core-data gave up. */
export function patternSource(
	ref: number,
	record: PatternRecord | null | false | undefined,
	finished: boolean,
	serialize: ( blocks: unknown[] ) => string
): SyncedPatternSource {
	if ( record ) {
		return {
			ref,
			state: 'ready',
			title: titleOf( record ),
			content: patternContent( record, serialize ),
		};
	}
	return {
		ref,
		state: finished ? 'unavailable' : 'loading',
		title: '',
		content: '',
	};
}

/**
 * The patterns a pattern's record uses, without serialising it: from its
 * blocks when it has them, else from its markup.
 */
export function nestedRefs( record: PatternRecord ): number[] {
	if ( Array.isArray( record.blocks ) ) {
		return [ ...refsInBlocks( record.blocks as PatternBlockLike[] ) ];
	}
	const content = record.content;
	if ( typeof content === 'string' ) {
		return refsInContent( content );
	}
	if ( content && typeof content === 'object' ) {
		const raw = ( content as { raw?: unknown } ).raw;
		return typeof raw === 'string' ? refsInContent( raw ) : [];
	}
	return [];
}

/** The instances whose links are not known: loading or unreadable. */
export function unreadPatterns(
	instances: ReadonlyMap< string, SyncedPatternInstance >
): SyncedPatternNote[] {
	const notes: SyncedPatternNote[] = [];
	for ( const { clientId, ref, title, state } of instances.values() ) {
		if ( state !== 'ready' ) {
			notes.push( { clientId, ref, title, state } );
		}
	}
	return notes;
}
