/** `jit doctor` output: one line per check with its details and fix, or JSON with a version field. */
import { jsonDocument } from "../report/json-document.js";
import type { DoctorReport } from "./check.js";

const MARK = { pass: "✓ pass", warn: "! warn", fail: "✗ fail" } as const;

export function formatDoctorText(r: DoctorReport, repository: string): string {
  const lines = [`jit doctor: ${repository}`, ""];
  for (const c of r.checks) {
    lines.push(`${MARK[c.status]}  ${c.id}: ${c.title}`);
    for (const d of c.details) lines.push(`        ${d}`);
    if (c.fix) lines.push(...c.fix.split("\n").map((l, i) => `        ${i === 0 ? "fix: " : "     "}${l}`));
  }
  const count = (s: string) => r.checks.filter((c) => c.status === s).length;
  lines.push("", `${count("pass")} passed, ${count("warn")} warning(s), ${count("fail")} failed.`);
  return `${lines.join("\n")}\n`;
}

export function formatDoctorJson(r: DoctorReport, version: string): string {
  return jsonDocument("doctor", { version, ok: r.ok, checks: r.checks });
}
