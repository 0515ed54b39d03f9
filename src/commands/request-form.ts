/**
 * The request form (the Action's `request` command, run from a workflow_dispatch form): asks
 * for access on behalf of the person who ran the workflow, without git. Writes the lease with
 * `jit request`'s code, validates it as the pull request check will (the default branch's
 * policy, its requester rules through the API), and only then commits it on a new branch as
 * the bot, signs a request note on that commit naming the actor (refs/notes/jit), pushes both
 * in one atomic push, and opens the pull request. An invalid request opens nothing.
 *
 * The pull request is authored by the bot; validation and apply take the note's actor as the
 * requester while the pull request is exactly what the form opened (approval/requester.ts).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic } from "../diagnostics/diagnostic.js";
import { UsageError } from "../diagnostics/usage-error.js";
import { signRequestNote } from "../evidence/request-note.js";
import { NOTES_REF, fetchNotes, writeNote } from "../git/evidence-notes.js";
import { git, gitText, revExists } from "../git/run-git.js";
import { botLogin } from "../github/bot-login.js";
import type { GitHubClient } from "../github/client.js";
import { resolveFacts } from "../github/resolve-facts.js";
import { loadLease } from "../lease/load-lease.js";
import { formatTimestamp } from "../lease/timestamp.js";
import { loadPolicy } from "../policy/load-policy.js";
import { requestBody, requestTitle } from "../report/format-request.js";
import type { FileChange } from "../validate/inputs.js";
import { allDiagnostics } from "../validate/report.js";
import { validatePullRequest } from "../validate/validate-pull-request.js";
import { runRequest } from "./request.js";
import { pullRequestInput } from "../git/pull-request-input.js";

export interface RequestFormOptions {
  gh: GitHubClient;
  /** A clone of the access repo (the workflow's checkout of the default branch) whose remote accepts pushes. */
  repoDir: string;
  remote?: string;
  owner: string;
  repo: string;
  defaultBranch: string;
  policyPath: string;
  /** Who ran the form: the requester and grantee. */
  actor: string;
  resource: string;
  role: string;
  duration: string;
  reason: string;
  ticket?: string;
  notBefore?: string;
  /** Signs the request note; required (without it nobody could tell who asked). */
  evidenceKey?: string;
  /** The login the pull request is opened as; default the token's own (GET /user). */
  botLogin?: string;
  now: number;
  runUrl?: string;
}

export interface RequestFormResult {
  ok: boolean;
  /** Why nothing was opened. */
  errors: Diagnostic[];
  warnings: Diagnostic[];
  lease?: { path: string; text: string };
  branch?: string;
  commit?: string;
  pullRequest?: { number: number; url: string; author: string };
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const PUSH_ATTEMPTS = 4;

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "x";
}

/** yyyymmdd-hhmmss (UTC) */
function stamp(now: number): string {
  return formatTimestamp(now).replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

function required(name: string, value: string | undefined): string {
  const v = value?.trim();
  if (!v) throw new UsageError("request-missing", `The form's '${name}' is empty; fill it in and run the workflow again.`);
  return v;
}

export async function runRequestForm(o: RequestFormOptions): Promise<RequestFormResult> {
  const remote = o.remote ?? "origin";
  const actor = required("actor", o.actor);
  if (!LOGIN.test(actor)) throw new UsageError("request-actor", `'${actor}' is not a person's GitHub login; a request is made by the person who runs the form.`);
  const resource = required("resource", o.resource);
  const role = required("role", o.role);
  const duration = required("duration", o.duration);
  const reason = required("reason", o.reason);
  const ticket = o.ticket?.trim() || undefined;
  const notBefore = o.notBefore?.trim() || undefined;
  if (!o.evidenceKey) {
    throw new UsageError(
      "request-no-evidence-key",
      "The request form needs the evidence key: it signs who asked, so validation and apply can attribute the bot's pull request to you. Give the step evidence-key: ${{ secrets.JIT_EVIDENCE_KEY }}.",
    );
  }

  // The default branch as the remote has it: the policy there judges the request.
  const remoteRef = `refs/remotes/${remote}/${o.defaultBranch}`;
  const base = (await gitText(o.repoDir, ["rev-parse", "--verify", (await revExists(o.repoDir, remoteRef)) ? `${remoteRef}^{commit}` : "HEAD^{commit}"])).trim();

  // The lease, written and checked by jit request's code (nothing is written to disk).
  const written = await runRequest({
    repo: o.repoDir,
    ref: base,
    policyPath: o.policyPath,
    resource,
    role,
    grantee: actor,
    duration,
    reason,
    ...(ticket ? { ticket } : {}),
    ...(notBefore ? { notBefore } : {}),
    now: o.now,
    dryRun: true,
  });
  if (written.errors.length) return { ok: false, errors: written.errors, warnings: written.warnings };
  const { path, text } = written;
  const exists = await git(o.repoDir, ["cat-file", "-e", `${base}:${path}`]).then(() => true, () => false);
  if (exists) {
    return { ok: false, errors: [diagnostic("request-exists", path, undefined, `${path} already exists on ${o.defaultBranch}.`, "Run the form again in a minute.")], warnings: [] };
  }
  const bytes = Buffer.from(text);

  // The pull request check's verdict, with the actor as the author (requester rules through the API).
  const change: FileChange = { status: "added", path, head: { path, mode: "file", bytes } };
  const input = await pullRequestInput(o.repoDir, base, [change], { policyPath: o.policyPath, author: actor, now: o.now, strict: true, resolveFacts: (q) => resolveFacts(o.gh, q) });
  const report = validatePullRequest(input);
  const diags = allDiagnostics(report);
  const warnings = [...written.warnings.filter((w) => w.code !== "check-not-made"), ...diags.filter((d) => d.severity !== "error")];
  if (!report.ok) return { ok: false, errors: diags.filter((d) => d.severity === "error"), warnings };

  // Who opens the pull request must be known: validation and apply take the note's actor as
  // the requester only for the bot's pull requests. Nothing is pushed before this is settled.
  const bot = await botLogin(o.gh, o.botLogin);
  if (!bot.login) return { ok: false, errors: [diagnostic("request-bot-unknown", path, undefined, `The login this token opens pull requests as is unknown (${bot.problem}), so the request could not be attributed to ${actor}; nothing was pushed or opened.`, "Set the bot-login input, e.g. ${{ steps.app.outputs.app-slug }}[bot].")], warnings };
  const identity = await commitIdentity(o.gh, bot.login);

  const lease = loadLease(path, bytes).lease!;
  const policy = loadPolicy(o.policyPath, input.basePolicy!).policy!;
  const branch = `jit/request/${slug(actor)}/${slug(resource)}-${stamp(o.now)}`;
  const message = [
    `Request ${role} on ${resource} for ${actor} (${duration})`,
    "",
    reason,
    "",
    `Requested-by: ${actor}`,
    ...(ticket ? [`Ticket: ${ticket}`] : []),
    `Lease: ${path}`,
  ].join("\n");
  const { commit, blob } = await commitLease(o.repoDir, base, path, text, message, identity, o.now);

  const note = signRequestNote(
    { repository: `${o.owner}/${o.repo}`.toLowerCase(), branch, actor, lease: path, blob, requestedAt: formatTimestamp(o.now), ...(o.runUrl ? { run: o.runUrl } : {}) },
    commit,
    o.evidenceKey,
  );
  await pushRequest(o.repoDir, remote, commit, branch, JSON.stringify(note, null, 2) + "\n");

  const summary = { actor, lease, path, resource: policy.resources.get(resource)!, policy, ...(o.runUrl ? { runUrl: o.runUrl } : {}) };
  let pr;
  try {
    pr = (await o.gh.rest.pulls.create({ owner: o.owner, repo: o.repo, head: branch, base: o.defaultBranch, title: requestTitle(summary), body: requestBody(summary) })).data;
  } catch (e) {
    await git(o.repoDir, ["push", "--quiet", remote, "--delete", branch]).catch(() => undefined);
    throw new Error(`Could not open the pull request from ${branch}: ${(e as Error).message}. Nothing was requested; run the form again.`);
  }
  const author = pr.user?.login ?? "";
  if (bot.login && author.toLowerCase() !== bot.login.toLowerCase()) {
    warnings.push(diagnostic("request-bot-mismatch", path, undefined, `Pull request #${pr.number} was opened as ${author}, but the bot login is ${bot.login}: validation and apply will not attribute it to ${actor}.`, "Set bot-login to the login the token opens pull requests as."));
  }
  return { ok: true, errors: [], warnings, lease: { path, text }, branch, commit, pullRequest: { number: pr.number, url: pr.html_url, author } };
}

interface Identity {
  name: string;
  email: string;
}

/** The bot as a commit author: GitHub's noreply address with the account id, so commits link to it. */
async function commitIdentity(gh: GitHubClient, login: string | undefined): Promise<Identity> {
  if (!login) return { name: "jit-access", email: "jit-access@users.noreply.github.com" };
  try {
    const { data } = await gh.rest.users.getByUsername({ username: login });
    return { name: login, email: `${data.id}+${login}@users.noreply.github.com` };
  } catch {
    return { name: login, email: `${login}@users.noreply.github.com` };
  }
}

/** A commit adding one file on top of `base`, made without touching the working tree or the index. */
async function commitLease(repo: string, base: string, path: string, text: string, message: string, who: Identity, now: number): Promise<{ commit: string; blob: string }> {
  const dir = await mkdtemp(join(tmpdir(), "jit-request-"));
  try {
    const index = { GIT_INDEX_FILE: join(dir, "index") };
    const blob = (await git(repo, ["hash-object", "-w", "--stdin"], text)).toString("utf8").trim();
    await git(repo, ["read-tree", base], undefined, index);
    await git(repo, ["update-index", "--add", "--cacheinfo", `100644,${blob},${path}`], undefined, index);
    const tree = (await git(repo, ["write-tree"], undefined, index)).toString("utf8").trim();
    const date = `${Math.floor(now / 1000)} +0000`;
    const env = { GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email, GIT_COMMITTER_DATE: date };
    const commit = (await git(repo, ["commit-tree", tree, "-p", base, "-F", "-"], message + "\n", env)).toString("utf8").trim();
    return { commit, blob };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Pushes the branch and the request note together (--atomic: both or neither). When the
 * remote's notes moved meanwhile (an apply run pushed evidence), takes theirs, adds the note
 * again and retries.
 */
async function pushRequest(repo: string, remote: string, commit: string, branch: string, note: string): Promise<void> {
  let last = "";
  for (let attempt = 0; attempt < PUSH_ATTEMPTS; attempt++) {
    await fetchNotes(repo, remote);
    await writeNote(repo, commit, note);
    try {
      await git(repo, ["push", "--atomic", "--quiet", remote, `${commit}:refs/heads/${branch}`, `${NOTES_REF}:${NOTES_REF}`]);
      return;
    } catch (e) {
      last = (e as Error).message;
    }
  }
  throw new Error(`Could not push the request (${branch} and ${NOTES_REF}) to ${remote}: ${last}`);
}
