import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  checkLeasePath,
  isTrustedRequestNote,
  isUnderLeases,
  parseRequestNote
} from "./chunk-VTJMK7UI.js";

// src/git/blob-id.ts
import { createHash } from "node:crypto";
function gitBlobId(bytes) {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

// src/approval/requester.ts
var NEW_REQUEST = "Close this pull request and ask again with the request form (Actions \u2192 jit-access request \u2192 Run workflow); never push to a request branch.";
function resolveRequester(i) {
  const pr = `#${i.pullRequest.number}`;
  if (i.botLogin === void 0 && i.botProblem !== void 0 && i.author.endsWith("[bot]") && i.leases.length > 0) {
    return {
      ok: false,
      code: "request-bot-unknown",
      message: `Pull request ${pr} was opened by ${i.author}, a bot account, and the request form's login could not be found (${i.botProblem}): whether the form opened it, and for whom, cannot be established.`,
      hint: "Set the bot-login input to the login the request workflow opens pull requests as, e.g. ${{ steps.app.outputs.app-slug }}[bot]."
    };
  }
  const byBot = i.botLogin !== void 0 && i.author.toLowerCase() === i.botLogin.toLowerCase();
  if (!byBot || i.leases.length === 0) return { ok: true, login: i.author, via: "author" };
  const head = i.pullRequest.headSha.slice(0, 7);
  if (!i.evidenceKey) {
    return {
      ok: false,
      code: "request-no-evidence-key",
      message: `Pull request ${pr} was opened by ${i.author} (the request form): who asked is recorded in a signed request note, and no evidence key is configured to check it, so nobody can be taken as the requester.`,
      hint: "Give this step evidence-key: ${{ secrets.JIT_EVIDENCE_KEY }} (the key the request workflow signs with), or open the request as yourself."
    };
  }
  const unbound = (why) => ({
    ok: false,
    code: "request-unbound",
    message: `The request was changed after the form opened it: ${why}, so pull request ${pr} cannot be attributed to anyone.`,
    hint: NEW_REQUEST
  });
  if (i.note === void 0) return unbound(`the head commit ${head} of ${i.pullRequest.headRef} is not the commit the form made (it has no request note; someone pushed to the branch)`);
  const note = parseRequestNote(i.note);
  if (!note) return unbound(`the note on the head commit ${head} is not a request note`);
  if (!isTrustedRequestNote(note, i.pullRequest.headSha, i.evidenceKey)) return unbound(`the request note on the head commit ${head} is not signed with the evidence key (forged, copied from another commit, or made with another key)`);
  const b = note.request;
  if (b.repository.toLowerCase() !== i.repository.toLowerCase()) return unbound(`the request note was made for ${b.repository}, not ${i.repository}`);
  if (b.branch !== i.pullRequest.headRef) return unbound(`the request note was made for branch ${b.branch}, not ${i.pullRequest.headRef}`);
  const mine = i.leases.find((l) => l.path === b.lease);
  if (i.leases.length !== 1 || !mine) return unbound(`the form wrote only ${b.lease}, but the pull request changes ${i.leases.map((l) => l.path).join(", ")}`);
  if (mine.blob !== b.blob) return unbound(`${b.lease} is not the content the form wrote`);
  return { ok: true, login: b.actor, via: "request-form", binding: b };
}
function requestable(path) {
  return isUnderLeases(path) && checkLeasePath(path).kind !== "placeholder";
}
function changedLeases(changes) {
  return changes.filter((c) => c.head && c.status !== "removed" && requestable(c.path)).map((c) => ({ path: c.path, blob: gitBlobId(c.head.bytes) }));
}
function changedLeaseFiles(files) {
  return files.filter((f) => f.status !== "removed" && requestable(f.filename)).map((f) => ({ path: f.filename, blob: f.sha ?? "" }));
}

export {
  gitBlobId,
  resolveRequester,
  changedLeases,
  changedLeaseFiles
};
