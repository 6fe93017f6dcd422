/**
 * The e-mail digest in a real WordPress with the real service: turned on in
 * the settings (validated), scheduled in WP-Cron, run by a request to
 * wp-cron.php as WordPress's own cron runs it, and sent through wp_mail,
 * captured by a mu-plugin on `pre_wp_mail`. Sent when new critical
 * findings appear and when a partner removes its link; not sent when
 * nothing changed; in the site's language.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openSession, screenshot } from './harness/browser';
import { pluginOptions, replacePluginOptions } from './harness/wordpress';
import { PARTNER_KEYWORD } from './harness/partners';
import { cliHasCommand } from './harness/processes';
import { startLiveSite, type LiveSite } from './harness/live-site';
import { readState } from './harness/state';
import { html } from '../helpers/partner-web';

const canRun = cliHasCommand( 'serve' ) && cliHasCommand( 'sites' );

interface Mail {
	to: string[];
	subject: string;
	message: string;
}

/** Records every wp_mail call in an option instead of sending it. */
const CAPTURE_MU_PLUGIN = `<?php
add_filter( 'pre_wp_mail', function ( $result, $atts ) {
	$mails   = get_option( 'rlg_test_mails', array() );
	$mails[] = array(
		'to'      => (array) $atts['to'],
		'subject' => $atts['subject'],
		'message' => $atts['message'],
	);
	update_option( 'rlg_test_mails', $mails, false );
	return true;
}, 1, 2 );
`;

