#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runApply
} from "./chunk-RZ4ZG24Y.js";
import "./chunk-5HZS632R.js";
import "./chunk-CWEHAQQK.js";
import "./chunk-Y4SYN2OH.js";
import "./chunk-NKCDSYY7.js";
import "./chunk-HWKP2PWK.js";
import "./chunk-DDHZVLU6.js";
import "./chunk-DBRSWAXZ.js";
import "./chunk-GIIEBIZ6.js";
import "./chunk-5Q7EP76L.js";
import "./chunk-XXFRVLWJ.js";
import "./chunk-HQ3CAS3F.js";
import "./chunk-LHBPTLRF.js";
import "./chunk-E7UBAXL5.js";
import "./chunk-ZYROWP2G.js";
import "./chunk-DHPVELKE.js";
import "./chunk-GOFBT5BP.js";
import "./chunk-ZXMEFM2C.js";
import "./chunk-YXBTB4EV.js";
import "./chunk-HNXO2XZY.js";
import "./chunk-ZKNAD5EA.js";
export {
  runApply
};
