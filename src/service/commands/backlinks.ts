/**
 * `rlg backlinks --site <url> [--json]`: what the imported backlink
 * exports say next to the scan: sites that link to us that we link to
 * (both ways), sites that link to us through a partner (us → partner →
 * site → us), and Link Intersect with the competitors imported
 * (`rlg import --competitor`). Exit 1 when a relationship both ways or
 * through a partner was found, as for other findings.
 */
import type { Command } from 'commander';
import type { BacklinksReport, IntersectRow } from '../../core/backlink-import';
import { resolveCommonConfig } from '../config';
import { RlgError } from '../errors';
import { backlinksReport } from '../backlink-import/report';
import { connectStore, siteIdentity } from '../store';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes';
import { dataDirOption, databaseOption, print } from './options';

/** Rows of each list printed; --json has up to 200. */
const ROWS = 25;

interface BacklinksOptions {
	site: string;
	json?: boolean;
	dataDir?: string;
	database?: string;
}

function more( total: number, shown: number ): string[] {
	return total > shown
		? [ `  … ${ total - shown } more (--json lists them)` ]
		: [];
}

function relation( row: IntersectRow ): string {
	if ( ! row.weLinkToThem ) {
		return 'no relationship';
	}
	return row.status === 'links-back'
		? 'we link to them, they link back'
		: 'we link to them';
}

/** The terminal text of the backlinks report. */
export function backlinksText( report: BacklinksReport ): string {
	const { overview } = report;
	const lines: string[] = [];
	if ( report.imports.length === 0 ) {
		return 'No backlink export imported yet: rlg import <file> --site <url>';
	}
	lines.push(
		`Imports: ${ report.imports
			.map(
				( i ) =>
					`${ i.owner || 'ours' } ${ i.format } (${ i.backlinks } backlinks, ${ i.importedAt.slice(
						0,
						10
					) })`
			)
			.join( '; ' ) }`,
		`${ overview.referringDomains } sites link to us in our imports.`,
		'',
		`Both ways: ${ overview.bothWays.total } sites link to us and our posts link to them`
	);
	for ( const row of overview.bothWays.rows.slice( 0, ROWS ) ) {
		lines.push(
			`  ${ row.domain }: ${ row.links } links to us${
				row.allQualified ? ' (all nofollow/ugc/sponsored)' : ''
			}, ${ row.ourLinks } of ours in ${ row.ourPosts } posts; check: ${
				row.status ?? 'not checked'
			}${ row.samplePage ? `; e.g. ${ row.samplePage }` : '' }`
		);
	}
	lines.push( ...more( overview.bothWays.total, ROWS ) );
	lines.push(
		'',
		`Through a partner: ${ overview.throughPartner.total } sites link to us and are linked from a partner of ours`
	);
	for ( const row of overview.throughPartner.rows.slice( 0, ROWS ) ) {
		lines.push(
			`  us → ${ row.partner } → ${ row.domain } → us${
				row.partnerPage ? ` (${ row.partnerPage })` : ''
			}`
		);
	}
	lines.push( ...more( overview.throughPartner.total, ROWS ) );
	if ( overview.competitors.length > 0 ) {
		lines.push(
			'',
			`Link Intersect with ${ overview.competitors.join( ', ' ) }:`,
			`  Shared: ${ overview.shared.total } sites link to a competitor and to us`
		);
		for ( const row of overview.shared.rows.slice( 0, ROWS ) ) {
			lines.push(
				`    ${ row.domain } (${ row.competitors.join( ', ' ) }): ${ relation(
					row
				) }`
			);
		}
		lines.push( ...more( overview.shared.total, ROWS ) );
		lines.push(
			`  Only competitors: ${ overview.gap.total } sites link to ${
				overview.competitors.length > 1
					? 'two or more competitors'
					: 'the competitor'
			} but not to us`
		);
		for ( const row of overview.gap.rows.slice( 0, ROWS ) ) {
			lines.push(
				`    ${ row.domain } (${ row.competitors.join( ', ' ) }): ${ relation(
					row
				) }`
			);
		}
		lines.push( ...more( overview.gap.total, ROWS ) );
	} else {
		lines.push(
			'',
			'Link Intersect: no competitor export imported (rlg import <file> --competitor <domain>)'
		);
	}
	return lines.join( '\n' );
}

export function register( program: Command ): void {
	program
		.command( 'backlinks' )
		.description(
			'reciprocity from both directions and Link Intersect, from imported backlink exports'
		)
		.requiredOption( '--site <url>', "our site's home URL" )
		.option( '--json', 'print the report as JSON' )
		.addOption( dataDirOption() )
		.addOption( databaseOption() )
		.action( async ( options: BacklinksOptions ) => {
			const identity = siteIdentity( options.site );
			if ( ! identity ) {
				throw new RlgError(
					'ERR_INVALID_SITE',
					`--site "${ options.site }" is not an absolute http(s) URL`
				);
			}
			const { dataDir, databaseUrl } = resolveCommonConfig( options );
			const store = await connectStore( { dataDir, databaseUrl } );
			const backlinks = store.openBacklinkStore();
			const scanStore = store.openScanStore();
			try {
				const site = await store.findSite( identity.siteKey );
				if ( ! site ) {
					throw new RlgError(
						'ERR_SITE_UNKNOWN',
						`${ identity.url } has no data in this data directory: rlg import or rlg scan it first`
					);
				}
				const report = await backlinksReport(
					{ store, backlinks, scanStore },
					site
				);
				print(
					options.json
						? JSON.stringify( report, null, 2 )
						: backlinksText( report )
				);
				process.exitCode =
					report.overview.bothWays.total +
						report.overview.throughPartner.total >
					0
						? EXIT_FINDINGS
						: EXIT_OK;
			} finally {
				await scanStore.close();
				await backlinks.close();
				await store.close();
			}
		} );
}
