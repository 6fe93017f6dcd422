/**
 * The scan store on SQLite. It opens its own connection to the database
 * file of the main store (`SqliteStore.file`): better-sqlite3 connections
 * of one process share the file safely (WAL, busy timeout), the `sites`
 * table is the same, and the main store needs no knowledge of scans.
 *
 * Every write that belongs together (a page of posts with the scan's
 * progress) is one transaction, so a process killed at any moment leaves
 * either the whole page or none of it, and the stored cursor always matches
 * the stored rows: that is what makes a resumed scan exact.
 */
import type { Database, Statement } from 'better-sqlite3';
import type {
	Alert,
	Finding,
	PartnerLogEntry,
	PartnerLogRequest,
	PartnerRow,
	ReportQuery,
	ScanSource,
	ScanState,
} from '../../core';
import type { ExtractedLink } from '../../core/schemas';
import { RlgError } from '../errors';
import {
	findingWeight,
	partnerAfter,
	partnerFilter,
	partnerOrder,
	scanTakenOver,
	toScan,
	unknownScan,
} from './scan-rows';
import type {
	LinkCursor,
	PartnerCursor,
	PartnerListQuery,
	ScanRow,
} from './scan-rows';
import { migrateScan } from './migrations-scan';
import { openDatabase } from './sqlite';
import type {
	GraphPost,
	GraphTarget,
	NewScan,
	PartnerRecord,
	ScanProgress,
	ScanRecord,
	ScanStore,
	ScannedPost,
	StoredPostFinding,
} from './scan-types';

export interface SqliteScanStoreOptions {
	/** The database file of the main store (`SqliteStore.file`). */
	file: string;
}

export class SqliteScanStore implements ScanStore {
	private readonly db: Database;
	private closed = false;
	private readonly progressStatements = new Map< string, Statement >();

	constructor( options: SqliteScanStoreOptions ) {
		if ( options.file === ':memory:' ) {
			// A second connection to ':memory:' would be another database.
			throw new RlgError(
				'ERR_STORE_OPEN',
				'the scan store needs a database file, not :memory:'
			);
		}
		this.db = openDatabase( options.file, { fileMustExist: true } );
		migrateScan( this.db );
	}

	private progress( id: number, progress: ScanProgress ): void {
		const columns: Array< [ string, unknown ] > = [];
		if ( progress.phase !== undefined ) {
			columns.push( [ 'phase', progress.phase ] );
		}
		if ( progress.cursor !== undefined ) {
			columns.push( [ 'cursor', JSON.stringify( progress.cursor ) ] );
		}
		const numeric: Array< [ keyof ScanProgress, string ] > = [
			[ 'postsRead', 'posts_read' ],
			[ 'postsTotal', 'posts_total' ],
			[ 'postsRemoved', 'posts_removed' ],
			[ 'partnersChecked', 'partners_checked' ],
			[ 'partnersTotal', 'partners_total' ],
		];
		for ( const [ key, column ] of numeric ) {
			if ( progress[ key ] !== undefined ) {
				columns.push( [ column, progress[ key ] ] );
			}
		}
		columns.push( [ 'heartbeat_ms', Date.now() ] );
		const sql = `UPDATE scans SET ${ columns
			.map( ( [ column ] ) => `${ column } = ?` )
			.join( ', ' ) } WHERE id = ?`;
		let statement = this.progressStatements.get( sql );
		if ( ! statement ) {
			statement = this.db.prepare( sql );
			this.progressStatements.set( sql, statement );
		}
		statement.run( ...columns.map( ( [ , value ] ) => value ), id );
	}

