/**
 * Exports of the report: CSV of the partner table (streamed, one line per
 * partner), a JSON document, and a self-contained HTML file (inline CSS,
 * no scripts, nothing fetched) that reads well when opened from disk or
 * mailed. Each includes the relationship log kept with the partners.
 */
import type {
	PartnerLogEntry,
	PartnerRow,
	ReportResponse,
} from '../../core/report';
import {
	BACKLINK_STATUS_LABELS,
	findingTitle,
} from '../../core/finding-titles';
import type { Finding } from '../../core/findings';
import { findingEvidence } from '../../core/graph/evidence';
import { createSettingsResolver } from '../site-settings';
import type { SiteRecord } from '../store/types';
import type { ScanStore } from '../store/scan-types';
import { sortValue } from '../store/scan-rows';
import type { PartnerCursor, PartnerListQuery } from '../store/scan-rows';
import { localDate, localDateTime, percent, plural } from './format';
import type { TimeFormatOptions } from './format';
import { rowVerdict } from '../../core/their-links';
import { shownText, wheresText } from '../verdict-text';
import { buildReport } from './report';
import type { ReportDeps } from './report';

/** Their links listed per partner in the HTML report (the counts cover all). */
const HTML_LINKS = 10;

export const CSV_COLUMNS = [
	'domain',
	'status',
	'our_posts',
	'our_links',
	'their_links',
	'their_placements',
	'their_anchors',
	'their_rel',
	'relevance',
	'first_seen',
	'last_checked',
	'findings',
	'log',
] as const;

/**
 * One CSV field (RFC 4180). A leading = + - @ is prefixed with a quote so a
 * spreadsheet never runs a partner's anchor text as a formula.
 */
