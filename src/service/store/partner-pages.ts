/**
 * Rows of the partner graph (`partner_pages`, issue 19), shared by the
 * SQLite and PostgreSQL stores so both validate and bound them the same.
 */
import {
	MAX_PARTNER_PAGES_PER_SITE,
	PartnerPageSchema,
	type PartnerPage,
} from '../../core/graph/schemas';
import { urlKey } from '../../core/url';
import { RlgError } from '../errors';

export { MAX_PARTNER_PAGES_PER_SITE };

/** One page as a row: its key, partner, read time and the page as JSON. */
export interface PartnerPageRow {
	pageKey: string;
	domain: string;
	readAtMs: number;
	json: string;
}

/**
 * Validate a page for storing; ERR_STORE_INVALID names what was wrong. Of
 * two reads of one page in a batch, the later one wins (as in the table).
 */
export function partnerPageRows(
	pages: readonly PartnerPage[]
): PartnerPageRow[] {
	const rows = new Map< string, PartnerPageRow >();
	for ( const page of pages ) {
		const parsed = PartnerPageSchema.safeParse( page );
		if ( ! parsed.success ) {
			const issue = parsed.error.issues[ 0 ];
			throw new RlgError(
				'ERR_STORE_INVALID',
				`partner page ${ String( page?.pageUrl ) }: ${ issue.path.join(
					'.'
				) } ${ issue.message }`
			);
		}
		const readAtMs = Date.parse( parsed.data.readAt );
		if ( Number.isNaN( readAtMs ) ) {
			throw new RlgError(
				'ERR_STORE_INVALID',
				`partner page ${ page.pageUrl }: readAt "${ page.readAt }" is not a date`
			);
		}
		const pageKey = urlKey( parsed.data.pageUrl );
		rows.set( pageKey, {
			pageKey,
			domain: parsed.data.domain,
			readAtMs,
			json: JSON.stringify( parsed.data ),
		} );
	}
	return [ ...rows.values() ];
}

/** A stored row back as a page (validated: a damaged row fails loudly). */
export function toPartnerPage( json: string ): PartnerPage {
	return PartnerPageSchema.parse( JSON.parse( json ) );
}
