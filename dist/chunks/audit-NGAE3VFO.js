#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runAudit
} from "./chunk-QYMXWMVG.js";
import "./chunk-GP3BKZSF.js";
import "./chunk-Y6VO2UKB.js";
import "./chunk-DEVQYHYY.js";
import "./chunk-3RB7LZJV.js";
import "./chunk-NKCDSYY7.js";
import "./chunk-CEXHZVGL.js";
import "./chunk-GIIEBIZ6.js";
import "./chunk-75SH6SSB.js";
import "./chunk-LHBPTLRF.js";
import "./chunk-HYIFGJCY.js";
import "./chunk-3FGUIYUC.js";
import "./chunk-DHPVELKE.js";
import "./chunk-GOFBT5BP.js";
import "./chunk-E5BGTO42.js";
import "./chunk-K3LCV52Z.js";
import "./chunk-HNXO2XZY.js";
import "./chunk-ZKNAD5EA.js";
export {
  runAudit
};
