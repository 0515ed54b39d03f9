#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  describeAction,
  formatPlanMarkdown,
  formatPlanText
} from "./chunk-63GC6QUS.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-ZDAOGDPW.js";
import "./chunk-BQMI2UZC.js";
export {
  describeAction,
  formatPlanMarkdown,
  formatPlanText
};
