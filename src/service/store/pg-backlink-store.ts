/**
 * Imported backlinks on PostgreSQL, on the pool of the `PgStore` it was
 * opened from (that store closes the pool). Its migration track runs once,
 * before the first query.
 */
import type { Pool } from 'pg';
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
import { BACKLINK_TRACK, PG_BACKLINK_MIGRATIONS } from './migrations-backlinks';
import { inTransaction, runPgMigrations } from './pg-database';
import { referringSql } from './sqlite-backlink-store';

/** Rows per INSERT (PostgreSQL takes at most 65,535 parameters). */
const BATCH_ROWS = 1000;

function placeholders( rows: number, columns: number, first = 1 ): string {
	const groups: string[] = [];
	for ( let row = 0; row < rows; row++ ) {
		const cells: string[] = [];
		for ( let column = 0; column < columns; column++ ) {
			cells.push( `$${ first + row * columns + column }` );
		}
		groups.push( `( ${ cells.join( ', ' ) } )` );
	}
	return groups.join( ', ' );
}

export class PgBacklinkStore implements BacklinkStore {
	private ready: Promise< unknown > | undefined;

	constructor( private readonly pool: Pool ) {}

	private migrated(): Promise< unknown > {
		this.ready ??= runPgMigrations(
			this.pool,
			PG_BACKLINK_MIGRATIONS,
			BACKLINK_TRACK
		).catch( ( error ) => {
			// Let the next call try again rather than remember the failure.
			this.ready = undefined;
			throw error;
		} );
		return this.ready;
	}

	async replaceImport(
		siteId: number,
		input: NewBacklinkImport
	): Promise< BacklinkImportRecord > {
		await this.migrated();
		const importedAt = new Date().toISOString();
		return inTransaction( this.pool, async ( client ) => {
			// One import at a time per site: the competitor count stays true.
			await client.query(
				'SELECT id FROM sites WHERE id = $1 FOR UPDATE',
				[ siteId ]
			);
			const competitors = (
				await client.query< { owner: string } >(
					`SELECT DISTINCT owner FROM backlink_imports WHERE site_id = $1 AND owner <> '' ORDER BY owner`,
					[ siteId ]
				)
			).rows.map( ( row ) => row.owner );
			assertCompetitorRoom( input.owner, competitors );
			await client.query(
				'DELETE FROM backlink_imports WHERE site_id = $1 AND owner = $2 AND format = $3',
				[ siteId, input.owner, input.format ]
			);
			const row = (
				await client.query< ImportRow >(
					`INSERT INTO backlink_imports ( ${ IMPORT_COLUMNS } )
					VALUES ${ placeholders( 1, 13 ) } RETURNING *`,
					importValues( siteId, input, importedAt )
				)
			).rows[ 0 ];
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
				await client.query(
					`INSERT INTO imported_backlinks ( ${ BACKLINK_COLUMNS } ) VALUES ${ placeholders(
						batch.length,
						14
					) }`,
					batch.flatMap( ( link ) => [
						importId,
						link.line,
						siteId,
						input.owner,
						link.sourceDomain,
						link.sourceUrl,
						link.targetUrl,
						link.anchor,
						link.nofollow,
						link.ugc,
						link.sponsored,
						link.firstSeen,
						link.lastSeen,
						link.linkingPages,
					] )
				);
			}
			return toImportRecord( row );
		} );
	}

	async listImports( siteId: number ): Promise< BacklinkImportRecord[] > {
		await this.migrated();
		const { rows } = await this.pool.query< ImportRow >(
			'SELECT * FROM backlink_imports WHERE site_id = $1 ORDER BY owner, format, id',
			[ siteId ]
		);
		return rows.map( toImportRecord );
	}

	async removeImport( siteId: number, importId: number ): Promise< boolean > {
		await this.migrated();
		const result = await this.pool.query(
			'DELETE FROM backlink_imports WHERE site_id = $1 AND id = $2',
			[ siteId, importId ]
		);
		return ( result.rowCount ?? 0 ) > 0;
	}

	async referringDomains(
		siteId: number,
		query: ReferringDomainQuery = {}
	): Promise< ReferringDomain[] > {
		await this.migrated();
		const limit = Math.min(
			query.limit ?? MAX_REFERRING_DOMAINS,
			MAX_REFERRING_DOMAINS
		);
		const byOwner = query.owner !== undefined;
		const sql = referringSql(
			byOwner,
			`STRING_AGG( DISTINCT i.format, ',' )`
		)
			// Booleans on this side: true OR null is true, false OR null null.
			.replace(
				'CASE WHEN b.nofollow OR b.ugc OR b.sponsored THEN 1 ELSE 0 END',
				'CASE WHEN COALESCE( b.nofollow OR b.ugc OR b.sponsored, FALSE ) THEN 1 ELSE 0 END'
			);
		const { rows } = await this.pool.query< ReferringRow >(
			sql,
			byOwner ? [ siteId, query.owner, limit ] : [ siteId, limit ]
		);
		return rows.map( toReferringDomain );
	}

	async close(): Promise< void > {}
}
