/**
 * The report's "Backlinks" section: import a backlink export (ours, or a
 * competitor's), see what was read and skipped line by line, and what the
 * imports say next to the scan — sites linking both ways, sites linking to
 * us through a partner, Link Intersect — with the graph view.
 */
import {
	Button,
	Notice,
	SelectControl,
	Spinner,
	TextControl,
} from '@wordpress/components';
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import type {
	BacklinkImportSummary,
	BacklinksReport,
} from '../../core/backlink-import/summary';
import type { IntersectRow } from '../../core/backlink-import/overview';
import type { SkipReason } from '../../core/backlink-import/skip-reasons';
import type { ServiceError } from '../errors';
import { statusLabel } from '../messages';
import { fetchBacklinks, importBacklinks } from './api';
import { GraphView } from './graph-view';

export function skipReasonLabel( reason: SkipReason ): string {
	switch ( reason ) {
		case 'wrong-column-count':
			return __( 'too few cells', 'reciprocal-link-guard' );
		case 'missing-source':
			return __( 'no linking page', 'reciprocal-link-guard' );
		case 'invalid-source':
			return __(
				'the linking page is not a URL',
				'reciprocal-link-guard'
			);
		case 'internal-link':
			return __( 'an internal link', 'reciprocal-link-guard' );
		case 'target-elsewhere':
			return __( 'links to another site', 'reciprocal-link-guard' );
		case 'invalid-date':
			return __( 'not a date', 'reciprocal-link-guard' );
		case 'duplicate':
			return __( 'a duplicate', 'reciprocal-link-guard' );
		case 'over-limit':
			return __( 'over the row limit', 'reciprocal-link-guard' );
	}
}

