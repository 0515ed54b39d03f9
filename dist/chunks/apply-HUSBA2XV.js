#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  pushNotes,
  runApply
} from "./chunk-RYD2DQZA.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-7CRMSC7W.js";
import "./chunk-N7S4FKRI.js";
import "./chunk-76F7ZT6L.js";
import "./chunk-LBWXCQKF.js";
import "./chunk-ACN54BH7.js";
import "./chunk-XI4ZXRAZ.js";
import "./chunk-57KBAW56.js";
import "./chunk-BQMI2UZC.js";
export {
  pushNotes,
  runApply
};