export function csvField( value: string | number | null ): string {
	if ( value === null ) {
		return '';
	}
	let text = String( value );
	if ( typeof value === 'string' && /^[=+\-@\t\r]/.test( text ) ) {
		text = `'${ text }`;
	}
	return /[",\r\n]/.test( text ) ? `"${ text.replace( /"/g, '""' ) }"` : text;
}

function unique( values: string[] ): string[] {
	return [ ...new Set( values ) ];
}

function logText( entries: PartnerLogEntry[] ): string {
	return entries
		.map(
			( entry ) =>
				`${ entry.createdAt } ${ entry.author }: ${ entry.note }`
		)
		.join( ' | ' );
}

export function csvRow( row: PartnerRow, log: PartnerLogEntry[] ): string {
	return [
		row.domain,
		row.status,
		row.ourPosts,
		row.ourLinks,
		rowVerdict( row ).total,
		rowVerdict( row )
			.placements.map( ( entry ) => entry.where )
			.join( ';' ),
		unique( row.theirLinks.map( ( link ) => link.text ) ).join( ';' ),
		unique( row.theirLinks.flatMap( ( link ) => link.rel ) ).join( ';' ),
		row.relevance,
		row.firstSeen,
		row.lastChecked,
		unique( row.findings.map( ( finding ) => finding.code ) ).join( ';' ),
		logText( log ),
	]
		.map( csvField )
		.join( ',' );
}

async function logByDomain(
	scanStore: ScanStore,
	siteId: number
): Promise< Map< string, PartnerLogEntry[] > > {
	const byDomain = new Map< string, PartnerLogEntry[] >();
	// Oldest first within a partner, as a log reads.
	for ( const entry of ( await scanStore.listLog( siteId ) ).reverse() ) {
		const list = byDomain.get( entry.domain ) ?? [];
		list.push( entry );
		byDomain.set( entry.domain, list );
	}
	return byDomain;
}

/** Filters and order of an export: a ReportQuery without its page. */
export type ExportQuery = PartnerListQuery;

/** Every partner, in domain order: what the CLI's exports list. */
export const DOMAIN_ORDER: ExportQuery = Object.freeze( {
	search: '',
	orderBy: 'domain',
	order: 'asc',
} );

/** Partner rows read from the store per page of an export. */
export const EXPORT_PAGE = 200;

/**
 * Every partner row matching `query`, in its order, read from the store a
 * keyset page (`pageSize` rows) at a time: the next page is asked for only
 * once the consumer has taken every row of this one, so an export of a
 * site with any number of partners holds one page, never the table.
 */
export async function* streamPartners(
	scanStore: ScanStore,
	siteId: number,
	query: ExportQuery = DOMAIN_ORDER,
	pageSize: number = EXPORT_PAGE
): AsyncIterable< PartnerRow > {
	let after: PartnerCursor | null = null;
	for (;;) {
		const rows = await scanStore.partnersAfter(
			siteId,
			query,
			after,
			pageSize
		);
		yield* rows;
		if ( rows.length < pageSize ) {
			return;
		}
		const last = rows[ rows.length - 1 ];
		after = {
			value: sortValue( last, query.orderBy ),
			domain: last.domain,
		};
	}
}

/**
 * The partner table as CSV lines (header first), streamed from the store:
 * every partner, or every one matching the filters and order of `query`.
 */
export async function* reportCsv(
	scanStore: ScanStore,
	site: SiteRecord,
	query?: ExportQuery,
	pageSize: number = EXPORT_PAGE
): AsyncIterable< string > {
	const logs = await logByDomain( scanStore, site.id );
	yield CSV_COLUMNS.join( ',' ) + '\r\n';
	for await ( const row of streamPartners(
		scanStore,
		site.id,
		query ?? DOMAIN_ORDER,
		pageSize
	) ) {
		yield csvRow( row, logs.get( row.domain ) ?? [] ) + '\r\n';
	}
}

export interface FullReport extends ReportResponse {
	log: PartnerLogEntry[];
	/**
	 * The keyword and brand lists both sides' anchors were judged with (the
	 * site's settings). Shown because they decide every exact-match finding:
	 * a scan without the site's keywords finds none, and the editor also
	 * uses the post's focus keyphrase, which a scan never sees.
	 */
	anchors: { keywords: string[]; brandTerms: string[] };
	/**
	 * Which settings the findings were judged with, said plainly in the
	 * CLI summary and the HTML report: the site's own (pushed from
	 * WordPress, stored in the data directory) or only the service's
	 * (defaults, --settings), and from which data directory.
	 */
	settingsUsed: SettingsUsed;
}

/** Where a report's settings came from. */
export interface SettingsUsed {
	/** `site`: the site's own settings are stored; `service`: none are. */
	source: 'site' | 'service';
	/** When the site last pushed them (PUT /v1/site/settings). */
	updatedAt: string | null;
	/** The fields the site stored (the rest follow the service's values). */
	fields: string[];
	/** The site has a key: it is connected to a service using this store. */
	registered: boolean;
	/** The data directory read, when known (the CLI). */
	dataDir: string | null;
}

/**
 * Everything of the whole report but its partner rows (`partners.rows` is
 * empty; `total` and `perPage` count the site's partners): what the
 * streaming writers (reportJson, reportHtmlStream) write around the rows
 * they read from the store a page at a time.
 */
export async function reportHead(
	deps: ReportDeps & { dataDir?: string },
	site: SiteRecord
): Promise< FullReport > {
	const stored = await deps.store.getSiteSettings( site.id );
	// The site's own settings over the given ones, as the scan used them
	// (the CLI passes the service's settings).
	const settings = await createSettingsResolver(
		deps.store,
		deps.settings
	)( site );
	const first = await buildReport( { ...deps, settings }, site, {
		page: 1,
		perPage: 1,
		search: '',
		orderBy: 'domain',
		order: 'asc',
	} );
	const total = first.summary.partnerDomains;
	return {
		...first,
		partners: { rows: [], total, page: 1, perPage: total },
		log: ( await deps.scanStore.listLog( site.id ) ).reverse(),
		anchors: {
			keywords: [ ...settings.keywords ],
			brandTerms: [ ...settings.brandTerms ],
		},
		settingsUsed: {
			source: stored ? 'site' : 'service',
			updatedAt: stored?.updatedAt ?? null,
			fields: stored ? Object.keys( stored.settings ).sort() : [],
			registered: site.secret !== null,
			dataDir: deps.dataDir ?? null,
		},
	};
}

/**
 * The whole report with every partner row in memory. For small sites and
 * tests; the CLI writes big ones with reportJson / reportHtmlStream.
 */
export async function fullReport(
	deps: ReportDeps & { dataDir?: string },
	site: SiteRecord
): Promise< FullReport > {
	const head = await reportHead( deps, site );
	const rows: PartnerRow[] = [];
	for await ( const row of streamPartners( deps.scanStore, site.id ) ) {
		rows.push( row );
	}
	return {
		...head,
		partners: { rows, total: rows.length, page: 1, perPage: rows.length },
	};
}

/** Stand-ins for the rows and their count while the head is serialised. */
const ROWS_MARK = JSON.stringify( '\u0000rlg-rows\u0000' );
const COUNT_MARK = JSON.stringify( '\u0000rlg-count\u0000' );

/**
 * The whole report as JSON text, written as the rows stream in: the same
 * bytes as `JSON.stringify( report, null, 2 )` of the report with every
 * row (`fullReport`), without holding them. The head is serialised with
 * marks where the rows and their count go; each row is serialised alone
 * and indented to its depth (rows sit at `partners.rows[]`, 6 spaces);
 * `total` and `perPage` are the rows counted on the way.
 */
export async function* reportJson(
	head: FullReport,
	rows: AsyncIterable< PartnerRow >
): AsyncIterable< string > {
	const text = JSON.stringify(
		{
			...head,
			partners: {
				rows: JSON.parse( ROWS_MARK ),
				total: JSON.parse( COUNT_MARK ),
				page: 1,
				perPage: JSON.parse( COUNT_MARK ),
			},
		},
		null,
		2
	);
	const at = text.indexOf( ROWS_MARK );
	yield text.slice( 0, at );
	const indent = ' '.repeat( 6 );
	let count = 0;
	for await ( const row of rows ) {
		yield ( count === 0 ? '[\n' : ',\n' ) +
			indent +
			JSON.stringify( row, null, 2 )
				.split( '\n' )
				.join( `\n${ indent }` );
		count++;
	}
	yield count === 0 ? '[]' : `\n${ ' '.repeat( 4 ) }]`;
	yield text
		.slice( at + ROWS_MARK.length )
		.split( COUNT_MARK )
		.join( String( count ) );
}

/**
 * One sentence on the settings a report used: the site's own (pushed from
 * WordPress) or the service's, from which data directory, and what to do
 * when a site connected to another service was scanned with another store.
 */
export function settingsUsedText( used: SettingsUsed ): string {
	const where = used.dataDir ? ` in ${ used.dataDir }` : '';
	if ( used.source === 'site' ) {
		return `Settings: this site's own settings, pushed from WordPress on ${ (
			used.updatedAt ?? ''
		).slice( 0, 10 ) } and stored${ where } (${ used.fields.join(
			', '
		) }); other fields follow the service's settings.`;
	}
	return used.registered
		? `Settings: none are stored for this site${ where }, so the defaults (and --settings) were used; WordPress sends them to the service before each scan.`
		: `Settings: the defaults (and --settings); this site is not registered${ where }. If WordPress is connected to a running "rlg serve", scan with that service's --data-dir to use the keywords, brand terms and thresholds it pushed.`;
}

