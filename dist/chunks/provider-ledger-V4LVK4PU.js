#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  LEDGER_REF,
  fetchLedger,
  formatRecord,
  gitLedger,
  recordPath,
  verifyRecord
} from "./chunk-XU4CVHXS.js";
import "./chunk-GIIEBIZ6.js";
import "./chunk-RMU5QMAM.js";
import "./chunk-ZKNAD5EA.js";
export {
  LEDGER_REF,
  fetchLedger,
  formatRecord,
  gitLedger,
  recordPath,
  verifyRecord
};
