/**
 * Giving the main thread back between slices of the editor's own work
 * (issue 20): the analysis scheduler's partner-page comparisons and the
 * validation of big check answers.
 */

/**
 * Yields the main thread and resolves in a task of its own, soon: with
 * `scheduler.yield()` where the browser has it (Chromium 129+), else a
 * message to ourselves (a task without setTimeout's 4 ms clamp). Input
 * and due frames run in between, so typing stays smooth.
 *
 * Not an idle callback (issue 20): while the editor loads, the main thread
 * is never idle, and each slice then waited for the callback's timeout
 * (150 ms). A 100-link post's partner pages took about 10 such slices: its
 * cached results showed 1.6 s after the canvas, although the answer that
 * held them had arrived before the canvas did.
 */
export function nextSlice(): Promise< void > {
	const scheduler = (
		globalThis as { scheduler?: { yield?: () => Promise< void > } }
	 ).scheduler;
	if ( typeof scheduler?.yield === 'function' ) {
		return scheduler.yield();
	}
	if ( typeof MessageChannel === 'function' ) {
		return new Promise( ( resolve ) => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => {
				channel.port1.close();
				resolve();
			};
			channel.port2.postMessage( null );
		} );
	}
	return new Promise( ( resolve ) => setTimeout( resolve, 0 ) );
}
