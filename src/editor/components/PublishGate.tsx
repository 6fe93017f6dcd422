/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * Shown while blocking findings lock publishing: what blocks, and for an
 * editor allowed to, "publish anyway" with a reason that goes to the log.
 */
import { Button, Notice, TextareaControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { createElement, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { toEditorError } from '../api';
import { codesByPartner } from '../analysis/blocking';
import { editorSelectors } from '../core-stores';
import type { SidebarModel } from '../hooks/useSidebarModel';
import { lockMessage } from '../hooks/usePublishLock';
import { store } from '../store';

export const MIN_REASON_LENGTH = 10;

export function PublishGate( { model }: { model: SidebarModel } ) {
	const { blockers, context } = model;
	const [ reason, setReason ] = useState( '' );
	const [ error, setError ] = useState< string | null >( null );
	const [ busy, setBusy ] = useState( false );
	const postId = useSelect(
		( select ) => editorSelectors( select ).getCurrentPostId(),
		[]
	);
	const { publishAnyway } = useDispatch( store );
	if ( ! blockers.length ) {
		return null;
	}
	const submit = async () => {
		setBusy( true );
		setError( null );
		try {
			await publishAnyway(
				postId ?? 0,
				reason.trim(),
				codesByPartner( blockers, window.location.host )
			);
		} catch ( e ) {
			setError( toEditorError( e ).message );
		} finally {
			setBusy( false );
		}
	};
	return (
		<div className="rlg-gate">
			<Notice status="error" isDismissible={ false } spokenMessage="">
				{ lockMessage( blockers ) }
			</Notice>
			{ context?.canOverride ? (
				<div className="rlg-gate__override">
					<TextareaControl
						label={ __(
							'Publish anyway: why is this link acceptable?',
							'reciprocal-link-guard'
						) }
						help={ __(
							'Your reason is kept in the link log with your name.',
							'reciprocal-link-guard'
						) }
						value={ reason }
						onChange={ setReason }
						__nextHasNoMarginBottom
					/>
					{ error ? (
						<Notice status="error" isDismissible={ false }>
							{ error }
						</Notice>
					) : null }
					<Button
						variant="secondary"
						isDestructive
						isBusy={ busy }
						disabled={
							busy || reason.trim().length < MIN_REASON_LENGTH
						}
						onClick={ submit }
					>
						{ __( 'Allow publishing', 'reciprocal-link-guard' ) }
					</Button>
				</div>
			) : null }
		</div>
	);
}
