/**
 * The scan store on PostgreSQL, on the pool of the `PgStore` it was opened
 * from (`store.openScanStore()`). Same contract as the SQLite scan store:
 * every write that belongs together (a page of posts with the scan's
 * progress) is one transaction, so a process killed at any moment leaves
 * the whole page or none of it, and the stored cursor matches the rows.
 */
import type { Pool, PoolClient } from 'pg';
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
import { inTransaction, one } from './pg-database';
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

/**
 * One page of our links to a partner, after a (post, seq) cursor. The row
 * comparison, unlike the equivalent OR of two conditions, is a range of the
 * index scan_links_by_domain_post (scan migration 3), so a page of a partner
 * linked from 100,000 posts reads that page, not every link and a sort.
 */
export const LINKS_TO_DOMAIN_AFTER_SQL = `SELECT l.post_id AS "postId", l.seq AS seq, p.url AS "postUrl",
		p.title AS "postTitle", l.link AS link
	FROM scan_links l JOIN scan_posts p ON p.id = l.post_id
	WHERE l.site_id = $1 AND l.domain = $2
		AND ( l.post_id, l.seq ) > ( $3::bigint, $4::integer )
	ORDER BY l.post_id, l.seq LIMIT $5`;

const PROGRESS_COLUMNS: Array< [ keyof ScanProgress, string ] > = [
	[ 'postsRead', 'posts_read' ],
	[ 'postsTotal', 'posts_total' ],
	[ 'postsRemoved', 'posts_removed' ],
	[ 'partnersChecked', 'partners_checked' ],
	[ 'partnersTotal', 'partners_total' ],
];

export class PgScanStore implements ScanStore {
	private closed = false;

	/** Use `PgStore.openScanStore()`. */
	constructor(
		private readonly pool: Pool,
		private readonly onClose: () => void = () => undefined
	) {}

	/** The pool, or ERR_STORE_CLOSED once closed (a scan stops writing). */
	private get db(): Pool {
		if ( this.closed ) {
			throw new RlgError(
				'ERR_STORE_CLOSED',
				'the scan store is closed'
			);
		}
		return this.pool;
	}

	private async progress(
		client: Pool | PoolClient,
		id: number,
		progress: ScanProgress
	): Promise< void > {
		const sets: string[] = [];
		const params: unknown[] = [];
		const set = ( column: string, value: unknown ) => {
			params.push( value );
			sets.push( `${ column } = $${ params.length }` );
		};
		if ( progress.phase !== undefined ) {
			set( 'phase', progress.phase );
		}
		if ( progress.cursor !== undefined ) {
			set( 'cursor', JSON.stringify( progress.cursor ) );
		}
		for ( const [ key, column ] of PROGRESS_COLUMNS ) {
			if ( progress[ key ] !== undefined ) {
				set( column, progress[ key ] );
			}
		}
		set( 'heartbeat_ms', Date.now() );
		params.push( id );
		await client.query(
			`UPDATE scans SET ${ sets.join( ', ' ) } WHERE id = $${
				params.length
			}`,
			params
		);
	}

	/**
	 * The fence of a scan job's write, run first in its transaction: the
	 * scan's row is written (heartbeat) only while `attempt` still owns it,
	 * else ERR_SCAN_TAKEN_OVER rolls the transaction back. The row lock it
	 * takes holds a concurrent claim until this transaction ends, so a
	 * batch is either wholly before the takeover or refused. No attempt:
	 * an unfenced write (tests, tools).
	 */
	private async fence(
		client: PoolClient,
		id: number,
		attempt: number | undefined
	): Promise< void > {
		if ( attempt === undefined ) {
			return;
		}
		const { rowCount } = await client.query(
			'UPDATE scans SET heartbeat_ms = $1 WHERE id = $2 AND attempt = $3',
			[ Date.now(), id, attempt ]
		);
		if ( rowCount === 0 ) {
			throw ( await one( client, 'SELECT 1 FROM scans WHERE id = $1', [
				id,
			] ) )
				? scanTakenOver( id, attempt )
				: unknownScan( id );
		}
	}

	async createScan( scan: NewScan ): Promise< ScanRecord > {
		const row = await one< ScanRow >(
			this.db,
			`INSERT INTO scans ( site_id, site_url, source, sitemap_url, "full", modified_after,
				state, phase, started_at, owner_pid, heartbeat_ms )
			VALUES ( $1, $2, $3, $4, $5, $6, 'running', 'posts', $7, $8, $9 ) RETURNING *`,
			[
				scan.siteId,
				scan.site,
				scan.source,
				scan.sitemapUrl,
				scan.full,
				scan.modifiedAfter,
				new Date().toISOString(),
				scan.ownerPid,
				Date.now(),
			]
		);
		return toScan( row! );
	}

