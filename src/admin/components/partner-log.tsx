/**
 * The relationship log of one partner: why we link to them and what was
 * agreed, newest last, with a form to add a note. A saved note appears in
 * the list at once (the store appends the entry the server returned).
 */
import { Button, Notice, TextareaControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { PartnerLogEntry } from '../../core/report';
import type { ServiceError } from '../errors';
import { formatDateTime } from '../messages';

interface Props {
	domain: string;
	log: PartnerLogEntry[];
	saving: boolean;
	error: ServiceError | null;
	onAdd: ( note: string ) => Promise< PartnerLogEntry | null >;
}

export const MAX_NOTE_LENGTH = 10000;

export function PartnerLog( { domain, log, saving, error, onAdd }: Props ) {
	const [ note, setNote ] = useState( '' );
	const [ justSaved, setJustSaved ] = useState( false );
	const trimmed = note.trim();
	const tooLong = trimmed.length > MAX_NOTE_LENGTH;

	const submit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		if ( ! trimmed || tooLong || saving ) {
			return;
		}
		setJustSaved( false );
		const entry = await onAdd( trimmed );
		if ( entry ) {
			setNote( '' );
			setJustSaved( true );
		}
	};

	return (
		<section className="rlg-log" aria-labelledby="rlg-log-title">
			<h3 id="rlg-log-title">
				{ __( 'Relationship log', 'reciprocal-link-guard' ) }
			</h3>
			{ log.length === 0 ? (
				<p className="rlg-muted">
					{ __(
						'Nothing recorded yet. Note why this site links to the partner and what was agreed.',
						'reciprocal-link-guard'
					) }
				</p>
			) : (
				<ol className="rlg-log__entries">
					{ log.map( ( entry ) => (
						<li key={ entry.id } className="rlg-log__entry">
							<div className="rlg-log__meta">
								<strong>{ entry.author }</strong>{ ' ' }
								<time dateTime={ entry.createdAt }>
									{ formatDateTime( entry.createdAt ) }
								</time>
							</div>
							<p className="rlg-log__note">{ entry.note }</p>
						</li>
					) ) }
				</ol>
			) }
			<div role="status" className="rlg-log__status">
				{ justSaved && __( 'Note saved.', 'reciprocal-link-guard' ) }
			</div>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error.message }
				</Notice>
			) }
			<form className="rlg-log__form" onSubmit={ submit }>
				<TextareaControl
					label={ __( 'Add a note', 'reciprocal-link-guard' ) }
					help={
						tooLong
							? __(
									'The note is longer than 10,000 characters.',
									'reciprocal-link-guard'
								)
							: __(
									'For example: why we link to them, what was agreed and when, who the contact is.',
									'reciprocal-link-guard'
								)
					}
					value={ note }
					onChange={ ( value: string ) => {
						setNote( value );
						setJustSaved( false );
					} }
					rows={ 3 }
					name={ `rlg-log-note-${ domain }` }
					__nextHasNoMarginBottom
				/>
				<Button
					type="submit"
					variant="primary"
					isBusy={ saving }
					disabled={ ! trimmed || tooLong || saving }
					__experimentalIsFocusable
				>
					{ saving
						? __( 'Saving…', 'reciprocal-link-guard' )
						: __( 'Save note', 'reciprocal-link-guard' ) }
				</Button>
			</form>
		</section>
	);
}
