import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/action/actor.ts
function runActor(env) {
  const triggering = env.GITHUB_TRIGGERING_ACTOR?.trim() ?? "";
  const original = env.GITHUB_ACTOR?.trim() ?? "";
  const login = triggering || original;
  if (!login) return void 0;
  const startedBy = original || login;
  return { login, startedBy, rerun: startedBy.toLowerCase() !== login.toLowerCase() };
}
function describeActor(a) {
  return a.rerun ? `@${a.login} (re-running @${a.startedBy}'s run)` : `@${a.login}`;
}

export {
  runActor,
  describeActor
};
