/**
 * How far a scan has come, as one number for a progress bar. Pure, tested.
 *
 * A scan reads posts (their count is known once the source says, from
 * X-WP-Total or the sitemap) and checks the partners it found in them (a
 * count that grows while posts are read). Each half of the bar is one of
 * the two; while the number of posts is unknown the bar is indeterminate
 * rather than pretending.
 */
import type { ScanStatus } from '../core/report';

export interface ScanProgress {
	/** 0…1, or null while it cannot be known (indeterminate bar). */
	fraction: number | null;
	phase: 'queued' | 'posts' | 'partners' | 'finished';
	active: boolean;
}

export function isScanActive( status: ScanStatus | null ): boolean {
	return status?.state === 'queued' || status?.state === 'running';
}

const clamp = ( value: number ) => Math.min( 1, Math.max( 0, value ) );

export function scanProgress( status: ScanStatus ): ScanProgress {
	if ( status.state === 'queued' ) {
		return { fraction: 0, phase: 'queued', active: true };
	}
	if ( status.state !== 'running' ) {
		return {
			fraction: status.state === 'done' ? 1 : null,
			phase: 'finished',
			active: false,
		};
	}
	const postsDone =
		status.postsTotal !== null && status.postsRead >= status.postsTotal;
	const partners =
		status.partnersTotal > 0
			? clamp( status.partnersChecked / status.partnersTotal )
			: 0;
	if ( status.postsTotal === null ) {
		return { fraction: null, phase: 'posts', active: true };
	}
	const posts =
		status.postsTotal === 0
			? 1
			: clamp( status.postsRead / status.postsTotal );
	return {
		fraction: posts * 0.5 + partners * 0.5,
		phase: postsDone ? 'partners' : 'posts',
		active: true,
	};
}

/**
 * The previous scan's time when this finished scan was incremental and found
 * no post changed since then, else null: "0 of 0 posts read" would read as
 * if the site had no posts.
 *
 * @param status A scan's status.
 * @return The time posts were compared against, or null.
 */
export function unchangedSince( status: ScanStatus ): string | null {
	if ( status.state !== 'done' || status.postsTotal !== 0 ) {
		return null;
	}
	return status.changedSince ?? null;
}
