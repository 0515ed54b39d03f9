#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  jsonDocument
} from "./chunk-LK33MW4J.js";
import "./chunk-ZKNAD5EA.js";

// src/doctor/format-doctor.ts
var MARK = { pass: "\u2713 pass", warn: "! warn", fail: "\u2717 fail" };
function formatDoctorText(r, repository) {
  const lines = [`jit doctor: ${repository}`, ""];
  for (const c of r.checks) {
    lines.push(`${MARK[c.status]}  ${c.id}: ${c.title}`);
    for (const d of c.details) lines.push(`        ${d}`);
    if (c.fix) lines.push(...c.fix.split("\n").map((l, i) => `        ${i === 0 ? "fix: " : "     "}${l}`));
  }
  const count = (s) => r.checks.filter((c) => c.status === s).length;
  lines.push("", `${count("pass")} passed, ${count("warn")} warning(s), ${count("fail")} failed.`);
  return `${lines.join("\n")}
`;
}
function formatDoctorJson(r, version) {
  return jsonDocument("doctor", { version, ok: r.ok, checks: r.checks });
}
export {
  formatDoctorJson,
  formatDoctorText
};
