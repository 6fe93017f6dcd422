/**
 * Page analysis in worker threads. Parsing a partner page and building the
 * placement model is pure CPU (about 3 ms for 60 KB, far more for a 2 MB
 * page); done in the service's main thread it delays every other request
 * and every socket read. The pool hands each page to the least busy worker
 * and keeps the main thread for I/O.
 *
 * A worker that dies (out of memory on a hostile page, a bug) fails only
 * the pages it held and is replaced. A machine where workers cannot start
 * at all gets the same analysis in this thread, with the reason kept in
 * `fallbackReason` for the logs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { integerFromEnv } from '../config';
import { RlgError } from '../errors';
import {
	createInlineAnalyzer,
	type PageAnalysis,
	type PageAnalysisRequest,
	type PageAnalyzer,
} from './analyzer';
import { DEFAULT_ANALYSIS_NICENESS, NICEST } from './thread-priority';
import type { WorkerAnswer, WorkerSetup, WorkerTask } from './worker';

export interface AnalysisPoolOptions {
	/** Worker threads; default: {@link defaultAnalysisThreads}. */
	threads?: number;
	/** Heap limit of each worker, in MB (a hostile page stops there). */
	maxHeapMb?: number;
	/**
	 * Young generation of each worker, in MB; default
	 * {@link DEFAULT_WORKER_YOUNG_GENERATION_MB}.
	 */
	youngGenerationMb?: number;
	/**
	 * Steps nicer than this process the workers run (Linux; 0: the same);
	 * default {@link defaultAnalysisNiceness}. See thread-priority.ts.
	 */
	niceness?: number;
	/** Told once when workers cannot start and analysis moves to this thread. */
	onFallback?: ( reason: string ) => void;
}

export interface AnalysisPool extends PageAnalyzer {
	/** Why the pool runs analysis in this thread instead, or null. */
	readonly fallbackReason: string | null;
	/** Worker threads running now (fewer than `threads` after a release). */
	readonly running: number;
	/**
	 * Stops every worker with nothing pending (their heaps and the isolates
	 * are freed: about 40 MB of RSS for two workers that read partner
	 * pages); the next analyze() starts the pool's threads again. A scan
	 * calls it when its partners are checked, so its report phase does not
	 * carry the workers' memory (issue 17).
	 */
	release: () => Promise< void >;
}

/**
 * RLG_ANALYSIS_THREADS when set (0: analyse in the main thread), else one
 * thread per core beyond the first (that one does the I/O), 2 to 4 where
 * there are 2 cores or more: the I/O thread waits most of the time, and on
 * a 2-core machine a second worker measured 15–25% more pages per second.
 */
export function defaultAnalysisThreads(
	env: NodeJS.ProcessEnv = process.env
): number {
	const configured = integerFromEnv( env, 'RLG_ANALYSIS_THREADS', 0, 64 );
	if ( configured !== undefined ) {
		return configured;
	}
	const cores =
		typeof os.availableParallelism === 'function'
			? os.availableParallelism()
			: os.cpus().length;
	return cores <= 1 ? 1 : Math.min( 4, Math.max( 2, cores - 1 ) );
}

/** RLG_ANALYSIS_NICE when set (0 to 19; 0: same priority as the service). */
export function defaultAnalysisNiceness(
	env: NodeJS.ProcessEnv = process.env
): number {
	return (
		integerFromEnv( env, 'RLG_ANALYSIS_NICE', 0, NICEST ) ??
		DEFAULT_ANALYSIS_NICENESS
	);
}

/**
 * The analyzer a long-running process should use: a pool of
 * `threads` workers (default {@link defaultAnalysisThreads}), or this
 * thread when that is 0.
 */
export function createPageAnalyzer(
	options: AnalysisPoolOptions = {}
): PageAnalyzer {
	const threads = options.threads ?? defaultAnalysisThreads();
	return threads === 0
		? createInlineAnalyzer()
		: createAnalysisPool( { ...options, threads } );
}

/**
 * V8 gives every isolate a young generation of up to 48 MB (two 16 MB
 * semi-spaces and room for new large objects) on a 64-bit machine, and an
 * analysis worker fills it: each worker held 52 MB of heap for about 12 MB
 * of live data, in every process that checks partners (issue 17: a scan
 * peaked at 375 MB RSS, 104 MB of it the two workers' heaps). A page's
 * analysis allocates a parse tree that dies when the page is done, so a
 * small young generation collects the same garbage in more, shorter
 * scavenges; measured on the corpus pages (scripts in the commit message)
 * the cost is within the noise of this machine.
 */
