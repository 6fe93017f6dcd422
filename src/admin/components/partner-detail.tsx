/**
 * One partner: every link both ways, its findings, the history of its
 * link to us and the relationship log. Opens in place of the table; focus
 * moves to its heading so keyboard and screen-reader users land on it, and
 * "Back" returns focus to where they were (the caller handles that).
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type {
	OurLink,
	PartnerDetail as Detail,
	TheirLink,
} from '../../core/report';
import * as api from '../api';
import { reportStore } from '../store';
import type { Finding } from '../../core/findings';
import {
	anchorClassLabel,
	findingMessage,
	formatDate,
	formatPercent,
	severityLabel,
	theirLinksSummary,
} from '../messages';
import { rowVerdict } from '../../core/their-links';
import { HistoryTimeline } from './history-timeline';
import { AnchorText, LinksTable } from './links-table';
import { PartnerLog } from './partner-log';
import { PartnerRecheck } from './partner-recheck';
import { StatusBadge } from './status-badge';

interface Props {
	domain: string;
	onClose: () => void;
}

function TheirLinksTable( { links }: { links: TheirLink[] } ) {
	return (
		<LinksTable
			caption={ __(
				'Their links to this site',
				'reciprocal-link-guard'
			) }
			empty={ __(
				'No link to this site was found on their pages.',
				'reciprocal-link-guard'
			) }
			sourceHeading={ __( 'On their page', 'reciprocal-link-guard' ) }
			sourceIsUrl
			targetHeading={ __( 'Points to', 'reciprocal-link-guard' ) }
			rows={ links.map( ( link ) => ( {
				source: (
					<>
						<a
							href={ link.pageUrl }
							rel="noreferrer noopener"
							target="_blank"
						>
							{ link.pageUrl }
						</a>
						{ link.foundOn === 'homepage' && (
							<span className="rlg-muted">
								{ ' ' }
								{ __(
									'(their homepage)',
									'reciprocal-link-guard'
								) }
							</span>
						) }
					</>
				),
				anchor: (
					<>
						<AnchorText text={ link.text } />{ ' ' }
						<span
							className="rlg-anchor-class"
							title={ __(
								'Anchor type',
								'reciprocal-link-guard'
							) }
						>
							{ anchorClassLabel( link.anchorClass ) }
						</span>
						{ link.hidden && (
							<span className="rlg-finding rlg-finding--critical">
								{ sprintf(
									/* translators: %s: why the link is hidden, e.g. display-none. */
									__(
										'hidden (%s)',
										'reciprocal-link-guard'
									),
									link.hidden
								) }
							</span>
						) }
					</>
				),
				placement: link.where ?? link.placement,
				rel: link.rel,
				target: (
					<>
						{ link.href }
						{ link.toHomepage && (
							<span className="rlg-muted">
								{ ' ' }
								{ __(
									'(our homepage)',
									'reciprocal-link-guard'
								) }
							</span>
						) }
					</>
				),
			} ) ) }
		/>
	);
}

function OurLinksTable( { links }: { links: OurLink[] } ) {
	return (
		<LinksTable
			caption={ __(
				'Our links to the partner',
				'reciprocal-link-guard'
			) }
			empty={ __(
				'No post of this site links to them any more.',
				'reciprocal-link-guard'
			) }
			sourceHeading={ __( 'Our post', 'reciprocal-link-guard' ) }
			targetHeading={ __( 'Links to', 'reciprocal-link-guard' ) }
			rows={ links.map( ( link ) => ( {
				source: (
					<a href={ link.postUrl }>
						{ link.postTitle || link.postUrl }
					</a>
				),
				anchor: <AnchorText text={ link.text } />,
				placement: link.placement,
				rel: link.rel,
				target: link.href,
			} ) ) }
		/>
	);
}

/**
 * Our links to the partner, a page at a time: the detail brings the first
 * page; "Show more" asks the service for the next one (its cursor) and
 * adds it below, until every link is shown.
 */
function OurLinks( { detail }: { detail: Detail } ) {
	const [ pages, setPages ] = useState( {
		links: detail.ourLinks,
		next: detail.ourLinksNext ?? null,
	} );
	const [ loading, setLoading ] = useState( false );
	const [ error, setError ] = useState< string | null >( null );
	useEffect( () => {
		// A new detail (opened again, checked again) starts over.
		setPages( {
			links: detail.ourLinks,
			next: detail.ourLinksNext ?? null,
		} );
		setError( null );
	}, [ detail ] );
	const total = detail.ourLinksTotal ?? pages.links.length;
	const showMore = async () => {
		if ( ! pages.next ) {
			return;
		}
		setLoading( true );
		setError( null );
		try {
			const more = await api.fetchPartnerLinks(
				detail.partner.domain,
				pages.next
			);
			setPages( ( shown ) => ( {
				links: [ ...shown.links, ...more.ourLinks ],
				next: more.ourLinksNext ?? null,
			} ) );
		} catch ( failure ) {
			setError( ( failure as Error ).message );
		} finally {
			setLoading( false );
		}
	};
	return (
		<>
			<OurLinksTable links={ pages.links } />
			{ pages.next && (
				<p className="rlg-our-links__more">
					{ sprintf(
						/* translators: 1: links shown, 2: all our links to the partner. */
						__(
							'Showing %1$d of %2$d links.',
							'reciprocal-link-guard'
						),
						pages.links.length,
						total
					) }{ ' ' }
					<Button
						variant="secondary"
						onClick={ showMore }
						isBusy={ loading }
						disabled={ loading }
					>
						{ __( 'Show more links', 'reciprocal-link-guard' ) }
					</Button>
				</p>
			) }
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
		</>
	);
}

