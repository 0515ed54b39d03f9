/**
 * The environment every git process runs with: never prompt, never page, and do not let a
 * user's config change output formats. No caller needs each record the moment git has it, so
 * git need not flush every one (GIT_FLUSH=0). Computed once (copying process.env per process
 * start showed in profiles); `process.env` changed later is not seen.
 */
let env: NodeJS.ProcessEnv | undefined;

export function gitEnv(): NodeJS.ProcessEnv {
  env ??= { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", LC_ALL: "C", GIT_FLUSH: "0" };
  return env;
}
