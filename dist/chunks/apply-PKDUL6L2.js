#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  pushNotes,
  runApply
} from "./chunk-65LVJCIK.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-DKJN5QIN.js";
import "./chunk-2H45XCXL.js";
import "./chunk-QHC36IGS.js";
import "./chunk-IHQIGGWA.js";
import "./chunk-AG4NL2GV.js";
import "./chunk-VQQ7FKA6.js";
import "./chunk-XI4ZXRAZ.js";
import "./chunk-57KBAW56.js";
import "./chunk-BQMI2UZC.js";
export {
  pushNotes,
  runApply
};
