/**
 * The PHP settings schema (includes/class-settings-schema.php) must say
 * exactly what the TypeScript contract says: same setting names in the same
 * order, same defaults, same ranges, same finding codes. PHP is run for real
 * (`php -r`) and its answer compared with src/core; a threshold added on one
 * side only fails here.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';
import { FINDING_CODES, NEVER_CRITICAL_CODES } from '../../src/core/findings';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../src/core/settings';

const ROOT = path.resolve( __dirname, '..', '..' );

interface PhpThreshold {
	type: 'int' | 'float';
	min: number | null;
	max: number | null;
	default: number;
	step: number;
}

interface PhpSchema {
	defaults: Record< string, unknown >;
	thresholds: Record< string, PhpThreshold >;
	termLists: Record< string, { maxItems: number; maxLength: number } >;
	findingCodes: string[];
	neverCritical: string[];
}

function dumpPhpSchema(): PhpSchema {
	const code = `
		define( 'ABSPATH', '/' );
		require $argv[1];
		use ReciprocalLinkGuard\\Settings_Schema;
		echo json_encode( array(
			'defaults'     => Settings_Schema::default_settings(),
			'thresholds'   => Settings_Schema::thresholds(),
			'termLists'    => Settings_Schema::term_lists(),
			'findingCodes' => Settings_Schema::finding_codes(),
			'neverCritical' => Settings_Schema::never_critical_codes(),
		), JSON_PRESERVE_ZERO_FRACTION );`;
	const result = spawnSync(
		'php',
		[
			'-r',
			code,
			path.join( ROOT, 'includes', 'class-settings-schema.php' ),
		],
		{ encoding: 'utf8' }
	);
	if ( result.error || result.status !== 0 ) {
		throw new Error(
			`php could not load the settings schema (is php8.2-cli installed?): ${
				result.error?.message ?? result.stderr
			}`
		);
	}
	return JSON.parse( result.stdout ) as PhpSchema;
}

type JsonSchemaProperty = {
	type?: string;
	minimum?: number;
	maximum?: number;
	maxItems?: number;
	items?: { maxLength?: number };
};

const php = dumpPhpSchema();
const json = z.toJSONSchema( SettingsSchema, { io: 'input' } ) as {
	properties: Record< string, JsonSchemaProperty >;
};
const numericNames = Object.entries( json.properties )
	.filter( ( [ , p ] ) => p.type === 'integer' || p.type === 'number' )
	.map( ( [ name ] ) => name );

describe( 'PHP settings schema mirrors src/core/settings.ts', () => {
	it( 'has the same default settings object, key for key and in order', () => {
		expect( Object.keys( php.defaults ) ).toEqual(
			Object.keys( DEFAULT_SETTINGS )
		);
		expect( php.defaults ).toEqual( DEFAULT_SETTINGS );
	} );

	it( 'lists every numeric threshold, and nothing else', () => {
		expect( Object.keys( php.thresholds ) ).toEqual( numericNames );
	} );

	it.each( numericNames )( '%s has the same type and range', ( name ) => {
		const ts = json.properties[ name ];
		const field = php.thresholds[ name ];
		expect( field.type ).toBe( ts.type === 'integer' ? 'int' : 'float' );
		expect( field.min ).toBe( ts.minimum );
		// zod reports "no maximum" on an integer as MAX_SAFE_INTEGER.
		expect( field.max ?? Number.MAX_SAFE_INTEGER ).toBe(
			ts.maximum ?? Number.MAX_SAFE_INTEGER
		);
		expect( field.default ).toBe(
			DEFAULT_SETTINGS[ name as keyof typeof DEFAULT_SETTINGS ]
		);
		// The form's step must be able to reach the default.
		const steps = ( field.default - ( field.min ?? 0 ) ) / field.step;
		expect( Math.abs( steps - Math.round( steps ) ) ).toBeLessThan( 1e-9 );
	} );

	it( 'limits keywords and brand terms as the contract does', () => {
		for ( const name of [ 'keywords', 'brandTerms' ] ) {
			expect( php.termLists[ name ] ).toEqual( {
				maxItems: json.properties[ name ].maxItems,
				maxLength: json.properties[ name ].items?.maxLength,
			} );
		}
	} );

	it( 'offers exactly the finding codes of src/core/findings.ts', () => {
		expect( php.findingCodes ).toEqual( [ ...FINDING_CODES ] );
	} );

	it( 'greys out the same never-critical codes as src/core/findings.ts', () => {
		expect( php.neverCritical ).toEqual( [ ...NEVER_CRITICAL_CODES ] );
	} );
} );
