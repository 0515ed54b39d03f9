#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  MAX_NOTE_BYTES,
  formatNote,
  readEvidenceNote,
  signNote
} from "./chunk-GIIEBIZ6.js";
import {
  expandRefs,
  isAmong
} from "./chunk-WINV2HKP.js";
import {
  FULL_SHA,
  git,
  gitText,
  openBlobReader,
  readBlobs,
  repoSession
} from "./chunk-RMU5QMAM.js";

// src/evidence/merge-notes.ts
function mergeEvidenceNotes(object, ours, theirs, signer) {
  const usable = (text) => {
    const r = readEvidenceNote(object, text, signer);
    return r.kind === "evidence" && (!signer.key || r.trusted) ? r.note : void 0;
  };
  const a = usable(ours);
  const b = usable(theirs);
  if (!a) return b ? theirs : ours;
  if (!b) return ours;
  const union = (x, y, id, prefer) => {
    const out = /* @__PURE__ */ new Map();
    for (const v of [...x ?? [], ...y ?? []].filter((r) => typeof r === "object" && r !== null)) {
      const k = id(v);
      const had = out.get(k);
      if (had === void 0 || prefer?.(v) && !prefer(had)) out.set(k, v);
    }
    return [...out.values()];
  };
  const merged = {
    version: 1,
    // Ours first: for a change both verified, our (newer) verdict stands.
    leases: union(a.leases, b.leases, (e) => `${e.lease}\0${e.blob}`),
    grants: union(a.grants, b.grants, (g) => JSON.stringify([g.lease, g.resource, g.grantee, g.role, g.at])),
    // A record someone marked ended stays ended.
    breakGlass: union(a.breakGlass, b.breakGlass, (r) => JSON.stringify([r.pullRequest, r.lease, r.blob, r.grantedAt]), (r) => r.ended !== void 0),
    drift: union(a.drift, b.drift, (d) => JSON.stringify([d.resource, d.grantee, d.role, d.revokedAt])),
    // One policy version per commit: ours (newer) stands, else theirs.
    ...a.policy ?? b.policy ? { policy: a.policy ?? b.policy } : {}
  };
  for (const k of ["grants", "breakGlass", "drift"]) if (merged[k]?.length === 0) delete merged[k];
  const legacy = a.legacy ?? b.legacy;
  if (legacy) merged.legacy = legacy;
  return formatNote(signNote(merged, object, signer));
}

