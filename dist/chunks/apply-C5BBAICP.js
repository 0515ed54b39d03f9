#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  pushNotes,
  runApply
} from "./chunk-YZZCD7AM.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-JWM3EIDN.js";
import "./chunk-5ULGNBLJ.js";
import "./chunk-YC4IDG5L.js";
import "./chunk-ETV7DPCQ.js";
import "./chunk-WV4HMJR7.js";
import "./chunk-P5YNNJNM.js";
import "./chunk-B5CNKYTW.js";
import "./chunk-57KBAW56.js";
import "./chunk-BQMI2UZC.js";
export {
  pushNotes,
  runApply
};
