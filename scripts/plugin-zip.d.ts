/** Types for scripts/plugin-zip.js (plain CommonJS so `npm run plugin-zip` needs no build). */
export declare const CONTENTS: readonly string[];
export declare const SLUG: string;
export declare function pluginFiles( root?: string ): string[];
export declare function buildZip( options?: { root?: string; out?: string } ): {
	out: string;
	files: string[];
};
export declare function listEntries( file: string ): string[];
