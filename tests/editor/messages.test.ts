import {
	BACKLINK_STATUSES,
	FINDING_CODES,
	PLACEMENTS,
	SEVERITIES,
} from '../../src/core';
import {
	backlinkStatusLabel,
	findingMessage,
	placementLabel,
	severityLabel,
} from '../../src/editor/messages';

describe( 'finding messages', () => {
	it.each( FINDING_CODES.map( ( code ) => [ code ] ) )(
		'explains %s with a title, a risk and a fix',
		( code ) => {
			const message = findingMessage( {
				code,
				severity: 'warning',
				params: {},
			} );
			expect( message.title.trim() ).not.toBe( '' );
			expect( message.risk.trim() ).not.toBe( '' );
			expect( message.fix.trim() ).not.toBe( '' );
		}
	);

	it( 'gives every code its own title', () => {
		const titles = FINDING_CODES.map(
			( code ) =>
				findingMessage( { code, severity: 'info', params: {} } ).title
		);
		expect( new Set( titles ).size ).toBe( FINDING_CODES.length );
	} );

	it( 'titles a finding by its code alone (the canvas marks reuse one title per code)', () => {
		for ( const code of FINDING_CODES ) {
			expect(
				findingMessage( {
					code,
					severity: 'critical',
					linkUrl: 'https://partner.example/',
					params: {
						anchor: 'click here',
						count: 7,
						limit: 3,
						where: 'footer',
					},
				} ).title
			).toBe(
				findingMessage( { code, severity: 'info', params: {} } ).title
			);
		}
	} );

	it( 'names the anchor and the numbers when the finding carries them', () => {
		expect(
			findingMessage( {
				code: 'generic-anchor',
				severity: 'warning',
				params: { anchor: 'click here' },
			} ).risk
		).toContain( '“click here”' );
		const partners = findingMessage( {
			code: 'too-many-partners',
			severity: 'critical',
			params: { count: 14, limit: 10 },
		} ).risk;
		expect( partners ).toContain( '14' );
		expect( partners ).toContain( '10' );
	} );

	it( 'says the share is too high when only the share of partners trips the rule, not "7 partners; the limit is 10"', () => {
		const risk = findingMessage( {
			code: 'too-many-partners',
			severity: 'warning',
			params: {
				count: 7,
				limit: 10,
				outboundDomains: 8,
				share: 0.875,
				maxShare: 0.25,
				overCount: false,
				overShare: true,
			},
		} ).risk;
		expect( risk ).toContain(
			'7 of the 8 sites our posts link to link back (88%); the limit is 25%.'
		);
		expect( risk ).not.toContain( 'the limit is 10' );
		const both = findingMessage( {
			code: 'too-many-partners',
			severity: 'critical',
			params: {
				count: 14,
				limit: 10,
				outboundDomains: 20,
				share: 0.7,
				maxShare: 0.25,
				overCount: true,
				overShare: true,
			},
		} ).risk;
		expect( both ).toContain( 'the limit is 10' );
		expect( both ).toContain( '(70%); the limit is 25%' );
	} );

	it( 'labels every severity, placement and backlink status', () => {
		for ( const s of [ ...SEVERITIES, 'pass', 'not-checked' ] as const ) {
			expect( severityLabel( s ) ).not.toBe( '' );
		}
		for ( const p of PLACEMENTS ) {
			expect( placementLabel( p ) ).not.toBe( '' );
		}
		for ( const status of [
			...BACKLINK_STATUSES,
			'service-error',
		] as const ) {
			expect( backlinkStatusLabel( status ) ).not.toBe( '' );
		}
	} );
} );

describe( 'anchor and keyword in messages', () => {
	it( 'names the keyword an anchor matches when it differs from the anchor as written', () => {
		expect(
			findingMessage( {
				code: 'exact-match-anchor-ours',
				severity: 'warning',
				params: {
					anchor: 'Organic-Gardening Tips',
					keyword: 'organic gardening tips',
				},
			} ).risk
		).toContain( '(keyword “organic gardening tips”)' );
		expect(
			findingMessage( {
				code: 'exact-match-anchor-ours',
				severity: 'warning',
				params: {
					anchor: 'organic gardening tips',
					keyword: 'organic gardening tips',
				},
			} ).risk
		).not.toContain( 'keyword “' );
	} );
} );

describe( 'off-topic partner message', () => {
	it( 'says how sure the verdict is and on what it rests', () => {
		const { risk } = findingMessage( {
			code: 'off-topic-partner',
			severity: 'warning',
			params: {
				confidence: 'high',
				reason: 'fields-differ',
				ourField: 'garden',
				theirField: 'gambling',
				againstSite: true,
			},
		} );
		expect( risk ).toContain( 'Confidence: high.' );
		expect( risk ).toContain(
			'This post is about gardening, their page about gambling.'
		);
		expect( risk ).toContain(
			'Judged against your site’s other posts too.'
		);
	} );

	it( 'names a link list as such', () => {
		const { risk } = findingMessage( {
			code: 'off-topic-partner',
			severity: 'warning',
			params: { confidence: 'medium', reason: 'link-list' },
		} );
		expect( risk ).toContain( 'Confidence: medium.' );
		expect( risk ).toContain( 'a list of links' );
	} );
} );