	async getScan( id: number ): Promise< ScanRecord | null > {
		const row = await one< ScanRow >(
			this.db,
			'SELECT * FROM scans WHERE id = $1',
			[ id ]
		);
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
		const row = await one< ScanRow >(
			this.db,
			'SELECT * FROM scans WHERE site_id = $1 ORDER BY id DESC LIMIT 1',
			[ siteId ]
		);
		return row ? toScan( row ) : null;
	}

	async lastCompletedScan(
		siteId: number,
		source?: ScanSource
	): Promise< ScanRecord | null > {
		const row = await one< ScanRow >(
			this.db,
			`SELECT * FROM scans WHERE site_id = $1 AND state = 'done'
			AND ( $2::text IS NULL OR source = $2 ) ORDER BY id DESC LIMIT 1`,
			[ siteId, source ?? null ]
		);
		return row ? toScan( row ) : null;
	}

	async unfinishedScan( siteId: number ): Promise< ScanRecord | null > {
		const row = await one< ScanRow >(
			this.db,
			`SELECT * FROM scans WHERE site_id = $1
			AND state IN ( 'queued', 'running', 'interrupted' )
			ORDER BY id DESC LIMIT 1`,
			[ siteId ]
		);
		return row ? toScan( row ) : null;
	}

	async claimScan( id: number, ownerPid: number ): Promise< ScanRecord > {
		const row = await one< ScanRow >(
			this.db,
			`UPDATE scans SET state = 'running', owner_pid = $1, heartbeat_ms = $2,
				finished_at = NULL, error = NULL, attempt = attempt + 1
			WHERE id = $3 RETURNING *`,
			[ ownerPid, Date.now(), id ]
		);
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
		const row = await one< ScanRow >(
			this.db,
			`UPDATE scans SET state = $1, error = $2, finished_at = $3
			WHERE id = $4 AND ( $5::int IS NULL OR attempt = $5 ) RETURNING *`,
			[ state, error, finished, id, attempt ?? null ]
		);
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
		if ( attempt === undefined ) {
			await this.progress( this.db, id, progress );
			return;
		}
		await inTransaction( this.db, async ( client ) => {
			await this.fence( client, id, attempt );
			await this.progress( client, id, progress );
		} );
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
		await inTransaction( this.db, async ( client ) => {
			await this.fence( client, scanId, attempt );
			// The last reading of a post wins, as when rows are replaced one
			// by one: a page that lists a post twice keeps one set of links.
			const linksOf = new Map< number, ScannedPost[ 'links' ] >();
			for ( const post of posts ) {
				const { id } = ( await one< { id: number } >(
					client,
					`INSERT INTO scan_posts ( site_id, source_key, url, title, modified_gmt, text_sample,
						first_seen, updated_at, seen_scan_id )
					VALUES ( $1, $2, $3, $4, $5, $6, $7, $7, $8 )
					ON CONFLICT ( site_id, source_key ) DO UPDATE SET
						url = excluded.url, title = excluded.title, modified_gmt = excluded.modified_gmt,
						text_sample = excluded.text_sample, updated_at = excluded.updated_at,
						seen_scan_id = excluded.seen_scan_id
					RETURNING id`,
					[
						scan.siteId,
						post.sourceKey,
						post.url,
						post.title,
						post.modifiedGmt,
						post.textSample,
						now,
						scanId,
					]
				) )!;
				linksOf.set( id, post.links );
			}
			if ( linksOf.size > 0 ) {
				// Replace, never merge: links removed from the post disappear.
				await client.query(
					'DELETE FROM scan_links WHERE post_id = ANY( $1::bigint[] )',
					[ [ ...linksOf.keys() ] ]
				);
				const columns: unknown[][] = [ [], [], [], [], [], [], [] ];
				const domains = new Set< string >();
				for ( const [ postId, links ] of linksOf ) {
					links.forEach( ( { targetKey, domain, link }, seq ) => {
						[
							postId,
							seq,
							targetKey,
							domain,
							link.href,
							link.text,
							JSON.stringify( link ),
						].forEach( ( value, index ) =>
							columns[ index ].push( value )
						);
						domains.add( domain );
					} );
				}
				// One statement for the page's links (thousands of rows).
				await client.query(
					`INSERT INTO scan_links ( post_id, seq, site_id, target_key, domain, href, text, link )
					SELECT post_id, seq, $8, target_key, domain, href, text, link
					FROM unnest( $1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[] )
						AS l( post_id, seq, target_key, domain, href, text, link )`,
					[ ...columns, scan.siteId ]
				);
				await client.query(
					`INSERT INTO scan_partner_first_seen ( site_id, domain, first_seen )
					SELECT $1, domain, $3 FROM unnest( $2::text[] ) AS d( domain )
					ON CONFLICT DO NOTHING`,
					[ scan.siteId, [ ...domains ], now ]
				);
			}
			await this.mark( client, scanId, scan.siteId, unchanged );
			await this.progress( client, scanId, progress );
		} );
	}

