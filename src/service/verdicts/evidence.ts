/**
 * A partner's evidence (issue 9): every stored check of its targets, oldest
 * first, with what an admin needs to prove a verdict — when, the final URL
 * after redirects, the HTTP status, the sha256 of the HTML, the page's
 * indexability, the cloaking comparison, the removal grace period, and
 * every link to us with anchor, rel, placement, visibility and which fetch
 * saw it. As JSON (one record per check) or CSV (one line per link per
 * check; a check without links is one line with empty link columns).
 */
import type { BacklinkResult, Backlink } from '../../core/schemas';
import { csvField } from '../report/export';
import type { StoredCheck } from '../store/types';

export interface EvidenceLink {
	pageUrl: string;
	foundOn: Backlink[ 'foundOn' ];
	href: string;
	text: string;
	rel: string[];
	placement: Backlink[ 'placement' ];
	hidden: Backlink[ 'hidden' ];
	seenBy: NonNullable< Backlink[ 'seenBy' ] >;
	viaRedirect: boolean;
}

export interface EvidenceRecord {
	checkedAt: string;
	target: string;
	status: BacklinkResult[ 'status' ];
	finalUrl: string | null;
	httpStatus: number | null;
	htmlHash: string | null;
	notIndexable: NonNullable< BacklinkResult[ 'page' ] >[ 'notIndexable' ];
	detail: string | null;
	cloaking: BacklinkResult[ 'cloaking' ] | null;
	removal: BacklinkResult[ 'removal' ] | null;
	links: EvidenceLink[];
}

export interface PartnerEvidence {
	domain: string;
	records: EvidenceRecord[];
}

export function evidenceOf( check: StoredCheck ): EvidenceRecord {
	const result = check.result;
	return {
		checkedAt: check.checkedAt,
		target: result.target,
		status: check.status,
		finalUrl: result.page?.finalUrl ?? null,
		httpStatus: result.httpStatus,
		htmlHash: check.htmlHash ?? result.page?.contentHash ?? null,
		notIndexable: result.page?.notIndexable ?? null,
		detail: result.detail,
		cloaking: result.cloaking ?? null,
		removal: result.removal ?? null,
		links: result.links.map( ( link ) => ( {
			pageUrl: link.pageUrl,
			foundOn: link.foundOn,
			href: link.href,
			text: link.text,
			rel: link.rel,
			placement: link.placement,
			hidden: link.hidden,
			seenBy: link.seenBy ?? [ 'http' ],
			viaRedirect: link.viaRedirect ?? false,
		} ) ),
	};
}

/** The checks (any order) as evidence records, oldest first. */
export function partnerEvidence(
	domain: string,
	checks: readonly StoredCheck[]
): PartnerEvidence {
	return {
		domain,
		records: [ ...checks ]
			.sort( ( a, b ) => a.checkedAtMs - b.checkedAtMs || a.id - b.id )
			.map( evidenceOf ),
	};
}

export const EVIDENCE_CSV_COLUMNS = [
	'checked_at',
	'target',
	'status',
	'final_url',
	'http_status',
	'html_sha256',
	'not_indexable',
	'removal',
	'missing_since',
	'cloaking_differs',
	'detail',
	'link_page',
	'link_found_on',
	'link_href',
	'link_anchor',
	'link_rel',
	'link_placement',
	'link_hidden',
	'link_seen_by',
	'link_via_redirect',
] as const;

export function evidenceCsv( evidence: PartnerEvidence ): string {
	const lines = [ EVIDENCE_CSV_COLUMNS.join( ',' ) ];
	for ( const record of evidence.records ) {
		const head = [
			record.checkedAt,
			record.target,
			record.status,
			record.finalUrl,
			record.httpStatus,
			record.htmlHash,
			record.notIndexable,
			record.removal?.state ?? null,
			record.removal?.missingSince ?? null,
			record.cloaking && record.cloaking.error === null
				? String( record.cloaking.differs )
				: null,
			record.detail,
		];
		const links = record.links.length > 0 ? record.links : [ null ];
		for ( const link of links ) {
			const tail = link
				? [
						link.pageUrl,
						link.foundOn,
						link.href,
						link.text,
						link.rel.join( ' ' ),
						link.placement,
						link.hidden,
						link.seenBy.join( ' ' ),
						String( link.viaRedirect ),
					]
				: Array< null >( 9 ).fill( null );
			lines.push( [ ...head, ...tail ].map( csvField ).join( ',' ) );
		}
	}
	return lines.join( '\r\n' ) + '\r\n';
}
