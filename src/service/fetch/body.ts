/**
 * Reading a response body with a hard byte cap that counts DECOMPRESSED
 * bytes: the decoders run inside a stream pipeline whose last stage counts
 * and throws at the cap, which destroys every stage including the socket's
 * body, so a gzip or brotli bomb costs at most the cap plus one zlib chunk.
 * An uncompressed body is read directly, with the same cap and signal.
 */
/* eslint-disable no-bitwise -- IP and zlib header arithmetic is bitwise by nature. */
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { RlgError } from '../errors';

export const ERR_TOO_LARGE = 'ERR_TOO_LARGE';
export const ERR_CONTENT_ENCODING = 'ERR_CONTENT_ENCODING';

/** What we advertise in Accept-Encoding (all of it decodable by node:zlib). */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** A pipeline stage: a zlib stream or an async generator over chunks. */
type Decoder =
	| Transform
	| ( ( source: AsyncIterable< Buffer > ) => AsyncGenerator< Buffer > );
type DecoderFactory = () => Decoder;

const DECODERS: Record< string, DecoderFactory > = {
	gzip: () => zlib.createGunzip(),
	'x-gzip': () => zlib.createGunzip(),
	br: () => zlib.createBrotliDecompress(),
	// "deflate" is meant to be zlib-wrapped, but some servers send raw
	// deflate; inflate with autodetection like browsers do.
	deflate: () => createDeflateDecoder(),
};

/** A zlib header: CM = 8 (deflate) and the 16-bit header divisible by 31. */
function hasZlibHeader( head: Buffer ): boolean {
	return (
		head.length >= 2 &&
		( head[ 0 ] & 0x0f ) === 8 &&
		( ( head[ 0 ] << 8 ) | head[ 1 ] ) % 31 === 0
	);
}

/** zlib-wrapped or raw deflate, decided by the first bytes. */
function createDeflateDecoder(): Decoder {
	return async function* inflateAuto( source ) {
		const iterator = source[ Symbol.asyncIterator ]();
		const first = await iterator.next();
		if ( first.done ) {
			return;
		}
		const head = first.value;
		async function* replay() {
			yield head;
			for ( let next = await iterator.next(); ! next.done; ) {
				yield next.value;
				next = await iterator.next();
			}
		}
		const inflater = hasZlibHeader( head )
			? zlib.createInflate()
			: zlib.createInflateRaw();
		const fed = pipeline( replay(), inflater );
		// Failures surface through the iteration below as well.
		fed.catch( () => undefined );
		for await ( const chunk of inflater ) {
			yield chunk as Buffer;
		}
		await fed;
	};
}

/** Parses a Content-Encoding header into decoders, outermost last. */
export function decodersFor(
	contentEncoding: string | null | undefined
): DecoderFactory[] {
	const codings = ( contentEncoding ?? '' )
		.split( ',' )
		.map( ( coding ) => coding.trim().toLowerCase() )
		.filter( ( coding ) => coding !== '' && coding !== 'identity' );
	if ( codings.length > 3 ) {
		throw new RlgError(
			ERR_CONTENT_ENCODING,
			`too many content codings (${ codings.join( ', ' ) })`
		);
	}
	return codings.reverse().map( ( coding ) => {
		const factory = DECODERS[ coding ];
		if ( ! factory ) {
			throw new RlgError(
				ERR_CONTENT_ENCODING,
				`unsupported Content-Encoding "${ coding }"`
			);
		}
		return factory;
	} );
}

export interface CappedBody {
	readonly bytes: Buffer;
	/** sha256 of the decoded bytes, hex: evidence of what we saw. */
	readonly sha256: string;
	/** True when `truncate` was asked for and the cap cut the body short. */
	readonly truncated: boolean;
}

class CapReached extends Error {}

/** Destroys a body not read to its end; the abort that causes is expected. */
function release( body: Readable ): void {
	if ( ! body.destroyed && ! body.readableEnded ) {
		body.on( 'error', () => undefined );
		body.destroy();
	}
}

/**
 * `collect( body )`, with `signal` destroying the body (so the read stops
 * with an error at once), as the pipeline's own `signal` option does.
 */
async function collectUntilAborted(
	body: Readable,
	collect: ( source: AsyncIterable< Buffer > ) => Promise< void >,
	signal: AbortSignal | undefined
): Promise< void > {
	if ( signal?.aborted ) {
		throw signal.reason;
	}
	const onAbort = () => body.destroy( signal?.reason as Error );
	signal?.addEventListener( 'abort', onAbort, { once: true } );
	try {
		await collect( body );
	} finally {
		signal?.removeEventListener( 'abort', onAbort );
	}
}

/**
 * Reads `body` through the decoders, up to `maxBytes` decoded bytes.
 * With `onCap: 'error'` (pages) exceeding the cap throws RlgError
 * ERR_TOO_LARGE; with 'truncate' (robots.txt, error pages) the first
 * `maxBytes` are returned. Either way the rest is never read.
 */
export async function readCapped(
	body: Readable,
	options: {
		contentEncoding?: string | null;
		maxBytes: number;
		onCap: 'error' | 'truncate';
		signal?: AbortSignal;
	}
): Promise< CappedBody > {
	let decoders: Decoder[];
	try {
		decoders = decodersFor( options.contentEncoding ).map( ( make ) =>
			make()
		);
	} catch ( error ) {
		// Unreadable: let the socket go now rather than at the body timeout.
		release( body );
		throw error;
	}
	const chunks: Buffer[] = [];
	let total = 0;
	let truncated = false;
	const collect = async ( source: AsyncIterable< Buffer > ) => {
		for await ( const chunk of source ) {
			const room = options.maxBytes - total;
			if ( chunk.length > room ) {
				if ( room > 0 ) {
					chunks.push( chunk.subarray( 0, room ) );
					total += room;
				}
				truncated = true;
				throw new CapReached();
			}
			chunks.push( chunk );
			total += chunk.length;
		}
	};
	try {
		if ( decoders.length === 0 ) {
			// Most pages come uncompressed over loopback-fast links: reading
			// the body directly skips the pipeline's per-stage machinery,
			// which costs about as much as the read itself on a 60 KB page.
			await collectUntilAborted( body, collect, options.signal );
		} else {
			await (
				pipeline as unknown as (
					...streams: unknown[]
				) => Promise< void >
			 )( body, ...decoders, collect, {
				signal: options.signal,
			} );
		}
	} catch ( error ) {
		// The pipeline may surface its own AbortError rather than ours when
		// it tears the stages down, so the flag, not the error, decides.
		if ( ! truncated ) {
			throw error;
		}
		if ( options.onCap === 'error' ) {
			throw new RlgError(
				ERR_TOO_LARGE,
				`the page is larger than ${ options.maxBytes } bytes${
					decoders.length > 0 ? ' once decompressed' : ''
				}`
			);
		}
	} finally {
		// A pipeline that threw has destroyed its stages; make sure the
		// socket-side body is gone whenever it did not end normally.
		release( body );
	}
	const bytes = Buffer.concat( chunks, total );
	return {
		bytes,
		sha256: createHash( 'sha256' ).update( bytes ).digest( 'hex' ),
		truncated,
	};
}