( canRun ? describe : describe.skip )( 'the e-mail digest', () => {
	let site: LiveSite;

	const mails = (): Mail[] =>
		JSON.parse(
			site.php(
				`echo wp_json_encode( get_option( 'rlg_test_mails', array() ) );`
			)
		) as Mail[];

	/** Makes the digest event due and runs WP-Cron as a visit would. */
	async function runCron(): Promise< void > {
		site.php(
			`$next = wp_next_scheduled( 'rlg_email_digest' );
			if ( ! $next ) { echo 'not scheduled'; exit( 1 ); }
			wp_unschedule_event( $next, 'rlg_email_digest' );
			wp_schedule_event( time() - 1, wp_get_schedule( 'rlg_email_digest' ) ?: 'daily', 'rlg_email_digest' );
			delete_transient( 'doing_cron' );`
		);
		// As a system cron job calls it when DISABLE_WP_CRON is set (no
		// doing_wp_cron argument: wp-cron.php takes the lock itself).
		const response = await fetch( `${ site.siteUrl }/wp-cron.php` );
		await response.text();
		expect( response.status ).toBe( 200 );
		// It ran: the next one is a whole period away again.
		expect(
			Number(
				site.php(
					`echo wp_next_scheduled( 'rlg_email_digest' ) - time();`
				)
			)
		).toBeGreaterThan( 3600 );
	}

	function saveSettings( values: Record< string, unknown > ): string {
		const json = Buffer.from( JSON.stringify( values ) ).toString(
			'base64'
		);
		// Through the settings API's sanitiser, as the form saves them.
		return site.php(
			`require_once ABSPATH . 'wp-admin/includes/template.php';
			$v = json_decode( base64_decode( '${ json }' ), true );
			update_option( 'rlg_settings', ReciprocalLinkGuard\\Options::sanitize( $v ) );
			echo wp_json_encode( wp_list_pluck( get_settings_errors( 'rlg_settings' ), 'message' ) );`
		);
	}

	beforeAll( async () => {
		site = await startLiveSite( 'digest' );
		fs.writeFileSync(
			path.join(
				site.siteDir,
				'wp-content',
				'mu-plugins',
				'rlg-capture-mail.php'
			),
			CAPTURE_MU_PLUGIN
		);
		site.publish(
			'Starting a compost heap',
			`<!-- wp:paragraph --><p>Turn the heap. ${ site.link(
				'natural.test',
				'/guide',
				'Natural Growers explain it well'
			) }.</p><!-- /wp:paragraph -->`
		);
		site.publish(
			'Where we buy supplies',
			`<!-- wp:paragraph --><p>Tools from ${ site.link(
				'footer-swap.test',
				'/',
				PARTNER_KEYWORD
			) }.</p><!-- /wp:paragraph -->`
		);
		// Every scan fetches again; one miss confirms a removal (no waiting a day).
		saveSettings( {
			checkTtlHours: 0,
			removalConfirmChecks: 1,
			removalConfirmHours: 0,
		} );
	}, 90000 );

	afterAll( async () => {
		await site?.stop();
	} );

	it( 'is off by default and validates its settings', () => {
		expect(
			site.php(
				`echo wp_next_scheduled( 'rlg_email_digest' ) ? 'scheduled' : 'none';`
			)
		).toBe( 'none' );
		const errors = JSON.parse(
			saveSettings( {
				digestFrequency: 'hourly',
				digestRecipients: 'owner@example.test\nnot an address',
			} )
		) as string[];
		expect( errors ).toEqual( [
			'E-mail digest: "hourly" is not off, daily or weekly. The previous value was kept.',
			'Send the digest to: "not an address" is not an e-mail address and was left out.',
		] );
		expect(
			JSON.parse(
				site.php(
					`$o = get_option( 'rlg_settings' ); echo wp_json_encode( array( $o['digestFrequency'], $o['digestRecipients'] ) );`
				)
			)
		).toEqual( [ 'off', [ 'owner@example.test' ] ] );
	} );

	it( 'daily: scheduled in WP-Cron, and a mail after a scan that found critical findings', async () => {
		saveSettings( { digestFrequency: 'daily' } );
		expect(
			site.php( `echo wp_get_schedule( 'rlg_email_digest' );` )
		).toBe( 'daily' );

		const scan = await site.wpCli( [ 'rlg', 'scan', '--wait' ] );
		expect( scan.status ).toBe( 0 );
		const report = JSON.parse(
			( await site.wpCli( [ 'rlg', 'report', '--format=json' ] ) ).stdout
		) as {
			partners: {
				rows: Array< {
					domain: string;
					findings: Array< { code: string; severity: string } >;
				} >;
			};
		};
		const critical = report.partners.rows.flatMap( ( row ) =>
			row.findings
				.filter( ( finding ) => finding.severity === 'critical' )
				.map( ( finding ) => `${ row.domain } ${ finding.code }` )
		);
		// The case the digest is for: the footer swap is critical.
		expect( critical ).toContain( 'footer-swap.test boilerplate-backlink' );

		await runCron();
		const sent = mails();
		expect( sent ).toHaveLength( 1 );
		expect( sent[ 0 ].to ).toEqual( [ 'owner@example.test' ] );
		expect( sent[ 0 ].subject ).toBe(
			`[Reciprocal Link Guard (local)] Reciprocal links: ${
				critical.length
			} new critical finding${ critical.length === 1 ? '' : 's' }`
		);
		expect( sent[ 0 ].message ).toContain( 'New critical findings:' );
		expect( sent[ 0 ].message ).toContain(
			'- footer-swap.test: Their link sits in a footer, sidebar or blogroll'
		);
		expect( sent[ 0 ].message ).not.toContain(
			'Partners that changed their link'
		);
		expect( sent[ 0 ].message ).toContain(
			`${ site.siteUrl }/wp-admin/tools.php?page=reciprocal-link-guard-report`
		);
	} );

	it( 'sends nothing when nothing changed since the last digest', async () => {
		const scan = await site.wpCli( [ 'rlg', 'scan', '--wait' ] );
		expect( scan.status ).toBe( 0 );
		await runCron();
		expect( mails() ).toHaveLength( 1 );
	} );

	it( 'tells, in the site language, that a partner removed its link', async () => {
		site.web.route(
			'natural.test',
			'/guide',
			html(
				'<main><h1>A guide to compost</h1><p>No links here.</p></main>',
				{
					title: 'A guide to compost',
					lang: 'en',
				}
			)
		);
		// The site language Dutch. update_option( 'WPLANG' ) accepts only a
		// language whose core files are installed (none in this test site),
		// so the option is written as stored.
		site.php( `global $wpdb;
			delete_option( 'WPLANG' );
			$wpdb->insert( $wpdb->options, array( 'option_name' => 'WPLANG', 'option_value' => 'nl_NL', 'autoload' => 'yes' ) );
			wp_cache_flush();
			echo get_locale();` );
		try {
			const scan = await site.wpCli( [ 'rlg', 'scan', '--wait' ] );
			expect( scan.status ).toBe( 0 );
			await runCron();
			const sent = mails();
			expect( sent ).toHaveLength( 2 );
			expect( sent[ 1 ].subject ).toBe(
				'[Reciprocal Link Guard (local)] Wederkerige links: 1 partner heeft zijn link veranderd'
			);
			expect( sent[ 1 ].message ).toContain(
				'- natural.test linkte eerder terug naar deze site en doet dat niet meer.'
			);
			expect( sent[ 1 ].message ).not.toContain( 'footer-swap.test' );
			// Both e-mails, to read as the recipient would.
			fs.writeFileSync(
				path.join( readState().artifactsDir, 'digest-mails.txt' ),
				sent
					.map(
						( mail ) =>
							`Subject: ${ mail.subject }\n\n${ mail.message }`
					)
					.join( '\n----\n' )
			);
		} finally {
			site.php( `delete_option( 'WPLANG' );` );
		}
	} );

	it( 'turning it off removes the cron event', () => {
		saveSettings( { digestFrequency: 'off' } );
		expect(
			site.php(
				`echo wp_next_scheduled( 'rlg_email_digest' ) ? 'scheduled' : 'none';`
			)
		).toBe( 'none' );
	} );

	it( 'the settings page offers it, and says which address is not one', async () => {
		// The shared e2e WordPress: its option is put back afterwards.
		const before = pluginOptions();
		const session = await openSession( 'admin' );
		try {
			const { page } = session;
			await page.goto(
				'/wp-admin/options-general.php?page=reciprocal-link-guard'
			);
			await page.getByLabel( 'Send a digest' ).selectOption( 'weekly' );
			await page
				.getByLabel( 'Send the digest to' )
				.fill( 'editor@example.test\nnobody at example' );
			await page.getByRole( 'button', { name: 'Save Changes' } ).click();
			await page
				.getByText(
					'Send the digest to: "nobody at example" is not an e-mail address and was left out.'
				)
				.waitFor();
			await expect(
				page.getByLabel( 'Send a digest' ).inputValue()
			).resolves.toBe( 'weekly' );
			await expect(
				page.getByLabel( 'Send the digest to' ).inputValue()
			).resolves.toBe( 'editor@example.test' );
			await page
				.locator( '#rlg-digestFrequency' )
				.scrollIntoViewIfNeeded();
			await screenshot( page, 'settings-digest', { fullPage: false } );
			expect( session.errors ).toEqual( [] );
		} finally {
			await session.close();
			replacePluginOptions( before );
		}
	} );
} );
