/**
 * What the PHP page tells the script: where the settings page is and which
 * service URL is configured (so "the service is unreachable" can name it
 * even when the request never got an answer). Read from data-* attributes
 * of the root element, with a global `rlgReport` object as an alternative
 * (wp_localize_script / wp_add_inline_script). All optional.
 */
export interface AdminConfig {
	/** Link to the plugin's settings (service URL, key). */
	settingsUrl: string | null;
	/** The service URL from the settings, as configured. */
	serviceUrl: string | null;
	/** The site's home URL (what the service knows us as). */
	siteUrl: string | null;
}

declare global {
	interface Window {
		rlgReport?: Partial< AdminConfig >;
	}
}

function text( value: unknown ): string | null {
	return typeof value === 'string' && value.trim() ? value.trim() : null;
}

export function readConfig( root: HTMLElement | null ): AdminConfig {
	const global =
		typeof window !== 'undefined' && window.rlgReport
			? window.rlgReport
			: {};
	const data = root?.dataset ?? {};
	return {
		settingsUrl: text( data.settingsUrl ) ?? text( global.settingsUrl ),
		serviceUrl: text( data.serviceUrl ) ?? text( global.serviceUrl ),
		siteUrl: text( data.siteUrl ) ?? text( global.siteUrl ),
	};
}
