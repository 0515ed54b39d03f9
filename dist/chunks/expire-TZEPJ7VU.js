#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  expiryCommitMessage,
  runExpire
} from "./chunk-VRLYQ7GI.js";
import "./chunk-COYCI3X6.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-6WXT7YGO.js";
import "./chunk-UBPERHCW.js";
import "./chunk-QRKCPABU.js";
import "./chunk-U4LMBTJN.js";
import "./chunk-WV4HMJR7.js";
import "./chunk-JZKVDZZB.js";
import "./chunk-B5CNKYTW.js";
import "./chunk-57KBAW56.js";
import "./chunk-BQMI2UZC.js";
export {
  expiryCommitMessage,
  runExpire
};
