#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  auditJson,
  formatAuditJson
} from "./chunk-SGXS5KJE.js";
import "./chunk-Y6VO2UKB.js";
import "./chunk-DHPVELKE.js";
import "./chunk-ZKNAD5EA.js";
export {
  auditJson,
  formatAuditJson
};
