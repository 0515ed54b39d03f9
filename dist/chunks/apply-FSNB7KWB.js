#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  pushNotes,
  runApply
} from "./chunk-GSXBQLZU.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-DKJN5QIN.js";
import "./chunk-2Y2MPV5T.js";
import "./chunk-UP7VEJQB.js";
import "./chunk-EEFYLPH3.js";
import "./chunk-QFL3HBJ7.js";
import "./chunk-ACN54BH7.js";
import "./chunk-XI4ZXRAZ.js";
import "./chunk-57KBAW56.js";
import "./chunk-BQMI2UZC.js";
export {
  pushNotes,
  runApply
};
