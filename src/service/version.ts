/**
 * The package's version, read from its package.json: the same file npm
 * installs, so `rlg --version` never disagrees with `npm ls -g`.
 */
import fs from 'node:fs';
import path from 'node:path';

const PACKAGE_NAME = 'reciprocal-link-guard';

/**
 * Walks up from this module (src/service when run from sources,
 * build/node/service when built or installed) to our package.json.
 *
 * @throws Error when no package.json of ours is found (a broken install).
 */
export function packageVersion( from: string = __dirname ): string {
	let dir = from;
	for (;;) {
		const file = path.join( dir, 'package.json' );
		if ( fs.existsSync( file ) ) {
			const json = JSON.parse( fs.readFileSync( file, 'utf8' ) ) as {
				name?: string;
				version?: string;
			};
			if ( json.name === PACKAGE_NAME && json.version ) {
				return json.version;
			}
		}
		const parent = path.dirname( dir );
		if ( parent === dir ) {
			throw new Error(
				`no package.json of ${ PACKAGE_NAME } above ${ from }`
			);
		}
		dir = parent;
	}
}
