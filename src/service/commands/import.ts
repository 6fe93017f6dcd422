/**
 * `rlg import <file> --site <url> [--format auto|gsc|ahrefs|semrush]
 * [--competitor <domain>] [--json]`: read a backlink export (Search
 * Console, Ahrefs, Semrush) into the data directory, saying what was read,
 * what was kept and each skipped row's line and reason. An export of a
 * competitor (`--competitor`) feeds Link Intersect (`rlg backlinks`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { MAX_IMPORT_BYTES } from '../../core/backlink-import';
import type {
	BacklinkExportFormat,
	BacklinkImportSummary,
	SkipReason,
} from '../../core/backlink-import';
import { resolveCommonConfig } from '../config';
import { RlgError } from '../errors';
import { importBacklinkFile } from '../backlink-import/import-file';
import { connectStore, siteIdentity } from '../store';
import { dataDirOption, databaseOption, print } from './options';

/** Skipped rows listed in the terminal; --json lists up to 200. */
const LISTED_IN_TERMINAL = 20;

interface ImportOptions {
	site: string;
	format: BacklinkExportFormat | 'auto';
	competitor?: string;
	json?: boolean;
	dataDir?: string;
	database?: string;
}

export const SKIP_REASON_TEXT: Record< SkipReason, string > = {
	'wrong-column-count': 'too few cells',
	'missing-source': 'no linking page',
	'invalid-source': 'linking page is not a URL',
	'internal-link': 'internal link',
	'target-elsewhere': 'links to another site',
	'invalid-date': 'not a date',
	duplicate: 'duplicate',
	'over-limit': 'over the row limit',
};

/** The terminal summary of an import. */
export function importText( summary: BacklinkImportSummary ): string {
	const whose = summary.owner ? ` (competitor ${ summary.owner })` : '';
	const lines = [
		`${ summary.fileName }: ${ summary.label }${ whose }, ${ summary.encoding }`,
		`  ${ summary.rowsRead } rows read, ${ summary.backlinks } backlinks from ${ summary.domains } sites kept, ${ summary.skippedTotal } skipped`,
	];
	for ( const [ reason, count ] of Object.entries(
		summary.skippedByReason
	) ) {
		lines.push(
			`    ${ count } × ${ SKIP_REASON_TEXT[ reason as SkipReason ] }`
		);
	}
	for ( const row of summary.skipped.slice( 0, LISTED_IN_TERMINAL ) ) {
		lines.push(
			`  line ${ row.line }: ${ SKIP_REASON_TEXT[ row.reason ] }: ${ row.detail }`
		);
	}
	if ( summary.skippedTotal > LISTED_IN_TERMINAL ) {
		lines.push(
			`  … ${
				summary.skippedTotal - LISTED_IN_TERMINAL
			} more skipped rows (--json lists the first ${ summary.skipped.length })`
		);
	}
	lines.push(
		summary.owner
			? `Replaces the previous ${ summary.format } export of ${ summary.owner }. Link Intersect: rlg backlinks`
			: `Replaces the previous ${ summary.format } export of this site. Reciprocity from both directions: rlg backlinks`
	);
	return lines.join( '\n' );
}

export function register( program: Command ): void {
	program
		.command( 'import' )
		.description(
			'import a backlink export (Search Console links, Ahrefs or Semrush backlinks CSV)'
		)
		.argument( '<file>', 'the exported CSV file' )
		.requiredOption( '--site <url>', "our site's home URL" )
		.addOption(
			new Option( '--format <format>', 'the tool it came from' )
				.choices( [ 'auto', 'gsc', 'ahrefs', 'semrush' ] )
				.default( 'auto' )
		)
		.option(
			'--competitor <domain>',
			"the export lists a competitor's backlinks (for Link Intersect), not ours"
		)
		.option( '--json', 'print the import summary as JSON' )
		.addOption( dataDirOption() )
		.addOption( databaseOption() )
		.action( async ( file: string, options: ImportOptions ) => {
			const identity = siteIdentity( options.site );
			if ( ! identity ) {
				throw new RlgError(
					'ERR_INVALID_SITE',
					`--site "${ options.site }" is not an absolute http(s) URL`
				);
			}
			let bytes: Buffer;
			try {
				const size = fs.statSync( file ).size;
				if ( size > MAX_IMPORT_BYTES ) {
					throw new RlgError(
						'ERR_IMPORT_FILE',
						`${ file }: the file is ${ size } bytes; at most ${ MAX_IMPORT_BYTES } are read (split the export by date or target)`
					);
				}
				bytes = fs.readFileSync( file );
			} catch ( error ) {
				if ( error instanceof RlgError ) {
					throw error;
				}
				throw new RlgError(
					'ERR_IMPORT_FILE',
					`cannot read ${ file }: ${ ( error as Error ).message }`
				);
			}
			const { dataDir, databaseUrl } = resolveCommonConfig( options );
			const store = await connectStore( { dataDir, databaseUrl } );
			const backlinks = store.openBacklinkStore();
			try {
				const site = await store.ensureSite( identity );
				const summary = await importBacklinkFile( backlinks, site, {
					bytes,
					fileName: path.basename( file ),
					format: options.format,
					competitor: options.competitor ?? null,
				} );
				print(
					options.json
						? JSON.stringify( summary, null, 2 )
						: importText( summary )
				);
			} finally {
				await backlinks.close();
				await store.close();
			}
		} );
}
