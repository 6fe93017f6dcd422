/**
 * NEVER_CRITICAL_CODES (the codes the settings page will not offer as
 * blocking) must stay true: each of those codes is emitted by a rule whose
 * severity expression has no 'critical' in it. A rule that starts to report
 * one of them as critical, or is rewritten so its severity cannot be read
 * here, fails this test, and the list (and the settings page) must follow.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FINDING_CODES, NEVER_CRITICAL_CODES } from '../../src/core/findings';

const RULES = path.resolve( __dirname, '..', '..', 'src', 'core', 'rules' );
const sources = fs
	.readdirSync( RULES )
	.filter( ( name ) => name.endsWith( '.ts' ) )
	.map( ( name ) => fs.readFileSync( path.join( RULES, name ), 'utf8' ) );

/** The severity expressions written for a code (`code: 'x', severity: …,`). */
function severitiesOf( code: string ): string[] {
	const pattern = new RegExp(
		`code:\\s*'${ code }',\\s*severity:\\s*([^,]+),`,
		'g'
	);
	return sources.flatMap( ( source ) =>
		[ ...source.matchAll( pattern ) ].map( ( match ) => match[ 1 ] )
	);
}

describe( 'NEVER_CRITICAL_CODES', () => {
	it.each( [ ...NEVER_CRITICAL_CODES ] )(
		'%s is never reported as critical',
		( code ) => {
			const severities = severitiesOf( code );
			expect( severities.length ).toBeGreaterThan( 0 );
			for ( const severity of severities ) {
				expect( severity ).not.toContain( 'critical' );
			}
		}
	);

	it( 'lists known codes only, and leaves the ones that can be critical', () => {
		for ( const code of NEVER_CRITICAL_CODES ) {
			expect( FINDING_CODES ).toContain( code );
		}
		// The rules that escalate to critical are not on the list.
		for ( const code of [ 'exact-match-anchor-both', 'homepage-swap' ] ) {
			expect( severitiesOf( code ).join( ' ' ) ).toContain( 'critical' );
			expect( NEVER_CRITICAL_CODES ).not.toContain( code );
		}
	} );
} );
