/**
 * The exit codes every `jit` command returns, and the line each --help ends with.
 * 0: done, nothing wrong. 1: findings or refusals (an invalid file, an unapproved lease, a
 * check that failed). 2: usage or configuration errors (an unknown flag, a bad value, a
 * folder that does not exist, an API that cannot be reached).
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export const EXIT_CODES_HELP = "Exit codes: 0 ok, 1 findings or refusals, 2 usage or configuration error (also when the\nGitHub API cannot be reached).";
