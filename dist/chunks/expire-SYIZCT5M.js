#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  expiryCommitMessage,
  runExpire
} from "./chunk-SBNFMKXV.js";
import "./chunk-FIW7TLUJ.js";
import "./chunk-7DGYPZXB.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-6YMUGZ4W.js";
import "./chunk-F7F6JJOU.js";
import "./chunk-4JO3PHRK.js";
import "./chunk-3FM6YOGM.js";
import "./chunk-RRT5U5DH.js";
import "./chunk-LB4RHSKG.js";
import "./chunk-ZDAOGDPW.js";
import "./chunk-57KBAW56.js";
import "./chunk-BQMI2UZC.js";
export {
  expiryCommitMessage,
  runExpire
};
