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

/** The whole post as saved HTML (block comments included). */
export function serializeBlocks( blocks: BlockInstance[] ): string {
	return blocksApi().serialize( blocks );
}

/** Block markup as block instances (a synced pattern's content). */
export function parseBlocks( content: string ): BlockInstance[] {
	return blocksApi().parse( content );
}

/** A block's own saved HTML, without its inner blocks. */
export function ownBlockHtml( block: BlockInstance ): string {
	return blocksApi().getBlockContent(
		block.innerBlocks.length ? { ...block, innerBlocks: [] } : block
	);
}

export function blockTitle( name: string | null ): string | null {
	if ( ! name ) {
		return null;
	}
	return wp().blocks?.getBlockType( name )?.title ?? name;
}
