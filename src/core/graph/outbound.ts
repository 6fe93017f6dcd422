/**
 * The domains a partner page links to, counted while its links are read:
 * bounded (the {@link MAX_OUTBOUND_DOMAINS} most-linked, with the true
 * number of distinct domains) whatever the page holds. A hostile page has
 * 100,000 links to a handful of hosts, so the domain is looked up once per
 * host and port.
 */
import { siteKey } from '../url';
import {
	MAX_OUTBOUND_DOMAINS,
	MAX_SAMPLE_URL_CHARS,
	type OutboundDomain,
} from './schemas';

/** Distinct hosts remembered while counting one page (bounds the memo). */
const MAX_AUTHORITIES = 20_000;
/** Distinct domains counted on one page; past it only the total grows. */
const MAX_COUNTED_DOMAINS = 5_000;

export interface OutboundSummary {
	outbound: OutboundDomain[];
	outboundTotal: number;
}

export interface OutboundCounter {
	/** Count one link (a normalised absolute URL). */
	add: ( href: string ) => void;
	/** The most-linked domains (ties: first seen), and the true total. */
	summary: () => OutboundSummary;
}

/**
 * A counter for the links of one page.
 *
 * @param ownDomain The page's own `siteKey`: its internal links are not outbound.
 * @param isOurs    Links to our site are counted as backlinks elsewhere.
 */
export function createOutboundCounter(
	ownDomain: string | null,
	isOurs: ( href: string ) => boolean
): OutboundCounter {
	const byAuthority = new Map< string, string | null >();
	const counts = new Map< string, { links: number; sample: string } >();
	const extraDomains = new Set< string >();
	return {
		add( href ) {
			const authority = /^https?:\/\/([^/?#]*)/i.exec( href )?.[ 1 ];
			if ( authority === undefined ) {
				return;
			}
			let domain = byAuthority.get( authority );
			if ( domain === undefined ) {
				domain = siteKey( href );
				if (
					domain !== null &&
					( domain === ownDomain || isOurs( href ) )
				) {
					domain = null;
				}
				if ( byAuthority.size < MAX_AUTHORITIES ) {
					byAuthority.set( authority, domain );
				}
			}
			if ( domain === null ) {
				return;
			}
			const seen = counts.get( domain );
			if ( seen ) {
				seen.links++;
			} else if ( counts.size < MAX_COUNTED_DOMAINS ) {
				counts.set( domain, {
					links: 1,
					sample: href.slice( 0, MAX_SAMPLE_URL_CHARS ),
				} );
			} else if ( extraDomains.size < MAX_AUTHORITIES ) {
				extraDomains.add( domain );
			}
		},
		summary() {
			const outbound = [ ...counts ]
				.map( ( [ domain, { links, sample } ], order ) => ( {
					domain,
					links,
					// A copy: a slice of a page-sized string keeps the page alive.
					sample: ( ' ' + sample ).slice( 1 ),
					order,
				} ) )
				.sort( ( a, b ) => b.links - a.links || a.order - b.order )
				.slice( 0, MAX_OUTBOUND_DOMAINS )
				.map( ( { domain, links, sample } ) => ( {
					domain,
					links,
					sample,
				} ) );
			return {
				outbound,
				outboundTotal: counts.size + extraDomains.size,
			};
		},
	};
}
