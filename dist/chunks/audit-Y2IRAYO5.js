#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runAudit
} from "./chunk-D46NCAQ3.js";
import "./chunk-Y6VO2UKB.js";
import "./chunk-DKJN5QIN.js";
import "./chunk-YC4IDG5L.js";
import "./chunk-AG4NL2GV.js";
import "./chunk-P5YNNJNM.js";
import "./chunk-XI4ZXRAZ.js";
import "./chunk-BQMI2UZC.js";
export {
  runAudit
};
