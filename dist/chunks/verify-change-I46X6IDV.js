#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  verifyChange
} from "./chunk-NBIN622J.js";
import "./chunk-PO4O46CC.js";
import "./chunk-3FM6YOGM.js";
import "./chunk-RRT5U5DH.js";
import "./chunk-LB4RHSKG.js";
import "./chunk-ZDAOGDPW.js";
import "./chunk-57KBAW56.js";
import "./chunk-BQMI2UZC.js";
export {
  verifyChange
};
