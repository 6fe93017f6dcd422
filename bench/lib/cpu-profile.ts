/**
 * Reading a Chromium CPU profile (CDP `Profiler.stop`, the `.cpuprofile`
 * format) the way issue 20 asks about it: how much of the main thread's
 * time the plugin's own bundle takes, what it calls into, and which of its
 * functions cost the most.
 *
 *   node build/bench/bench/lib/cpu-profile.js file.cpuprofile [script-substring]
 *
 * `script-substring` picks the plugin's frames (default `reciprocal-link-guard`,
 * the plugin's folder in the script URL).
 */
import fs from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: {
		functionName: string;
		url: string;
		lineNumber: number;
		columnNumber: number;
	};
	children?: number[];
}

export interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export interface ProfileSummary {
	/** Busy time: every sample but idle ('(program)' is the browser's own work: style, layout, parsing). */
	totalMs: number;
	/** Samples with the plugin anywhere on the stack (inclusive). */
	pluginInclusiveMs: number;
	/** Self time in the plugin's own frames. */
	pluginSelfMs: number;
	/** Self time by script (file name), top 12. */
	byScript: Array< [ string, number ] >;
	/** Self time by function, top 25 (name @ file:line). */
	byFunction: Array< [ string, number ] >;
	/** Inclusive time of the plugin's functions (outermost plugin frame counted once per sample), top 25. */
	pluginInclusiveByFunction: Array< [ string, number ] >;
}

function fileOf( url: string ): string {
	if ( ! url ) {
		return '(native)';
	}
	const clean = url.split( '?' )[ 0 ];
	return clean.slice( clean.lastIndexOf( '/' ) + 1 ) || clean;
}

/** Time per sample from `timeDeltas` (µs), in ms. */
export function summarizeProfile(
	profile: CpuProfile,
	pluginMatch = 'reciprocal-link-guard'
): ProfileSummary {
	const byId = new Map< number, ProfileNode >();
	const parent = new Map< number, number >();
	for ( const node of profile.nodes ) {
		byId.set( node.id, node );
		for ( const child of node.children ?? [] ) {
			parent.set( child, node.id );
		}
	}
	const isPlugin = ( node: ProfileNode ) =>
		node.callFrame.url.includes( pluginMatch );
	const label = ( node: ProfileNode ) =>
		`${ node.callFrame.functionName || '(anonymous)' } @ ${ fileOf(
			node.callFrame.url
		) }:${ node.callFrame.lineNumber + 1 }:${
			node.callFrame.columnNumber + 1
		}`;
	const add = ( map: Map< string, number >, key: string, ms: number ) =>
		map.set( key, ( map.get( key ) ?? 0 ) + ms );

	const byScript = new Map< string, number >();
	const byFunction = new Map< string, number >();
	const pluginInclusive = new Map< string, number >();
	let total = 0;
	let pluginAll = 0;
	let pluginSelf = 0;
	for ( let i = 0; i < profile.samples.length; i++ ) {
		const ms = ( profile.timeDeltas[ i + 1 ] ?? 0 ) / 1000;
		const leaf = byId.get( profile.samples[ i ] );
		if ( ! leaf ) {
			continue;
		}
		const name = leaf.callFrame.functionName;
		if ( name === '(idle)' ) {
			continue;
		}
		total += ms;
		add( byScript, fileOf( leaf.callFrame.url ), ms );
		add( byFunction, label( leaf ), ms );
		if ( isPlugin( leaf ) ) {
			pluginSelf += ms;
		}
		// Walk to the root: the outermost plugin frame and whether any is there.
		let outermost: ProfileNode | null = null;
		const seen = new Set< string >();
		for (
			let node: ProfileNode | undefined = leaf;
			node;
			node = byId.get( parent.get( node.id ) ?? -1 )
		) {
			if ( isPlugin( node ) ) {
				outermost = node;
				const key = label( node );
				if ( ! seen.has( key ) ) {
					seen.add( key );
					add( pluginInclusive, key, ms );
				}
			}
		}
		if ( outermost ) {
			pluginAll += ms;
		}
	}
	const top = ( map: Map< string, number >, n: number ) =>
		[ ...map.entries() ]
			.sort( ( a, b ) => b[ 1 ] - a[ 1 ] )
			.slice( 0, n )
			.map( ( [ k, v ] ): [ string, number ] => [
				k,
				Math.round( v * 10 ) / 10,
			] );
	return {
		totalMs: Math.round( total ),
		pluginInclusiveMs: Math.round( pluginAll ),
		pluginSelfMs: Math.round( pluginSelf ),
		byScript: top( byScript, 12 ),
		byFunction: top( byFunction, 25 ),
		pluginInclusiveByFunction: top( pluginInclusive, 25 ),
	};
}

if ( require.main === module ) {
	const [ file, match ] = process.argv.slice( 2 );
	if ( ! file ) {
		process.stderr.write(
			'usage: node cpu-profile.js file.cpuprofile [script-substring]\n'
		);
		process.exit( 2 );
	}
	const summary = summarizeProfile(
		JSON.parse( fs.readFileSync( file, 'utf8' ) ) as CpuProfile,
		match
	);
	process.stdout.write( `${ JSON.stringify( summary, null, 1 ) }\n` );
}