	private async mark(
		client: PoolClient,
		scanId: number,
		siteId: number,
		sourceKeys: string[]
	): Promise< void > {
		if ( sourceKeys.length > 0 ) {
			await client.query(
				`UPDATE scan_posts SET seen_scan_id = $1
				WHERE site_id = $2 AND source_key = ANY( $3::text[] )`,
				[ scanId, siteId, sourceKeys ]
			);
		}
	}

	async markSeen(
		scanId: number,
		sourceKeys: string[],
		progress: ScanProgress,
		attempt?: number
	): Promise< void > {
		const scan = await this.requireScan( scanId );
		await inTransaction( this.db, async ( client ) => {
			await this.fence( client, scanId, attempt );
			await this.mark( client, scanId, scan.siteId, sourceKeys );
			await this.progress( client, scanId, progress );
		} );
	}

	async knownPosts(
		siteId: number,
		sourceKeys: string[]
	): Promise< Set< string > > {
		const { rows } = await this.db.query< { source_key: string } >(
			`SELECT source_key FROM scan_posts
			WHERE site_id = $1 AND source_key = ANY( $2::text[] )`,
			[ siteId, sourceKeys ]
		);
		return new Set( rows.map( ( row ) => row.source_key ) );
	}

	async dropUnseenPosts(
		scanId: number,
		prefix: string,
		progress: ScanProgress,
		attempt?: number
	): Promise< number > {
		const scan = await this.requireScan( scanId );
		return inTransaction( this.db, async ( client ) => {
			await this.fence( client, scanId, attempt );
			const removed =
				(
					await client.query(
						`DELETE FROM scan_posts WHERE site_id = $1 AND seen_scan_id <> $2
						AND starts_with( source_key, $3 )`,
						[ scan.siteId, scanId, prefix ]
					)
				).rowCount ?? 0;
			await this.progress( client, scanId, {
				...progress,
				postsRemoved: scan.postsRemoved + removed,
			} );
			return removed;
		} );
	}

	async countTargets( siteId: number ): Promise< number > {
		return ( await one< { n: number } >(
			this.db,
			'SELECT COUNT( DISTINCT target_key ) AS n FROM scan_links WHERE site_id = $1',
			[ siteId ]
		) )!.n;
	}

	async listTargets(
		siteId: number,
		afterKey: string,
		limit: number
	): Promise< GraphTarget[] > {
		const { rows } = await this.db.query< GraphTarget >(
			`SELECT target_key AS "targetKey", MIN( href ) AS href, MIN( domain ) AS domain,
				MIN( text ) AS "anchorText"
			FROM scan_links WHERE site_id = $1 AND target_key > $2
			GROUP BY target_key ORDER BY target_key LIMIT $3`,
			[ siteId, afterKey, limit ]
		);
		return rows;
	}

