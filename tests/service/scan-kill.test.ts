/**
 * A real kill: `rlg scan` runs as a child process, is SIGKILLed while the
 * site has stopped answering after the first page of posts, and the same
 * command run again continues from the second page. The link graph it ends
 * with equals the one of a clean scan: nothing lost, nothing duplicated.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { bindFakeWordPress, createFakeWordPress } from '../helpers/fake-sites';
import type { FakeWordPress } from '../helpers/fake-sites';

const CHILD = path.join( __dirname, '..', 'helpers', 'ts-child.js' );
const POSTS = 230;

function rlg( args: string[] ): ChildProcess {
	return spawn( process.execPath, [ CHILD, ...args ], {
		stdio: [ 'ignore', 'pipe', 'pipe' ],
		env: { ...process.env, RLG_LOG_LEVEL: 'silent' },
	} );
}

function finished(
	child: ChildProcess
): Promise< { code: number | null; stdout: string; stderr: string } > {
	let stdout = '';
	let stderr = '';
	child.stdout?.on( 'data', ( chunk ) => ( stdout += chunk ) );
	child.stderr?.on( 'data', ( chunk ) => ( stderr += chunk ) );
	return new Promise( ( resolve ) =>
		child.on( 'close', ( code ) => resolve( { code, stdout, stderr } ) )
	);
}

function query< T >( file: string, sql: string ): T | undefined {
	if ( ! fs.existsSync( file ) ) {
		return undefined;
	}
	const db = new BetterSqlite3( file, {
		readonly: true,
		fileMustExist: true,
	} );
	try {
		return db.prepare( sql ).get() as T | undefined;
	} catch {
		return undefined; // the child has not created the tables yet
	} finally {
		db.close();
	}
}

function graph( file: string ): string[] {
	const db = new BetterSqlite3( file, { readonly: true } );
	try {
		return (
			db
				.prepare(
					`SELECT p.source_key AS post, l.seq, l.target_key AS target FROM scan_links l
					JOIN scan_posts p ON p.id = l.post_id ORDER BY p.source_key, l.seq`
				)
				.all() as Array< { post: string; seq: number; target: string } >
		 ).map( ( row ) => `${ row.post }#${ row.seq } ${ row.target }` );
	} finally {
		db.close();
	}
}

describe( 'rlg scan killed with SIGKILL', () => {
	let web: PartnerWeb;
	let wp: FakeWordPress;
	let dir: string;

	beforeAll( async () => {
		wp = createFakeWordPress( { host: 'kill.test' } );
		for ( let i = 1; i <= POSTS; i++ ) {
			const partner = `partner-${ 'abc'[ i % 3 ] }.test`;
			wp.add( {
				title: `Post ${ i }`,
				content: `<p>Post ${ i }: <a href="http://${ partner }/">${ partner }</a>.</p>`,
			} );
		}
		const partner = html(
			'<main><p>Partner without a link back.</p></main>'
		);
		web = await startPartnerWeb( {
			'kill.test': { '*': wp.handler },
			'partner-a.test': { '/': partner },
			'partner-b.test': { '/': partner },
			'partner-c.test': { '/': partner },
		} );
		bindFakeWordPress( wp, web );
		dir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-sigkill-' ) );
	} );

	afterAll( async () => {
		await web.close();
		fs.rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'continues from the page after the last stored one', async () => {
		const dataDir = path.join( dir, 'killed' );
		const file = path.join( dataDir, 'rlg.sqlite' );
		const args = [
			'scan',
			web.url( 'kill.test' ),
			'--data-dir',
			dataDir,
			...web.resolveArgs,
			'--no-progress',
		];
		// The second page of posts never comes.
		let hang = true;
		wp.gate = ( info ) =>
			hang && info.page >= 2 && info.fields.includes( 'content' )
				? new Promise( () => undefined )
				: undefined;

		const child = rlg( args );
		const exit = finished( child );
		let stored:
			{ postsRead: number; state: string; cursor: string } | undefined;
		for ( let i = 0; i < 600; i++ ) {
			stored = query(
				file,
				'SELECT posts_read AS postsRead, state, cursor FROM scans ORDER BY id DESC LIMIT 1'
			);
			if ( stored && stored.postsRead >= 100 ) {
				break;
			}
			await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
		}
		expect( stored ).toEqual( {
			postsRead: 100,
			state: 'running',
			cursor: JSON.stringify( {
				type: 'posts',
				page: 2,
				postsTotal: POSTS,
			} ),
		} );
		child.kill( 'SIGKILL' );
		expect( ( await exit ).code ).toBeNull();

		hang = false;
		const before = wp.restRequests.length;
		const resumed = await finished( rlg( args ) );
		expect( resumed.stderr ).toBe( '' );
		expect( resumed.code ).toBeLessThan( 2 );
		const pages = wp.restRequests
			.slice( before )
			.filter(
				( r ) => r.type === 'posts' && r.fields.includes( 'content' )
			)
			.map( ( r ) => r.page );
		expect( pages ).toEqual( [ 2, 3 ] );
		expect(
			query(
				file,
				'SELECT COUNT( * ) AS scans, MAX( posts_read ) AS postsRead, MIN( state ) AS state FROM scans'
			)
		).toEqual( { scans: 1, postsRead: POSTS, state: 'done' } );

		const cleanDir = path.join( dir, 'clean' );
		const clean = await finished(
			rlg( [
				'scan',
				web.url( 'kill.test' ),
				'--data-dir',
				cleanDir,
				...web.resolveArgs,
				'--no-progress',
			] )
		);
		expect( clean.code ).toBeLessThan( 2 );
		const killedGraph = graph( file );
		expect( killedGraph ).toHaveLength( POSTS );
		expect( killedGraph ).toEqual(
			graph( path.join( cleanDir, 'rlg.sqlite' ) )
		);
	}, 60_000 );
} );
