/** What the Action knows about its run: inputs, the event, the repository, the time. */
import { readFileSync } from "node:fs";
import type { RunActor } from "./actor.js";
import { runActor } from "./actor.js";

export interface ActionContext {
  command: string;
  token: string;
  policyPath: string;
  apiUrl: string;
  owner: string;
  repo: string;
  workspace: string;
  eventName: string;
  /** The event's activity type (opened, synchronize, submitted...), when it has one. */
  eventAction?: string;
  runUrl?: string;
  now: number;
  /** Who started this attempt, judged and recorded (GITHUB_TRIGGERING_ACTOR), and whose run it re-runs (see actor.ts). */
  actor?: RunActor;
  pullRequest?: { number: number; author: string; headSha: string; baseSha: string; baseRef: string; headRef: string };
  defaultBranch?: string;
}

interface PullRequestPayload {
  number: number;
  user?: { login?: string };
  head?: { sha?: string; ref?: string };
  base?: { sha?: string; ref?: string };
}

/** Reads the context from the variables GitHub sets for an action step. */
export function readContext(env: NodeJS.ProcessEnv, input: (name: string) => string, now: number): ActionContext {
  const [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo) throw new Error("GITHUB_REPOSITORY is not set; run this action in a GitHub Actions workflow.");
  const eventPath = env.GITHUB_EVENT_PATH;
  const event = eventPath ? (JSON.parse(readFileSync(eventPath, "utf8")) as { action?: string; pull_request?: PullRequestPayload; repository?: { default_branch?: string } }) : {};
  const token = input("token");
  if (!token) throw new Error("Input 'token' is empty. Pass a GitHub App token (actions/create-github-app-token) or GITHUB_TOKEN.");
  const ctx: ActionContext = {
    command: input("command") || "validate",
    token,
    policyPath: input("policy-path") || "policy.yaml",
    apiUrl: env.GITHUB_API_URL || "https://api.github.com",
    owner,
    repo,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    eventName: env.GITHUB_EVENT_NAME ?? "",
    now,
  };
  const actor = runActor(env);
  if (actor) ctx.actor = actor;
  if (event.repository?.default_branch) ctx.defaultBranch = event.repository.default_branch;
  if (typeof event.action === "string") ctx.eventAction = event.action;
  if (env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID) ctx.runUrl = `${env.GITHUB_SERVER_URL}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`;
  const p = event.pull_request;
  if (p && p.user?.login && p.head?.sha && p.base?.sha) {
    ctx.pullRequest = { number: p.number, author: p.user.login, headSha: p.head.sha, baseSha: p.base.sha, baseRef: p.base.ref ?? "", headRef: p.head.ref ?? "" };
  }
  return ctx;
}
