/**
 * Imported backlinks on SQLite, on a connection of its own to the store's
 * file (as the scan store), with its own migration track.
 */
import type { Database } from 'better-sqlite3';
import type {
	BacklinkImportRecord,
	BacklinkStore,
	NewBacklinkImport,
	ReferringDomain,
	ReferringDomainQuery,
} from './backlink-types';
import { MAX_REFERRING_DOMAINS } from './backlink-types';
import {
	assertCompetitorRoom,
	BACKLINK_COLUMNS,
	IMPORT_COLUMNS,
	importValues,
	toImportRecord,
	toReferringDomain,
	type ImportRow,
	type ReferringRow,
} from './backlink-rows';
import { migrateBacklinks } from './migrations-backlinks';
import { openDatabase } from './sqlite';

/** Rows per INSERT (SQLite takes at most 32,766 parameters). */
const BATCH_ROWS = 500;

function bit( value: boolean | null ): number | null {
	if ( value === null ) {
		return null;
	}
	return value ? 1 : 0;
}

/** SQL of the referring-domain summary; parameters: siteId[, owner], limit. */
export function referringSql( byOwner: boolean, concat: string ): string {
	const ownerClause = byOwner ? 'AND b.owner = $2' : '';
	const limit = byOwner ? '$3' : '$2';
	return `
	SELECT b.owner AS owner, b.source_domain AS domain, COUNT( * ) AS links,
		MIN( b.source_url ) AS sample_page, MIN( b.anchor ) AS sample_anchor,
		MIN( CASE WHEN b.nofollow OR b.ugc OR b.sponsored THEN 1 ELSE 0 END ) AS qualified,
		${ concat } AS formats, MAX( b.last_seen ) AS last_seen
	FROM imported_backlinks b JOIN backlink_imports i ON i.id = b.import_id
	WHERE b.site_id = $1 ${ ownerClause }
	GROUP BY b.owner, b.source_domain
	ORDER BY b.owner, b.source_domain
	LIMIT ${ limit }`;
}

export class SqliteBacklinkStore implements BacklinkStore {
	private readonly db: Database;
	private closed = false;

	constructor( options: { file: string } ) {
		this.db = openDatabase( options.file, { fileMustExist: true } );
		try {
			migrateBacklinks( this.db );
		} catch ( error ) {
			this.db.close();
			throw error;
		}
	}

	async replaceImport(
		siteId: number,
		input: NewBacklinkImport
	): Promise< BacklinkImportRecord > {
		const importedAt = new Date().toISOString();
		return this.db.transaction( () => {
			const competitors = (
				this.db
					.prepare(
						`SELECT DISTINCT owner FROM backlink_imports WHERE site_id = ? AND owner <> '' ORDER BY owner`
					)
					.all( siteId ) as { owner: string }[]
			 ).map( ( row ) => row.owner );
			assertCompetitorRoom( input.owner, competitors );
			this.db
				.prepare(
					'DELETE FROM backlink_imports WHERE site_id = ? AND owner = ? AND format = ?'
				)
				.run( siteId, input.owner, input.format );
			const row = this.db
				.prepare(
					`INSERT INTO backlink_imports ( ${ IMPORT_COLUMNS } )
					VALUES ( ${ Array( 13 ).fill( '?' ).join( ', ' ) } ) RETURNING *`
				)
				.get(
					...importValues( siteId, input, importedAt )
				) as ImportRow;
			const importId = Number( row.id );
			for (
				let start = 0;
				start < input.backlinks.length;
				start += BATCH_ROWS
			) {
				const batch = input.backlinks.slice(
					start,
					start + BATCH_ROWS
				);
				this.db
					.prepare(
						`INSERT INTO imported_backlinks ( ${ BACKLINK_COLUMNS } ) VALUES ${ batch
							.map(
								() =>
									`( ${ Array( 14 ).fill( '?' ).join( ', ' ) } )`
							)
							.join( ', ' ) }`
					)
					.run(
						...batch.flatMap( ( link ) => [
							importId,
							link.line,
							siteId,
							input.owner,
							link.sourceDomain,
							link.sourceUrl,
							link.targetUrl,
							link.anchor,
							bit( link.nofollow ),
							bit( link.ugc ),
							bit( link.sponsored ),
							link.firstSeen,
							link.lastSeen,
							link.linkingPages,
						] )
					);
			}
			return toImportRecord( row );
		} )();
	}

	async listImports( siteId: number ): Promise< BacklinkImportRecord[] > {
		return (
			this.db
				.prepare(
					'SELECT * FROM backlink_imports WHERE site_id = ? ORDER BY owner, format, id'
				)
				.all( siteId ) as ImportRow[]
		 ).map( toImportRecord );
	}

	async removeImport( siteId: number, importId: number ): Promise< boolean > {
		return (
			this.db
				.prepare(
					'DELETE FROM backlink_imports WHERE site_id = ? AND id = ?'
				)
				.run( siteId, importId ).changes > 0
		);
	}

	async referringDomains(
		siteId: number,
		query: ReferringDomainQuery = {}
	): Promise< ReferringDomain[] > {
		const limit = Math.min(
			query.limit ?? MAX_REFERRING_DOMAINS,
			MAX_REFERRING_DOMAINS
		);
		const byOwner = query.owner !== undefined;
		const sql = referringSql(
			byOwner,
			'GROUP_CONCAT( DISTINCT i.format )'
		).replace( /\$\d/g, '?' );
		const params = byOwner
			? [ siteId, query.owner, limit ]
			: [ siteId, limit ];
		return (
			this.db.prepare( sql ).all( ...params ) as ReferringRow[]
		 ).map( toReferringDomain );
	}

	async close(): Promise< void > {
		if ( ! this.closed ) {
			this.closed = true;
			this.db.close();
		}
	}
}
