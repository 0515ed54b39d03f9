/** CODEOWNERS must say exactly what the policy implies, or approvals go to the wrong people. */
import { diagnostic } from "../diagnostics/diagnostic.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { decodeUtf8 } from "../document/parse-yaml.js";
import { compareCodeowners } from "../codeowners/compare-codeowners.js";
import { CODEOWNERS_PATH, codeownersRules, generateCodeowners } from "../codeowners/generate-codeowners.js";
import type { Policy } from "../policy/policy.js";

export function checkCodeownersSync(file: { path: string; bytes: Uint8Array } | undefined, policy: Policy, policyPath: string): Diagnostic[] {
  const expected = generateCodeowners(policy, policyPath);
  const fix = `Run \`jit codeowners\` and commit ${CODEOWNERS_PATH}; it must read:\n${expected}`;
  if (!file) {
    return [diagnostic("codeowners-missing", CODEOWNERS_PATH, undefined, "The repository has no CODEOWNERS file, so nobody is required to approve lease requests.", fix)];
  }
  const text = decodeUtf8(file.bytes);
  if (text === undefined) return [diagnostic("file-not-utf8", file.path, undefined, "CODEOWNERS is not valid UTF-8.", fix)];
  const drift = compareCodeowners(text, codeownersRules(policy, policyPath));
  if (!drift) return [];
  const parts: string[] = [];
  if (drift.missing.length) parts.push(`missing: ${drift.missing.map((r) => `${r.pattern} ${r.owners.join(" ")}`).join("; ")}`);
  if (drift.unexpected.length) parts.push(`not from the policy: ${drift.unexpected.map((r) => `line ${r.line} '${r.pattern} ${r.owners.join(" ")}'`).join("; ")}`);
  if (!parts.length) parts.push("rules are out of order");
  return [diagnostic("codeowners-out-of-sync", file.path, { line: drift.line, column: 1 }, `CODEOWNERS does not match ${policyPath} (${parts.join("; ")}).`, fix)];
}
