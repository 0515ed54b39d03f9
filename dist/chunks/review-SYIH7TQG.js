#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  daysOverdue,
  dueReviews,
  reviewersOf
} from "./chunk-WG72HT7V.js";
import {
  MAX_POLICY_BYTES,
  escapePointerSegment,
  formatDuration,
  loadPolicy,
  parseYamlText
} from "./chunk-WINV2HKP.js";
import {
  formatTimestamp
} from "./chunk-DHPVELKE.js";
import "./chunk-SVH2GO35.js";
import {
  git,
  gitText
} from "./chunk-RMU5QMAM.js";
import "./chunk-ZKNAD5EA.js";

// src/commands/review.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/review/remove-standing.ts
var isBlankOrComment = (line) => /^\s*(?:#.*)?\r?$/.test(line);
var indentOf = (line) => /^ */.exec(line)[0].length;
function removeStanding(file, text, removals) {
  const doc = parseYamlText(file, text, MAX_POLICY_BYTES, false);
  if (doc.diagnostics.length) return { ok: false, problem: `${file} does not parse: ${doc.diagnostics[0].message}` };
  const value = doc.value;
  const lines = text.split("\n");
  const cut = [];
  const emptied = [];
  const byResource = /* @__PURE__ */ new Map();
  for (const r of removals) byResource.set(r.resource, (byResource.get(r.resource) ?? /* @__PURE__ */ new Set()).add(r.index));
  for (const [resource, indexes] of byResource) {
    const list = value.resources?.[resource]?.standing;
    const base = `/resources/${escapePointerSegment(resource)}/standing`;
    if (!Array.isArray(list)) return { ok: false, problem: `${resource} has no standing list in ${file}.` };
    for (const index of indexes) {
      if (index < 0 || index >= list.length) return { ok: false, problem: `${resource} has no standing entry ${index} in ${file}.` };
      const at = doc.locate(`${base}/${index}`);
      let line = at.line - 1;
      let col = at.column - 2;
      while (line >= 0 && col >= 0 && lines[line][col] === " ") col--;
      if (line < 0 || col < 0 || lines[line][col] !== "-" || lines[line].slice(0, col).trim() !== "") {
        const above = at.line - 2;
        const m = above >= 0 ? /^( *)-\s*$/.exec(lines[above].replace(/\r$/, "")) : null;
        if (!m) return { ok: false, problem: `The standing list of ${resource} is not a block list (- entries): edit ${file} by hand.` };
        line = above;
        col = m[1].length;
      }
      let first = line;
      while (first > 0 && /^\s*#/.test(lines[first - 1]) && indentOf(lines[first - 1]) === col) first--;
      let last = line;
      for (let i = line + 1; i < lines.length; i++) {
        if (isBlankOrComment(lines[i])) continue;
        if (indentOf(lines[i]) > col) last = i;
        else break;
      }
      cut.push([first, last]);
    }
    if (indexes.size === list.length) emptied.push(doc.locateKey(base));
  }
  const out = lines.slice();
  for (const k of emptied) {
    const l = out[k.line - 1];
    const colon = l.indexOf(":", k.column - 1);
    if (colon < 0) return { ok: false, problem: `Could not find the standing key of a list to empty in ${file}.` };
    out[k.line - 1] = `${l.slice(0, colon + 1)} []${l.slice(colon + 1).replace(/^[ \t]*(?=\r?$)/, "").replace(/^[ \t]*(?=#)/, " ")}`;
  }
  for (const [first, last] of cut.sort((a, b) => b[0] - a[0])) out.splice(first, last - first + 1);
  const edited = out.join("\n");
  const again = parseYamlText(file, edited, MAX_POLICY_BYTES, false);
  const expected = structuredClone(value);
  for (const [resource, indexes] of byResource) {
    const r = expected.resources[resource];
    r.standing = r.standing.filter((_, i) => !indexes.has(i));
  }
  if (again.diagnostics.length || JSON.stringify(again.value) !== JSON.stringify(expected)) {
    return { ok: false, problem: `Removing the entries from ${file} by a textual edit would change more than them (unusual layout): edit it by hand.` };
  }
  return { ok: true, text: edited };
}

// src/review/review-request.ts
var REVIEW_TRAILER = "Jit-Review: standing";
var esc = (s) => s.replace(/\|/g, "\\|").replace(/</g, "&lt;");
var mention = (ref) => ref.startsWith("@") ? ref : `@${ref}`;
function reviewTitle(due) {
  return `Access review: ${due.length} standing ${due.length === 1 ? "entry" : "entries"} due`;
}
function reviewBody(i) {
  const today = formatTimestamp(i.now).slice(0, 10);
  const out = [
    `Standing access in \`${i.policyPath}\` is due for its periodic review (as of ${today}). This pull request **removes** the entries below.`,
    "",
    "For each resource, its approvers decide:",
    "",
    "- **Remove**: approve and merge this pull request: the access is revoked by the next apply.",
    `- **Keep**: push a commit to this branch that puts the entry back with \`reviewed: "${today}"\` (and, if wanted, another \`reviewEvery\`), then merge. An entry kept this way is not proposed again until its next review falls due.`,
    "",
    `This changes \`${i.policyPath}\`: like any policy change it needs the approval of a policy admin to be in force.`,
    ""
  ];
  const byResource = /* @__PURE__ */ new Map();
  for (const e of i.due) byResource.set(e.resource, [...byResource.get(e.resource) ?? [], e]);
  for (const [resource, entries] of byResource) {
    const who = i.reviewers(resource).map(mention);
    out.push(`### ${esc(resource)}`, "", who.length ? `Approvers: ${who.join(" ")}` : "No approvers are named for this resource: a policy admin decides.", "", "| Grantee | Role | Last reviewed | Every | Due |", "|---|---|---|---|---|");
    for (const e of entries) {
      const late = daysOverdue(e, i.now);
      const due = e.dueAt === void 0 ? "never reviewed" : `${formatTimestamp(e.dueAt).slice(0, 10)}${late ? ` (${late} day${late === 1 ? "" : "s"} ago)` : ""}`;
      out.push(`| ${esc(e.grantee)} | ${esc(e.role)} | ${e.reviewed ?? "\u2014"} | ${formatDuration(e.everyMinutes)} | ${due} |`);
    }
    out.push("");
  }
  if (i.kept) out.push("> Reviewers have pushed to this branch, so `jit review` left it as they made it. Entries that fell due since are listed above but are not in the diff; they will be proposed after this pull request is merged or closed.", "");
  out.push(`<sub>Opened by \`jit review\`${i.runUrl ? ` ([run](${i.runUrl}))` : ""}; the next run updates this pull request, and closes it when nothing is due.</sub>`);
  return out.join("\n") + "\n";
}

// src/commands/review.ts
var REVIEW_BRANCH = "jit/review";
async function runReview(o) {
  const remote = o.remote ?? "origin";
  const branch = o.branch ?? REVIEW_BRANCH;
  await git(o.repoDir, ["fetch", "--quiet", remote, `refs/heads/${o.defaultBranch}`]);
  const base = (await gitText(o.repoDir, ["rev-parse", "FETCH_HEAD^{commit}"])).trim();
  const remoteHead = (await gitText(o.repoDir, ["ls-remote", remote, `refs/heads/${branch}`])).split(/\s/)[0] || void 0;
  if (remoteHead) await git(o.repoDir, ["fetch", "--quiet", remote, `refs/heads/${branch}`]);
  const headIsOurs = remoteHead ? (await gitText(o.repoDir, ["log", "-1", "--format=%B", remoteHead])).split("\n").some((l) => l.trim() === REVIEW_TRAILER) : false;
  const bytes = await git(o.repoDir, ["cat-file", "blob", `${base}:${o.policyPath}`]).catch(() => void 0);
  if (!bytes) return { ok: false, outcome: "refused", due: [], message: `${o.policyPath} is not on ${o.defaultBranch}: nothing to review.` };
  const loaded = loadPolicy(o.policyPath, bytes);
  if (!loaded.policy) {
    const d = loaded.diagnostics[0];
    return { ok: false, outcome: "refused", due: [], message: `${o.policyPath} on ${o.defaultBranch} is not a valid policy (${d.file}:${d.line}: ${d.message}): fix it first; nothing was reviewed.` };
  }
  const policy = loaded.policy;
  const due = dueReviews(policy, o.now);
  const open = (await o.gh.rest.pulls.list({ owner: o.owner, repo: o.repo, head: `${o.owner}:${branch}`, base: o.defaultBranch, state: "open", per_page: 10 })).data[0];
  const pr = open ? { number: open.number, url: open.html_url } : void 0;
  if (due.length === 0) {
    if (!open) return { ok: true, outcome: "nothing-due", due, message: "No standing access is due for review: nothing to do." };
    if (remoteHead && !headIsOurs) return { ok: true, outcome: "kept", due, message: `No standing access is due for review; #${open.number} has reviewers' changes and is left open for them.`, ...pr ? { pullRequest: pr } : {} };
    if (o.dryRun) return { ok: true, outcome: "dry-run", due, message: `No standing access is due for review: would close #${open.number} and delete ${branch}.` };
    await o.gh.rest.issues.createComment({ owner: o.owner, repo: o.repo, issue_number: open.number, body: "Nothing is due for review any more (the entries were removed or given a new review date on the default branch): closing." });
    await o.gh.rest.pulls.update({ owner: o.owner, repo: o.repo, pull_number: open.number, state: "closed" });
    await git(o.repoDir, ["push", "--quiet", remote, "--delete", branch]).catch(() => void 0);
    return { ok: true, outcome: "closed", due, message: `No standing access is due for review: closed #${open.number}.`, ...pr ? { pullRequest: pr } : {} };
  }
  const edit = removeStanding(o.policyPath, bytes.toString("utf8"), due.map((e) => ({ resource: e.resource, index: e.index })));
  if (!edit.ok) return { ok: false, outcome: "refused", due, message: `${due.length} standing ${due.length === 1 ? "entry is" : "entries are"} due for review, but no pull request was opened: ${edit.problem}` };
  const kept = remoteHead !== void 0 && !headIsOurs && open !== void 0;
  const title = reviewTitle(due);
  const body = reviewBody({ due, reviewers: (r) => reviewersOf(policy, r), policyPath: o.policyPath, now: o.now, ...o.runUrl ? { runUrl: o.runUrl } : {}, kept });
  if (o.dryRun) return { ok: true, outcome: "dry-run", due, message: `${due.length} standing ${due.length === 1 ? "entry" : "entries"} due: would ${open ? `update #${open.number}` : "open a pull request"} from ${branch}.`, ...pr ? { pullRequest: pr } : {} };
  let pushed = false;
  if (!kept) {
    const blob = (await git(o.repoDir, ["hash-object", "-w", "--stdin"], edit.text)).toString("utf8").trim();
    const tree = await treeWith(o.repoDir, base, o.policyPath, blob);
    const same = remoteHead !== void 0 && headIsOurs && (await gitText(o.repoDir, ["rev-parse", `${remoteHead}^{tree}`, `${remoteHead}^`]).catch(() => "")).split("\n").join(" ").trim() === `${tree} ${base}`;
    if (!same) {
      const who = o.botLogin ?? "jit-access";
      const date = `${Math.floor(o.now / 1e3)} +0000`;
      const env = { GIT_AUTHOR_NAME: who, GIT_AUTHOR_EMAIL: `${who}@users.noreply.github.com`, GIT_AUTHOR_DATE: date, GIT_COMMITTER_NAME: who, GIT_COMMITTER_EMAIL: `${who}@users.noreply.github.com`, GIT_COMMITTER_DATE: date };
      const message = [`${title}: remove from ${o.policyPath}`, "", ...due.map((e) => `- ${e.resource}: ${e.grantee} (${e.role}), last reviewed ${e.reviewed ?? "never"}`), "", REVIEW_TRAILER].join("\n");
      const commit = (await git(o.repoDir, ["commit-tree", tree, "-p", base, "-F", "-"], message + "\n", env)).toString("utf8").trim();
      await git(o.repoDir, ["push", "--quiet", `--force-with-lease=refs/heads/${branch}:${remoteHead ?? ""}`, remote, `${commit}:refs/heads/${branch}`]);
      pushed = true;
    }
  }
  if (open) {
    await o.gh.rest.pulls.update({ owner: o.owner, repo: o.repo, pull_number: open.number, title, body });
    const outcome = kept ? "kept" : pushed ? "updated" : "unchanged";
    const what = kept ? "left the branch as reviewers made it" : pushed ? `rebuilt ${branch} on ${o.defaultBranch}` : "the proposed change is the same";
    return { ok: true, outcome, due, message: `${due.length} standing ${due.length === 1 ? "entry" : "entries"} due: updated #${open.number} (${what}).`, pullRequest: { number: open.number, url: open.html_url } };
  }
  const created = (await o.gh.rest.pulls.create({ owner: o.owner, repo: o.repo, head: branch, base: o.defaultBranch, title, body })).data;
  return { ok: true, outcome: "opened", due, message: `${due.length} standing ${due.length === 1 ? "entry" : "entries"} due: opened #${created.number}.`, pullRequest: { number: created.number, url: created.html_url } };
}
async function treeWith(repo, base, path, blob) {
  const dir = await mkdtemp(join(tmpdir(), "jit-review-"));
  try {
    const index = { GIT_INDEX_FILE: join(dir, "index") };
    await git(repo, ["read-tree", base], void 0, index);
    await git(repo, ["update-index", "--cacheinfo", `100644,${blob},${path}`], void 0, index);
    return (await git(repo, ["write-tree"], void 0, index)).toString("utf8").trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
export {
  REVIEW_BRANCH,
  runReview
};
