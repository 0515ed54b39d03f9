/**
 * Who asked for a pull request's leases, at pull request time: its author, or for a pull
 * request opened by the request form (authored by the bot) the actor of the signed request
 * note on its head commit, fetched from the remote into the checkout of the default branch.
 */
import { fetchNotes, readNote } from "../git/evidence-notes.js";
import { botLoginFor } from "../github/bot-login.js";
import type { GitHubClient } from "../github/client.js";
import type { FileChange } from "../validate/inputs.js";
import { changedLeases, resolveRequester } from "./requester.js";
import type { Requester } from "./requester.js";

export interface PullRequestRequesterInput {
  /** A clone of the access repo (the checkout of the default branch). */
  repoDir: string;
  remote?: string;
  /** Sent to fetch the notes when the checkout kept no credentials. */
  token?: string;
  owner: string;
  repo: string;
  pullRequest: { number: number; author: string; headSha: string; headRef: string };
  changes: FileChange[];
  evidenceKey?: string;
  botLogin?: string;
}

export async function pullRequestRequester(gh: GitHubClient, i: PullRequestRequesterInput): Promise<{ requester: Requester; warnings: string[] }> {
  const pr = i.pullRequest;
  const warnings: string[] = [];
  const leases = changedLeases(i.changes);
  const base = { author: pr.author, repository: `${i.owner}/${i.repo}`, pullRequest: { number: pr.number, headSha: pr.headSha, headRef: pr.headRef }, leases, ...(i.evidenceKey ? { evidenceKey: i.evidenceKey } : {}) };
  if (leases.length === 0) return { requester: resolveRequester(base), warnings };
  const bot = await botLoginFor(gh, i.botLogin, pr.author);
  if (!bot.login) return { requester: resolveRequester({ ...base, ...(bot.problem ? { botProblem: bot.problem } : {}) }), warnings };
  if (pr.author.toLowerCase() !== bot.login.toLowerCase()) return { requester: resolveRequester({ ...base, botLogin: bot.login }), warnings };
  if (!(await fetchNotes(i.repoDir, i.remote ?? "origin", i.token))) warnings.push(`Could not fetch refs/notes/jit from ${i.remote ?? "origin"}: the request note of #${pr.number} cannot be read.`);
  const note = /^[0-9a-f]{40}$/.test(pr.headSha) ? await readNote(i.repoDir, pr.headSha) : undefined;
  return { requester: resolveRequester({ ...base, botLogin: bot.login, ...(note !== undefined ? { note } : {}) }), warnings };
}
