/**
 * Numbers from flags and the environment, with an error that names the
 * setting and the value. Kept free of other imports: `rlg` reads its heap
 * settings with it before loading anything else (heap.ts, bin/rlg.js).
 */
import { RlgError } from './errors';

export function parseNumber(
	value: string,
	name: string,
	range: { min: number; max: number; integer?: boolean }
): number {
	const number = Number( value );
	if (
		value.trim() === '' ||
		! Number.isFinite( number ) ||
		( range.integer && ! Number.isInteger( number ) ) ||
		number < range.min ||
		number > range.max
	) {
		throw new RlgError(
			'ERR_CONFIG',
			`${ name } must be ${ range.integer ? 'an integer' : 'a number' } from ${
				range.min
			} to ${ range.max }, got "${ value }"`
		);
	}
	return number;
}

/**
 * An integer setting from the environment: undefined when unset or blank,
 * ERR_CONFIG naming the variable when it is not an integer in range.
 */
export function integerFromEnv(
	env: NodeJS.ProcessEnv,
	name: string,
	min: number,
	max: number
): number | undefined {
	const value = env[ name ];
	if ( value === undefined || value.trim() === '' ) {
		return undefined;
	}
	return parseNumber( value, name, { min, max, integer: true } );
}
