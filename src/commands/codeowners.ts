/** `jit codeowners`: writes (or with --check, compares) CODEOWNERS from the policy. */
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { compareCodeowners } from "../codeowners/compare-codeowners.js";
import { CODEOWNERS_PATH, codeownersRules, generateCodeowners } from "../codeowners/generate-codeowners.js";
import { UsageError } from "../diagnostics/usage-error.js";
import { decodeUtf8 } from "../document/parse-yaml.js";
import { WORKTREE, readCodeowners, readRepoFile } from "../git/access-repo.js";
import { loadPolicy } from "../policy/load-policy.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export interface CodeownersResult {
  inSync: boolean;
  expected: string;
  path: string;
  written: boolean;
  policyErrors: Diagnostic[];
}

export async function runCodeowners(o: { repo: string; policyPath: string; check: boolean }): Promise<CodeownersResult> {
  const file = await readRepoFile(o.repo, WORKTREE, o.policyPath);
  if (!file) throw new UsageError("policy-missing", `No ${o.policyPath} in ${o.repo}.`);
  const loaded = loadPolicy(o.policyPath, file.bytes);
  if (!loaded.policy) return { inSync: false, expected: "", path: CODEOWNERS_PATH, written: false, policyErrors: loaded.diagnostics };
  const expected = generateCodeowners(loaded.policy, o.policyPath);
  const current = await readCodeowners(o.repo, WORKTREE);
  const currentText = current ? decodeUtf8(current.bytes) : undefined;
  const inSync = currentText !== undefined && compareCodeowners(currentText, codeownersRules(loaded.policy, o.policyPath)) === undefined;
  const path = current?.path ?? CODEOWNERS_PATH;
  if (o.check || (inSync && currentText === expected)) return { inSync, expected, path, written: false, policyErrors: [] };
  const full = join(o.repo, path);
  await mkdir(dirname(full), { recursive: true });
  await writeFile(`${full}.tmp`, expected);
  await rename(`${full}.tmp`, full);
  return { inSync: true, expected, path, written: true, policyErrors: [] };
}