export const DEFAULT_WORKER_YOUNG_GENERATION_MB = 8;

/** Workers that die before starting, this often in a row: fall back. */
const MAX_START_FAILURES = 2;

interface Pending {
	resolve: ( analysis: PageAnalysis ) => void;
	reject: ( error: Error ) => void;
}

interface Slot {
	worker: Worker;
	pending: Map< number, Pending >;
	online: boolean;
	/** Stopped by release(): its exit starts no replacement. */
	retired: boolean;
}

/**
 * Loads TypeScript sources in a worker when the pool itself runs from
 * them (jest via ts-jest), so tests exercise the same worker code that the
 * compiled service runs from build/node.
 *
 * The transpiled files are kept on disk (workerData.cacheDir), keyed by
 * TypeScript's version, the compiler options, the file name and its content: loading `typescript`
 * and transpiling the worker's imports took each worker 4 to 10 s on the
 * 2-core test machine, paid by every pool a test started (each `rlg check`
 * run in jest). With the cache only the first worker pays; the others do
 * not even load `typescript`.
 */
const TS_BOOTSTRAP = `
const crypto = require( 'node:crypto' );
const fs = require( 'node:fs' );
const path = require( 'node:path' );
const { workerData } = require( 'node:worker_threads' );
let ts;
// Hashed into the key too: other options never read an older output.
const OPTIONS = { module: 'CommonJS', target: 'ES2022', esModuleInterop: true };
function transpile( source, filename ) {
	const key = crypto
		.createHash( 'sha256' )
		.update( workerData.typescriptVersion )
		.update( '\\0' )
		.update( JSON.stringify( OPTIONS ) )
		.update( '\\0' )
		.update( filename )
		.update( '\\0' )
		.update( source )
		.digest( 'hex' );
	const cached = path.join( workerData.cacheDir, key + '.js' );
	try {
		return fs.readFileSync( cached, 'utf8' );
	} catch {
		// Not transpiled yet.
	}
	ts ??= require( workerData.typescript );
	const output = ts.transpileModule( source, {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind[ OPTIONS.module ],
			target: ts.ScriptTarget[ OPTIONS.target ],
			esModuleInterop: OPTIONS.esModuleInterop,
		},
	} ).outputText;
	try {
		fs.mkdirSync( workerData.cacheDir, { recursive: true } );
		// Written under a name of its own, then renamed: a worker starting
		// at the same time never reads half a file.
		const temporary = cached + '.' + process.pid + '.' + crypto.randomUUID();
		fs.writeFileSync( temporary, output );
		fs.renameSync( temporary, cached );
	} catch {
		// No cache (read-only temp dir): the next worker transpiles again.
	}
	return output;
}
require.extensions[ '.ts' ] = ( module, filename ) => {
	module._compile(
		transpile( fs.readFileSync( filename, 'utf8' ), filename ),
		filename
	);
};
require( workerData.entry );
`;

/** Where workers running the TypeScript sources keep transpiled files. */
export const TS_WORKER_CACHE_DIR = path.join(
	os.tmpdir(),
	'rlg-analysis-worker-ts-cache'
);

function spawnWorker(
	limits: { maxHeapMb: number; youngGenerationMb: number },
	setup: WorkerSetup
): Worker {
	const resourceLimits = {
		maxOldGenerationSizeMb: limits.maxHeapMb,
		maxYoungGenerationSizeMb: limits.youngGenerationMb,
	};
	const compiled = path.join( __dirname, 'worker.js' );
	if ( fs.existsSync( compiled ) ) {
		return new Worker( compiled, { resourceLimits, workerData: setup } );
	}
	return new Worker( TS_BOOTSTRAP, {
		eval: true,
		resourceLimits,
		workerData: {
			...setup,
			entry: path.join( __dirname, 'worker.ts' ),
			typescript: require.resolve( 'typescript' ),
			typescriptVersion: require( 'typescript/package.json' ).version,
			cacheDir: TS_WORKER_CACHE_DIR,
		},
	} );
}