	async listPosts(
		siteId: number,
		afterId: number,
		limit: number
	): Promise< GraphPost[] > {
		const { rows: posts } = await this.db.query<
			Omit< GraphPost, 'links' >
		>(
			`SELECT id, url, title, text_sample AS "textSample" FROM scan_posts
			WHERE site_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
			[ siteId, afterId, limit ]
		);
		if ( posts.length === 0 ) {
			return [];
		}
		const { rows: links } = await this.db.query< {
			post_id: number;
			target_key: string;
			domain: string;
			link: string;
		} >(
			`SELECT post_id, target_key, domain, link FROM scan_links
			WHERE post_id = ANY( $1::bigint[] ) ORDER BY post_id, seq`,
			[ posts.map( ( post ) => post.id ) ]
		);
		const byPost = new Map< number, GraphPost[ 'links' ] >();
		for ( const row of links ) {
			const list = byPost.get( row.post_id ) ?? [];
			list.push( {
				targetKey: row.target_key,
				domain: row.domain,
				link: JSON.parse( row.link ) as ExtractedLink,
			} );
			byPost.set( row.post_id, list );
		}
		return posts.map( ( post ) => ( {
			...post,
			links: byPost.get( post.id ) ?? [],
		} ) );
	}

	async listPartnerDomains(
		siteId: number,
		afterDomain: string,
		limit: number
	) {
		const { rows } = await this.db.query< {
			domain: string;
			ourPosts: number;
			ourLinks: number;
			targetKeys: string[];
		} >(
			`SELECT domain, COUNT( DISTINCT post_id ) AS "ourPosts", COUNT( * ) AS "ourLinks",
				array_agg( DISTINCT target_key ) AS "targetKeys"
			FROM scan_links WHERE site_id = $1 AND domain > $2
			GROUP BY domain ORDER BY domain LIMIT $3`,
			[ siteId, afterDomain, limit ]
		);
		return rows;
	}

	async linksToDomain(
		siteId: number,
		domain: string,
		options: { posts?: number } = {}
	) {
		const { rows } = await this.db.query< {
			postUrl: string;
			postTitle: string;
			postText: string;
			link: string;
		} >(
			`SELECT p.url AS "postUrl", p.title AS "postTitle", p.text_sample AS "postText",
				l.link AS link
			FROM scan_links l JOIN scan_posts p ON p.id = l.post_id
			WHERE l.site_id = $1 AND l.domain = $2 AND l.post_id IN (
				SELECT DISTINCT post_id FROM scan_links
				WHERE site_id = $1 AND domain = $2 ORDER BY post_id LIMIT $3
			)
			ORDER BY p.id, l.seq`,
			// LIMIT NULL: no limit.
			[ siteId, domain, options.posts ?? null ]
		);
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
		const { rows } = await this.db.query< {
			postId: string | number;
			seq: number;
			postUrl: string;
			postTitle: string;
			link: string;
		} >( LINKS_TO_DOMAIN_AFTER_SQL, [
			siteId,
			domain,
			after?.postId ?? -1,
			after?.seq ?? -1,
			limit,
		] );
		return rows.map( ( row ) => ( {
			...row,
			postId: Number( row.postId ),
			link: JSON.parse( row.link ) as ExtractedLink,
		} ) );
	}

	async replacePostFindings(
		siteId: number,
		findings: Map< number, StoredPostFinding[] >
	): Promise< void > {
		if ( findings.size === 0 ) {
			return;
		}
		const columns: unknown[][] = [ [], [], [], [], [], [] ];
		for ( const [ postId, list ] of findings ) {
			list.forEach( ( { domain, finding }, seq ) => {
				[
					postId,
					seq,
					domain,
					finding.code,
					finding.severity,
					JSON.stringify( finding ),
				].forEach( ( value, index ) => columns[ index ].push( value ) );
			} );
		}
		await inTransaction( this.db, async ( client ) => {
			await client.query(
				'DELETE FROM scan_post_findings WHERE post_id = ANY( $1::bigint[] )',
				[ [ ...findings.keys() ] ]
			);
			await client.query(
				`INSERT INTO scan_post_findings ( post_id, seq, site_id, domain, code, severity, finding )
				SELECT post_id, seq, $7, domain, code, severity, finding
				FROM unnest( $1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[] )
					AS f( post_id, seq, domain, code, severity, finding )`,
				[ ...columns, siteId ]
			);
		} );
	}

	async postFindingsOfDomain(
		siteId: number,
		domain: string
	): Promise< Finding[] > {
		const { rows } = await this.db.query< { finding: string } >(
			`SELECT finding FROM (
				SELECT finding, post_id, seq, ROW_NUMBER() OVER (
					PARTITION BY code, severity ORDER BY post_id, seq
				) AS nth
				FROM scan_post_findings WHERE site_id = $1 AND domain = $2
			) AS f WHERE nth = 1 ORDER BY post_id, seq`,
			[ siteId, domain ]
		);
		return rows.map( ( row ) => JSON.parse( row.finding ) as Finding );
	}

	async replaceSiteFindings(
		siteId: number,
		findings: Finding[]
	): Promise< void > {
		await inTransaction( this.db, async ( client ) => {
			await client.query(
				'DELETE FROM scan_site_findings WHERE site_id = $1',
				[ siteId ]
			);
			await client.query(
				`INSERT INTO scan_site_findings ( site_id, seq, code, severity, finding )
				SELECT $1, seq - 1, code, severity, finding
				FROM unnest( $2::text[], $3::text[], $4::text[] )
					WITH ORDINALITY AS f( code, severity, finding, seq )`,
				[
					siteId,
					findings.map( ( finding ) => finding.code ),
					findings.map( ( finding ) => finding.severity ),
					findings.map( ( finding ) => JSON.stringify( finding ) ),
				]
			);
		} );
	}

	async findingCounts( siteId: number ) {
		const { rows } = await this.db.query< {
			code: Finding[ 'code' ];
			severity: Finding[ 'severity' ];
			count: number;
		} >(
			`SELECT code, severity, COUNT( * ) AS count FROM (
				SELECT code, severity FROM scan_post_findings WHERE site_id = $1
				UNION ALL
				SELECT code, severity FROM scan_site_findings WHERE site_id = $1
			) AS f GROUP BY code, severity ORDER BY code, severity`,
			[ siteId ]
		);
		return rows;
	}

	async partnerFirstSeen(
		siteId: number,
		domains: string[],
		now: string
	): Promise< Map< string, string > > {
		const { rows } = await this.db.query< {
			domain: string;
			first_seen: string;
		} >(
			`SELECT domain, first_seen FROM scan_partner_first_seen
			WHERE site_id = $1 AND domain = ANY( $2::text[] )`,
			[ siteId, domains ]
		);
		const stored = new Map(
			rows.map( ( row ) => [ row.domain, row.first_seen ] )
		);
		return new Map(
			domains.map( ( domain ) => [ domain, stored.get( domain ) ?? now ] )
		);
	}

	async replacePartners(
		siteId: number,
		partners: PartnerRecord[],
		alerts: Alert[]
	): Promise< void > {
		const columns: unknown[][] = [ [], [], [], [], [], [], [], [], [] ];
		const facets: string[][] = [ [], [], [] ];
		for ( const { row, reciprocalSince, theirPlacements } of partners ) {
			[
				row.domain,
				row.status,
				row.ourLinks,
				row.relevance,
				row.firstSeen,
				row.lastChecked,
				findingWeight( row.findings ),
				reciprocalSince,
				JSON.stringify( row ),
			].forEach( ( value, index ) => columns[ index ].push( value ) );
			const add = ( kind: string, value: string ) => {
				facets[ 0 ].push( row.domain );
				facets[ 1 ].push( kind );
				facets[ 2 ].push( value );
			};
			theirPlacements.forEach( ( placement ) =>
				add( 'placement', placement )
			);
			row.findings.forEach( ( finding ) =>
				add( 'finding', finding.code )
			);
		}
		await inTransaction( this.db, async ( client ) => {
			for ( const table of [
				'scan_partners',
				'scan_partner_facets',
				'scan_alerts',
			] ) {
				await client.query(
					`DELETE FROM ${ table } WHERE site_id = $1`,
					[ siteId ]
				);
			}
			await client.query(
				`INSERT INTO scan_partners ( site_id, domain, status, our_links, relevance, first_seen,
					last_checked, finding_weight, reciprocal_since, row )
				SELECT $10, domain, status, our_links, relevance, first_seen, last_checked,
					finding_weight, reciprocal_since, row
				FROM unnest( $1::text[], $2::text[], $3::int[], $4::float8[], $5::text[], $6::text[],
					$7::int[], $8::text[], $9::text[] )
					AS p( domain, status, our_links, relevance, first_seen, last_checked,
						finding_weight, reciprocal_since, row )`,
				[ ...columns, siteId ]
			);
			await client.query(
				`INSERT INTO scan_partner_facets ( site_id, domain, kind, value )
				SELECT $4, domain, kind, value
				FROM unnest( $1::text[], $2::text[], $3::text[] ) AS f( domain, kind, value )
				ON CONFLICT DO NOTHING`,
				[ ...facets, siteId ]
			);
			await client.query(
				`INSERT INTO scan_alerts ( site_id, seq, domain, alert )
				SELECT $1, seq - 1, domain, alert
				FROM unnest( $2::text[], $3::text[] ) WITH ORDINALITY AS a( domain, alert, seq )`,
				[
					siteId,
					alerts.map( ( entry ) => entry.domain ),
					alerts.map( ( entry ) => JSON.stringify( entry ) ),
				]
			);
		} );
	}

	async queryPartners(
		siteId: number,
		query: ReportQuery
	): Promise< { rows: PartnerRow[]; total: number } > {
		const params: Array< string | number | null > = [];
		const param = ( value: string | number | null ) => {
			params.push( value );
			return `$${ params.length }`;
		};
		// ILIKE as SQLite's LIKE ignores ASCII case (PostgreSQL's does not), in
		// case a stored domain is not lower case as the search is.
		const filter = partnerFilter( siteId, query, param, 'ILIKE' );
		const total = ( await one< { n: number } >(
			this.db,
			`SELECT COUNT( * ) AS n FROM scan_partners p WHERE ${ filter }`,
			params
		) )!.n;
		const limit = param( query.perPage );
		const offset = param( ( query.page - 1 ) * query.perPage );
		const { rows } = await this.db.query< { row: string } >(
			`SELECT row FROM scan_partners p WHERE ${ filter }
			ORDER BY ${ partnerOrder( query ) }
			LIMIT ${ limit } OFFSET ${ offset }`,
			params
		);
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
			return `$${ params.length }`;
		};
		const where = [ partnerFilter( siteId, query, param, 'ILIKE' ) ];
		if ( after ) {
			where.push( partnerAfter( query, after, param ) );
		}
		const { rows } = await this.db.query< { row: string } >(
			`SELECT row FROM scan_partners p WHERE ${ where.join( ' AND ' ) }
			ORDER BY ${ partnerOrder( query ) } LIMIT ${ param( limit ) }`,
			params
		);
		return rows.map( ( row ) => JSON.parse( row.row ) as PartnerRow );
	}

	async *allPartners( siteId: number ): AsyncIterable< PartnerRow > {
		// Keyset pages: no cursor stays open across the consumer's awaits.
		let after = '';
		for (;;) {
			const { rows } = await this.db.query< {
				domain: string;
				row: string;
			} >(
				`SELECT domain, row FROM scan_partners WHERE site_id = $1 AND domain > $2
				ORDER BY domain LIMIT 200`,
				[ siteId, after ]
			);
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
		const row = await one< { row: string } >(
			this.db,
			'SELECT row FROM scan_partners WHERE site_id = $1 AND domain = $2',
			[ siteId, domain ]
		);
		return row ? ( JSON.parse( row.row ) as PartnerRow ) : null;
	}

	async partnerCounts( siteId: number, since30: string, since90: string ) {
		return ( await one< {
			partnerDomains: number;
			linkingBack: number;
			newPartners30: number;
			newPartners90: number;
		} >(
			this.db,
			`SELECT COUNT( * ) AS "partnerDomains",
				COUNT( * ) FILTER ( WHERE status = 'links-back' ) AS "linkingBack",
				COUNT( * ) FILTER ( WHERE status = 'links-back' AND reciprocal_since >= $1 ) AS "newPartners30",
				COUNT( * ) FILTER ( WHERE status = 'links-back' AND reciprocal_since >= $2 ) AS "newPartners90"
			FROM scan_partners WHERE site_id = $3`,
			[ since30, since90, siteId ]
		) )!;
	}

	async listAlerts( siteId: number ): Promise< Alert[] > {
		const { rows } = await this.db.query< { alert: string } >(
			'SELECT alert FROM scan_alerts WHERE site_id = $1 ORDER BY seq',
			[ siteId ]
		);
		return rows.map( ( row ) => JSON.parse( row.alert ) as Alert );
	}

	async addLogEntry(
		siteId: number,
		entry: PartnerLogRequest
	): Promise< PartnerLogEntry > {
		return ( await one< PartnerLogEntry >(
			this.db,
			`INSERT INTO partner_log ( site_id, domain, author, created_at, note )
			VALUES ( $1, $2, $3, $4, $5 )
			RETURNING id, domain, author, created_at AS "createdAt", note`,
			[
				siteId,
				entry.domain.toLowerCase(),
				entry.author,
				new Date().toISOString(),
				entry.note,
			]
		) )!;
	}

	async listLog(
		siteId: number,
		domain?: string
	): Promise< PartnerLogEntry[] > {
		const { rows } = await this.db.query< PartnerLogEntry >(
			`SELECT id, domain, author, created_at AS "createdAt", note FROM partner_log
			WHERE site_id = $1 AND ( $2::text IS NULL OR domain = $2 ) ORDER BY id DESC`,
			[ siteId, domain ?? null ]
		);
		return rows;
	}

	/** Stops this scan store; the pool belongs to the PgStore. */
	async close(): Promise< void > {
		if ( ! this.closed ) {
			this.closed = true;
			this.onClose();
		}
	}
}
