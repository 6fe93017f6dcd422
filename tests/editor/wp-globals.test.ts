/**
 * The block serialiser's results per block object (issue 20): after an
 * edit, only the blocks the editor's store replaced are serialised again.
 */
import {
	ownBlockHtml,
	serializeBlocks,
	type BlockInstance,
} from '../../src/editor/wp-globals';

const calls: string[] = [];
const fakeBlocks = {
	serialize: ( blocks: BlockInstance[] ) =>
		blocks
			.map( ( b ) => {
				calls.push( `serialize ${ b.clientId }` );
				return `<!-- ${ b.clientId }:${ String( b.attributes.text ) } -->`;
			} )
			.join( '\n\n' ),
	getBlockContent: ( b: BlockInstance ) => {
		calls.push( `own ${ b.clientId }` );
		return `<p>${ String( b.attributes.text ) }</p>`;
	},
	parse: () => [],
	getBlockType: () => undefined,
};

function block( clientId: string, text: string ): BlockInstance {
	return {
		clientId,
		name: 'core/paragraph',
		attributes: { text },
		innerBlocks: [],
	};
}

describe( 'serializeBlocks and ownBlockHtml', () => {
	beforeAll( () => {
		( globalThis as unknown as { window: unknown } ).window = {
			wp: { blocks: fakeBlocks },
		};
	} );
	afterAll( () => {
		delete ( globalThis as unknown as { window?: unknown } ).window;
	} );
	beforeEach( () => {
		calls.length = 0;
	} );

	it( 'serialises the post as wp.blocks does, each block once while it is unchanged', () => {
		const a = block( 'a', 'one' );
		const b = block( 'b', 'two' );
		expect( serializeBlocks( [ a, b ] ) ).toBe(
			fakeBlocks.serialize( [ a, b ] )
		);
		calls.length = 0;
		// The author edits b: the store gives it a new object, a stays.
		const edited = block( 'b', 'three' );
		expect( serializeBlocks( [ a, edited ] ) ).toBe(
			'<!-- a:one -->\n\n<!-- b:three -->'
		);
		expect( calls ).toEqual( [ 'serialize b' ] );
	} );

	it( "remembers a block's own HTML by the block object", () => {
		const a = block( 'a', 'one' );
		expect( ownBlockHtml( a ) ).toBe( '<p>one</p>' );
		expect( ownBlockHtml( a ) ).toBe( '<p>one</p>' );
		expect( ownBlockHtml( block( 'a', 'two' ) ) ).toBe( '<p>two</p>' );
		expect( calls ).toEqual( [ 'own a', 'own a' ] );
	} );
} );
