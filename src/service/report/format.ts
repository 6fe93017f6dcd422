/**
 * Words and numbers for people in the untranslated outputs (HTML report,
 * CLI summary): local times with their zone instead of ISO UTC, shares as
 * percentages, counted nouns with the right plural.
 */

/** "1 post", "2 posts". English plurals only: these outputs are English. */
export function plural(
	count: number,
	singular: string,
	pluralForm = `${ singular }s`
): string {
	return `${ count } ${ count === 1 ? singular : pluralForm }`;
}

/** 0.049 → "5%"; null → "–" (not measured). Rounded like the wp-admin report. */
export function percent( share: number | null | undefined ): string {
	return typeof share === 'number' && Number.isFinite( share )
		? `${ Math.round( share * 100 ) }%`
		: '–';
}

export interface TimeFormatOptions {
	/** IANA zone; default the process's (TZ), as the user's terminal shows. */
	timeZone?: string;
	/** BCP 47 locale of the wording; default en-GB (day month year, 24 h). */
	locale?: string;
}

function valid( iso: string | null | undefined ): Date | null {
	if ( ! iso ) {
		return null;
	}
	const date = new Date( iso );
	return Number.isNaN( date.getTime() ) ? null : date;
}

/** "7 Dec 2026, 16:02 CET" in the local zone; "" for no time. */
export function localDateTime(
	iso: string | null | undefined,
	options: TimeFormatOptions = {}
): string {
	const date = valid( iso );
	return date
		? new Intl.DateTimeFormat( options.locale ?? 'en-GB', {
				dateStyle: 'medium',
				timeStyle: 'short',
				timeZone: options.timeZone,
			} ).format( date ) +
				' ' +
				zoneName( date, options )
		: '';
}

/** "7 Dec 2026" in the local zone; "" for no time. */
export function localDate(
	iso: string | null | undefined,
	options: TimeFormatOptions = {}
): string {
	const date = valid( iso );
	return date
		? new Intl.DateTimeFormat( options.locale ?? 'en-GB', {
				dateStyle: 'medium',
				timeZone: options.timeZone,
			} ).format( date )
		: '';
}

/** The zone's short name at that moment ("CET", "UTC", "GMT+2"). */
function zoneName( date: Date, options: TimeFormatOptions ): string {
	const part = new Intl.DateTimeFormat( options.locale ?? 'en-GB', {
		timeZone: options.timeZone,
		timeZoneName: 'short',
	} )
		.formatToParts( date )
		.find( ( { type } ) => type === 'timeZoneName' );
	return part?.value ?? '';
}
