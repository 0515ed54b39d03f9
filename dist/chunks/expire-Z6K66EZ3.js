#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  expiryCommitMessage,
  runExpire
} from "./chunk-X4M3HKQI.js";
import "./chunk-5H6ILQIF.js";
import "./chunk-QLWYGBTZ.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-FAQY4JFE.js";
import "./chunk-LCS2IAMI.js";
import "./chunk-SNM5KUFV.js";
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