// src/git/evidence-notes.ts
var NOTES_REF = "refs/notes/jit";
async function readNotes(repo, only, onNote, listed) {
  const session = only || onNote || listed ? void 0 : repoSession(repo);
  const tip = session ? await session.resolve(NOTES_REF) : void 0;
  if (session && tip?.type === "commit") return new Map(await session.memo(`notes\0${tip.sha}`, async () => await sessionAllNotes(session, tip.sha) ?? readAllNotes(repo)));
  return readAllNotes(repo, only, onNote, listed);
}
async function sessionAllNotes(s, tipSha) {
  const commit = await s.commit(tipSha);
  if (!commit) return void 0;
  const blobOf = /* @__PURE__ */ new Map();
  const walk = async (tree, prefix) => {
    const entries = await s.tree(tree);
    if (!entries) return false;
    for (const e of entries.values()) {
      const path = prefix + e.name;
      if (e.mode === "040000") {
        if (/^[0-9a-f]{2}$/.test(e.name) && path.length < 62 && !await walk(e.sha, path)) return false;
      } else if (e.mode !== "160000" && FULL_SHA.test(path)) {
        if (blobOf.has(path)) return false;
        blobOf.set(path, e.sha);
      }
    }
    return true;
  };
  if (!await walk(commit.tree, "")) return void 0;
  const out = /* @__PURE__ */ new Map();
  const blobs = await Promise.all([...blobOf.values()].map((b) => s.object(b)));
  const objects = [...blobOf.keys()];
  for (let i = 0; i < objects.length; i++) {
    const blob = blobs[i];
    if (!blob || blob.type !== "blob") return void 0;
    out.set(objects[i], noteText(blob.body));
  }
  return new Map([...out].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}
async function readAllNotes(repo, only, onNote, listed) {
  let list;
  try {
    list = await (listed ?? listNotes(repo));
  } catch {
    return /* @__PURE__ */ new Map();
  }
  const objectsOf = /* @__PURE__ */ new Map();
  for (const line of list.split("\n")) {
    const sp = line.indexOf(" ");
    if (sp < 0) continue;
    const blob = line.slice(0, sp);
    const object = line.slice(sp + 1);
    if (only && !only(object)) continue;
    const objects = objectsOf.get(blob);
    if (objects) objects.push(object);
    else objectsOf.set(blob, [object]);
  }
  const out = /* @__PURE__ */ new Map();
  if (objectsOf.size === 0) return out;
  const reader = openBlobReader(repo, (blob, content) => {
    const text = noteText(content);
    for (const object of objectsOf.get(blob) ?? []) {
      if (onNote) onNote(object, text);
      else out.set(object, text);
    }
  });
  for (const blob of objectsOf.keys()) reader.want(blob);
  await reader.done();
  return out;
}
function listNotes(repo) {
  return gitText(repo, ["notes", `--ref=${NOTES_REF}`, "list"]);
}
function noteText(content) {
  return content.toString("utf8", 0, Math.min(content.length, MAX_NOTE_BYTES + 1));
}
async function writeNote(repo, commit, text) {
  await git(repo, ["-c", "user.name=jit-access", "-c", "user.email=jit-access@users.noreply.github.com", "notes", `--ref=${NOTES_REF}`, "add", "-f", "-F", "-", commit], text);
}
async function updateNote(repo, object, signer, change) {
  await writeNote(repo, object, changedNote(object, await readNote(repo, object), signer, change));
}
function changedNote(object, text, signer, change) {
  const old = text !== void 0 ? readEvidenceNote(object, text, signer) : void 0;
  let base = { version: 1, leases: [] };
  if (old?.kind === "evidence") {
    if (!signer.key || old.trust === "signed") base = old.note;
    else if (old.trust === "legacy" && old.note.legacy === void 0) base = { version: 1, leases: [], legacy: old.note };
  }
  return formatNote(signNote(change(base), object, signer));
}
async function updateNotes(repo, signer, updates) {
  const session = repoSession(repo);
  if (session && updates.length > 1 && await writeNotesAtOnce(session, repo, signer, updates)) return;
  for (const u of updates) await updateNote(repo, u.object, signer, u.change);
}
async function writeNotesAtOnce(s, repo, signer, updates) {
  if (!updates.every((u) => FULL_SHA.test(u.object))) return false;
  const tip = await s.resolve(NOTES_REF);
  if (tip === void 0 || tip !== null && tip.type !== "commit") return false;
  const texts = /* @__PURE__ */ new Map();
  const paths = [];
  for (const u of updates) {
    let old;
    if (texts.has(u.object)) old = texts.get(u.object);
    else if (tip) {
      const found = await sessionNote(s, u.object, tip.sha);
      if (found === void 0) return false;
      old = found === null ? void 0 : noteText(found.body);
      if (found !== null) paths.push(found.path);
    }
    texts.set(u.object, changedNote(u.object, old, signer, u.change));
  }
  if ([...texts.values()].some((t) => !t.endsWith("\n") || t.startsWith("\n") || /[ \t\r]\n|\n\n/.test(t))) return false;
  const message = "Notes added by 'git notes add'\n";
  let stream = `commit ${NOTES_REF}
committer jit-access <jit-access@users.noreply.github.com> now
data ${Buffer.byteLength(message)}
${message}`;
  if (tip) stream += `from ${tip.sha}
`;
  for (const path of paths) stream += `D ${path}
`;
  for (const [object, text] of texts) stream += `N inline ${object}
data ${Buffer.byteLength(text)}
${text}
`;
  try {
    await git(repo, ["fast-import", "--quiet", "--date-format=now"], stream);
  } catch {
    return false;
  }
  for (const [object, text] of texts) if (await readNote(repo, object) !== text) await writeNote(repo, object, text);
  return true;
}
async function pushNotesWithRetry(repo, remote, signer, attempts = 5) {
  let error;
  for (let i = 0; i < attempts; i++) {
    try {
      await git(repo, ["push", "-q", remote, `${NOTES_REF}:${NOTES_REF}`]);
      return void 0;
    } catch (e) {
      error = e.message;
    }
    try {
      await git(repo, ["fetch", "-q", remote, `+${NOTES_REF}:${REMOTE_NOTES}`]);
      await rebaseNotes(repo, signer);
    } catch (e) {
      return e.message;
    }
  }
  return error;
}
var REMOTE_NOTES = `${NOTES_REF}-remote`;
async function rebaseNotes(repo, signer) {
  const base = (await gitText(repo, ["merge-base", NOTES_REF, REMOTE_NOTES]).catch(() => "")).trim();
  const [ours, theirs, before] = await Promise.all([notesTree(repo, NOTES_REF), notesTree(repo, REMOTE_NOTES), base ? notesTree(repo, base) : Promise.resolve(/* @__PURE__ */ new Map())]);
  const mine = [...ours].filter(([object, blob]) => before.get(object) !== blob);
  const texts = await readBlobs(repo, mine.flatMap(([object, blob]) => [blob, ...theirs.has(object) ? [theirs.get(object)] : []]));
  const bytes = (blob) => blob === void 0 ? void 0 : texts.get(blob);
  const text = (blob) => bytes(blob)?.toString("utf8");
  await git(repo, ["update-ref", NOTES_REF, REMOTE_NOTES]);
  for (const [object, blob] of mine) {
    const theirsBytes = bytes(theirs.get(object));
    const theirsText = theirsBytes === void 0 ? void 0 : noteText(theirsBytes);
    const merged = theirsText === void 0 || theirs.get(object) === before.get(object) ? text(blob) : mergeEvidenceNotes(object, text(blob), theirsText, signer);
    await writeNote(repo, object, merged);
  }
}
async function notesTree(repo, commitish) {
  const out = /* @__PURE__ */ new Map();
  for (const line of (await gitText(repo, ["ls-tree", "-r", "-z", commitish])).split("\0")) {
    const tab = line.indexOf("	");
    if (tab < 0) continue;
    const blob = line.slice(0, tab).split(" ")[2];
    if (blob) out.set(line.slice(tab + 1).replaceAll("/", ""), blob);
  }
  return out;
}
async function readNote(repo, commit) {
  const session = repoSession(repo);
  const found = session && FULL_SHA.test(commit) ? await sessionNote(session, commit) : void 0;
  if (found !== void 0) return found === null ? void 0 : noteText(found.body);
  try {
    return noteText(await git(repo, ["notes", `--ref=${NOTES_REF}`, "show", commit]));
  } catch {
    return void 0;
  }
}
async function sessionNote(s, object, at) {
  const tip = at !== void 0 ? { sha: at, type: "commit" } : await s.resolve(NOTES_REF);
  if (tip === void 0) return void 0;
  if (tip === null) return null;
  if (tip.type !== "commit") return void 0;
  const commit = await s.commit(tip.sha);
  if (!commit) return void 0;
  let tree = commit.tree;
  let rest = object;
  let dir = "";
  while (rest.length > 0) {
    const entries = await s.tree(tree);
    if (!entries) return void 0;
    const note = entries.get(rest);
    if (note && note.mode !== "040000" && note.mode !== "160000") {
      const blob = await s.object(note.sha);
      return blob ? { body: blob.body, path: `${dir}${rest}` } : void 0;
    }
    const fan = entries.get(rest.slice(0, 2));
    if (!fan || fan.mode !== "040000" || rest.length <= 2) return null;
    tree = fan.sha;
    dir += `${rest.slice(0, 2)}/`;
    rest = rest.slice(2);
  }
  return null;
}

// src/approval/evaluate-approvals.ts
var same = (a, b) => a.toLowerCase() === b.toLowerCase();
function evaluateApprovals(input) {
  const { rules, groups, author, grantee, headSha, facts } = input;
  const ignored = [];
  const unknown = /* @__PURE__ */ new Set();
  const latest = /* @__PURE__ */ new Map();
  const ordered = input.reviews.map((r, i) => ({ r, i })).sort((a, b) => a.r.submittedAt - b.r.submittedAt || a.i - b.i);
  for (const { r } of ordered) {
    if (r.state === "COMMENTED" || r.state === "PENDING") continue;
    latest.set(r.reviewer.toLowerCase(), r);
  }
  const eligibleFor = (login, rule) => isAmong(login, rule.from, groups, facts);
  const eligibleAny = (login) => {
    let u = false;
    for (const rule of rules) {
      const e = eligibleFor(login, rule);
      if (e === true) return true;
      if (e === "unknown") u = true;
    }
    return u ? "unknown" : false;
  };
  const blockedBy = [];
  const candidates = [];
  for (const r of latest.values()) {
    if (r.state === "DISMISSED") continue;
    if (same(r.reviewer, author)) {
      if (r.state === "APPROVED") ignored.push({ review: r, why: `${r.reviewer} is the pull request's author` });
      continue;
    }
    if (same(r.reviewer, grantee)) {
      if (r.state === "APPROVED") ignored.push({ review: r, why: `${r.reviewer} is the grantee` });
      continue;
    }
    const eligible = eligibleAny(r.reviewer);
    if (eligible === "unknown") unknown.add(`whether ${r.reviewer} may approve (team membership not resolved)`);
    if (r.state === "CHANGES_REQUESTED") {
      if (eligible !== false) blockedBy.push(r.reviewer);
      continue;
    }
    if (eligible === false) {
      ignored.push({ review: r, why: `${r.reviewer} is not an approver of this resource` });
      continue;
    }
    if (r.commitId !== headSha) {
      ignored.push({ review: r, why: `${r.reviewer} approved an older commit (${r.commitId.slice(0, 7)}), not the final head ${headSha.slice(0, 7)}` });
      continue;
    }
    candidates.push(r);
  }
  const slots = [];
  rules.forEach((rule, ri) => {
    for (let k = 0; k < rule.count; k++) slots.push(ri);
  });
  const edges = candidates.map((c) => slots.map((ri) => eligibleFor(c.reviewer, rules[ri]) === true));
  const slotOwner = slots.map(() => -1);
  const tryAssign = (ci, seen) => {
    for (let s = 0; s < slots.length; s++) {
      if (!edges[ci][s] || seen[s]) continue;
      seen[s] = true;
      if (slotOwner[s] === -1 || tryAssign(slotOwner[s], seen)) {
        slotOwner[s] = ci;
        return true;
      }
    }
    return false;
  };
  for (let ci = 0; ci < candidates.length; ci++) tryAssign(ci, slots.map(() => false));
  const progress = rules.map((rule) => ({ from: rule.from, count: rule.count, approvedBy: [], missing: rule.count }));
  const counted = [];
  slots.forEach((ri, s) => {
    const ci = slotOwner[s];
    if (ci < 0) return;
    const p = progress[ri];
    p.approvedBy.push(candidates[ci].reviewer);
    p.missing--;
    counted.push(candidates[ci]);
  });
  const missing = [];
  for (const p of progress) {
    if (p.missing > 0) missing.push(`${p.missing} more approval${p.missing === 1 ? "" : "s"} from ${expandRefs(p.from, groups).join(", ")}`);
  }
  for (const b of blockedBy) missing.push(`${b} requested changes`);
  const satisfied = missing.length === 0;
  return { satisfied, rules: progress, counted, missing, blockedBy, ignored, unknown: [...unknown] };
}

export {
  NOTES_REF,
  readNotes,
  listNotes,
  updateNotes,
  pushNotesWithRetry,
  readNote,
  evaluateApprovals
};
