/**
 * The untranslated outputs (CLI, HTML/CSV report) name findings by the
 * same titles as the editor: one list must not drift from the other.
 */
import { FINDING_CODES } from '../../src/core/findings';
import type { Finding } from '../../src/core/findings';
import { BACKLINK_STATUSES } from '../../src/core/schemas';
import {
	BACKLINK_STATUS_LABELS,
	FINDING_TITLES,
} from '../../src/core/finding-titles';
import { backlinkStatusLabel, findingMessage } from '../../src/editor/messages';

describe( 'finding titles', () => {
	it.each( FINDING_CODES.map( ( code ) => [ code ] ) )(
		'%s has the editor’s title',
		( code ) => {
			const finding = {
				code,
				severity: 'warning',
				params: {},
			} as unknown as Finding;
			expect( FINDING_TITLES[ code ] ).toBe(
				findingMessage( finding ).title
			);
		}
	);

	it.each( BACKLINK_STATUSES.map( ( status ) => [ status ] ) )(
		'status %s has the editor’s label',
		( status ) => {
			expect( BACKLINK_STATUS_LABELS[ status ] ).toBe(
				backlinkStatusLabel( status )
			);
		}
	);
} );
