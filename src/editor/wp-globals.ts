/**
 * The parts of the `wp` global the editor reads at run time instead of
 * importing. The plugin slots moved from wp.editPost (6.5) to wp.editor
 * (6.6+), and the block serialiser lives in wp.blocks; reading them here,
 * lazily, lets one build run on both without @wordpress/edit-post.
 */
import type { ComponentType, ReactNode } from 'react';

export interface SlotComponents {
	PluginSidebar: ComponentType< {
		name: string;
		title: string;
		icon?: ReactNode;
		className?: string;
		children?: ReactNode;
	} >;
	PluginSidebarMoreMenuItem: ComponentType< {
		target: string;
		icon?: ReactNode;
		children?: ReactNode;
	} >;
	PluginPrePublishPanel: ComponentType< {
		title?: string;
		initialOpen?: boolean;
		icon?: ReactNode;
		className?: string;
		children?: ReactNode;
	} >;
}

export interface BlockInstance {
	clientId: string;
	name: string;
	attributes: Record< string, unknown >;
	innerBlocks: BlockInstance[];
}

interface WpBlocks {
	serialize: ( blocks: BlockInstance[] ) => string;
	parse: ( content: string ) => BlockInstance[];
	getBlockContent: ( block: BlockInstance ) => string;
	getBlockType: ( name: string ) => { title?: string } | undefined;
}

interface WpGlobal {
	editor?: Partial< SlotComponents >;
	editPost?: Partial< SlotComponents >;
	blocks?: WpBlocks;
}

function wp(): WpGlobal {
	return ( window as unknown as { wp?: WpGlobal } ).wp ?? {};
}

/** The slot components from wp.editor (6.6+) or wp.editPost (6.5). */
export function getSlots(): SlotComponents | null {
	const { editor, editPost } = wp();
	const PluginSidebar = editor?.PluginSidebar ?? editPost?.PluginSidebar;
	const PluginSidebarMoreMenuItem =
		editor?.PluginSidebarMoreMenuItem ??
		editPost?.PluginSidebarMoreMenuItem;
	const PluginPrePublishPanel =
		editor?.PluginPrePublishPanel ?? editPost?.PluginPrePublishPanel;
	if (
		! PluginSidebar ||
		! PluginSidebarMoreMenuItem ||
		! PluginPrePublishPanel
	) {
		return null;
	}
	return { PluginSidebar, PluginSidebarMoreMenuItem, PluginPrePublishPanel };
}

function blocksApi(): WpBlocks {
	const api = wp().blocks;
	if ( ! api ) {
		throw new Error( 'wp.blocks is not loaded' );
	}
	return api;
}

/*
 * Saved HTML per block object. The block editor's store replaces a block
 * object when its attributes or inner blocks change and keeps it
 * otherwise, so after a keystroke only the edited block (and its
 * ancestors) is serialised again, not the whole post (issue 20: each
 * block's save() renders React markup; at 1,000 links that was a long
 * task after every pause in typing).
 */
const savedHtml = new WeakMap< BlockInstance, string >();
const ownHtml = new WeakMap< BlockInstance, string >();

/**
 * The whole post as saved HTML (block comments included): wp.blocks
 * serialises a list as its blocks' markup joined by a blank line, so each
 * block's part is remembered on its own.
 */
export function serializeBlocks( blocks: BlockInstance[] ): string {
	return blocks.map( blockSavedHtml ).join( '\n\n' );
}

/**
 * One block's saved HTML (block comments and inner blocks included), the
 * same string object for as long as the block object is unchanged.
 */
export function blockSavedHtml( block: BlockInstance ): string {
	let html = savedHtml.get( block );
	if ( html === undefined ) {
		html = blocksApi().serialize( [ block ] );
		savedHtml.set( block, html );
	}
	return html;
}

/** Block markup as block instances (a synced pattern's content). */
export function parseBlocks( content: string ): BlockInstance[] {
	return blocksApi().parse( content );
}

/** A block's own saved HTML, without its inner blocks. */
export function ownBlockHtml( block: BlockInstance ): string {
	let html = ownHtml.get( block );
	if ( html === undefined ) {
		html = blocksApi().getBlockContent(
			block.innerBlocks.length ? { ...block, innerBlocks: [] } : block
		);
		ownHtml.set( block, html );
	}
	return html;
}

export function blockTitle( name: string | null ): string | null {
	if ( ! name ) {
		return null;
	}
	return wp().blocks?.getBlockType( name )?.title ?? name;
}
