#!/usr/bin/env node
'use strict';
/**
 * docs/reliability.md from the figures the reliability suites record
 * (tests/reliability/figures.ts): one JSON file per suite in a directory.
 *
 *     node scripts/reliability-report.js <figures-dir> [out.md]
 *
 * The jest global teardown (tests/reliability/global-teardown.js) calls
 * writeReliabilityReport after every run that included all the suites;
 * a partial run (one file by hand) leaves the document as it was.
 */
const { execFileSync } = require( 'node:child_process' );
const fs = require( 'node:fs' );
const os = require( 'node:os' );
const path = require( 'node:path' );

const ROOT = path.join( __dirname, '..' );
const DEFAULT_OUT = path.join( ROOT, 'docs', 'reliability.md' );

/** Suites whose figures the document needs, with the test that writes them. */
const SUITES = {
	'fetch-hostile': 'tests/service/fetch-hostile.test.ts',
	'api-abuse': 'tests/reliability/api-abuse.test.ts',
	load: 'tests/reliability/load.test.ts',
	crash: 'tests/reliability/crash.test.ts',
	fuzz: 'tests/core/fuzz.test.ts',
	// Issue 16: hostile tenants and hostile pages.
	'bounded-results': 'tests/service/bounded-results.test.ts',
	fairness: 'tests/reliability/fairness.test.ts',
	health: 'tests/reliability/health.test.ts',
	'server-limits': 'tests/service/server-limits.test.ts',
	websocket: 'tests/service/render-websocket.test.ts',
	'store-corruption': 'tests/service/store-corruption.test.ts',
};

/**
 * Suites of the WordPress end-to-end run (jest -c jest.e2e.config.js):
 * rendered when their figures are there (`npm run test:reliability` runs
 * them first), otherwise the document says they were not part of the run.
 */
const E2E_SUITES = {
	'publish-lock': 'tests/e2e/publish-lock.e2e.ts',
	'check-budget': 'tests/e2e/check-budget.e2e.ts',
};

function readFigures( dir ) {
	const figures = {};
	for ( const name of [
		...Object.keys( SUITES ),
		...Object.keys( E2E_SUITES ),
	] ) {
		const file = path.join( dir, `${ name }.json` );
		if ( fs.existsSync( file ) ) {
			figures[ name ] = JSON.parse( fs.readFileSync( file, 'utf8' ) );
		}
	}
	return figures;
}

function missingSuites( dir ) {
	const figures = readFigures( dir );
	return Object.keys( SUITES ).filter( ( name ) => ! figures[ name ] );
}

const mib = ( bytes ) => `${ Math.round( bytes / 1024 / 1024 ) } MiB`;
const int = ( n ) => Number( n ).toLocaleString( 'en-US' );

/** The commit the figures are of (and whether the tree had changes). */
function commit() {
	try {
		const git = ( ...args ) =>
			execFileSync( 'git', args, {
				cwd: ROOT,
				encoding: 'utf8',
				stdio: [ 'ignore', 'pipe', 'ignore' ],
			} ).trim();
		const head = git( 'rev-parse', '--short=12', 'HEAD' );
		const dirty =
			git(
				'status',
				'--porcelain',
				'--untracked-files=no',
				'--',
				'src',
				'tests',
				'includes',
				'scripts'
			) !== '';
		return dirty ? `${ head } with uncommitted changes` : head;
	} catch {
		return 'unknown (not a git checkout)';
	}
}

const kib = ( bytes ) => `${ int( Math.round( bytes / 1024 ) ) } KiB`;

