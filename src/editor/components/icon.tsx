/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * The plugin icon: two links in a shield. Drawn here rather than taken from
 * the WordPress icons package, whose current build needs the react-jsx-runtime script
 * that WordPress 6.5 does not ship.
 */
import { createElement } from '@wordpress/element';

export const pluginIcon = (
	<svg
		xmlns="http://www.w3.org/2000/svg"
		viewBox="0 0 24 24"
		width={ 24 }
		height={ 24 }
		aria-hidden="true"
		focusable="false"
	>
		<path d="M12 2.5 4.5 5.3v6.1c0 4.6 3.1 8.8 7.5 10.1 4.4-1.3 7.5-5.5 7.5-10.1V5.3L12 2.5Zm6 8.9c0 3.8-2.4 7.3-6 8.5-3.6-1.2-6-4.7-6-8.5V6.3l6-2.2 6 2.2v5.1Z" />
		<path d="M10.6 13.9 9.8 14.7a1.4 1.4 0 0 1-2-2l1.6-1.6a1.4 1.4 0 0 1 2 0l.7-.7a2.4 2.4 0 0 0-3.4 0l-1.6 1.6a2.4 2.4 0 0 0 3.4 3.4l.8-.8-.7-.7Zm2.8-3.8.8-.8a1.4 1.4 0 0 1 2 2l-1.6 1.6a1.4 1.4 0 0 1-2 0l-.7.7a2.4 2.4 0 0 0 3.4 0l1.6-1.6a2.4 2.4 0 0 0-3.4-3.4l-.8.8.7.7Z" />
	</svg>
);
