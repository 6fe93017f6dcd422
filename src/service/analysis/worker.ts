/**
 * Body of an analysis worker thread (see pool.ts): answers each
 * PageAnalysisRequest with the analysis or the error message. One request
 * at a time, in arrival order; the pool decides who gets what.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
	createPageAnalysis,
	type PageAnalysis,
	type PageAnalysisRequest,
} from './analyzer';
import { lowerThreadPriority } from './thread-priority';

/** What the pool passes in `workerData`. */
export interface WorkerSetup {
	/** Steps nicer than the service this thread runs (see thread-priority.ts). */
	niceness: number;
}

export type WorkerTask = PageAnalysisRequest & { id: number };

export type WorkerAnswer =
	| { id: number; ok: true; analysis: PageAnalysis }
	| { id: number; ok: false; message: string };

lowerThreadPriority(
	( workerData as Partial< WorkerSetup > | null )?.niceness ?? 0
);

const analyse = createPageAnalysis();

parentPort?.on( 'message', ( task: WorkerTask ) => {
	let answer: WorkerAnswer;
	try {
		answer = { id: task.id, ok: true, analysis: analyse( task ) };
	} catch ( error ) {
		answer = {
			id: task.id,
			ok: false,
			message: error instanceof Error ? error.message : String( error ),
		};
	}
	parentPort?.postMessage( answer );
} );
