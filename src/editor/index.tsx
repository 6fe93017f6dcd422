/**
 * Entry point of the block editor script (build/assets/editor.js): the
 * data store, then the plugin that fills the editor's slots.
 */
import { registerPlugin } from '@wordpress/plugins';
import { pluginIcon } from './components/icon';
import { Plugin } from './components/Plugin';
import { installSidebarStyle } from './components/styles';
import { registerStore } from './store';

registerStore();
// Before the editor renders: adding a sheet later restyles the whole page.
installSidebarStyle();

registerPlugin( 'reciprocal-link-guard', {
	render: Plugin,
	icon: pluginIcon,
} );
