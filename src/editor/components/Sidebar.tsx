/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * The "Reciprocal links" sidebar: every external link of the post grouped
 * by partner, with status, their link to us and the findings.
 */
import { Button, PanelBody, Spinner } from '@wordpress/components';
import { createElement, useCallback } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { useBlockNavigation } from '../hooks/useBlockNavigation';
import { useLinkActions } from '../hooks/useLinkActions';
import { useSidebarModel } from '../hooks/useSidebarModel';
import { patternName } from '../messages';
import type { EditorLink, SyncedPatternNote } from '../types';
import { CheckProgress } from './CheckProgress';
import { FindingNotice } from './FindingNotice';
import { PartnerList } from './PartnerList';
import { PublishGate } from './PublishGate';
import { ServiceNotice } from './ServiceNotice';

export function Sidebar() {
	const model = useSidebarModel();
	const { analysis } = model;
	const goToBlock = useBlockNavigation();
	const onAction = useLinkActions( analysis ? analysis.links : [] );
	const onShow = useCallback(
		( link: EditorLink ) => goToBlock( link.clientId ),
		[ goToBlock ]
	);

	return (
		<div className="rlg-sidebar">
			<PanelBody>
				<ServiceNotice model={ model } />
				<PublishGate model={ model } />
				{ ! analysis ? (
					<p>
						<Spinner />
						{ __( 'Reading the links…', 'reciprocal-link-guard' ) }
					</p>
				) : (
					<p className="rlg-sidebar__summary" aria-live="polite">
						{ sprintf(
							/* translators: 1: number of external links, 2: number of sites they point to. */
							__(
								'External links: %1$d, to %2$d sites.',
								'reciprocal-link-guard'
							),
							model.externalCount,
							model.groups.length
						) }{ ' ' }
						{ sprintf(
							/* translators: %d: number of internal links. */
							__(
								'Internal links: %d (counted, not checked).',
								'reciprocal-link-guard'
							),
							model.internalCount
						) }
					</p>
				) }
				<CheckProgress
					progress={ model.progress }
					trouble={ model.checkTrouble }
				/>
				{ analysis?.syncedPatterns?.length ? (
					<SyncedPatternNotes
						patterns={ analysis.syncedPatterns }
						onShow={ goToBlock }
					/>
				) : null }
				{ analysis?.error ? (
					<FindingErrorNotice message={ analysis.error } />
				) : null }
				{ /* Site-wide findings (too many partners, too many new
				     exchanges) first: they are about every partner below. */ }
				{ ( analysis?.siteFindings ?? [] ).map( ( finding, index ) => (
					<FindingNotice
						key={ `site-${ finding.code }-${ index }` }
						finding={ finding }
					/>
				) ) }
				{ model.postFindings.map( ( finding, index ) => (
					<FindingNotice
						key={ `${ finding.code }-${ index }` }
						finding={ finding }
					/>
				) ) }
				{ analysis && model.groups.length === 0 ? (
					<p>
						{ __(
							'This post has no external links.',
							'reciprocal-link-guard'
						) }
					</p>
				) : null }
			</PanelBody>
			{ model.groups.length > 0 ? (
				<PartnerList
					groups={ model.groups }
					checks={ model.checks }
					findingsByKey={ model.findingsByKey }
					serviceConfigured={ !! model.context?.serviceConfigured }
					onShow={ onShow }
					onAction={ onAction }
				/>
			) : null }
		</div>
	);
}

/** Synced patterns of the post whose links are not listed (yet). */
function SyncedPatternNotes( {
	patterns,
	onShow,
}: {
	patterns: SyncedPatternNote[];
	onShow: ( clientId: string ) => void;
} ) {
	return (
		<ul className="rlg-patterns">
			{ patterns.map( ( pattern ) => (
				<li
					key={ pattern.clientId }
					className={ `rlg-patterns__${ pattern.state }` }
				>
					{ pattern.state === 'loading' ? <Spinner /> : null }
					{ pattern.state === 'loading'
						? sprintf(
								/* translators: %s: title of a synced pattern. */
								__(
									'Reading the links of synced pattern “%s”…',
									'reciprocal-link-guard'
								),
								patternName( pattern )
							)
						: sprintf(
								/* translators: %s: title of a synced pattern. */
								__(
									'Synced pattern “%s” could not be read (deleted, or you may not edit patterns): its links are not listed or checked.',
									'reciprocal-link-guard'
								),
								patternName( pattern )
							) }{ ' ' }
					<Button
						variant="link"
						onClick={ () => onShow( pattern.clientId ) }
					>
						{ __( 'Show the pattern', 'reciprocal-link-guard' ) }
					</Button>
				</li>
			) ) }
		</ul>
	);
}

function FindingErrorNotice( { message }: { message: string } ) {
	return (
		<p className="rlg-status rlg-status--error" role="alert">
			{ sprintf(
				/* translators: %s: error message. */
				__( 'The link analysis failed: %s', 'reciprocal-link-guard' ),
				message
			) }
		</p>
	);
}
