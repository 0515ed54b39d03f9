#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  expiryCommitMessage,
  runExpire
} from "./chunk-NLE6SU5M.js";
import "./chunk-U4SLIPKA.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-DKJN5QIN.js";
import "./chunk-YE6TSPZX.js";
import "./chunk-UP7VEJQB.js";
import "./chunk-FJOZMZRB.js";
import "./chunk-AG4NL2GV.js";
import "./chunk-ACN54BH7.js";
import "./chunk-XI4ZXRAZ.js";
import "./chunk-57KBAW56.js";
import "./chunk-BQMI2UZC.js";
export {
  expiryCommitMessage,
  runExpire
};
