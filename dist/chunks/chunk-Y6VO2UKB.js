#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/audit/audit-record.ts
function heldUntil(l, now) {
  if (l.revokedAt !== void 0) return l.revokedAt;
  if (l.status === "over") return Math.max(l.end, now);
  return l.end;
}

export {
  heldUntil
};
