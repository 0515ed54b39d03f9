#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  heldUntil
} from "./chunk-Y6VO2UKB.js";
import {
  formatTimestamp
} from "./chunk-DHPVELKE.js";

// src/audit/format-json.ts
var t = (ms) => ms === void 0 ? void 0 : formatTimestamp(ms);
var event = (e) => ({ kind: e.kind, at: t(e.at), commit: e.commit, by: e.by, detail: e.detail });
var lease = (l, now) => ({
  path: l.path,
  resource: l.resource,
  grantee: l.grantee,
  role: l.role,
  reason: l.reason,
  ticket: l.ticket,
  breakGlass: l.breakGlass,
  pullRequest: l.pullRequest,
  requestedBy: l.requestedBy,
  approvers: l.approvers,
  autoApprovedBy: l.autoApprovedBy,
  evidence: l.evidence,
  start: t(l.start),
  end: t(l.end),
  heldUntil: l.status === "not-granted" ? void 0 : t(heldUntil(l, now)),
  revokedAt: t(l.revokedAt),
  why: l.why,
  status: l.status,
  extensions: l.extensions,
  addedIn: l.addedIn,
  removedIn: l.removedIn,
  events: l.events.map(event)
});
function auditJson(r) {
  const leases = new Array(r.leases.length);
  for (let i = 0; i < leases.length; i++) leases[i] = lease(r.leases[i], r.generatedAt);
  return { ref: r.ref, head: r.head, generatedAt: t(r.generatedAt), ok: r.findings.length === 0, leases, findings: r.findings, notes: r.notes };
}
function formatAuditJson(r) {
  return `${JSON.stringify(auditJson(r), null, 2)}
`;
}

export {
  auditJson,
  formatAuditJson
};
