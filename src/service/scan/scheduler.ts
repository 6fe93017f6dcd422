/**
 * Re-scans connected sites (those with a key) on an interval, one site at a
 * time, and on start resumes every scan a previous process left unfinished.
 * Off unless an interval is configured (`rlg serve --scan-every HOURS` or
 * RLG_SCAN_EVERY_HOURS); tests never start it implicitly.
 */
import type { Logger } from '../logger';
import { silentLogger } from '../logger';
import type { Store } from '../store/types';
import type { ScanStore } from '../store/scan-types';
import type { Scanner } from './scanner';

export interface SchedulerOptions {
	store: Store;
	scanStore: ScanStore;
	scanner: Scanner;
	/** Hours between two scans of a site; 0 or less disables re-scanning. */
	intervalHours: number;
	/** How often due sites are looked for (default: 10 minutes, at most the interval). */
	tickMs?: number;
	logger?: Logger;
	now?: () => number;
}

export interface ScanScheduler {
	/** Resume unfinished scans, then re-scan due sites on every tick. */
	start: () => void;
	/** One pass over the sites: what the timer runs (exposed for tests). */
	tick: () => Promise< void >;
	stop: () => Promise< void >;
}

export function createScanScheduler(
	options: SchedulerOptions
): ScanScheduler {
	const { store, scanStore, scanner } = options;
	const logger = options.logger ?? silentLogger();
	const now = options.now ?? Date.now;
	const intervalMs = options.intervalHours * 3_600_000;
	let timer: NodeJS.Timeout | null = null;
	let current: Promise< void > | null = null;
	let stopped = false;
	let controller = new AbortController();

	async function pass(): Promise< void > {
		for ( const site of await store.listSites() ) {
			if ( stopped ) {
				return;
			}
			const unfinished = await scanStore.unfinishedScan( site.id );
			const last = await scanStore.latestScan( site.id );
			const due =
				intervalMs > 0 &&
				site.secret !== null &&
				( ! last ||
					now() - Date.parse( last.startedAt ) >= intervalMs );
			if ( ! unfinished && ! due ) {
				continue;
			}
			try {
				await scanner.scan( {
					site,
					source: unfinished?.source ?? last?.source ?? 'wp-rest',
					sitemapUrl:
						unfinished?.sitemapUrl ?? last?.sitemapUrl ?? null,
					signal: controller.signal,
				} );
			} catch ( error ) {
				// One site's failure (recorded on its scan) never stops the others.
				logger.warn(
					{ err: error, site: site.url },
					'scheduled scan failed'
				);
			}
		}
	}

	function tick(): Promise< void > {
		if ( ! current ) {
			current = pass().finally( () => {
				current = null;
			} );
		}
		return current;
	}

	return {
		tick,
		start() {
			stopped = false;
			controller = new AbortController();
			void tick();
			if ( intervalMs > 0 ) {
				const every = Math.min(
					options.tickMs ?? 10 * 60_000,
					intervalMs
				);
				timer = setInterval( () => void tick(), every );
				timer.unref();
			}
		},
		async stop() {
			stopped = true;
			// A running scan stops after its current batch, left `interrupted`.
			controller.abort();
			if ( timer ) {
				clearInterval( timer );
				timer = null;
			}
			await current?.catch( () => undefined );
		},
	};
}
