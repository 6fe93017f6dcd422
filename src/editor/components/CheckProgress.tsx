/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * One line for the whole post while its links are being checked
 * ("Checking 340 of 1,000 links") with a still bar, instead of a spinner
 * per row: 1,000 animated spinners made typing lag (issue 20). A failing
 * request being retried is said here too.
 */
import { createElement } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { CheckTrouble } from '../store/reducer';

export interface CheckProgressProps {
	progress: { total: number; finished: number; checking: boolean };
	trouble: CheckTrouble | null;
}

const number = ( value: number ) => value.toLocaleString();

export function CheckProgress( { progress, trouble }: CheckProgressProps ) {
	if ( ! progress.checking ) {
		return null;
	}
	const share = progress.total ? progress.finished / progress.total : 0;
	return (
		<div className="rlg-progress" role="status">
			<p className="rlg-progress__text">
				{ sprintf(
					/* translators: 1: links checked so far, 2: links in the post. */
					_n(
						'Checking %1$s of %2$s link',
						'Checking %1$s of %2$s links',
						progress.total,
						'reciprocal-link-guard'
					),
					number( progress.finished ),
					number( progress.total )
				) }
			</p>
			<div className="rlg-progress__bar" aria-hidden="true">
				<div
					className="rlg-progress__done"
					style={ { width: `${ Math.round( share * 100 ) }%` } }
				/>
			</div>
			{ trouble ? (
				<p className="rlg-progress__trouble">
					{ sprintf(
						/* translators: 1: the error, 2: seconds until the next try. */
						__(
							'%1$s Trying again in %2$d s.',
							'reciprocal-link-guard'
						),
						trouble.error.message,
						Math.max( 1, Math.round( trouble.retryInMs / 1000 ) )
					) }
				</p>
			) : null }
		</div>
	);
}
