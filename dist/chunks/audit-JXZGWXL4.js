#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runAudit
} from "./chunk-D6X4DNIP.js";
import "./chunk-Y6VO2UKB.js";
import "./chunk-T2QSTGDU.js";
import "./chunk-VI7OI4CM.js";
import "./chunk-UVSJBL64.js";
import "./chunk-ZL3DEWJC.js";
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
  runAudit
};
