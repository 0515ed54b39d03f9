#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runAudit
} from "./chunk-6OZWT2JU.js";
import "./chunk-Y6VO2UKB.js";
import "./chunk-FIW7TLUJ.js";
import "./chunk-ECFMJL24.js";
import "./chunk-SNM5KUFV.js";
import "./chunk-RRT5U5DH.js";
import "./chunk-LB4RHSKG.js";
import "./chunk-ZDAOGDPW.js";
import "./chunk-BQMI2UZC.js";
export {
  runAudit
};
