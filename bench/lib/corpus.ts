/**
 * The pages the benchmarks read: the realistic test corpus
 * (tests/fixtures/corpus, 2–15 KB pages from many themes and CMSs) and
 * larger pages composed from the same blocks, the way a long archive page,
 * a forum thread or a page builder's output gets big: many articles and
 * widgets inside one document, not one giant paragraph.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface CorpusPage {
	name: string;
	html: string;
	bytes: number;
}

/** The repository root (the directory of package.json), from anywhere below it. */
export function repoRoot(): string {
	let dir = __dirname;
	while ( ! fs.existsSync( path.join( dir, 'package.json' ) ) ) {
		const parent = path.dirname( dir );
		if ( parent === dir ) {
			throw new Error( `no package.json above ${ __dirname }` );
		}
		dir = parent;
	}
	return dir;
}

export function loadCorpus(): CorpusPage[] {
	const dir = path.join( repoRoot(), 'tests', 'fixtures', 'corpus' );
	return fs
		.readdirSync( dir )
		.filter( ( file ) => file.endsWith( '.html' ) )
		.sort()
		.map( ( file ) => {
			const html = fs.readFileSync( path.join( dir, file ), 'utf8' );
			return { name: file, html, bytes: Buffer.byteLength( html ) };
		} );
}

function bodyOf( html: string ): string {
	const start = html.search( /<body[^>]*>/i );
	if ( start < 0 ) {
		return html;
	}
	const end = html.search( /<\/body>/i );
	const open = html.indexOf( '>', start ) + 1;
	return html.slice( open, end > open ? end : undefined );
}

/**
 * A page of about `targetBytes`: the head and chrome of one corpus page
 * around the bodies of the others, each in its own <section>, repeated
 * until the size is reached.
 */
export function composePage(
	corpus: readonly CorpusPage[],
	targetBytes: number,
	seed = 0
): CorpusPage {
	const shell = corpus[ seed % corpus.length ].html;
	const bodyStart = shell.search( /<body[^>]*>/i );
	const head =
		bodyStart >= 0
			? shell.slice( 0, shell.indexOf( '>', bodyStart ) + 1 )
			: '<!doctype html><html><head><title>Archive</title></head><body>';
	const parts: string[] = [ head, '<main id="main">' ];
	let size = head.length;
	for ( let i = 0; size < targetBytes; i++ ) {
		const page = corpus[ ( seed + 1 + i ) % corpus.length ];
		const block = `<section class="archive-item item-${ i }">${ bodyOf(
			page.html
		) }</section>\n`;
		parts.push( block );
		size += block.length;
	}
	parts.push( '</main></body></html>' );
	const html = parts.join( '' );
	return {
		name: `composed-${ Math.round( targetBytes / 1024 ) }k`,
		html,
		bytes: Buffer.byteLength( html ),
	};
}
