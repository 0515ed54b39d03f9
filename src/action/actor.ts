/**
 * Who is acting in this workflow run. GitHub sets GITHUB_ACTOR to whoever started the run's
 * first attempt and keeps it on every re-run; GITHUB_TRIGGERING_ACTOR is whoever started
 * this attempt. A re-run replays the first attempt's inputs with the re-runner's hands, so
 * it is the triggering actor who is judged (revoke-now's permission check) and recorded;
 * GITHUB_ACTOR is kept only to say whose run was re-run. Older runners that do not set
 * GITHUB_TRIGGERING_ACTOR fall back to GITHUB_ACTOR.
 */

export interface RunActor {
  /** Who started this attempt (GITHUB_TRIGGERING_ACTOR, else GITHUB_ACTOR): the one judged and recorded. */
  login: string;
  /** Who started the run's first attempt (GITHUB_ACTOR, else `login`). */
  startedBy: string;
  /** This attempt is someone else's run re-run by `login` (the logins differ, ignoring case). */
  rerun: boolean;
}

/** The actor of this run, from the variables GitHub sets; undefined when neither is set. */
export function runActor(env: NodeJS.ProcessEnv): RunActor | undefined {
  const triggering = env.GITHUB_TRIGGERING_ACTOR?.trim() ?? "";
  const original = env.GITHUB_ACTOR?.trim() ?? "";
  const login = triggering || original;
  if (!login) return undefined;
  const startedBy = original || login;
  return { login, startedBy, rerun: startedBy.toLowerCase() !== login.toLowerCase() };
}

/** "@mallory" or, on a re-run by someone else, "@mallory (re-running @sam's run)". */
export function describeActor(a: RunActor): string {
  return a.rerun ? `@${a.login} (re-running @${a.startedBy}'s run)` : `@${a.login}`;
}