/** Issue 16: every attack of the security review as a test and its figure. */
function hostileTenants( figures ) {
	const bounded = figures[ 'bounded-results' ];
	const { fairness, health, websocket } = figures;
	const limits = figures[ 'server-limits' ];
	const corruption = figures[ 'store-corruption' ];
	const lock = figures[ 'publish-lock' ];
	const budget = figures[ 'check-budget' ];
	const notRun = ( name ) =>
		`Not part of this run (${ E2E_SUITES[ name ] }, a WordPress end-to-end suite: \`npm run test:reliability\` runs it).`;
	const slow = ( what, ended ) =>
		`| ${ what } | ${
			ended.closed
				? `dropped after ${ int( ended.ms ) } ms`
				: 'still open'
		}, HTTP ${ ended.status || 'none' } (timeout ${ int(
			ended.timeoutMs
		) } ms in the test; 10 s by default) |`;
	return [
		'## Hostile tenants and hostile pages (issue 16)',
		'',
		'Each attack of the security review, the test that repeats it, and what it',
		'measured in this run. Durations are figures; the tests assert outcomes and',
		'orderings that hold on any machine.',
		'',
		'| Attack (review) | Test | This run |',
		'|---|---|---|',
		`| A ~2 MiB page with 56,000 links to us, ${ bounded.targets } targets in one \`POST /v1/check\` (review: 10 targets answered 175 MB; 40 failed with 500) | tests/service/bounded-results.test.ts | reply ${ kib(
			bounded.replyBytes
		) } for ${ bounded.targets } pages of ${ kib(
			bounded.pageBytes
		) }; at most ${ bounded.keptLinksMax } links kept per result, true total ${ int(
			bounded.totalLinksReported
		) } reported; largest stored row ${ kib(
			bounded.rowBytesMax
		) }, whole store ${ kib( bounded.storeBytes ) } (review: 1.07 GB after 78 checks) |`,
		`| Such pages fetched fresh while stored results of ${ int(
			health.storedLinksPerResult
		) } links are served (review: health silent ~50 s) | tests/reliability/health.test.ts | \`/v1/health\` answered ${ health.healthChecks } of ${ health.healthChecks } probes, ${ health.healthDuringLongestFarm } of them during the longest fresh check (${ int(
			health.farmMaxMs
		) } ms); latency p50 / p95 / max ${ health.healthMs.p50 } / ${ health.healthMs.p95 } / ${ health.healthMs.max } ms under load against ${ health.idleHealthMs.p50 } / ${ health.idleHealthMs.p95 } / ${ health.idleHealthMs.max } ms alone on the same machine (p95 ratio ${ health.p95Ratio }; target 100 ms) |`,
		`| One site keeps ${ fairness.tricklingHosts } trickling hosts busy (1 byte / 5 s) while another checks a fast page (review: 27 s, then 10 s each) | tests/reliability/fairness.test.ts | the hostile site held ${ fairness.hostilePagesHeld } pages (its share); the other site's fresh checks p50 / max ${ fairness.freshMs.p50 } / ${ fairness.freshMs.max } ms (target < ${ int(
			fairness.targets.freshMaxMs
		) } ms), ${ fairness.freshWithoutWaiting } of ${ fairness.freshChecks } without waiting for any hostile page; cached p50 / p95 ${ fairness.cachedMs.p50 } / ${ fairness.cachedMs.p95 } ms (target p95 < ${ fairness.targets.cachedP95Ms } ms); alone: fresh max ${ fairness.aloneFreshMs.max } ms, cached p95 ${ fairness.aloneCachedMs.p95 } ms |`,
		`| A client trickling a declared 100 kB body (review: 16,900 such connections held) | tests/service/server-limits.test.ts | ${
			limits.slowBody.closed
				? `dropped after ${ int( limits.slowBody.ms ) } ms with HTTP ${ limits.slowBody.status }`
				: 'not dropped'
		} |`,
		`| Connections per client address | tests/service/server-limits.test.ts | with a cap of ${ limits.connections.cap } (256 by default) and ${ limits.connections.held } held, the next one answered HTTP ${ limits.connections.refused.status } and was closed; health answered again once one closed |`,
		`| A partner page opening \`new WebSocket('ws://127.0.0.1:…')\` in a rendered check, browser's own local-network check off | tests/service/render-websocket.test.ts | canary reached ${ websocket.canaryHits } times by the renderer (control without it: ${ websocket.controlHits }) |`,
		`| ${ corruption.pagesOverwritten } pages of \`rlg.sqlite\` overwritten (review: started, health ok, every request 500) | tests/service/store-corruption.test.ts | start refused with \`${ corruption.startRefusedWith }\` naming the file and the restore; \`rlg serve\` exit code ${ corruption.serveExitCode }; a store unreadable under a running service: health HTTP ${ corruption.healthWhenUnreadable } |`,
		budget
			? `| A Contributor sending unlimited checks of 100 links through the plugin | tests/e2e/check-budget.e2e.ts | over a budget of ${ budget.testBudget.burst } links (${ budget.testBudget.perMinute }/min, set by filter in the test; by default ${ int(
					budget.defaults.contributor.burst
				) } at once and ${ int(
					budget.defaults.contributor.perMinute
				) }/min, administrators unlimited): HTTP ${ budget.refused.status } \`${ budget.refused.code }\`, Retry-After ${ budget.refused.retryAfter } s; a check job ${ budget.refused.checkJobs } too |`
			: `| A Contributor sending unlimited checks of 100 links through the plugin | tests/e2e/check-budget.e2e.ts | ${ notRun(
					'check-budget'
				) } |`,
		'',
		'Server timeouts, each with its own test (tests/service/server-limits.test.ts):',
		'',
		'| Slow client | Ended |',
		'|---|---|',
		slow( 'body trickled after the headers', limits.slowBody ),
		slow( 'headers trickled', limits.slowHeaders ),
		slow( 'a connection that sends nothing', limits.silent ),
		'',
		'### The publishing lock through each path',
		'',
		'Blocking on, a post with a blocking finding (tests/e2e/publish-lock.e2e.ts, a real',
		'WordPress 6.5 and service). WP-CLI itself cannot be installed offline',
		'(tests/e2e/harness/wp-cli.php stands in for it): `wp post update` and',
		"`wp post create` run there as WP-CLI's Post_Command does, with WP-CLI's wp_die handler.",
		'',
		...( lock
			? [
					'| Path | Attempt | Outcome (asserted) |',
					'|---|---|---|',
					...lock.paths.map(
						( { path: where, what, outcome } ) =>
							`| ${ where } | ${ what } | ${ outcome } |`
					),
				]
			: [ notRun( 'publish-lock' ) ] ),
		'',
		'Also (issue 16 item 7, tests/e2e/check-budget.e2e.ts, tests/service/auth.test.ts):',
		'an unknown site is refused exactly as a bad signature; a refused address says',
		'only that it is not allowed; the service URL goes only to users who manage the',
		'settings.',
		'',
	];
}

