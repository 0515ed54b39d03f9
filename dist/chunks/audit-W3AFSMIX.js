#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runAudit
} from "./chunk-BWZRGCUX.js";
import "./chunk-Y6VO2UKB.js";
import "./chunk-6WXT7YGO.js";
import "./chunk-QRKCPABU.js";
import "./chunk-WV4HMJR7.js";
import "./chunk-JZKVDZZB.js";
import "./chunk-B5CNKYTW.js";
import "./chunk-BQMI2UZC.js";
export {
  runAudit
};
