#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  expiryCommitMessage,
  runExpire
} from "./chunk-23H4OGGC.js";
import "./chunk-DEVQYHYY.js";
import "./chunk-ULWSTKQ3.js";
import "./chunk-5HZS632R.js";
import "./chunk-CWEHAQQK.js";
import "./chunk-3RB7LZJV.js";
import "./chunk-NKCDSYY7.js";
import "./chunk-HWKP2PWK.js";
import "./chunk-XLJGRWJQ.js";
import "./chunk-CEXHZVGL.js";
import "./chunk-GIIEBIZ6.js";
import "./chunk-QNOAOVQD.js";
import "./chunk-XXFRVLWJ.js";
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
  expiryCommitMessage,
  runExpire
};
