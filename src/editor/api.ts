/**
 * The editor's two calls to the plugin's REST routes, validated at the
 * boundary: nothing the server sends reaches the store unchecked.
 */
import apiFetch from '@wordpress/api-fetch';
import { z } from 'zod';
import {
	BacklinkResultSchema,
	CheckJobSchema,
	DEFAULT_SETTINGS,
	type BacklinkResult,
	type CheckJob,
	SettingsSchema,
	type Settings,
} from '../core';
import { nextSlice } from './next-slice';
import type { EditorContext, EditorError } from './types';

export const REST_NAMESPACE = '/reciprocal-link-guard/v1';

const SiteStatsShape = z.object( {
	outboundDomains: z.number(),
	reciprocalPartners: z.number(),
	newReciprocalPartners: z.number(),
} );

const ErrorShape = z.object( { code: z.string(), message: z.string() } );

/**
 * Settings field by field: one invalid value falls back to its default
 * instead of discarding the admin's other choices (blocking among them).
 */
export function parseSettingsTolerant( input: unknown ): Settings {
	const whole = SettingsSchema.safeParse( input ?? {} );
	if ( whole.success ) {
		return whole.data;
	}
	const source =
		input && typeof input === 'object'
			? ( input as Record< string, unknown > )
			: {};
	const settings: Record< string, unknown > = { ...DEFAULT_SETTINGS };
	for ( const [ name, schema ] of Object.entries( SettingsSchema.shape ) ) {
		const field = ( schema as z.ZodType ).safeParse( source[ name ] );
		if ( field.success && source[ name ] !== undefined ) {
			settings[ name ] = field.data;
		}
	}
	return settings as Settings;
}

/**
 * The context route's body (and the same data printed inline before the
 * script as window.rlgEditorContext). Tolerant by design: a missing or
 * older field falls back to a safe default rather than breaking the editor.
 */
const EditorContextSchema = z.object( {
	settings: z.unknown().optional(),
	siteUrls: z.array( z.string() ).catch( [] ).default( [] ),
	settingsUrl: z.string().catch( '' ).default( '' ),
	serviceConfigured: z.boolean().catch( false ).default( false ),
	siteStats: SiteStatsShape.nullable().catch( null ).default( null ),
	serviceError: ErrorShape.nullable().catch( null ).default( null ),
	canOverride: z.boolean().optional().catch( undefined ),
	/** manage_options: may write the partner log, so may publish anyway. */
	canManage: z.boolean().catch( false ).default( false ),
	/** A flag that wins over settings.blockPublishing when present. */
	blockPublishing: z.boolean().optional().catch( undefined ),
} );

export function parseEditorContext(
	body: unknown,
	fallbackSiteUrl: string
): EditorContext {
	const parsed = EditorContextSchema.parse( body ?? {} );
	const settings = parseSettingsTolerant( parsed.settings );
	if ( parsed.blockPublishing !== undefined ) {
		settings.blockPublishing = parsed.blockPublishing;
	}
	return {
		settings,
		siteUrls: parsed.siteUrls.length
			? parsed.siteUrls
			: [ fallbackSiteUrl ],
		settingsUrl: parsed.settingsUrl,
		serviceConfigured: parsed.serviceConfigured,
		siteStats: parsed.siteStats,
		serviceError: parsed.serviceError,
		canOverride: parsed.canOverride ?? parsed.canManage,
	};
}

/** The context WordPress printed before the script, if it did. */
export function inlineEditorContext(): EditorContext | null {
	const inline = ( window as unknown as { rlgEditorContext?: unknown } )
		.rlgEditorContext;
	return inline ? parseEditorContext( inline, window.location.origin ) : null;
}

/** Any rejection (apiFetch error object, network error, zod error) as an EditorError. */
export function toEditorError( error: unknown ): EditorError {
	if ( error instanceof z.ZodError ) {
		return {
			code: 'rlg_invalid_response',
			message: error.issues
				.slice( 0, 3 )
				.map( ( i ) => `${ i.path.join( '.' ) }: ${ i.message }` )
				.join( '; ' ),
		};
	}
	if ( error && typeof error === 'object' ) {
		const { code, message, data } = error as {
			code?: unknown;
			message?: unknown;
			data?: {
				status?: unknown;
				serviceCode?: unknown;
				retryAfter?: unknown;
			};
		};
		const editorError: EditorError = {
			code: typeof code === 'string' ? code : 'rlg_request_failed',
			message: typeof message === 'string' ? message : String( error ),
		};
		if ( typeof data?.status === 'number' ) {
			editorError.status = data.status;
		}
		if ( typeof data?.serviceCode === 'string' ) {
			editorError.serviceCode = data.serviceCode;
		}
		if (
			typeof data?.retryAfter === 'number' &&
			Number.isFinite( data.retryAfter ) &&
			data.retryAfter > 0
		) {
			editorError.retryAfterSeconds = data.retryAfter;
		}
		return editorError;
	}
	return { code: 'rlg_request_failed', message: String( error ) };
}