function machine() {
	const cpus = os.cpus();
	return `${ cpus.length } × ${ cpus[ 0 ]?.model.trim() ?? 'unknown CPU' }, ${ mib(
		os.totalmem()
	) } RAM, ${ os.type() } ${ os.release() }, Node ${ process.version }`;
}

function render( figures, extraPeakRss = 0 ) {
	const hostile = figures[ 'fetch-hostile' ];
	const abuse = figures[ 'api-abuse' ];
	const { load, crash, fuzz } = figures;
	// The service processes (load burst, kill burst) and the test processes
	// (jest workers running every suite, hostile web included) apart.
	const servicePeakRss = Math.max(
		load.servicePeakRssBytes ?? 0,
		crash.servicePeakRssBytes ?? 0
	);
	const testPeakRss = Math.max(
		extraPeakRss,
		...Object.values( figures ).map( ( f ) => f.peakRssBytes ?? 0 )
	);
	const faults =
		Object.keys( hostile.outcomes ).length +
		Object.keys( abuse.refused ).length;
	const lines = [
		'# Reliability',
		'',
		'<!-- Generated by the test run (scripts/reliability-report.js via the jest global',
		'     teardown); do not edit by hand. Regenerate: npm run test:reliability -->',
		'',
		`Figures of the last full test run on ${ new Date().toISOString() }, commit ${ commit() },`,
		`on ${ machine() }.`,
		'Every figure below is also an assertion of its test: the run fails when a request',
		'is lost or refused wrongly, a row is lost or duplicated, or a fault ends in the',
		'wrong status. Latencies are measured, never asserted (they depend on the machine',
		'and on what else the test run does in parallel).',
		'',
		'| | |',
		'|---|---|',
		`| Requests held (load burst) | ${ int( load.answered ) } of ${ int(
			load.requests
		) } answered, ${ load.errors } errors, ${ load.peakInFlight } concurrent clients |`,
		`| Check latency p50 / p95 / p99 | ${ load.latencyMs.p50 } / ${ load.latencyMs.p95 } / ${ load.latencyMs.p99 } ms |`,
		`| Faults survived | ${ faults } (${
			Object.keys( hostile.outcomes ).length
		} hostile pages, ${ Object.keys( abuse.refused ).length } abusive requests) |`,
		`| Fuzz inputs tried | ${ int( fuzz.total ) } |`,
		`| Rows lost / duplicated (load) | ${ load.rowsLost } / ${ load.rowsDuplicated } of ${ int(
			load.rowsStored
		) } |`,
		`| Rows lost / duplicated (kill -9) | ${ crash.rowsLost } / ${ crash.rowsDuplicated } of ${ int(
			crash.rowsStored
		) }, integrity_check ${ crash.integrityCheck } |`,
		`| Peak RSS of the service (\`rlg serve\` under load and the kill burst) | ${ mib(
			servicePeakRss
		) } |`,
		`| Peak RSS of any test process (jest workers, all suites of the run) | ${ mib(
			testPeakRss
		) } |`,
		'',
		...hostileTenants( figures ),
		'## Load',
		'',
		`${ load.clients } clients send signed \`POST /v1/check\` requests back to back for ${ load.seconds } s`,
		'against the real service (`node bin/rlg.js serve`: `startService` on 127.0.0.1 in its',
		'own process, request log on) checking live local partner sites; every request asks',
		'for two targets checked before the burst (served from the store) and every second',
		'one adds a target never seen (fetched live). The clients wait for each answer before',
		"sending again, so latency is concurrency divided by throughput (Little's law) on",
		'a machine that also runs the other test suites.',
		'',
		'| | |',
		'|---|---|',
		`| Requests | ${ int( load.requests ) } (${ load.requestsPerSecond }/s), all answered 200 with every result correct |`,
		`| Results | ${ int( load.results ) }: ${ int( load.fromCache ) } from the store, ${ int(
			load.freshTargets
		) } new targets fetched |`,
		`| Latency | p50 ${ load.latencyMs.p50 } ms, p95 ${ load.latencyMs.p95 } ms, p99 ${ load.latencyMs.p99 } ms, max ${ load.latencyMs.max } ms |`,
		`| Store | ${ int( load.rowsStored ) } check rows; every result received is a row, once |`,
		`| Service peak RSS | ${ load.servicePeakRssBytes ? mib( load.servicePeakRssBytes ) : 'n/a' } |`,
		'',
		"New targets also wait for the fetcher's politeness limits (16 fetches in flight,",
		`2 per host). The clients are one site standing for many: its share of the fetcher`,
		`is the whole fetcher in this test (RLG_SITE_FETCHES=${
			load.siteFetches ?? 16
		}, RLG_SITE_FETCH_RATE=${
			load.siteFetchRate ?? 0
		}; by default a site gets 8 in flight and 50 a second, see the fairness row above).`,
		'A longer run: `RLG_LOAD_SECONDS=30 npm run test:reliability`',
		'(RLG_LOAD_CLIENTS changes the number of clients).',
		'',
		'## Crash safety (kill -9)',
		'',
		`\`node bin/rlg.js serve\` (the compiled build) answered ${ crash.answeredBeforeKill } requests`,
		`(${ crash.resultsBeforeKill } results) from ${ crash.clients } concurrent clients and was killed with`,
		`SIGKILL with ${ crash.requestsCutByKill } requests in flight. On the data dir it left:`,
		`integrity_check \`${ crash.integrityCheck }\`, no dangling references,`,
		`${ crash.rowsLost } of ${ crash.resultsBeforeKill } received results missing,`,
		`${ crash.rowsDuplicated } duplicated. Restarted on the same data dir it answered ${ crash.restartedStatus }`,
		'(from the store and live). The service peaked at',
		`${ crash.servicePeakRssBytes ? mib( crash.servicePeakRssBytes ) : 'n/a' } RSS.`,
		'A scan killed the same way resumes from its cursor: tests/service/scan-kill.test.ts.',
		'',
		'## Hostile web',
		'',
		`Each page fetched with a deadline of ${ hostile.deadlineMs } ms, and finished within it`,
		`(tests/service/fetch-hostile.test.ts; peak RSS of that suite ${ mib(
			hostile.peakRssBytes
		) }).`,
		'',
		'| Fault | Status |',
		'|---|---|',
		...Object.entries( hostile.outcomes ).map(
			( [ fault, status ] ) => `| \`${ fault }\` | ${ status } |`
		),
		'',
		'Also covered without figures: TLS to a plain HTTP port, 100,000 links and',
		'100,000 unclosed tags on one page (tests/service/backlinks-hostile.test.ts), the SSRF',
		'matrix (tests/service/ssrf.test.ts).',
		'',
		'## Abusive requests',
		'',
		'Each refused with its status and a stable `code`; `GET /v1/health` answered after',
		'every one (tests/reliability/api-abuse.test.ts). Missing, wrong, expired and',
		'replayed signatures, oversized bodies and 10,000 URLs: tests/service/auth.test.ts',
		'and api.test.ts; WordPress-side refusals: tests/e2e/rest.e2e.ts.',
		'',
		'| Request | Status | Code |',
		'|---|---|---|',
		...Object.entries( abuse.refused ).map(
			( [ request, { status, code } ] ) =>
				`| ${ request } | ${ status } | \`${ code }\` |`
		),
		'',
		'## Fuzzing',
		'',
		'fast-check properties (tests/core/fuzz.test.ts; `RLG_FUZZ_RUNS=10` multiplies the runs):',
		'no throw on any input, `normalizeUrl` idempotent and always absolute http(s), every',
		'extracted link absolute http(s) and never more links than `<a` in the input, every',
		'anchor class valid.',
		'',
		'| Function | Inputs tried |',
		'|---|---|',
		...Object.entries( fuzz.inputsTried ).map(
			( [ fn, n ] ) => `| \`${ fn }\` | ${ int( n ) } |`
		),
		'',
	];
	return lines.join( '\n' );
}

/**
 * Writes the document when every suite left its figures in `dir`.
 * Returns the suites that did not (nothing written then).
 */
function writeReliabilityReport( dir, out = DEFAULT_OUT, extraPeakRss = 0 ) {
	const missing = missingSuites( dir );
	if ( missing.length > 0 ) {
		return missing;
	}
	fs.mkdirSync( path.dirname( out ), { recursive: true } );
	fs.writeFileSync( out, render( readFigures( dir ), extraPeakRss ) );
	return [];
}

module.exports = { writeReliabilityReport, SUITES, E2E_SUITES };

if ( require.main === module ) {
	const [ dir, out ] = process.argv.slice( 2 );
	if ( ! dir ) {
		process.stderr.write(
			'usage: node scripts/reliability-report.js <figures-dir> [out.md]\n'
		);
		process.exit( 2 );
	}
	const missing = writeReliabilityReport( dir, out );
	if ( missing.length > 0 ) {
		process.stderr.write(
			`no report: figures missing for ${ missing
				.map( ( name ) => SUITES[ name ] )
				.join( ', ' ) }\n`
		);
		process.exit( 1 );
	}
	process.stdout.write( `wrote ${ out ?? DEFAULT_OUT }\n` );
}