	/**
	 * The fence of a scan job's write, run first in its transaction: the
	 * scan's row is written (heartbeat) only while `attempt` still owns it,
	 * else the write throws ERR_SCAN_TAKEN_OVER and its transaction rolls
	 * back. Taking the row's write lock first also orders it against a
	 * concurrent claim. No attempt: an unfenced write (tests, tools).
	 */
	private fence( id: number, attempt: number | undefined ): void {
		if ( attempt === undefined ) {
			return;
		}
		const { changes } = this.db
			.prepare(
				'UPDATE scans SET heartbeat_ms = ? WHERE id = ? AND attempt = ?'
			)
			.run( Date.now(), id, attempt );
		if ( changes === 0 ) {
			throw this.db
				.prepare( 'SELECT 1 FROM scans WHERE id = ?' )
				.get( id )
				? scanTakenOver( id, attempt )
				: unknownScan( id );
		}
	}

	async createScan( scan: NewScan ): Promise< ScanRecord > {
		const row = this.db
			.prepare(
				`INSERT INTO scans ( site_id, site_url, source, sitemap_url, full, modified_after,
					state, phase, started_at, owner_pid, heartbeat_ms )
				VALUES ( ?, ?, ?, ?, ?, ?, 'running', 'posts', ?, ?, ? ) RETURNING *`
			)
			.get(
				scan.siteId,
				scan.site,
				scan.source,
				scan.sitemapUrl,
				scan.full ? 1 : 0,
				scan.modifiedAfter,
				new Date().toISOString(),
				scan.ownerPid,
				Date.now()
			) as ScanRow;
		return toScan( row );
	}

	async getScan( id: number ): Promise< ScanRecord | null > {
		const row = this.db
			.prepare( 'SELECT * FROM scans WHERE id = ?' )
			.get( id ) as ScanRow | undefined;
		return row ? toScan( row ) : null;
	}

	private async requireScan( id: number ): Promise< ScanRecord > {
		const scan = await this.getScan( id );
		if ( ! scan ) {
			throw unknownScan( id );
		}
		return scan;
	}

	async latestScan( siteId: number ): Promise< ScanRecord | null > {
		const row = this.db
			.prepare(
				'SELECT * FROM scans WHERE site_id = ? ORDER BY id DESC LIMIT 1'
			)
			.get( siteId ) as ScanRow | undefined;
		return row ? toScan( row ) : null;
	}

	async lastCompletedScan(
		siteId: number,
		source?: ScanSource
	): Promise< ScanRecord | null > {
		const row = this.db
			.prepare(
				`SELECT * FROM scans WHERE site_id = ? AND state = 'done'
				AND ( ? IS NULL OR source = ? ) ORDER BY id DESC LIMIT 1`
			)
			.get( siteId, source ?? null, source ?? null ) as
			ScanRow | undefined;
		return row ? toScan( row ) : null;
	}

	async unfinishedScan( siteId: number ): Promise< ScanRecord | null > {
		const row = this.db
			.prepare(
				`SELECT * FROM scans WHERE site_id = ?
				AND state IN ( 'queued', 'running', 'interrupted' )
				ORDER BY id DESC LIMIT 1`
			)
			.get( siteId ) as ScanRow | undefined;
		return row ? toScan( row ) : null;
	}

	async claimScan( id: number, ownerPid: number ): Promise< ScanRecord > {
		const row = this.db
			.prepare(
				`UPDATE scans SET state = 'running', owner_pid = ?, heartbeat_ms = ?,
					finished_at = NULL, error = NULL, attempt = attempt + 1
				WHERE id = ? RETURNING *`
			)
			.get( ownerPid, Date.now(), id ) as ScanRow | undefined;
		if ( ! row ) {
			throw unknownScan( id );
		}
		return toScan( row );
	}

	async setScanState(
		id: number,
		state: ScanState,
		error: string | null = null,
		attempt?: number
	): Promise< ScanRecord > {
		const finished =
			state === 'done' || state === 'failed'
				? new Date().toISOString()
				: null;
		const row = this.db
			.prepare(
				`UPDATE scans SET state = ?, error = ?, finished_at = ?
				WHERE id = ? AND ( ? IS NULL OR attempt = ? ) RETURNING *`
			)
			.get(
				state,
				error,
				finished,
				id,
				attempt ?? null,
				attempt ?? null
			) as ScanRow | undefined;
		if ( ! row ) {
			throw attempt !== undefined && ( await this.getScan( id ) )
				? scanTakenOver( id, attempt )
				: unknownScan( id );
		}
		return toScan( row );
	}

