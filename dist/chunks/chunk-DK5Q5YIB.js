#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  countByKind
} from "./chunk-5HZS632R.js";
import {
  formatTimestamp
} from "./chunk-DHPVELKE.js";

// src/reconcile/format-plan.ts
function why(because) {
  return because.map((b) => b.kind === "standing" ? "standing" : `${b.path} until ${formatTimestamp(b.end)}`).join(", ");
}
function describeHolders(holders) {
  return holders.map((h) => `@${h.grantee} (${h.role} on ${h.resource} through ${h.path}, ${formatTimestamp(h.start)} \u2013 ${formatTimestamp(h.end)}${h.stillHeld ? ", still held" : ""})`).join(", ");
}
function driftWhy(a) {
  if (a.why === "expired") return `lease ${a.lease ?? ""} ended`;
  const by = a.couldBeAddedBy?.length ? `; could have been added by ${describeHolders(a.couldBeAddedBy)}, so no guard holds it back` : "";
  return `not backed by any lease or standing entry${by}`;
}
function describeAction(a) {
  switch (a.kind) {
    case "grant":
      return `+ grant   ${a.resource}: ${a.grantee} as ${a.role} (${why(a.because)})`;
    case "change-role":
      return `~ change  ${a.resource}: ${a.grantee} ${a.from} \u2192 ${a.to} (${why(a.because)})`;
    case "renew":
      return `> renew   ${a.resource}: ${a.grantee} as ${a.role} until ${formatTimestamp(a.to)}, was ${formatTimestamp(a.from)} (${why(a.because)})`;
    case "revoke":
      return `- revoke  ${a.resource}: ${a.grantee} as ${a.role}${a.state === "pending" ? " (pending invitation)" : ""} \u2014 ${driftWhy(a)}`;
    case "keep":
      return `  keep    ${a.resource}: ${a.grantee} as ${a.role}${a.state === "pending" ? " (invitation pending)" : ""}`;
  }
}
function formatPlanText(plan, results = [], findings = [], verbose = false) {
  const lines = [];
  const c = countByKind(plan);
  lines.push(`Plan at ${formatTimestamp(plan.now)}: ${c.grant} to grant, ${c["change-role"]} to change, ${c.renew ? `${c.renew} to renew, ` : ""}${c.revoke} to revoke, ${c.keep} unchanged.`);
  for (const a of plan.actions) if (verbose || a.kind !== "keep") lines.push(describeAction(a));
  for (const r of plan.refused) {
    lines.push(`! refused ${r.resource}: ${r.reason}`);
    for (const a of r.actions) lines.push(`    ${describeAction(a)}`);
  }
  for (const e of plan.errors) lines.push(`! error   ${e.resource}: ${e.message}`);
  for (const s of plan.scheduled) lines.push(`  later   ${s.resource}: ${s.grantee} as ${s.role} from ${formatTimestamp(s.start)} (${s.path})`);
  for (const f of findings) lines.push(`! finding ${f.message}`);
  if (results.length) {
    lines.push("Results:");
    for (const r of results) lines.push(`  ${r.outcome.status.padEnd(9)} ${describeAction(r.action).slice(2)}${r.outcome.status === "failed" ? ` \u2014 ${r.outcome.message}` : ""}`);
  }
  return lines.join("\n") + "\n";
}
function formatPlanMarkdown(plan, results = [], findings = []) {
  const c = countByKind(plan);
  const failed = results.filter((r) => r.outcome.status === "failed").length;
  const bad = failed + findings.length + plan.refused.length + plan.errors.length;
  const lines = [`## ${bad ? "\u274C" : "\u2705"} jit-access apply`, "", `${c.grant} granted, ${c["change-role"]} changed, ${c.renew ? `${c.renew} renewed, ` : ""}${c.revoke} revoked, ${c.keep} unchanged${failed ? `, **${failed} failed**` : ""}.`, ""];
  if (findings.length) lines.push("### Security findings", "", ...findings.map((f) => `- ${f.message} (\`${f.commit.slice(0, 7)}\`)`), "");
  if (results.length) {
    lines.push("| Result | Resource | Grantee | Change | Why |", "| --- | --- | --- | --- | --- |");
    for (const r of results) {
      const a = r.action;
      const change = a.kind === "change-role" ? `${a.from} \u2192 ${a.to}` : a.kind === "renew" ? `renew ${a.role} until ${formatTimestamp(a.to)}` : `${a.kind} ${a.kind === "revoke" || a.kind === "grant" ? a.role : ""}`;
      const reasons = a.kind === "revoke" && a.couldBeAddedBy?.length ? [...r.because, `could have been added by ${describeHolders(a.couldBeAddedBy)}`] : r.because;
      lines.push(`| ${r.outcome.status === "failed" ? `\u274C ${r.outcome.message}` : r.outcome.status} | ${a.resource} | ${a.grantee} | ${change} | ${reasons.join(", ").replace(/\|/g, "\\|")} |`);
    }
    lines.push("");
  }
  for (const r of plan.refused) lines.push(`> \u26A0\uFE0F Refused for **${r.resource}**: ${r.reason}`, "");
  for (const e of plan.errors) lines.push(`> \u274C ${e.resource}: ${e.message}`, "");
  return lines.join("\n");
}

export {
  describeHolders,
  describeAction,
  formatPlanText,
  formatPlanMarkdown
};
