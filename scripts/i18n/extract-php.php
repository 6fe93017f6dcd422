<?php
/**
 * Prints, as JSON, every gettext call of the given text domain in the given
 * PHP files: [{ msgid, msgctxt?, msgid_plural?, file, line, comment? }].
 * Tokenised with token_get_all, so strings in comments or HTML are not
 * mistaken for calls. Used by scripts/i18n/make-pot.js.
 *
 * Usage: php extract-php.php <root> <domain> <file>...
 */

$root   = rtrim( $argv[1], '/' ) . '/';
$domain = $argv[2];
$files  = array_slice( $argv, 3 );

// Function => positions of text, plural, context and domain arguments.
$functions = array(
	'__'           => array( 'text' => 0, 'domain' => 1 ),
	'_e'           => array( 'text' => 0, 'domain' => 1 ),
	'esc_html__'   => array( 'text' => 0, 'domain' => 1 ),
	'esc_html_e'   => array( 'text' => 0, 'domain' => 1 ),
	'esc_attr__'   => array( 'text' => 0, 'domain' => 1 ),
	'esc_attr_e'   => array( 'text' => 0, 'domain' => 1 ),
	'_x'           => array( 'text' => 0, 'context' => 1, 'domain' => 2 ),
	'_ex'          => array( 'text' => 0, 'context' => 1, 'domain' => 2 ),
	'esc_html_x'   => array( 'text' => 0, 'context' => 1, 'domain' => 2 ),
	'esc_attr_x'   => array( 'text' => 0, 'context' => 1, 'domain' => 2 ),
	'_n'           => array( 'text' => 0, 'plural' => 1, 'domain' => 3 ),
	'_nx'          => array( 'text' => 0, 'plural' => 1, 'context' => 3, 'domain' => 4 ),
	'_n_noop'      => array( 'text' => 0, 'plural' => 1, 'domain' => 2 ),
	'_nx_noop'     => array( 'text' => 0, 'plural' => 1, 'context' => 2, 'domain' => 3 ),
);

/**
 * The value of a constant PHP string literal.
 *
 * @param string $literal Token text, quotes included.
 * @return string
 */
function rlg_literal( $literal ) {
	if ( "'" === $literal[0] ) {
		return str_replace( array( "\\'", '\\\\' ), array( "'", '\\' ), substr( $literal, 1, -1 ) );
	}
	return stripcslashes( substr( $literal, 1, -1 ) );
}

$entries = array();
foreach ( $files as $file ) {
	$tokens  = token_get_all( file_get_contents( $file ) );
	$count   = count( $tokens );
	$comment = null;
	for ( $i = 0; $i < $count; $i++ ) {
		$token = $tokens[ $i ];
		if ( is_array( $token ) && in_array( $token[0], array( T_COMMENT, T_DOC_COMMENT ), true ) ) {
			if ( preg_match( '/translators:\s*(.*?)\s*(\*\/)?$/s', $token[1], $match ) ) {
				$comment = array(
					'text' => 'translators: ' . trim( preg_replace( '/\s*\n\s*\*?\s*/', ' ', $match[1] ) ),
					'line' => $token[2] + substr_count( $token[1], "\n" ),
				);
			}
			continue;
		}
		if ( ! is_array( $token ) || T_STRING !== $token[0] || ! isset( $functions[ $token[1] ] ) ) {
			continue;
		}
		// Not a method or a function definition.
		$prev = $i - 1;
		while ( $prev >= 0 && is_array( $tokens[ $prev ] ) && T_WHITESPACE === $tokens[ $prev ][0] ) {
			$prev--;
		}
		if ( $prev >= 0 && is_array( $tokens[ $prev ] ) && in_array( $tokens[ $prev ][0], array( T_OBJECT_OPERATOR, T_DOUBLE_COLON, T_FUNCTION ), true ) ) {
			continue;
		}
		$next = $i + 1;
		while ( $next < $count && is_array( $tokens[ $next ] ) && T_WHITESPACE === $tokens[ $next ][0] ) {
			$next++;
		}
		if ( $next >= $count || '(' !== $tokens[ $next ] ) {
			continue;
		}
		// Split the arguments at top-level commas; keep only literal ones.
		$args    = array();
		$current = array();
		$depth   = 0;
		for ( $j = $next + 1; $j < $count; $j++ ) {
			$t = $tokens[ $j ];
			if ( '(' === $t || '[' === $t || '{' === $t ) {
				$depth++;
			} elseif ( ')' === $t || ']' === $t || '}' === $t ) {
				if ( 0 === $depth ) {
					$args[] = $current;
					break;
				}
				$depth--;
			} elseif ( ',' === $t && 0 === $depth ) {
				$args[]  = $current;
				$current = array();
				continue;
			}
			if ( is_array( $t ) && in_array( $t[0], array( T_WHITESPACE, T_COMMENT ), true ) ) {
				continue;
			}
			$current[] = $t;
		}
		$spec  = $functions[ $token[1] ];
		$value = function ( $key ) use ( $spec, $args ) {
			if ( ! isset( $spec[ $key ], $args[ $spec[ $key ] ] ) ) {
				return null;
			}
			$arg = $args[ $spec[ $key ] ];
			if ( 1 !== count( $arg ) || ! is_array( $arg[0] ) || T_CONSTANT_ENCAPSED_STRING !== $arg[0][0] ) {
				return null;
			}
			return rlg_literal( $arg[0][1] );
		};
		if ( $value( 'domain' ) !== $domain || null === $value( 'text' ) ) {
			continue;
		}
		$entry = array(
			'msgid' => $value( 'text' ),
			'file'  => substr( realpath( $file ), strlen( realpath( $root ) ) + 1 ),
			'line'  => $token[2],
		);
		if ( isset( $spec['context'] ) ) {
			$entry['msgctxt'] = $value( 'context' );
		}
		if ( isset( $spec['plural'] ) ) {
			$entry['msgid_plural'] = $value( 'plural' );
		}
		if ( $comment && $token[2] - $comment['line'] <= 2 ) {
			$entry['comment'] = $comment['text'];
			$comment          = null;
		}
		$entries[] = $entry;
	}
}
echo json_encode( $entries, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT );
