#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  describeAction,
  formatPlanMarkdown,
  formatPlanText
} from "./chunk-Z4IVF552.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-B5CNKYTW.js";
import "./chunk-BQMI2UZC.js";
export {
  describeAction,
  formatPlanMarkdown,
  formatPlanText
};
