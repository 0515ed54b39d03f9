#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runAudit
} from "./chunk-VG73CMEL.js";
import "./chunk-Y6VO2UKB.js";
import "./chunk-DKJN5QIN.js";
import "./chunk-QHC36IGS.js";
import "./chunk-AG4NL2GV.js";
import "./chunk-VQQ7FKA6.js";
import "./chunk-XI4ZXRAZ.js";
import "./chunk-BQMI2UZC.js";
export {
  runAudit
};