function escapeHtml( text: string | number | null ): string {
	return String( text ?? '' ).replace(
		/[&<>"']/g,
		( c ) =>
			( {
				'&': '&amp;',
				'<': '&lt;',
				'>': '&gt;',
				'"': '&quot;',
				"'": '&#39;',
			} )[ c ] as string
	);
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1e1e1e;margin:2rem auto;max-width:72rem;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
.meta{color:#555}.cards{display:flex;flex-wrap:wrap;gap:1rem}.card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.4rem}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #e5e5e5;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f6f7f7}
.alert{background:#fcf0f1;border-left:4px solid #d63638;padding:.4rem .8rem;margin:.3rem 0}
.links-back{color:#007017}.no-link{color:#555}.critical{color:#d63638;font-weight:600}.warning{color:#996800}
`;

/** Settings that are shares (0–1), shown as percentages. */
const SHARE_SETTINGS = new Set( [
	'maxReciprocalShare',
	'minRelevance',
	'partialMatchShare',
] );

/**
 * What follows a finding's title in the HTML report: the chain or group a
 * graph finding rests on, or how sure a verdict with a confidence is.
 */
function findingDetail( finding: Finding ): string {
	const evidence = findingEvidence( finding );
	if ( evidence !== null ) {
		return `: ${ evidence }`;
	}
	return typeof finding.params.confidence === 'string'
		? ` (confidence ${ finding.params.confidence })`
		: '';
}

/** The relationship log by partner, oldest note first (the report's log order). */
function logsByDomain(
	log: PartnerLogEntry[]
): Map< string, PartnerLogEntry[] > {
	const logs = new Map< string, PartnerLogEntry[] >();
	for ( const entry of log ) {
		const list = logs.get( entry.domain ) ?? [];
		list.push( entry );
		logs.set( entry.domain, list );
	}
	return logs;
}

/** One partner's row of the HTML report's table. */
function htmlRow(
	row: PartnerRow,
	logs: Map< string, PartnerLogEntry[] >,
	options: TimeFormatOptions
): string {
	// The core's verdict, as the CLI and wp-admin word it.
	const verdict = rowVerdict( row );
	const listed = row.theirLinks.slice( 0, HTML_LINKS );
	const shown = shownText( verdict, listed.length );
	const theirs = [
		...( verdict.total > 1
			? [ `<b>${ escapeHtml( wheresText( verdict ) ) }</b>` ]
			: [] ),
		...listed.map(
			( link ) =>
				`${ escapeHtml( link.where ?? link.placement ) }: “${ escapeHtml( link.text ) }”${
					link.rel.length
						? ` (${ escapeHtml( link.rel.join( ' ' ) ) })`
						: ''
				}`
		),
		...( shown ? [ escapeHtml( shown ) ] : [] ),
	].join( '<br>' );
	const log = ( logs.get( row.domain ) ?? [] )
		.map(
			( e ) =>
				`${ escapeHtml(
					localDate( e.createdAt, options )
				) } ${ escapeHtml( e.author ) }: ${ escapeHtml( e.note ) }`
		)
		.join( '<br>' );
	const status = row.status
		? ( BACKLINK_STATUS_LABELS[ row.status ] ?? row.status )
		: 'not checked';
	const ours = `${ plural( row.ourLinks, 'link' ) } in ${ plural(
		row.ourPosts,
		'post'
	) }`;
	const findingsCell = row.findings
		.map(
			( f ) =>
				`<span class="${ f.severity }" title="${ escapeHtml(
					f.code
				) }">${ escapeHtml( findingTitle( f.code ) ) }${ escapeHtml(
					findingDetail( f )
				) }</span>`
		)
		.join( '<br>' );
	return `<tr><td>${ escapeHtml( row.domain ) }</td><td class="${ escapeHtml(
		row.status ?? ''
	) }">${ escapeHtml( status ) }</td><td>${ ours }</td><td>${ theirs }</td><td>${ escapeHtml(
		percent( row.relevance )
	) }</td><td>${ escapeHtml(
		localDate( row.firstSeen, options )
	) }</td><td>${ escapeHtml(
		localDateTime( row.lastChecked, options )
	) }</td><td>${ findingsCell }</td><td>${ log }</td></tr>`;
}

/** What closes the HTML report after the last partner row. */
const HTML_TAIL = `
</tbody></table>
</body></html>
`;

/**
 * A self-contained, readable HTML report: findings by their titles (the
 * code in a tooltip), times in the local zone (`options.timeZone`, default
 * the process's TZ) with the zone named, relevance as a percentage.
 */
export function reportHtml(
	report: FullReport,
	options: TimeFormatOptions = {}
): string {
	const logs = logsByDomain( report.log );
	return (
		htmlHead( report, options ) +
		report.partners.rows
			.map( ( row ) => htmlRow( row, logs, options ) )
			.join( '\n' ) +
		HTML_TAIL
	);
}

/**
 * The HTML report written as the rows stream in (the same bytes as
 * `reportHtml` of the report with every row): the head, one table row per
 * partner as it comes, the closing tags. `head` is `reportHead`'s, whose
 * `partners.total` the heading shows.
 */
export async function* reportHtmlStream(
	head: FullReport,
	rows: AsyncIterable< PartnerRow >,
	options: TimeFormatOptions = {}
): AsyncIterable< string > {
	const logs = logsByDomain( head.log );
	yield htmlHead( head, options );
	let first = true;
	for await ( const row of rows ) {
		yield ( first ? '' : '\n' ) + htmlRow( row, logs, options );
		first = false;
	}
	yield HTML_TAIL;
}

/** The HTML report up to its partner rows (the table's body opened). */
function htmlHead( report: FullReport, options: TimeFormatOptions ): string {
	const { summary } = report;
	const cards = [
		[ 'Partner domains', summary.partnerDomains ],
		[ 'Linking back', summary.linkingBack ],
		[ 'Reciprocal share', percent( summary.reciprocalShare ) ],
		[ 'New reciprocal (30 days)', summary.newPartners30 ],
		[ 'New reciprocal (90 days)', summary.newPartners90 ],
	]
		.map(
			( [ label, value ] ) =>
				`<div class="card"><b>${ escapeHtml( value ) }</b>${ escapeHtml( label ) }</div>`
		)
		.join( '' );
	const alerts = report.alerts.length
		? report.alerts
				.map(
					( alert ) =>
						`<div class="alert"><b>${ escapeHtml( alert.domain ) }</b>: ${
							alert.kind === 'stopped-linking'
								? 'used to link back and stopped'
								: `moved its link into the ${ escapeHtml( alert.params.placement ) }`
						} (since ${ escapeHtml(
							localDate( alert.since, options )
						) })</div>`
				)
				.join( '' )
		: '<p>No alerts.</p>';
	const findings = summary.findings.length
		? `<table><tr><th>Finding</th><th>Severity</th><th>Count</th></tr>${ summary.findings
				.map(
					( f ) =>
						`<tr><td title="${ escapeHtml( f.code ) }">${ escapeHtml(
							findingTitle( f.code )
						) }</td><td class="${ f.severity }">${ f.severity }</td><td>${ f.count }</td></tr>`
				)
				.join( '' ) }</table>`
		: '<p>No findings.</p>';
	const thresholds = Object.entries( summary.thresholds )
		.map(
			( [ key, value ] ) =>
				`<tr><td>${ escapeHtml( key ) }</td><td>${ escapeHtml(
					// Shares (0–1 in the settings) read as wp-admin shows them.
					SHARE_SETTINGS.has( key ) && typeof value === 'number'
						? percent( value )
						: String( value )
				) }</td></tr>`
		)
		.join( '' );
	const quoted = ( list: string[] ) =>
		list.map( ( item ) => `“${ escapeHtml( item ) }”` ).join( ', ' );
	const anchors = report.anchors.keywords.length
		? `<p class="meta">Anchors judged with the keywords ${ quoted(
				report.anchors.keywords
			) }${
				report.anchors.brandTerms.length
					? ` and the brand terms ${ quoted( report.anchors.brandTerms ) }`
					: ''
			}. The editor also uses each post’s focus keyphrase, which a scan does not see.</p>`
		: '<p class="meta">No keywords were set for this site: anchors were judged exact-match only against the title and H1 of the page they point to. Set keywords in the plugin’s settings (or pass <code>--settings</code>).</p>';
	const scan = report.lastScan
		? `Last scan: ${ escapeHtml( report.lastScan.state ) }, ${ plural(
				report.lastScan.postsRead,
				'post'
			) } read, ${ plural(
				report.lastScan.partnersChecked,
				'partner link'
			) } checked.`
		: 'Not scanned yet.';
	return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reciprocal link report: ${ escapeHtml( report.site ) }</title>
<style>${ STYLE }</style></head><body>
<h1>Reciprocal link report</h1>
<p class="meta">${ escapeHtml( report.site ) } · generated ${ escapeHtml(
		localDateTime( report.generatedAt, options )
	) } · ${ scan }</p>
<h2>Summary</h2><div class="cards">${ cards }</div>
<h2>Alerts</h2>${ alerts }
<h2>Findings</h2>${ findings }
${ anchors }
<p class="meta">${ escapeHtml( settingsUsedText( report.settingsUsed ) ) }</p>
<details><summary>Thresholds</summary><table>${ thresholds }</table></details>
<h2>Partners (${ report.partners.total })</h2>
<table><thead><tr><th>Domain</th><th>Status</th><th>Our links</th><th>Their links to us</th><th>Relevance</th><th>First seen</th><th>Last checked</th><th>Findings</th><th>Log</th></tr></thead>
<tbody>
`;
}