	async saveProgress(
		id: number,
		progress: ScanProgress,
		attempt?: number
	): Promise< void > {
		this.db.transaction( () => {
			this.fence( id, attempt );
			this.progress( id, progress );
		} )();
	}

	async savePosts(
		scanId: number,
		posts: ScannedPost[],
		unchanged: string[],
		progress: ScanProgress,
		attempt?: number
	): Promise< void > {
		const scan = await this.requireScan( scanId );
		const now = new Date().toISOString();
		const upsert = this.db.prepare(
			`INSERT INTO scan_posts ( site_id, source_key, url, title, modified_gmt, text_sample,
				first_seen, updated_at, seen_scan_id )
			VALUES ( ?, ?, ?, ?, ?, ?, ?, ?, ? )
			ON CONFLICT ( site_id, source_key ) DO UPDATE SET
				url = excluded.url, title = excluded.title, modified_gmt = excluded.modified_gmt,
				text_sample = excluded.text_sample, updated_at = excluded.updated_at,
				seen_scan_id = excluded.seen_scan_id
			RETURNING id`
		);
		const dropLinks = this.db.prepare(
			'DELETE FROM scan_links WHERE post_id = ?'
		);
		const insertLink = this.db.prepare(
			`INSERT INTO scan_links ( post_id, seq, site_id, target_key, domain, href, text, link )
			VALUES ( ?, ?, ?, ?, ?, ?, ?, ? )`
		);
		const mark = this.db.prepare(
			'UPDATE scan_posts SET seen_scan_id = ? WHERE site_id = ? AND source_key = ?'
		);
		const firstSeen = this.db.prepare(
			`INSERT INTO scan_partner_first_seen ( site_id, domain, first_seen )
			VALUES ( ?, ?, ? ) ON CONFLICT DO NOTHING`
		);
		this.db.transaction( () => {
			this.fence( scanId, attempt );
			for ( const post of posts ) {
				const { id } = upsert.get(
					scan.siteId,
					post.sourceKey,
					post.url,
					post.title,
					post.modifiedGmt,
					post.textSample,
					now,
					now,
					scanId
				) as { id: number };
				// Replace, never merge: links removed from the post disappear.
				dropLinks.run( id );
				post.links.forEach( ( { targetKey, domain, link }, seq ) => {
					insertLink.run(
						id,
						seq,
						scan.siteId,
						targetKey,
						domain,
						link.href,
						link.text,
						JSON.stringify( link )
					);
					firstSeen.run( scan.siteId, domain, now );
				} );
			}
			for ( const key of unchanged ) {
				mark.run( scanId, scan.siteId, key );
			}
			this.progress( scanId, progress );
		} )();
	}

	async markSeen(
		scanId: number,
		sourceKeys: string[],
		progress: ScanProgress,
		attempt?: number
	): Promise< void > {
		const scan = await this.requireScan( scanId );
		const mark = this.db.prepare(
			'UPDATE scan_posts SET seen_scan_id = ? WHERE site_id = ? AND source_key = ?'
		);
		this.db.transaction( () => {
			this.fence( scanId, attempt );
			for ( const key of sourceKeys ) {
				mark.run( scanId, scan.siteId, key );
			}
			this.progress( scanId, progress );
		} )();
	}

	async knownPosts(
		siteId: number,
		sourceKeys: string[]
	): Promise< Set< string > > {
		const select = this.db.prepare(
			'SELECT 1 FROM scan_posts WHERE site_id = ? AND source_key = ?'
		);
		return new Set(
			sourceKeys.filter( ( key ) => select.get( siteId, key ) )
		);
	}

