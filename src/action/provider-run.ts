/**
 * What the Action's providers get besides the GitHub client: the job's environment (secrets
 * the workflow maps, e.g. an SSH CA key), the run's time, the job log, the providers' ledger
 * (refs/jit/ledger, fetched first and pushed on every append; only with the evidence key),
 * and the checkout of the default branch (the command provider runs what is committed there).
 */
import * as core from "@actions/core";
import { fetchLedger, gitLedger } from "../git/provider-ledger.js";
import type { RunContext } from "../providers/registry.js";
import type { ActionContext } from "./context.js";

export async function providerRun(ctx: ActionContext, evidenceKey: string | undefined): Promise<RunContext> {
  const log = (line: string) => core.info(line);
  let ledger: RunContext["ledger"];
  if (evidenceKey) {
    await fetchLedger(ctx.workspace, "origin", ctx.token);
    ledger = gitLedger({ repoDir: ctx.workspace, repository: `${ctx.owner}/${ctx.repo}`, key: evidenceKey, remote: "origin", token: ctx.token, now: ctx.now, log });
  }
  return { env: process.env, now: ctx.now, log, ...(ledger ? { ledger } : {}), accessRepo: { dir: ctx.workspace, ref: "HEAD" } };
}
