/**
 * What the PHP page tells the script (includes/class-assets.php prints
 * `window.rlgAdminContext` before admin.js): where the settings page is and
 * which service URL is configured, so "the service is unreachable" can name
 * it and link to where it is set. data-* attributes on the root element
 * override it (handy for tests). Everything is optional.
 */
export interface AdminConfig {
	/** Link to the plugin's settings (service URL, key). */
	settingsUrl: string | null;
	/** The service URL from the settings, as configured. */
	serviceUrl: string | null;
	/** False when the plugin has no service URL or key yet. */
	serviceConfigured: boolean;
}

interface AdminContext {
	settingsUrl?: unknown;
	serviceUrl?: unknown;
	serviceConfigured?: unknown;
}

declare global {
	interface Window {
		rlgAdminContext?: AdminContext;
	}
}

function text( value: unknown ): string | null {
	return typeof value === 'string' && value.trim() ? value.trim() : null;
}

export function readConfig(
	root: HTMLElement | null,
	context: AdminContext | undefined = typeof window !== 'undefined'
		? window.rlgAdminContext
		: undefined
): AdminConfig {
	const data = root?.dataset ?? {};
	return {
		settingsUrl: text( data.settingsUrl ) ?? text( context?.settingsUrl ),
		serviceUrl: text( data.serviceUrl ) ?? text( context?.serviceUrl ),
		serviceConfigured: context?.serviceConfigured !== false,
	};
}
