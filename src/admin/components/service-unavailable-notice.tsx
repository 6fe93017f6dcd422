/**
 * Says why the report is not there: the service is unreachable or not set
 * up (with the URL and a link to the settings), WordPress refused (log in
 * again), or the service answered an error. The rest of the page still
 * renders around it.
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { AdminConfig } from '../config';
import type { ServiceError } from '../errors';

interface Props {
	error: ServiceError;
	config: AdminConfig;
	onRetry?: () => void;
}

function title( error: ServiceError ): string {
	switch ( error.kind ) {
		case 'unreachable':
			return __(
				'The link check service is not reachable, so there is no report to show.',
				'reciprocal-link-guard'
			);
		case 'misconfigured':
			return __(
				'The link check service is not set up for this site yet.',
				'reciprocal-link-guard'
			);
		case 'forbidden':
			return __(
				'WordPress refused the request: your session may have expired. Reload the page and log in again.',
				'reciprocal-link-guard'
			);
		case 'network':
			return __(
				'WordPress did not answer. Check your connection and try again.',
				'reciprocal-link-guard'
			);
		default:
			return __(
				'The report could not be loaded.',
				'reciprocal-link-guard'
			);
	}
}

export function ServiceUnavailableNotice( { error, config, onRetry }: Props ) {
	const aboutService =
		error.kind === 'unreachable' || error.kind === 'misconfigured';
	// The server's sentence usually names the URL; say it ourselves when it does not.
	const namesUrl =
		config.serviceUrl !== null &&
		error.message.includes( config.serviceUrl );
	return (
		<div
			className={ `notice inline rlg-service-notice ${
				aboutService || error.kind === 'forbidden'
					? 'notice-error'
					: 'notice-warning'
			}` }
			role="alert"
		>
			<p>
				<strong>{ title( error ) }</strong>
			</p>
			<p className="rlg-service-notice__detail">{ error.message }</p>
			{ aboutService && config.serviceUrl && ! namesUrl && (
				<p>
					{ sprintf(
						/* translators: %s: the URL of the link check service. */
						__( 'Service URL: %s', 'reciprocal-link-guard' ),
						config.serviceUrl
					) }
				</p>
			) }
			<p className="rlg-service-notice__actions">
				{ aboutService && config.settingsUrl && (
					<a className="button" href={ config.settingsUrl }>
						{ __(
							'Open the service settings',
							'reciprocal-link-guard'
						) }
					</a>
				) }
				{ onRetry && (
					<Button variant="secondary" onClick={ onRetry }>
						{ __( 'Try again', 'reciprocal-link-guard' ) }
					</Button>
				) }
			</p>
		</div>
	);
}
