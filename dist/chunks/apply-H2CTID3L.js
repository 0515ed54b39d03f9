#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  pushNotes,
  runApply
} from "./chunk-WUR7AO2X.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-DKJN5QIN.js";
import "./chunk-3OQVL7U5.js";
import "./chunk-YC4IDG5L.js";
import "./chunk-4FZPH67F.js";
import "./chunk-AG4NL2GV.js";
import "./chunk-P5YNNJNM.js";
import "./chunk-XI4ZXRAZ.js";
import "./chunk-57KBAW56.js";
import "./chunk-BQMI2UZC.js";
export {
  pushNotes,
  runApply
};
