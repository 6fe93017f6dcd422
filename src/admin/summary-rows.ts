/**
 * The summary's findings table: counts per rule and severity. Pure.
 */
import type { FindingCode, Severity } from '../core/findings';
import type { ReportSummary } from '../core/report';

export interface RuleRow {
	code: FindingCode;
	counts: Record< Severity, number >;
}

/** Findings summed per rule, rules with critical ones first. */
export function findingsByRule(
	findings: ReportSummary[ 'findings' ]
): RuleRow[] {
	const rows = new Map< FindingCode, RuleRow >();
	for ( const { code, severity, count } of findings ) {
		const row = rows.get( code ) ?? {
			code,
			counts: { info: 0, warning: 0, critical: 0 },
		};
		row.counts[ severity ] += count;
		rows.set( code, row );
	}
	return [ ...rows.values() ].sort(
		( a, b ) =>
			b.counts.critical - a.counts.critical ||
			b.counts.warning - a.counts.warning ||
			b.counts.info - a.counts.info ||
			a.code.localeCompare( b.code )
	);
}
