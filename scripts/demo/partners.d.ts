/** Types for scripts/demo/partners.js (plain CommonJS, run by `npm start` without a build). */
export interface OurUrls {
	home: string;
	post: ( slug: string ) => string;
}

export declare const KEYWORDS: string[];

/** host → path → HTML ('*' = any path). */
export declare function partnerSites(
	ours: OurUrls
): Record< string, Record< string, string > >;

export interface RunningPartners {
	port: number;
	hosts: string[];
	url: ( host: string, path?: string ) => string;
	resolveEntries: string[];
	close: () => Promise< void >;
}

export declare function startPartners( options: {
	port: number;
	ours: OurUrls;
} ): Promise< RunningPartners >;
