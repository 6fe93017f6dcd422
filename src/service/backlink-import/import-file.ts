/**
 * One backlink export into the store: parsed and validated by core
 * (`parseBacklinkExport`), judged against our site or the competitor it is
 * about, stored in place of the previous import of that owner and format.
 * Shared by `rlg import` and POST /v1/backlinks/import.
 */
import {
	ExportFileError,
	parseBacklinkExport,
} from '../../core/backlink-import';
import type {
	BacklinkExportFormat,
	BacklinkImportSummary,
} from '../../core/backlink-import';
import { siteKey } from '../../core/url';
import { RlgError } from '../errors';
import type {
	BacklinkImportRecord,
	BacklinkStore,
} from '../store/backlink-types';
import type { SiteRecord } from '../store/types';

export interface ImportFileInput {
	bytes: Uint8Array;
	fileName: string;
	format: BacklinkExportFormat | 'auto';
	/** A competitor's domain or URL; null or absent: the export is about us. */
	competitor?: string | null;
}

/** The competitor's siteKey; ERR_VALIDATION when it is none, or ours. */
export function competitorKey( site: SiteRecord, competitor: string ): string {
	const trimmed = competitor.trim();
	const key = siteKey(
		/^[a-z][a-z0-9+.-]*:\/\//i.test( trimmed )
			? trimmed
			: `http://${ trimmed }/`
	);
	if ( ! key || ( ! key.includes( '.' ) && ! key.includes( ':' ) ) ) {
		throw new RlgError(
			'ERR_VALIDATION',
			`competitor: "${ competitor }" is not a domain (e.g. competitor.example)`
		);
	}
	const ours = [ site.url, ...site.alternateUrls ].map( ( url ) =>
		siteKey( url )
	);
	if ( ours.includes( key ) ) {
		throw new RlgError(
			'ERR_VALIDATION',
			`competitor: ${ key } is this site itself; import it without a competitor`
		);
	}
	return key;
}

export function toSummary(
	record: BacklinkImportRecord
): BacklinkImportSummary {
	const { siteId: _siteId, ...summary } = record;
	return summary as BacklinkImportSummary;
}

/**
 * Parse, validate and store one export. Throws RlgError
 * ERR_IMPORT_FILE (the file as a whole cannot be read; `message` says why),
 * ERR_VALIDATION (competitor), ERR_TOO_MANY_COMPETITORS.
 */
export async function importBacklinkFile(
	backlinks: BacklinkStore,
	site: SiteRecord,
	input: ImportFileInput
): Promise< BacklinkImportSummary > {
	const owner = input.competitor
		? competitorKey( site, input.competitor )
		: '';
	const ownerUrls = owner
		? [ `http://${ owner }/` ]
		: [ site.url, ...site.alternateUrls ];
	let parsed;
	try {
		parsed = parseBacklinkExport( input.bytes, {
			format: input.format,
			ownerUrls,
		} );
	} catch ( error ) {
		if ( error instanceof ExportFileError ) {
			throw new RlgError(
				'ERR_IMPORT_FILE',
				`${ input.fileName }: ${ error.message }`
			);
		}
		throw error;
	}
	const record = await backlinks.replaceImport( site.id, {
		owner,
		format: parsed.format,
		variant: parsed.variant,
		label: parsed.label,
		fileName: input.fileName,
		encoding: parsed.encoding,
		rowsRead: parsed.rowsRead,
		domains: parsed.domains,
		skippedTotal: parsed.skippedTotal,
		skippedByReason: parsed.skippedByReason,
		skipped: parsed.skipped,
		backlinks: parsed.backlinks,
	} );
	return toSummary( record );
}
