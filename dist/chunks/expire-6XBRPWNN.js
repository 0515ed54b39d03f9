#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  expiryCommitMessage,
  runExpire
} from "./chunk-QMEW6LTZ.js";
import "./chunk-4TUH35TJ.js";
import "./chunk-VIT6KENA.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-SB67XXUO.js";
import "./chunk-NBIN622J.js";
import "./chunk-PO4O46CC.js";
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
