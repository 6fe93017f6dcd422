/** Types for scripts/wp/lib.js (plain CommonJS so `node scripts/wp/*.js` runs it without a build). */
import type { ChildProcess } from 'node:child_process';

export declare const ROOT: string;
export declare const WP_VERSION: string;
export declare const PLUGIN_SLUG: string;
export declare const DEFAULT_SITE_DIR: string;
export declare const DEFAULT_PORT: number;
export declare const ADMIN_USER: string;
export declare const ADMIN_PASSWORD: string;

export declare class WpEnvError extends Error {
	code: string;
	constructor( code: string, message: string );
}

export interface PrepareOptions {
	siteDir?: string;
	url?: string;
	fresh?: boolean;
	pluginSource?: string;
	log?: ( message: string ) => void;
	/** Install Dutch core language files (Debian's wordpress-l10n). */
	coreLanguages?: boolean;
}
export interface PreparedSite {
	siteDir: string;
	url: string;
	user: string;
	password: string;
	/** True when this call installed WordPress (a new database). */
	installed: boolean;
}
export declare function prepareSite( options?: PrepareOptions ): PreparedSite;

export declare function wpEval(
	siteDir: string,
	code: string,
	options?: { url?: string; installing?: boolean }
): string;

export interface StartServerOptions {
	siteDir?: string;
	port: number;
	host?: string;
	url?: string;
	logFile?: string;
	foreground?: boolean;
}
export declare function startServer(
	options: StartServerOptions
): Promise< { pid: number; url: string; child: ChildProcess } >;
export declare function stopServer( siteDir?: string ): boolean;
export declare function stopProcessGroup( pid: number ): boolean;
export declare function runningServer(
	siteDir?: string
): { pid: number; url: string; siteDir: string } | null;
export declare function freePort( host?: string ): Promise< number >;
export declare function isPortFree(
	port: number,
	host?: string
): Promise< boolean >;
export declare function waitForHttp(
	url: string,
	options?: { timeoutMs?: number; isAlive?: () => boolean }
): Promise< number >;