export async function fetchEditorContext(): Promise< EditorContext > {
	const body = await apiFetch( { path: `${ REST_NAMESPACE }/context` } );
	return parseEditorContext( body, window.location.origin );
}

/** A check job's answer with its results not yet validated. */
const CheckJobEnvelope = CheckJobSchema.extend( {
	results: z.array( z.unknown() ),
} );

/** Validation work between two yields to the browser (ms). */
const PARSE_SLICE_MS = 8;

/**
 * A check job's answer, validated in slices (issue 20): the answer of a
 * 1,000-link post holds up to 1,000 results with their pages' facts, and
 * validating them in one go was a long task of its own (about 17 ms per
 * 100 results on this machine under load). The job's fields first, then
 * each result, giving the main thread back every few milliseconds; an
 * invalid result is a ZodError with its path (results.N.field), as before.
 */
export async function parseCheckJob(
	body: unknown,
	yieldSlice: () => Promise< void > = nextSlice,
	now: () => number = () => performance.now()
): Promise< CheckJob > {
	const envelope = CheckJobEnvelope.parse( body );
	const results: BacklinkResult[] = new Array( envelope.results.length );
	let started = now();
	for ( let i = 0; i < envelope.results.length; i++ ) {
		const parsed = BacklinkResultSchema.safeParse( envelope.results[ i ] );
		if ( ! parsed.success ) {
			throw new z.ZodError(
				parsed.error.issues.map( ( issue ) => ( {
					...issue,
					path: [ 'results', i, ...issue.path ],
				} ) )
			);
		}
		results[ i ] = parsed.data;
		if ( now() - started >= PARSE_SLICE_MS ) {
			await yieldSlice();
			started = now();
		}
	}
	return { ...envelope, results };
}

export interface CheckLinksRequest {
	postId: number;
	links: Array< { url: string; anchorText: string } >;
	keywords: string[];
}

/** Start a check job with these links (at most MAX_LINKS_PER_JOB_REQUEST). */
export async function startCheckJob(
	request: CheckLinksRequest
): Promise< CheckJob > {
	const body = await apiFetch( {
		path: `${ REST_NAMESPACE }/check-jobs`,
		method: 'POST',
		data: request,
	} );
	return parseCheckJob( body );
}

/** Add links to a running check job; the answer holds its results from `after` on. */
export async function appendToCheckJob(
	id: string,
	request: CheckLinksRequest,
	after = 0
): Promise< CheckJob > {
	const body = await apiFetch( {
		path: `${ REST_NAMESPACE }/check-jobs/${ id }/links?after=${ after }`,
		method: 'POST',
		data: request,
	} );
	return parseCheckJob( body );
}

/** The job's results from `after` on, waiting up to `waitMs` for a first new one. */
export async function pollCheckJob(
	id: string,
	after: number,
	waitMs: number
): Promise< CheckJob > {
	const body = await apiFetch( {
		path: `${ REST_NAMESPACE }/check-jobs/${ id }?after=${ after }&wait=${ waitMs }`,
	} );
	return parseCheckJob( body );
}

export interface OverrideRequest {
	postId: number;
	reason: string;
	/** The blocking findings' codes, per partner domain they are about. */
	codesByDomain: Record< string, string[] >;
}

/**
 * Issue 9 (7) and issue 16 (2): "publish anyway" goes to the plugin's
 * override route, which writes the reason into each partner's log on the
 * service (with the administrator's name) and records it with the post, so
 * the publishing lock on the server lets these findings through. Nothing is
 * recorded unless every partner's log entry was written.
 */
export async function requestOverride(
	request: OverrideRequest
): Promise< void > {
	await apiFetch( {
		path: `${ REST_NAMESPACE }/override`,
		method: 'POST',
		data: {
			postId: request.postId,
			reason: request.reason,
			codesByDomain: request.codesByDomain,
		},
	} );
}
