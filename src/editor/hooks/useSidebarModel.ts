/**
 * Everything the sidebar and the pre-publish panel show, derived from the
 * store in one place so the components only lay it out.
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useCallback, useMemo } from '@wordpress/element';
import type { Finding } from '../../core';
import { urlKey } from '../../core/url';
import { checkProgress, findingsByKey } from '../links/sidebar-items';
import { groupByPartner, linkStatus, type PartnerGroup } from '../links/status';
import { store } from '../store';
import type { CheckTrouble } from '../store/reducer';
import type {
	Analysis,
	CheckEntry,
	EditorContext,
	EditorError,
	EditorLink,
	LinkStatus,
} from '../types';
import { useEditorContext } from './useEditorContext';
import { usePublishBlockers } from './usePublishLock';

export interface SidebarModel {
	context: EditorContext | null;
	contextError: EditorError | null;
	/** Why reciprocity is not being checked, or null when it is. */
	reciprocityProblem:
		'not-configured' | 'service-error' | 'context-error' | null;
	serviceError: EditorError | null;
	analysis: Analysis | null;
	groups: PartnerGroup[];
	checks: Record< string, CheckEntry >;
	/** Findings per target key (one pass, for the rows). */
	findingsByKey: Map< string, Finding[] >;
	/** Distinct external targets and how many have a finished check. */
	progress: { total: number; finished: number; checking: boolean };
	/** Requests to the service failing for now and being retried. */
	checkTrouble: CheckTrouble | null;
	externalCount: number;
	internalCount: number;
	/** Findings that are about the post rather than one link. */
	postFindings: Finding[];
	blockers: Finding[];
	/** Every external target has a finished check. */
	allChecked: boolean;
	/** Partner domains of this post that link back. */
	reciprocalInPost: number;
	statusOf: ( link: EditorLink ) => LinkStatus;
	keyOf: ( url: string ) => string;
	retry: () => void;
}

export function useSidebarModel(): SidebarModel {
	const { context, error: contextError } = useEditorContext();
	const { analysis, checks, serviceError, checkTrouble } = useSelect(
		( select ) => ( {
			analysis: select( store ).getAnalysis(),
			checks: select( store ).getChecks(),
			serviceError: select( store ).getServiceError(),
			checkTrouble: select( store ).getCheckTrouble(),
		} ),
		[]
	);
	const { retryFailed } = useDispatch( store );
	const blockers = usePublishBlockers(
		analysis ? analysis.findings : null,
		context
	);
	const serviceConfigured = !! context?.serviceConfigured;

	const statusOf = useCallback(
		( link: EditorLink ) =>
			linkStatus( link, checks[ link.key ], serviceConfigured ),
		[ checks, serviceConfigured ]
	);

	// What depends on the analysis alone is not redone for every batch of
	// results (issue 20): grouping and keying the findings go over every
	// link and finding.
	const fromAnalysis = useMemo( () => {
		const links = analysis ? analysis.links : [];
		const findings = analysis ? analysis.findings : [];
		const external = links.filter( ( l ) => l.external );
		return {
			external,
			groups: groupByPartner( links, findings, urlKey ),
			findingsByKey: findingsByKey( findings, urlKey ),
			externalCount: external.length,
			internalCount: links.length - external.length,
			postFindings: findings.filter( ( f ) => ! f.linkUrl ),
		};
	}, [ analysis ] );

	const fromChecks = useMemo( () => {
		const { external } = fromAnalysis;
		return {
			progress: checkProgress( analysis ? analysis.links : [], checks ),
			reciprocalInPost: new Set(
				external
					.filter( ( l ) => {
						const entry = checks[ l.key ];
						return (
							entry?.state === 'done' &&
							entry.result.status === 'links-back'
						);
					} )
					.map( ( l ) => l.domain )
			).size,
			allChecked: external.every(
				( l ) => checks[ l.key ]?.state === 'done'
			),
		};
	}, [ analysis, fromAnalysis, checks ] );
	const { external: _external, ...derivedFromAnalysis } = fromAnalysis;

	// WordPress could not reach the service when it built the context; a
	// check that succeeded since proves it is back.
	const anyChecked = Object.values( checks ).some(
		( e ) => e.state === 'done'
	);
	const serviceDown =
		serviceError ??
		( anyChecked ? null : ( context?.serviceError ?? null ) );
	let reciprocityProblem: SidebarModel[ 'reciprocityProblem' ] = null;
	if ( contextError ) {
		reciprocityProblem = 'context-error';
	} else if ( context && ! context.serviceConfigured ) {
		reciprocityProblem = 'not-configured';
	} else if ( serviceDown ) {
		reciprocityProblem = 'service-error';
	}

	return {
		context,
		contextError,
		reciprocityProblem,
		serviceError: serviceDown,
		analysis,
		checks,
		checkTrouble,
		...derivedFromAnalysis,
		...fromChecks,
		blockers,
		statusOf,
		keyOf: urlKey,
		retry: retryFailed,
	};
}
