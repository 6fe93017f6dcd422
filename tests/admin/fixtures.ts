/** Report contract values for the admin tests, valid against the zod schemas. */
import type {
	PartnerDetail,
	PartnerRow,
	ReportResponse,
	ScanStatus,
} from '../../src/core/report';

export function partnerRow(
	overrides: Partial< PartnerRow > = {}
): PartnerRow {
	return {
		domain: 'tuinpartner.nl',
		ourPosts: 2,
		ourLinks: 3,
		status: 'links-back',
		theirLinks: [
			{
				pageUrl: 'https://tuinpartner.nl/links',
				href: 'https://example.test/',
				text: 'Example Garden',
				anchorClass: 'branded',
				rel: [],
				placement: 'footer',
				hidden: null,
				foundOn: 'target-page',
				toHomepage: true,
			},
		],
		relevance: 0.42,
		firstSeen: '2026-10-01T10:00:00.000Z',
		lastChecked: '2026-11-20T10:00:00.000Z',
		findings: [
			{ code: 'boilerplate-backlink', severity: 'warning', params: {} },
		],
		...overrides,
	};
}

export function scanStatus(
	overrides: Partial< ScanStatus > = {}
): ScanStatus {
	return {
		id: 1,
		site: 'https://example.test',
		source: 'wp-rest',
		state: 'running',
		startedAt: '2026-11-25T09:00:00.000Z',
		finishedAt: null,
		postsRead: 10,
		postsTotal: 40,
		partnersChecked: 0,
		partnersTotal: 0,
		error: null,
		...overrides,
	};
}

export function report(
	overrides: Partial< ReportResponse > = {}
): ReportResponse {
	return {
		site: 'https://example.test',
		generatedAt: '2026-11-25T09:00:00.000Z',
		summary: {
			partnerDomains: 1,
			linkingBack: 1,
			reciprocalShare: 1,
			newPartners30: 1,
			newPartners90: 1,
			findings: [
				{ code: 'boilerplate-backlink', severity: 'warning', count: 1 },
			],
			thresholds: { maxReciprocalPartners: 10, maxReciprocalShare: 0.25 },
		},
		alerts: [],
		partners: { rows: [ partnerRow() ], total: 1, page: 1, perPage: 25 },
		lastScan: null,
		...overrides,
	};
}

export function partnerDetail(
	overrides: Partial< PartnerDetail > = {}
): PartnerDetail {
	return {
		partner: partnerRow(),
		ourLinks: [
			{
				postUrl: 'https://example.test/roses/',
				postTitle: 'Roses',
				href: 'https://tuinpartner.nl/',
				text: 'tuinpartner',
				rel: [],
				placement: 'content',
			},
		],
		history: [],
		log: [],
		...overrides,
	};
}