	async dropUnseenPosts(
		scanId: number,
		prefix: string,
		progress: ScanProgress,
		attempt?: number
	): Promise< number > {
		const scan = await this.requireScan( scanId );
		let removed = 0;
		this.db.transaction( () => {
			this.fence( scanId, attempt );
			removed = this.db
				.prepare(
					`DELETE FROM scan_posts WHERE site_id = ? AND seen_scan_id <> ?
					AND substr( source_key, 1, ? ) = ?`
				)
				.run( scan.siteId, scanId, prefix.length, prefix ).changes;
			this.progress( scanId, {
				...progress,
				postsRemoved: scan.postsRemoved + removed,
			} );
		} )();
		return removed;
	}

	async countTargets( siteId: number ): Promise< number > {
		return (
			this.db
				.prepare(
					'SELECT COUNT( DISTINCT target_key ) AS n FROM scan_links WHERE site_id = ?'
				)
				.get( siteId ) as { n: number }
		 ).n;
	}

	async listTargets(
		siteId: number,
		afterKey: string,
		limit: number
	): Promise< GraphTarget[] > {
		return this.db
			.prepare(
				`SELECT target_key AS targetKey, MIN( href ) AS href, MIN( domain ) AS domain,
					MIN( text ) AS anchorText
				FROM scan_links WHERE site_id = ? AND target_key > ?
				GROUP BY target_key ORDER BY target_key LIMIT ?`
			)
			.all( siteId, afterKey, limit ) as GraphTarget[];
	}

	async listPosts(
		siteId: number,
		afterId: number,
		limit: number
	): Promise< GraphPost[] > {
		const posts = this.db
			.prepare(
				`SELECT id, url, title, text_sample AS textSample FROM scan_posts
				WHERE site_id = ? AND id > ? ORDER BY id LIMIT ?`
			)
			.all( siteId, afterId, limit ) as Array<
			Omit< GraphPost, 'links' >
		>;
		const links = this.db.prepare(
			`SELECT target_key AS targetKey, domain, link FROM scan_links
			WHERE post_id = ? ORDER BY seq`
		);
		return posts.map( ( post ) => ( {
			...post,
			links: (
				links.all( post.id ) as Array< {
					targetKey: string;
					domain: string;
					link: string;
				} >
			 ).map( ( row ) => ( {
				targetKey: row.targetKey,
				domain: row.domain,
				link: JSON.parse( row.link ) as ExtractedLink,
			} ) ),
		} ) );
	}

	async listPartnerDomains(
		siteId: number,
		afterDomain: string,
		limit: number
	) {
		const rows = this.db
			.prepare(
				`SELECT domain, COUNT( DISTINCT post_id ) AS ourPosts, COUNT( * ) AS ourLinks,
					json_group_array( DISTINCT target_key ) AS targetKeys
				FROM scan_links WHERE site_id = ? AND domain > ?
				GROUP BY domain ORDER BY domain LIMIT ?`
			)
			.all( siteId, afterDomain, limit ) as Array< {
			domain: string;
			ourPosts: number;
			ourLinks: number;
			targetKeys: string;
		} >;
		return rows.map( ( row ) => ( {
			...row,
			targetKeys: JSON.parse( row.targetKeys ) as string[],
		} ) );
	}

	async linksToDomain(
		siteId: number,
		domain: string,
		options: { posts?: number } = {}
	) {
		// -1: no limit (SQLite's LIMIT -1).
		const posts = options.posts ?? -1;
		const rows = this.db
			.prepare(
				`SELECT p.url AS postUrl, p.title AS postTitle, p.text_sample AS postText,
					l.link AS link
				FROM scan_links l JOIN scan_posts p ON p.id = l.post_id
				WHERE l.site_id = ? AND l.domain = ? AND l.post_id IN (
					SELECT DISTINCT post_id FROM scan_links
					WHERE site_id = ? AND domain = ? ORDER BY post_id LIMIT ?
				)
				ORDER BY p.id, l.seq`
			)
			.all( siteId, domain, siteId, domain, posts ) as Array< {
			postUrl: string;
			postTitle: string;
			postText: string;
			link: string;
		} >;
		return rows.map( ( row ) => ( {
			...row,
			link: JSON.parse( row.link ) as ExtractedLink,
		} ) );
	}

