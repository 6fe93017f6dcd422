/**
 * Typed access to the WordPress core data stores the editor uses, by name
 * (importing @wordpress/block-editor or @wordpress/editor would bundle or
 * pin them; the stores are always registered in the block editor).
 */
import type { BlockInstance } from './wp-globals';

export interface BlockEditorSelectors {
	getBlocks: () => BlockInstance[];
	getBlock: ( clientId: string ) => BlockInstance | null;
}

export interface BlockEditorActions {
	selectBlock: ( clientId: string, initialPosition?: number | null ) => void;
	updateBlockAttributes: (
		clientId: string,
		attributes: Record< string, unknown >
	) => void;
}

export interface EditorSelectors {
	getCurrentPostId: () => number | null;
	getEditedPostAttribute: ( name: 'link' | 'title' ) => string | undefined;
}

export interface EditorActions {
	lockPostSaving: ( lockName: string ) => void;
	unlockPostSaving: ( lockName: string ) => void;
}

export interface NoticesActions {
	createNotice: (
		status: 'error' | 'warning' | 'info' | 'success',
		content: string,
		options?: {
			id?: string;
			type?: 'default' | 'snackbar';
			isDismissible?: boolean;
			actions?: Array< {
				label: string;
				url?: string;
				onClick?: () => void;
			} >;
		}
	) => void;
	removeNotice: ( id: string ) => void;
}

/** The entity selectors of core-data (`core`) the editor reads. */
export interface CoreDataSelectors {
	getEntityRecord: (
		kind: string,
		name: string,
		key: number
	) => Record< string, unknown > | null | undefined;
	getEditedEntityRecord: (
		kind: string,
		name: string,
		key: number
	) => Record< string, unknown > | false | undefined;
	hasFinishedResolution: (
		selector: string,
		args: readonly unknown[]
	) => boolean;
}

type ByName = ( name: string ) => unknown;

export const blockEditorSelectors = ( select: unknown ) =>
	( select as ByName )( 'core/block-editor' ) as BlockEditorSelectors;
export const blockEditorActions = ( dispatch: unknown ) =>
	( dispatch as ByName )( 'core/block-editor' ) as BlockEditorActions;
export const coreDataSelectors = ( select: unknown ) =>
	( select as ByName )( 'core' ) as CoreDataSelectors;
export const editorSelectors = ( select: unknown ) =>
	( select as ByName )( 'core/editor' ) as EditorSelectors;
export const editorActions = ( dispatch: unknown ) =>
	( dispatch as ByName )( 'core/editor' ) as EditorActions;
export const noticesActions = ( dispatch: unknown ) =>
	( dispatch as ByName )( 'core/notices' ) as NoticesActions;

/** Yoast SEO's focus keyphrase, when Yoast is active. */
export function focusKeyphrase( select: unknown ): string {
	try {
		const yoast = ( select as ByName )( 'yoast-seo/editor' ) as
			{ getFocusKeyphrase?: () => unknown } | undefined;
		const value = yoast?.getFocusKeyphrase?.();
		return typeof value === 'string' ? value.trim() : '';
	} catch {
		// Yoast is not active: there is no such store.
		return '';
	}
}

/**
 * Opens a plugin sidebar: core/edit-post's action exists on 6.5 and still
 * on 6.6+; core/interface (scope 'core' from 6.6) is the fallback.
 */
export function openPluginSidebar( dispatch: unknown, name: string ): void {
	const editPost = ( dispatch as ByName )( 'core/edit-post' ) as
		{ openGeneralSidebar?: ( name: string ) => void } | undefined;
	if ( editPost?.openGeneralSidebar ) {
		editPost.openGeneralSidebar( name );
		return;
	}
	const ui = ( dispatch as ByName )( 'core/interface' ) as
		| { enableComplementaryArea?: ( scope: string, name: string ) => void }
		| undefined;
	ui?.enableComplementaryArea?.( 'core', name );
}
