#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  describeAction,
  describeHolders,
  formatPlanMarkdown,
  formatPlanText
} from "./chunk-K6GGGC23.js";
import "./chunk-YNUDKMC4.js";
import "./chunk-7FNLLOQ2.js";
import "./chunk-ZKNAD5EA.js";
export {
  describeAction,
  describeHolders,
  formatPlanMarkdown,
  formatPlanText
};