	async linksToDomainAfter(
		siteId: number,
		domain: string,
		after: LinkCursor | null,
		limit: number
	) {
		const rows = this.db
			.prepare(
				`SELECT l.post_id AS postId, l.seq AS seq, p.url AS postUrl,
					p.title AS postTitle, l.link AS link
				FROM scan_links l JOIN scan_posts p ON p.id = l.post_id
				WHERE l.site_id = ? AND l.domain = ?
					AND ( l.post_id > ? OR ( l.post_id = ? AND l.seq > ? ) )
				ORDER BY l.post_id, l.seq LIMIT ?`
			)
			.all(
				siteId,
				domain,
				after?.postId ?? -1,
				after?.postId ?? -1,
				after?.seq ?? -1,
				limit
			) as Array< {
			postId: number;
			seq: number;
			postUrl: string;
			postTitle: string;
			link: string;
		} >;
		return rows.map( ( row ) => ( {
			...row,
			link: JSON.parse( row.link ) as ExtractedLink,
		} ) );
	}

	async replacePostFindings(
		siteId: number,
		findings: Map< number, StoredPostFinding[] >
	): Promise< void > {
		const drop = this.db.prepare(
			'DELETE FROM scan_post_findings WHERE post_id = ?'
		);
		const insert = this.db.prepare(
			`INSERT INTO scan_post_findings ( post_id, seq, site_id, domain, code, severity, finding )
			VALUES ( ?, ?, ?, ?, ?, ?, ? )`
		);
		this.db.transaction( () => {
			for ( const [ postId, list ] of findings ) {
				drop.run( postId );
				list.forEach( ( { domain, finding }, seq ) => {
					insert.run(
						postId,
						seq,
						siteId,
						domain,
						finding.code,
						finding.severity,
						JSON.stringify( finding )
					);
				} );
			}
		} )();
	}

	async postFindingsOfDomain(
		siteId: number,
		domain: string
	): Promise< Finding[] > {
		const rows = this.db
			.prepare(
				`SELECT finding FROM (
					SELECT finding, post_id, seq, ROW_NUMBER() OVER (
						PARTITION BY code, severity ORDER BY post_id, seq
					) AS nth
					FROM scan_post_findings WHERE site_id = ? AND domain = ?
				) AS f WHERE nth = 1 ORDER BY post_id, seq`
			)
			.all( siteId, domain ) as Array< { finding: string } >;
		return rows.map( ( row ) => JSON.parse( row.finding ) as Finding );
	}

	async replaceSiteFindings(
		siteId: number,
		findings: Finding[]
	): Promise< void > {
		const insert = this.db.prepare(
			`INSERT INTO scan_site_findings ( site_id, seq, code, severity, finding )
			VALUES ( ?, ?, ?, ?, ? )`
		);
		this.db.transaction( () => {
			this.db
				.prepare( 'DELETE FROM scan_site_findings WHERE site_id = ?' )
				.run( siteId );
			findings.forEach( ( finding, seq ) =>
				insert.run(
					siteId,
					seq,
					finding.code,
					finding.severity,
					JSON.stringify( finding )
				)
			);
		} )();
	}

	async findingCounts( siteId: number ) {
		return this.db
			.prepare(
				`SELECT code, severity, COUNT( * ) AS count FROM (
					SELECT code, severity FROM scan_post_findings WHERE site_id = ?
					UNION ALL
					SELECT code, severity FROM scan_site_findings WHERE site_id = ?
				) GROUP BY code, severity ORDER BY code, severity`
			)
			.all( siteId, siteId ) as Array< {
			code: Finding[ 'code' ];
			severity: Finding[ 'severity' ];
			count: number;
		} >;
	}

