#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runAudit
} from "./chunk-HFALDFSC.js";
import "./chunk-J6Y3DUJF.js";
import "./chunk-Y6VO2UKB.js";
import "./chunk-T2QSTGDU.js";
import "./chunk-Y4SYN2OH.js";
import "./chunk-NKCDSYY7.js";
import "./chunk-DBRSWAXZ.js";
import "./chunk-GIIEBIZ6.js";
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
  runAudit
};
