/**
 * `rlg evidence <domain> --site <url> [--csv]`: every stored check of a
 * partner's targets as proof of each verdict (issue 9): when, final URL,
 * HTTP status, HTML hash, and each link to us with anchor, rel, placement
 * and which fetch saw it. JSON by default, CSV with --csv.
 */
import type { Command } from 'commander';
import { resolveCommonConfig } from '../config';
import { RlgError } from '../errors';
import { connectStore, siteIdentity } from '../store';
import { evidenceCsv, partnerEvidence } from '../verdicts/evidence';
import { dataDirOption, databaseOption, print } from './options';

/** Enough for years of daily checks of a partner's targets. */
export const EVIDENCE_LIMIT = 100_000;

interface EvidenceOptions {
	site: string;
	csv?: boolean;
	dataDir?: string;
	database?: string;
}

export function register( program: Command ): void {
	program
		.command( 'evidence' )
		.description(
			"export a partner's check history as evidence (JSON, or CSV with --csv)"
		)
		.argument( '<domain>', "the partner's registrable domain" )
		.requiredOption( '--site <url>', "our site's home URL" )
		.option( '--csv', 'one CSV line per link per check' )
		.addOption( dataDirOption() )
		.addOption( databaseOption() )
		.action( async ( domain: string, options: EvidenceOptions ) => {
			const identity = siteIdentity( options.site );
			if ( ! identity ) {
				throw new RlgError(
					'ERR_INVALID_SITE',
					`--site "${ options.site }" is not an absolute http(s) URL`
				);
			}
			const { dataDir, databaseUrl } = resolveCommonConfig( options );
			const store = await connectStore( { dataDir, databaseUrl } );
			try {
				const site = await store.findSite( identity.siteKey );
				const wanted = domain.trim().toLowerCase();
				const checks = site
					? await store.checkHistory( site.id, {
							domain: wanted,
							limit: EVIDENCE_LIMIT,
						} )
					: [];
				if ( checks.length === 0 ) {
					throw new RlgError(
						'ERR_PARTNER_UNKNOWN',
						`no stored checks of ${ wanted } for ${ identity.url }`
					);
				}
				const evidence = partnerEvidence( wanted, checks );
				if ( options.csv ) {
					process.stdout.write( evidenceCsv( evidence ) );
				} else {
					print( JSON.stringify( evidence, null, 2 ) );
				}
			} finally {
				await store.close();
			}
		} );
}