	async partnerFirstSeen(
		siteId: number,
		domains: string[],
		now: string
	): Promise< Map< string, string > > {
		const select = this.db.prepare(
			'SELECT first_seen FROM scan_partner_first_seen WHERE site_id = ? AND domain = ?'
		);
		const found = new Map< string, string >();
		for ( const domain of domains ) {
			const row = select.get( siteId, domain ) as
				{ first_seen: string } | undefined;
			found.set( domain, row?.first_seen ?? now );
		}
		return found;
	}

	async replacePartners(
		siteId: number,
		partners: PartnerRecord[],
		alerts: Alert[]
	): Promise< void > {
		const insert = this.db.prepare(
			`INSERT INTO scan_partners ( site_id, domain, status, our_links, relevance, first_seen,
				last_checked, finding_weight, reciprocal_since, row )
			VALUES ( ?, ?, ?, ?, ?, ?, ?, ?, ?, ? )`
		);
		const facet = this.db.prepare(
			`INSERT OR IGNORE INTO scan_partner_facets ( site_id, domain, kind, value )
			VALUES ( ?, ?, ?, ? )`
		);
		const alert = this.db.prepare(
			'INSERT INTO scan_alerts ( site_id, seq, domain, alert ) VALUES ( ?, ?, ?, ? )'
		);
		this.db.transaction( () => {
			for ( const table of [
				'scan_partners',
				'scan_partner_facets',
				'scan_alerts',
			] ) {
				this.db
					.prepare( `DELETE FROM ${ table } WHERE site_id = ?` )
					.run( siteId );
			}
			for ( const {
				row,
				reciprocalSince,
				theirPlacements,
			} of partners ) {
				insert.run(
					siteId,
					row.domain,
					row.status,
					row.ourLinks,
					row.relevance,
					row.firstSeen,
					row.lastChecked,
					findingWeight( row.findings ),
					reciprocalSince,
					JSON.stringify( row )
				);
				for ( const placement of theirPlacements ) {
					facet.run( siteId, row.domain, 'placement', placement );
				}
				for ( const finding of row.findings ) {
					facet.run( siteId, row.domain, 'finding', finding.code );
				}
			}
			alerts.forEach( ( entry, seq ) =>
				alert.run( siteId, seq, entry.domain, JSON.stringify( entry ) )
			);
		} )();
	}

	async queryPartners(
		siteId: number,
		query: ReportQuery
	): Promise< { rows: PartnerRow[]; total: number } > {
		const params: Array< string | number | null > = [];
		const param = ( value: string | number | null ) => {
			params.push( value );
			return '?';
		};
		const filter = partnerFilter( siteId, query, param, 'LIKE' );
		const total = (
			this.db
				.prepare(
					`SELECT COUNT( * ) AS n FROM scan_partners p WHERE ${ filter }`
				)
				.get( ...params ) as { n: number }
		 ).n;
		const rows = this.db
			.prepare(
				`SELECT row FROM scan_partners p WHERE ${ filter }
				ORDER BY ${ partnerOrder( query ) }
				LIMIT ? OFFSET ?`
			)
			.all(
				...params,
				query.perPage,
				( query.page - 1 ) * query.perPage
			) as Array< { row: string } >;
		return {
			rows: rows.map( ( row ) => JSON.parse( row.row ) as PartnerRow ),
			total,
		};
	}