export function createAnalysisPool(
	options: AnalysisPoolOptions = {}
): AnalysisPool {
	const threads = Math.max(
		1,
		Math.floor( options.threads ?? defaultAnalysisThreads() )
	);
	const limits = {
		maxHeapMb: options.maxHeapMb ?? 512,
		youngGenerationMb:
			options.youngGenerationMb ?? DEFAULT_WORKER_YOUNG_GENERATION_MB,
	};
	const setup: WorkerSetup = {
		niceness: options.niceness ?? defaultAnalysisNiceness(),
	};
	const slots: Slot[] = [];
	let nextId = 1;
	let closed = false;
	let startFailures = 0;
	let fallback: PageAnalyzer | null = null;
	let fallbackReason: string | null = null;

	function failAll( slot: Slot, error: RlgError ) {
		for ( const pending of slot.pending.values() ) {
			pending.reject( error );
		}
		slot.pending.clear();
	}

	function start(): Slot {
		const worker = spawnWorker( limits, setup );
		// Idle workers must not keep a finished CLI run alive.
		worker.unref();
		const slot: Slot = {
			worker,
			pending: new Map(),
			online: false,
			retired: false,
		};
		let failure: Error | null = null;
		worker.on( 'online', () => {
			slot.online = true;
		} );
		worker.on( 'message', ( answer: WorkerAnswer ) => {
			const pending = slot.pending.get( answer.id );
			if ( ! pending ) {
				return;
			}
			slot.pending.delete( answer.id );
			if ( slot.pending.size === 0 ) {
				worker.unref();
			}
			startFailures = 0;
			if ( answer.ok ) {
				pending.resolve( answer.analysis );
			} else {
				pending.reject(
					new RlgError(
						'ERR_ANALYSIS_FAILED',
						`the HTML could not be analysed (${ answer.message })`
					)
				);
			}
		} );
		worker.on( 'error', ( error ) => {
			failure = error;
		} );
		worker.on( 'exit', ( code ) => {
			const detail = failure
				? `${
						( failure as Error & { code?: string } ).code ??
						failure.name
					}: ${ failure.message }`
				: `exit code ${ code }`;
			failAll(
				slot,
				new RlgError(
					'ERR_ANALYSIS_WORKER_EXITED',
					`the analysis worker stopped while reading this page (${ detail })`
				)
			);
			if ( closed || slot.retired ) {
				return;
			}
			if ( ! slot.online ) {
				startFailures++;
				if ( startFailures >= MAX_START_FAILURES ) {
					fallback ??= createInlineAnalyzer();
					fallbackReason = `analysis workers could not start (${ detail }); analysing in the main thread`;
					options.onFallback?.( fallbackReason );
					slots.splice( slots.indexOf( slot ), 1 );
					return;
				}
			}
			slots[ slots.indexOf( slot ) ] = start();
		} );
		return slot;
	}

	for ( let i = 0; i < threads; i++ ) {
		slots.push( start() );
	}

	function leastBusy(): Slot {
		let best = slots[ 0 ];
		for ( const slot of slots ) {
			if ( slot.pending.size < best.pending.size ) {
				best = slot;
			}
		}
		return best;
	}

	return {
		threads,
		get fallbackReason() {
			return fallbackReason;
		},
		get running() {
			return slots.length;
		},
		async release() {
			const idle = slots.filter( ( slot ) => slot.pending.size === 0 );
			for ( const slot of idle ) {
				slot.retired = true;
				slots.splice( slots.indexOf( slot ), 1 );
			}
			await Promise.all(
				idle.map( ( slot ) => slot.worker.terminate() )
			);
		},
		analyze( request: PageAnalysisRequest ): Promise< PageAnalysis > {
			if ( closed ) {
				return Promise.reject(
					new RlgError(
						'ERR_ANALYSIS_CLOSED',
						'the analysis pool is closed'
					)
				);
			}
			// Released workers come back when there is work again.
			while ( ! fallback && slots.length < threads ) {
				slots.push( start() );
			}
			if ( fallback || slots.length === 0 ) {
				return ( fallback ??= createInlineAnalyzer() ).analyze(
					request
				);
			}
			const slot = leastBusy();
			const id = nextId++;
			// Bytes rather than text when the caller has them: the worker
			// decodes, and a byte copy is cheaper to send than a string.
			const task: WorkerTask = {
				...request,
				id,
				siteUrls: [ ...request.siteUrls ],
			};
			return new Promise< PageAnalysis >( ( resolve, reject ) => {
				slot.pending.set( id, { resolve, reject } );
				if ( slot.pending.size === 1 ) {
					// Busy: keep the process alive until the answer comes.
					slot.worker.ref();
				}
				slot.worker.postMessage( task );
			} );
		},
		async close() {
			if ( closed ) {
				return;
			}
			closed = true;
			const error = new RlgError(
				'ERR_ANALYSIS_CLOSED',
				'the analysis pool was closed before this page was analysed'
			);
			await Promise.all(
				slots.map( async ( slot ) => {
					failAll( slot, error );
					await slot.worker.terminate();
				} )
			);
			slots.length = 0;
		},
	};
}
