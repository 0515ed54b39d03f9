#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runAudit
} from "./chunk-AMB7MKFF.js";
import "./chunk-Y6VO2UKB.js";
import "./chunk-4TUH35TJ.js";
import "./chunk-SB67XXUO.js";
import "./chunk-PO4O46CC.js";
import "./chunk-RRT5U5DH.js";
import "./chunk-LB4RHSKG.js";
import "./chunk-ZDAOGDPW.js";
import "./chunk-BQMI2UZC.js";
export {
  runAudit
};
