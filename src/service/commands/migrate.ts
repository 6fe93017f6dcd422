/**
 * `rlg migrate --data-dir DIR --database postgres://…`: move a one-machine
 * service (SQLite in the data directory) to PostgreSQL. Copies every table
 * with its ids into an empty database in one transaction and prints the
 * row count of each table on both sides; any difference rolls it back.
 * Stop `rlg serve` first: what it writes during the copy is not copied.
 */
import type { Command } from 'commander';
import { resolveDatabaseUrl, resolveDataDir } from '../config';
import { RlgError } from '../errors';
import { redactUrl } from '../store/database-url';
import { dataDirOption, databaseOption, print } from './options';

interface MigrateOptions {
	dataDir?: string;
	database?: string;
	json?: boolean;
}

export function register( program: Command ): void {
	program
		.command( 'migrate' )
		.description(
			"copy the data directory's SQLite database into an empty PostgreSQL database (checked by row counts)"
		)
		.addOption( dataDirOption() )
		.addOption( databaseOption() )
		.option( '--json', 'print the row counts as JSON' )
		.addHelpText(
			'after',
			'\nExample:\n  rlg migrate --data-dir /var/lib/rlg --database postgres://rlg@db.internal/rlg\n\nStop rlg serve first; then start it (and any other node) with --database.'
		)
		.action( async ( options: MigrateOptions ) => {
			const dataDir = resolveDataDir( options.dataDir );
			const databaseUrl = resolveDatabaseUrl( options.database );
			if ( ! databaseUrl ) {
				throw new RlgError(
					'ERR_CONFIG',
					'rlg migrate needs the PostgreSQL database to copy into: --database postgres://… or RLG_DATABASE_URL'
				);
			}
			// node-postgres is loaded by the commands that use it only.
			const { copySqliteToPostgres } =
				await import( '../store/copy-to-postgres' );
			const counts = await copySqliteToPostgres( {
				dataDir,
				databaseUrl,
			} );
			if ( options.json ) {
				print( JSON.stringify( { dataDir, tables: counts }, null, 2 ) );
				return;
			}
			const width = Math.max( ...counts.map( ( c ) => c.table.length ) );
			print(
				[
					`Copied ${ dataDir } into ${ redactUrl( databaseUrl ) }:`,
					...counts.map(
						( c ) =>
							`  ${ c.table.padEnd( width ) }  ${ String(
								c.postgres
							).padStart( 8 ) } rows (SQLite ${ c.sqlite })`
					),
					'Every table has the same number of rows on both sides.',
				].join( '\n' )
			);
		} );
}
