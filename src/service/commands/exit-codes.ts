/**
 * The exit codes of every `rlg` command, in one place so that the help
 * text, the README and the code cannot drift apart.
 *
 * 0  done, nothing to report
 * 1  done, with a warning or critical finding
 * 2  usage or input error: a bad argument, option, file or setting (the
 *    message says which); nothing was checked
 * 3  could not check: a partner or our site could not be fetched or
 *    read (unreachable, timeout, blocked, HTTP error); retrying later may
 *    help. `rlg check` returns 1 over 3 when both apply: the findings it
 *    could make are still worth acting on.
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
export const EXIT_UNCHECKED = 3;

/** One line for `--help` texts. */
export const EXIT_CODES_HELP =
	'Exit codes: 0 ok, 1 findings, 2 usage or input error, 3 could not check (network).';
