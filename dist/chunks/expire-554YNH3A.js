#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  expiryCommitMessage,
  runExpire
} from "./chunk-ZSBCMHHM.js";
import "./chunk-T2QSTGDU.js";
import "./chunk-OY5U3FY2.js";
import "./chunk-YNUDKMC4.js";
import "./chunk-CWEHAQQK.js";
import "./chunk-22XJU7WH.js";
import "./chunk-HWKP2PWK.js";
import "./chunk-4ZXHB3BE.js";
import "./chunk-IBBKSPT6.js";
import "./chunk-B26E2VY7.js";
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
  expiryCommitMessage,
  runExpire
};
