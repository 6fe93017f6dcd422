'use strict';
/**
 * Finds @wordpress/i18n calls (__, _x, _n, _nx) of one text domain in
 * JavaScript/TypeScript, with the TypeScript compiler's parser: source files
 * (with file:line references and translator comments) and built bundles,
 * where the minifier writes them as `(0,r.__)("…","domain")`.
 */
const fs = require( 'node:fs' );
const path = require( 'node:path' );
const ts = require( 'typescript' );

/** Argument positions, as in @wordpress/i18n. */
const FUNCTIONS = {
	__: { text: 0, domain: 1 },
	_x: { text: 0, context: 1, domain: 2 },
	_n: { text: 0, plural: 1, domain: 3 },
	_nx: { text: 0, plural: 1, context: 3, domain: 4 },
};

/** `__`, `i18n.__`, `(0, r.__)` → "__"; anything else → null. */
function calleeName( expression ) {
	let node = expression;
	while ( ts.isParenthesizedExpression( node ) ) {
		node = node.expression;
	}
	if (
		ts.isBinaryExpression( node ) &&
		node.operatorToken.kind === ts.SyntaxKind.CommaToken
	) {
		node = node.right;
	}
	if ( ts.isPropertyAccessExpression( node ) ) {
		return node.name.text;
	}
	if ( ts.isIdentifier( node ) ) {
		return node.text;
	}
	return null;
}

function literal( node ) {
	if (
		node &&
		( ts.isStringLiteral( node ) ||
			ts.isNoSubstitutionTemplateLiteral( node ) )
	) {
		return node.text;
	}
	return null;
}

/** The nearest `translators:` comment before the call or its enclosing expressions. */
function translatorComment( node, text ) {
	let current = node;
	for ( let depth = 0; current && depth < 4; depth++ ) {
		const ranges =
			ts.getLeadingCommentRanges( text, current.getFullStart() ) ?? [];
		for ( const range of ranges.reverse() ) {
			const comment = text.slice( range.pos, range.end );
			const match = /translators:\s*([\s\S]*?)\s*(\*\/)?$/.exec(
				comment.replace( /^\/[/*]\s*/, '' )
			);
			if ( match ) {
				return (
					'translators: ' +
					match[ 1 ].replace( /\s*\n\s*\*?\s*/g, ' ' ).trim()
				);
			}
		}
		current = current.parent;
	}
	return undefined;
}

/**
 * @param {string} file   Absolute path.
 * @param {string} domain Text domain.
 * @param {string} root   References are relative to this.
 * @return {Array<{msgid: string, msgctxt?: string, msgid_plural?: string, file: string, line: number, comment?: string}>} The calls found.
 */
function extractFile( file, domain, root ) {
	const text = fs.readFileSync( file, 'utf8' );
	let kind = ts.ScriptKind.JS;
	if ( file.endsWith( '.tsx' ) ) {
		kind = ts.ScriptKind.TSX;
	} else if ( file.endsWith( '.ts' ) ) {
		kind = ts.ScriptKind.TS;
	}
	const source = ts.createSourceFile(
		file,
		text,
		ts.ScriptTarget.Latest,
		true,
		kind
	);
	const entries = [];
	const visit = ( node ) => {
		if ( ts.isCallExpression( node ) ) {
			const spec = FUNCTIONS[ calleeName( node.expression ) ];
			if ( spec ) {
				const arg = ( key ) =>
					spec[ key ] === undefined
						? null
						: literal( node.arguments[ spec[ key ] ] );
				const msgid = arg( 'text' );
				if ( msgid !== null && arg( 'domain' ) === domain ) {
					const entry = {
						msgid,
						file: path.relative( root, file ),
						line:
							source.getLineAndCharacterOfPosition(
								node.getStart()
							).line + 1,
					};
					if ( spec.context !== undefined ) {
						entry.msgctxt = arg( 'context' ) ?? '';
					}
					if ( spec.plural !== undefined ) {
						entry.msgid_plural = arg( 'plural' ) ?? '';
					}
					const comment = translatorComment( node, text );
					if ( comment ) {
						entry.comment = comment;
					}
					entries.push( entry );
				}
			}
		}
		ts.forEachChild( node, visit );
	};
	visit( source );
	return entries;
}

/** Every .js/.jsx/.ts/.tsx file under `dir`, sorted, without tests or type declarations. */
function sourceFiles( dir ) {
	if ( ! fs.existsSync( dir ) ) {
		return [];
	}
	return fs
		.readdirSync( dir, { recursive: true, withFileTypes: true } )
		.filter(
			( entry ) =>
				entry.isFile() &&
				/\.(jsx?|tsx?)$/.test( entry.name ) &&
				! /\.d\.ts$|\.test\.|\.spec\./.test( entry.name )
		)
		.map( ( entry ) => path.join( entry.parentPath, entry.name ) )
		.sort();
}

module.exports = { extractFile, sourceFiles, calleeName };
