<?php
/**
 * Writes one pretty-printed JSON document whose one list is given a row at
 * a time, so that a command can print a report of any length while holding
 * one row of it.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

use WP_CLI;

defined( 'ABSPATH' ) || exit;

/**
 * The document is encoded once with a marker where the list goes; what
 * stands before and after the marker is printed around the rows, which are
 * encoded one by one and indented to their depth. The result is the
 * document `wp_json_encode( …, JSON_PRETTY_PRINT )` prints with the whole
 * list in place.
 */
final class Json_Rows_Writer {

	/**
	 * The encoding of the document and of each row.
	 */
	const FLAGS = JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;

	/**
	 * Stands in for the list while the rest of the document is encoded.
	 */
	const MARKER = '__rlg_json_rows_writer_list__';

	/**
	 * The document up to the list's opening bracket.
	 *
	 * @var string
	 */
	private $before = '';

	/**
	 * The document after the list's closing bracket.
	 *
	 * @var string
	 */
	private $after = '';

	/**
	 * The indentation of the line the list's key stands on.
	 *
	 * @var string
	 */
	private $indent = '';

	/**
	 * The last row given, printed once it is known whether a comma follows.
	 *
	 * @var string|null
	 */
	private $pending = null;

	/**
	 * Whether the opening part was printed.
	 *
	 * @var bool
	 */
	private $opened = false;

	/**
	 * Takes the document around the list; prints nothing yet.
	 *
	 * @param array<string, mixed> $document The document; the list's value is ignored.
	 * @param string[]             $path     The keys that lead to the list.
	 */
	public function open( array $document, array $path ) {
		$slot = &$document;
		foreach ( $path as $key ) {
			$slot = &$slot[ $key ];
		}
		$slot = self::MARKER;
		unset( $slot );
		$encoded = (string) wp_json_encode( $document, self::FLAGS );
		$at      = strpos( $encoded, '"' . self::MARKER . '"' );
		if ( false === $at ) {
			// Only a document without the path, which is a caller's error.
			throw new \InvalidArgumentException( 'Json_Rows_Writer: the path does not lead into the document.' );
		}
		$this->before = substr( $encoded, 0, $at );
		$this->after  = substr( $encoded, $at + strlen( self::MARKER ) + 2 );
		$line_start   = strrpos( $this->before, "\n" );
		$key_line     = false === $line_start ? $this->before : substr( $this->before, $line_start + 1 );
		$this->indent = substr( $key_line, 0, strlen( $key_line ) - strlen( ltrim( $key_line, ' ' ) ) );
	}

	/**
	 * Adds one row of the list.
	 *
	 * @param mixed $row The row.
	 */
	public function row( $row ) {
		if ( ! $this->opened ) {
			WP_CLI::line( $this->before . '[' );
			$this->opened = true;
		}
		if ( null !== $this->pending ) {
			WP_CLI::line( $this->pending . ',' );
		}
		$inner         = $this->indent . '    ';
		$this->pending = $inner . str_replace( "\n", "\n" . $inner, (string) wp_json_encode( $row, self::FLAGS ) );
	}

	/**
	 * Prints the last row and the rest of the document.
	 */
	public function close() {
		if ( ! $this->opened ) {
			WP_CLI::line( $this->before . '[]' . $this->after );
			return;
		}
		WP_CLI::line( $this->pending );
		WP_CLI::line( $this->indent . ']' . $this->after );
	}
}
