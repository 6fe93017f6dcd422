/**
 * `exchange-velocity` (site-wide): more than `maxNewPartnersInWindow` new
 * reciprocal partners within the last `velocityWindowDays` days ("dozens of
 * link swaps within the same month"). Warning; critical beyond twice the
 * limit.
 */
import type { Finding } from '../findings';
import type { SiteStats } from '../schemas';
import type { Settings } from '../settings';
import type { SiteRule } from './types';

export const exchangeVelocity: SiteRule = (
	stats: SiteStats,
	settings: Settings
): Finding[] => {
	const limit = settings.maxNewPartnersInWindow;
	const count = stats.newReciprocalPartners;
	if ( count <= limit ) {
		return [];
	}
	return [
		{
			code: 'exchange-velocity',
			severity: count > limit * 2 ? 'critical' : 'warning',
			params: { count, limit, windowDays: settings.velocityWindowDays },
		},
	];
};
