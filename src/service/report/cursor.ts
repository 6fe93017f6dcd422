/**
 * Keyset cursors of the report API: where a page of the partner list
 * (`GET /v1/report?after=`) or of our links to one partner
 * (`GET /v1/report/partners/:domain?linksAfter=`) ended. Opaque to
 * clients (base64url of a small JSON array); a cursor names the order it
 * was made for, so one from another sort is refused instead of silently
 * skipping rows. Decoding failures throw ERR_VALIDATION naming the field.
 */
import type { PartnerRow } from '../../core/report';
import { RlgError } from '../errors';
import { sortValue } from '../store/scan-rows';
import type {
	LinkCursor,
	PartnerCursor,
	PartnerListQuery,
} from '../store/scan-rows';

function encode( value: unknown ): string {
	return Buffer.from( JSON.stringify( value ), 'utf8' ).toString(
		'base64url'
	);
}

function decode( text: string, field: string ): unknown {
	if ( ! /^[A-Za-z0-9_-]{1,1000}$/.test( text ) ) {
		throw invalid( field, 'it is not a cursor this service handed out' );
	}
	try {
		return JSON.parse(
			Buffer.from( text, 'base64url' ).toString( 'utf8' )
		);
	} catch {
		throw invalid( field, 'it is not a cursor this service handed out' );
	}
}

/** A cursor that cannot be used (ERR_VALIDATION), naming its query field. */
export class CursorError extends RlgError {
	readonly field: string;

	constructor( field: string, why: string ) {
		super(
			'ERR_VALIDATION',
			`${ field }: ${ why } (pass the cursor the previous page gave as it is, or leave ${ field } out for the first page)`
		);
		this.field = field;
	}
}

function invalid( field: string, why: string ): CursorError {
	return new CursorError( field, why );
}

/** The cursor that continues a partner list after `row`. */
export function encodePartnerCursor(
	query: PartnerListQuery,
	row: PartnerRow
): string {
	return encode( [
		query.orderBy,
		query.order,
		sortValue( row, query.orderBy ),
		row.domain,
	] );
}

/**
 * The position a partner-list cursor names, for a list in `query`'s order.
 *
 * @throws RlgError ERR_VALIDATION (field `after`): not a cursor, or one made for another order.
 */
export function decodePartnerCursor(
	text: string,
	query: PartnerListQuery,
	field = 'after'
): PartnerCursor {
	const value = decode( text, field );
	if (
		! Array.isArray( value ) ||
		value.length !== 4 ||
		typeof value[ 0 ] !== 'string' ||
		typeof value[ 1 ] !== 'string' ||
		! (
			value[ 2 ] === null ||
			typeof value[ 2 ] === 'string' ||
			typeof value[ 2 ] === 'number'
		) ||
		typeof value[ 3 ] !== 'string'
	) {
		throw invalid( field, 'it is not a cursor of the partner list' );
	}
	const [ orderBy, order, position, domain ] = value as [
		string,
		string,
		string | number | null,
		string,
	];
	if ( orderBy !== query.orderBy || order !== query.order ) {
		throw invalid(
			field,
			`the cursor continues a list sorted by ${ orderBy } ${ order }, not by ${ query.orderBy } ${ query.order }`
		);
	}
	return { value: position, domain };
}

/** The cursor that continues our links to a partner after `link`. */
export function encodeLinkCursor( link: LinkCursor ): string {
	return encode( [ link.postId, link.seq ] );
}

/**
 * The position a links cursor names.
 *
 * @throws RlgError ERR_VALIDATION (field `linksAfter`): not such a cursor.
 */
export function decodeLinkCursor(
	text: string,
	field = 'linksAfter'
): LinkCursor {
	const value = decode( text, field );
	if (
		! Array.isArray( value ) ||
		value.length !== 2 ||
		! value.every( ( n ) => Number.isSafeInteger( n ) && n >= 0 )
	) {
		throw invalid( field, 'it is not a cursor of our links to a partner' );
	}
	return { postId: value[ 0 ], seq: value[ 1 ] };
}
