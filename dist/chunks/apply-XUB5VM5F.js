#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runApply,
  runPolicy
} from "./chunk-BERTGB3C.js";
import "./chunk-YNUDKMC4.js";
import "./chunk-CWEHAQQK.js";
import "./chunk-VI7OI4CM.js";
import "./chunk-HWKP2PWK.js";
import "./chunk-N4V2HBC3.js";
import "./chunk-UVSJBL64.js";
import "./chunk-ZL3DEWJC.js";
import "./chunk-5KMKP4T4.js";
import "./chunk-E43RC3OI.js";
import "./chunk-LHBPTLRF.js";
import "./chunk-NKCDSYY7.js";
import "./chunk-7FNLLOQ2.js";
import "./chunk-DUFKSIGV.js";
import "./chunk-L46IK4GZ.js";
import "./chunk-YXBTB4EV.js";
import "./chunk-HNXO2XZY.js";
import "./chunk-ZKNAD5EA.js";
export {
  runApply,
  runPolicy
};