/** Each finding with the editor's explanation: what the risk is, what to do. */
function FindingList( { findings }: { findings: Finding[] } ) {
	const order = { critical: 0, warning: 1, info: 2 };
	const sorted = [ ...findings ].sort(
		( a, b ) => order[ a.severity ] - order[ b.severity ]
	);
	return (
		<section aria-labelledby="rlg-detail-findings-title">
			<h3 id="rlg-detail-findings-title">
				{ __( 'Findings', 'reciprocal-link-guard' ) }
			</h3>
			{ sorted.length === 0 ? (
				<p className="rlg-muted">
					{ __(
						'No findings for this partner.',
						'reciprocal-link-guard'
					) }
				</p>
			) : (
				<ul className="rlg-finding-list">
					{ sorted.map( ( finding, index ) => {
						const message = findingMessage( finding );
						return (
							<li
								key={ `${ finding.code }-${ index }` }
								className={ `rlg-finding-list__item rlg-finding--${ finding.severity }` }
							>
								<strong>
									{ severityLabel( finding.severity ) }:{ ' ' }
									{ message.title }
								</strong>
								<p>{ message.risk }</p>
								<p className="rlg-muted">{ message.fix }</p>
								{ finding.linkUrl && (
									<p className="rlg-url rlg-muted">
										{ finding.linkUrl }
									</p>
								) }
							</li>
						);
					} ) }
				</ul>
			) }
		</section>
	);
}

function DetailBody( { detail }: { detail: Detail } ) {
	const { partner } = detail;
	const { addLogEntry } = useDispatch( reportStore );
	const { saving, error } = useSelect(
		( select ) => ( {
			saving: select( reportStore ).isSavingLog( partner.domain ),
			error: select( reportStore ).getLogSaveError( partner.domain ),
		} ),
		[ partner.domain ]
	);
	return (
		<>
			<dl className="rlg-facts">
				<div>
					<dt>{ __( 'Links back?', 'reciprocal-link-guard' ) }</dt>
					<dd>
						<StatusBadge
							status={ partner.status }
							removal={ partner.removal }
						/>
					</dd>
				</div>
				<div>
					<dt>{ __( 'Relevance', 'reciprocal-link-guard' ) }</dt>
					<dd>{ formatPercent( partner.relevance ) }</dd>
				</div>
				<div>
					<dt>{ __( 'First seen', 'reciprocal-link-guard' ) }</dt>
					<dd>{ formatDate( partner.firstSeen ) }</dd>
				</div>
				<div>
					<dt>{ __( 'Last checked', 'reciprocal-link-guard' ) }</dt>
					<dd>{ formatDate( partner.lastChecked ) }</dd>
				</div>
			</dl>
			<PartnerRecheck domain={ partner.domain } />
			<FindingList findings={ partner.findings } />
			<div className="rlg-detail__columns">
				<section aria-labelledby="rlg-ours-title">
					<h3 id="rlg-ours-title">
						{ sprintf(
							/* translators: %s: the partner's domain. */
							__( 'Our links to %s', 'reciprocal-link-guard' ),
							partner.domain
						) }
					</h3>
					<OurLinks detail={ detail } />
				</section>
				<section aria-labelledby="rlg-theirs-title">
					<h3 id="rlg-theirs-title">
						{ sprintf(
							/* translators: %s: the partner's domain. */
							__(
								'Links from %s to us',
								'reciprocal-link-guard'
							),
							partner.domain
						) }
					</h3>
					{ rowVerdict( partner ).total > 1 && (
						<p className="rlg-their-links__summary">
							{ theirLinksSummary(
								rowVerdict( partner ),
								partner.theirLinks.length
							) }
						</p>
					) }
					<TheirLinksTable links={ partner.theirLinks } />
				</section>
			</div>
			<div className="rlg-detail__columns">
				<HistoryTimeline history={ detail.history } />
				<PartnerLog
					domain={ partner.domain }
					log={ detail.log }
					saving={ saving }
					error={ error }
					onAdd={ ( note ) =>
						addLogEntry(
							partner.domain,
							note
						) as unknown as Promise<
							Detail[ 'log' ][ number ] | null
						>
					}
				/>
			</div>
		</>
	);
}

export function PartnerDetail( { domain, onClose }: Props ) {
	const heading = useRef< HTMLHeadingElement >( null );
	const { detail, error, loading } = useSelect(
		( select ) => ( {
			detail: select( reportStore ).getPartnerDetail( domain ),
			error: select( reportStore ).getPartnerError( domain ),
			loading: select( reportStore ).isPartnerLoading( domain ),
		} ),
		[ domain ]
	);
	const { loadPartner } = useDispatch( reportStore );

	useEffect( () => {
		heading.current?.focus();
	}, [ domain ] );

	return (
		<section className="rlg-detail" aria-labelledby="rlg-detail-title">
			<Button
				variant="link"
				onClick={ onClose }
				className="rlg-detail__back"
			>
				{ __( '← All partners', 'reciprocal-link-guard' ) }
			</Button>
			<h2 id="rlg-detail-title" tabIndex={ -1 } ref={ heading }>
				{ domain } { loading && <Spinner /> }
			</h2>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					<p>{ error.message }</p>
					<Button
						variant="secondary"
						onClick={ () => loadPartner( domain ) }
					>
						{ __( 'Try again', 'reciprocal-link-guard' ) }
					</Button>
				</Notice>
			) }
			{ detail && <DetailBody detail={ detail } /> }
		</section>
	);
}
