/**
 * `too-many-partners` (site-wide): more reciprocal partners than
 * `maxReciprocalPartners`, or a share of reciprocal partners among all
 * outbound domains above `maxReciprocalShare` (the share only once there
 * are `minPartnersForShare` partners: 2 of 4 says nothing yet). "Dozens of
 * link-for-link swaps" is the profile Google's guidelines describe.
 * Warning when one limit is exceeded; critical when both are.
 */
import type { Finding } from '../findings';
import type { SiteStats } from '../schemas';
import type { Settings } from '../settings';
import { round3 } from './facts';
import type { SiteRule } from './types';

export const tooManyPartners: SiteRule = (
	stats: SiteStats,
	settings: Settings
): Finding[] => {
	const partners = stats.reciprocalPartners;
	const share =
		stats.outboundDomains > 0 ? partners / stats.outboundDomains : 0;
	const overCount = partners > settings.maxReciprocalPartners;
	const overShare =
		partners >= settings.minPartnersForShare &&
		share > settings.maxReciprocalShare;
	if ( ! overCount && ! overShare ) {
		return [];
	}
	return [
		{
			code: 'too-many-partners',
			severity: overCount && overShare ? 'critical' : 'warning',
			params: {
				count: partners,
				limit: settings.maxReciprocalPartners,
				outboundDomains: stats.outboundDomains,
				share: round3( share ),
				maxShare: settings.maxReciprocalShare,
				overCount,
				overShare,
			},
		},
	];
};
