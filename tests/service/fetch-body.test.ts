/**
 * readCapped on plain streams: the cap, the abort signal and a body cut
 * short, for the uncompressed path that reads 'data' events directly.
 */
import { PassThrough } from 'node:stream';
import { readCapped } from '../../src/service/fetch/body';

const later = () => new Promise( ( resolve ) => setImmediate( resolve ) );

describe( 'readCapped (uncompressed)', () => {
	it( 'returns every byte, in order, with the sha256 of what it read', async () => {
		const body = new PassThrough();
		const reading = readCapped( body, { maxBytes: 100, onCap: 'error' } );
		body.write( Buffer.from( 'hello ' ) );
		await later();
		body.end( Buffer.from( 'world' ) );
		const read = await reading;
		expect( read.bytes.toString() ).toBe( 'hello world' );
		expect( read.truncated ).toBe( false );
		expect( read.sha256 ).toBe(
			'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9'
		);
	} );

	it( 'over the cap: ERR_TOO_LARGE with onCap error, the first bytes with truncate, and the body is destroyed', async () => {
		const tooBig = new PassThrough();
		const failing = readCapped( tooBig, { maxBytes: 8, onCap: 'error' } );
		tooBig.write( Buffer.from( '0123456789' ) );
		await expect( failing ).rejects.toMatchObject( {
			code: 'ERR_TOO_LARGE',
		} );
		expect( tooBig.destroyed ).toBe( true );

		const cut = new PassThrough();
		const truncating = readCapped( cut, {
			maxBytes: 8,
			onCap: 'truncate',
		} );
		cut.write( Buffer.from( '0123' ) );
		await later();
		cut.write( Buffer.from( '456789' ) );
		const read = await truncating;
		expect( read.bytes.toString() ).toBe( '01234567' );
		expect( read.truncated ).toBe( true );
		expect( cut.destroyed ).toBe( true );
	} );

	it( 'an abort mid-body rejects with the reason, destroys the body and leaves no unhandled error', async () => {
		const unhandled: unknown[] = [];
		const onUncaught = ( error: unknown ) => unhandled.push( error );
		process.on( 'uncaughtException', onUncaught );
		try {
			const body = new PassThrough();
			const controller = new AbortController();
			const reading = readCapped( body, {
				maxBytes: 100,
				onCap: 'error',
				signal: controller.signal,
			} );
			body.write( Buffer.from( 'part' ) );
			await later();
			controller.abort( new Error( 'deadline' ) );
			await expect( reading ).rejects.toThrow( 'deadline' );
			expect( body.destroyed ).toBe( true );
			await later();
			await later();
		} finally {
			process.off( 'uncaughtException', onUncaught );
		}
		expect( unhandled ).toEqual( [] );
	} );

	it( 'an already aborted signal rejects before reading', async () => {
		const body = new PassThrough();
		const controller = new AbortController();
		controller.abort( new Error( 'gone' ) );
		await expect(
			readCapped( body, {
				maxBytes: 100,
				onCap: 'error',
				signal: controller.signal,
			} )
		).rejects.toThrow( 'gone' );
	} );

	it( 'a body destroyed before its end (a cut connection) rejects with that error', async () => {
		const body = new PassThrough();
		const reading = readCapped( body, { maxBytes: 100, onCap: 'error' } );
		body.write( Buffer.from( 'half' ) );
		await later();
		body.destroy( new Error( 'socket hang up' ) );
		await expect( reading ).rejects.toThrow( 'socket hang up' );
	} );
} );
