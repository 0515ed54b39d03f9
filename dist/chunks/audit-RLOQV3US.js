#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runAudit
} from "./chunk-TT7QMZPT.js";
import "./chunk-Y6VO2UKB.js";
import "./chunk-JWM3EIDN.js";
import "./chunk-YC4IDG5L.js";
import "./chunk-WV4HMJR7.js";
import "./chunk-P5YNNJNM.js";
import "./chunk-B5CNKYTW.js";
import "./chunk-BQMI2UZC.js";
export {
  runAudit
};