function ImportResult( { summary }: { summary: BacklinkImportSummary } ) {
	return (
		<div className="rlg-import-result" role="status">
			<p>
				{ sprintf(
					/* translators: 1: file name, 2: kind of export, 3: rows read, 4: backlinks kept, 5: linking sites, 6: rows skipped. */
					__(
						'%1$s (%2$s): %3$d rows read, %4$d backlinks from %5$d sites kept, %6$d skipped.',
						'reciprocal-link-guard'
					),
					summary.fileName,
					summary.label,
					summary.rowsRead,
					summary.backlinks,
					summary.domains,
					summary.skippedTotal
				) }
			</p>
			{ summary.skipped.length > 0 && (
				<table className="widefat striped rlg-import-result__skipped">
					<caption>
						{ __( 'Skipped rows', 'reciprocal-link-guard' ) }
					</caption>
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Line', 'reciprocal-link-guard' ) }
							</th>
							<th scope="col">
								{ __( 'Reason', 'reciprocal-link-guard' ) }
							</th>
							<th scope="col">
								{ __( 'In the row', 'reciprocal-link-guard' ) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ summary.skipped.map( ( row ) => (
							<tr key={ row.line }>
								<td>{ row.line }</td>
								<td>{ skipReasonLabel( row.reason ) }</td>
								<td>{ row.detail }</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
			{ summary.skippedTotal > summary.skipped.length && (
				<p className="rlg-muted">
					{ sprintf(
						/* translators: %d: number of skipped rows not listed. */
						__(
							'%d more skipped rows are counted but not listed.',
							'reciprocal-link-guard'
						),
						summary.skippedTotal - summary.skipped.length
					) }
				</p>
			) }
		</div>
	);
}

type ImportFormat = 'auto' | 'gsc' | 'ahrefs' | 'semrush';

function ImportForm( {
	onImported,
}: {
	onImported: ( summary: BacklinkImportSummary ) => void;
} ) {
	const fileInput = useRef< HTMLInputElement >( null );
	const [ format, setFormat ] = useState< ImportFormat >( 'auto' );
	const [ competitor, setCompetitor ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< string | null >( null );
	const submit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		const file = fileInput.current?.files?.[ 0 ];
		if ( ! file ) {
			setError(
				__(
					'Choose the exported CSV file first.',
					'reciprocal-link-guard'
				)
			);
			return;
		}
		setBusy( true );
		setError( null );
		try {
			onImported( await importBacklinks( { file, format, competitor } ) );
		} catch ( caught ) {
			setError( ( caught as ServiceError ).message );
		} finally {
			setBusy( false );
		}
	};
	return (
		<form className="rlg-import-form" onSubmit={ submit }>
			<p>
				<label htmlFor="rlg-import-file">
					{ __(
						'Backlink export (CSV from Search Console, Ahrefs or Semrush)',
						'reciprocal-link-guard'
					) }
				</label>
				<br />
				<input
					id="rlg-import-file"
					type="file"
					accept=".csv,.tsv,.txt,text/csv"
					ref={ fileInput }
				/>
			</p>
			<SelectControl
				label={ __( 'Format', 'reciprocal-link-guard' ) }
				value={ format }
				onChange={ setFormat }
				options={ [
					{
						value: 'auto',
						label: __(
							'Detect from the columns',
							'reciprocal-link-guard'
						),
					},
					{ value: 'gsc', label: 'Google Search Console' },
					{ value: 'ahrefs', label: 'Ahrefs' },
					{ value: 'semrush', label: 'Semrush' },
				] }
				__nextHasNoMarginBottom
				__next40pxDefaultSize
			/>
			<TextControl
				label={ __(
					'Competitor (leave empty for our own backlinks)',
					'reciprocal-link-guard'
				) }
				help={ __(
					'The domain the export is about, e.g. competitor.example: its backlinks feed Link Intersect.',
					'reciprocal-link-guard'
				) }
				value={ competitor }
				onChange={ setCompetitor }
				__nextHasNoMarginBottom
				__next40pxDefaultSize
			/>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<Button
				variant="secondary"
				type="submit"
				isBusy={ busy }
				disabled={ busy }
			>
				{ __( 'Import backlinks', 'reciprocal-link-guard' ) }
			</Button>
		</form>
	);
}

function relation( row: IntersectRow ): string {
	if ( ! row.weLinkToThem ) {
		return __( 'no relationship yet', 'reciprocal-link-guard' );
	}
	return row.status === 'links-back'
		? __( 'we link to them, they link back', 'reciprocal-link-guard' )
		: __( 'we link to them', 'reciprocal-link-guard' );
}

function IntersectTable( {
	rows,
	caption,
}: {
	rows: IntersectRow[];
	caption: string;
} ) {
	return (
		<table className="widefat striped">
			<caption>{ caption }</caption>
			<thead>
				<tr>
					<th scope="col">
						{ __( 'Site', 'reciprocal-link-guard' ) }
					</th>
					<th scope="col">
						{ __(
							'Links to competitors',
							'reciprocal-link-guard'
						) }
					</th>
					<th scope="col">
						{ __( 'Our relationship', 'reciprocal-link-guard' ) }
					</th>
				</tr>
			</thead>
			<tbody>
				{ rows.map( ( row ) => (
					<tr key={ row.domain }>
						<td>{ row.domain }</td>
						<td>{ row.competitors.join( ', ' ) }</td>
						<td>{ relation( row ) }</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}

export function BacklinksSection() {
	const [ report, setReport ] = useState< BacklinksReport | null >( null );
	const [ error, setError ] = useState< string | null >( null );
	const [ last, setLast ] = useState< BacklinkImportSummary | null >( null );
	const load = useCallback( () => {
		fetchBacklinks()
			.then( ( answer ) => {
				setReport( answer );
				setError( null );
			} )
			.catch( ( caught: ServiceError ) => setError( caught.message ) );
	}, [] );
	useEffect( load, [ load ] );
	const overview = report?.overview;
	return (
		<section
			className="rlg-backlinks"
			aria-labelledby="rlg-backlinks-title"
		>
			<h2 id="rlg-backlinks-title">
				{ __(
					'Backlinks from both directions',
					'reciprocal-link-guard'
				) }
			</h2>
			<ImportForm
				onImported={ ( summary ) => {
					setLast( summary );
					load();
				} }
			/>
			{ last && <ImportResult summary={ last } /> }
			{ error && (
				<Notice status="warning" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ ! report && ! error && <Spinner /> }
			{ report && report.imports.length > 0 && (
				<p className="rlg-muted rlg-backlinks__imports">
					{ __( 'Imported:', 'reciprocal-link-guard' ) }{ ' ' }
					{ report.imports
						.map( ( item ) =>
							sprintf(
								/* translators: 1: whose export ("ours" or a domain), 2: kind of export, 3: number of backlinks. */
								__(
									'%1$s, %2$s (%3$d backlinks)',
									'reciprocal-link-guard'
								),
								item.owner ||
									__( 'ours', 'reciprocal-link-guard' ),
								item.label,
								item.backlinks
							)
						)
						.join( '; ' ) }
				</p>
			) }
			{ overview && (
				<>
					<h3>
						{ sprintf(
							/* translators: %d: number of sites. */
							_n(
								'%d site links to us and our posts link to it',
								'%d sites link to us and our posts link to them',
								overview.bothWays.total,
								'reciprocal-link-guard'
							),
							overview.bothWays.total
						) }
					</h3>
					{ overview.bothWays.total > 0 && (
						<table className="widefat striped rlg-both-ways">
							<thead>
								<tr>
									<th scope="col">
										{ __(
											'Site',
											'reciprocal-link-guard'
										) }
									</th>
									<th scope="col">
										{ __(
											'Their links to us (imported)',
											'reciprocal-link-guard'
										) }
									</th>
									<th scope="col">
										{ __(
											'Our links to them',
											'reciprocal-link-guard'
										) }
									</th>
									<th scope="col">
										{ __(
											'Partner check',
											'reciprocal-link-guard'
										) }
									</th>
								</tr>
							</thead>
							<tbody>
								{ overview.bothWays.rows.map( ( row ) => (
									<tr key={ row.domain }>
										<td>{ row.domain }</td>
										<td>
											{ row.links }
											{ row.allQualified &&
												` (${ __( 'all nofollow, ugc or sponsored', 'reciprocal-link-guard' ) })` }
											{ row.samplePage && (
												<>
													<br />
													<span className="rlg-muted">
														{ row.samplePage }
													</span>
												</>
											) }
										</td>
										<td>{ row.ourLinks }</td>
										<td>{ statusLabel( row.status ) }</td>
									</tr>
								) ) }
							</tbody>
						</table>
					) }
					<h3>
						{ sprintf(
							/* translators: %d: number of sites. */
							_n(
								'%d site links to us through a partner',
								'%d sites link to us through a partner',
								overview.throughPartner.total,
								'reciprocal-link-guard'
							),
							overview.throughPartner.total
						) }
					</h3>
					{ overview.throughPartner.total > 0 && (
						<ul className="rlg-through-partner">
							{ overview.throughPartner.rows.map( ( row ) => (
								<li key={ `${ row.partner } ${ row.domain }` }>
									{ sprintf(
										/* translators: 1: our partner, 2: the site linking to us. */
										__(
											'us → %1$s → %2$s → us',
											'reciprocal-link-guard'
										),
										row.partner,
										row.domain
									) }
									{ row.partnerPage && (
										<span className="rlg-muted">
											{ ' ' }
											({ row.partnerPage })
										</span>
									) }
								</li>
							) ) }
						</ul>
					) }
					<h3>{ __( 'Link Intersect', 'reciprocal-link-guard' ) }</h3>
					{ overview.competitors.length === 0 ? (
						<p className="rlg-muted">
							{ __(
								'Import the backlink export of a competitor (fill in its domain above) to see which sites link to both of you.',
								'reciprocal-link-guard'
							) }
						</p>
					) : (
						<>
							<IntersectTable
								rows={ overview.shared.rows }
								caption={ sprintf(
									/* translators: %d: number of sites. */
									__(
										'Sites linking to a competitor and to us: %d',
										'reciprocal-link-guard'
									),
									overview.shared.total
								) }
							/>
							<IntersectTable
								rows={ overview.gap.rows }
								caption={ sprintf(
									/* translators: %d: number of sites. */
									__(
										'Sites linking to competitors but not to us: %d',
										'reciprocal-link-guard'
									),
									overview.gap.total
								) }
							/>
						</>
					) }
					<h3>{ __( 'Link graph', 'reciprocal-link-guard' ) }</h3>
					<GraphView graph={ overview.graph } />
				</>
			) }
		</section>
	);
}
