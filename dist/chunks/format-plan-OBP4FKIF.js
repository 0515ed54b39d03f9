#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  describeAction,
  formatPlanMarkdown,
  formatPlanText
} from "./chunk-COAC2HCB.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-XI4ZXRAZ.js";
import "./chunk-BQMI2UZC.js";
export {
  describeAction,
  formatPlanMarkdown,
  formatPlanText
};