	async partnersAfter(
		siteId: number,
		query: PartnerListQuery,
		after: PartnerCursor | null,
		limit: number
	): Promise< PartnerRow[] > {
		const params: Array< string | number | null > = [];
		const param = ( value: string | number | null ) => {
			params.push( value );
			return '?';
		};
		const where = [ partnerFilter( siteId, query, param, 'LIKE' ) ];
		if ( after ) {
			where.push( partnerAfter( query, after, param ) );
		}
		const rows = this.db
			.prepare(
				`SELECT row FROM scan_partners p WHERE ${ where.join( ' AND ' ) }
				ORDER BY ${ partnerOrder( query ) } LIMIT ?`
			)
			.all( ...params, limit ) as Array< { row: string } >;
		return rows.map( ( row ) => JSON.parse( row.row ) as PartnerRow );
	}

	async *allPartners( siteId: number ): AsyncIterable< PartnerRow > {
		// Keyset pages: no statement stays open across the consumer's awaits.
		let after = '';
		for (;;) {
			const rows = this.db
				.prepare(
					`SELECT domain, row FROM scan_partners WHERE site_id = ? AND domain > ?
					ORDER BY domain LIMIT 200`
				)
				.all( siteId, after ) as Array< {
				domain: string;
				row: string;
			} >;
			if ( rows.length === 0 ) {
				return;
			}
			for ( const row of rows ) {
				yield JSON.parse( row.row ) as PartnerRow;
			}
			after = rows[ rows.length - 1 ].domain;
		}
	}

	async getPartner(
		siteId: number,
		domain: string
	): Promise< PartnerRow | null > {
		const row = this.db
			.prepare(
				'SELECT row FROM scan_partners WHERE site_id = ? AND domain = ?'
			)
			.get( siteId, domain ) as { row: string } | undefined;
		return row ? ( JSON.parse( row.row ) as PartnerRow ) : null;
	}

	async partnerCounts( siteId: number, since30: string, since90: string ) {
		return this.db
			.prepare(
				`SELECT COUNT( * ) AS partnerDomains,
					COALESCE( SUM( status = 'links-back' ), 0 ) AS linkingBack,
					COALESCE( SUM( status = 'links-back' AND reciprocal_since >= ? ), 0 ) AS newPartners30,
					COALESCE( SUM( status = 'links-back' AND reciprocal_since >= ? ), 0 ) AS newPartners90
				FROM scan_partners WHERE site_id = ?`
			)
			.get( since30, since90, siteId ) as {
			partnerDomains: number;
			linkingBack: number;
			newPartners30: number;
			newPartners90: number;
		};
	}

	async listAlerts( siteId: number ): Promise< Alert[] > {
		const rows = this.db
			.prepare(
				'SELECT alert FROM scan_alerts WHERE site_id = ? ORDER BY seq'
			)
			.all( siteId ) as Array< { alert: string } >;
		return rows.map( ( row ) => JSON.parse( row.alert ) as Alert );
	}

	async addLogEntry(
		siteId: number,
		entry: PartnerLogRequest
	): Promise< PartnerLogEntry > {
		const row = this.db
			.prepare(
				`INSERT INTO partner_log ( site_id, domain, author, created_at, note )
				VALUES ( ?, ?, ?, ?, ? )
				RETURNING id, domain, author, created_at AS createdAt, note`
			)
			.get(
				siteId,
				entry.domain.toLowerCase(),
				entry.author,
				new Date().toISOString(),
				entry.note
			) as PartnerLogEntry;
		return row;
	}

	async listLog(
		siteId: number,
		domain?: string
	): Promise< PartnerLogEntry[] > {
		return this.db
			.prepare(
				`SELECT id, domain, author, created_at AS createdAt, note FROM partner_log
				WHERE site_id = ? AND ( ? IS NULL OR domain = ? ) ORDER BY id DESC`
			)
			.all( siteId, domain ?? null, domain ?? null ) as PartnerLogEntry[];
	}

	async close(): Promise< void > {
		if ( ! this.closed ) {
			this.closed = true;
			this.db.close();
		}
	}
}

/** Open the scan store on the database file of the main store. */
export function openScanStore(
	options: SqliteScanStoreOptions
): SqliteScanStore {
	return new SqliteScanStore( options );
}
