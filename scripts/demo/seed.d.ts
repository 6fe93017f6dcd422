/** Types for scripts/demo/seed.js (plain CommonJS, run by `npm start` without a build). */
export interface DemoPost {
	slug: string;
	title: string;
	/** Block markup. */
	content: string;
}

export declare function demoPosts(
	partner: ( host: string, path?: string ) => string
): DemoPost[];
