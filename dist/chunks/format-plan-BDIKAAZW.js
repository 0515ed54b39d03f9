#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  describeAction,
  describeHolders,
  formatPlanMarkdown,
  formatPlanText
} from "./chunk-DK5Q5YIB.js";
import "./chunk-5HZS632R.js";
import "./chunk-DHPVELKE.js";
import "./chunk-ZKNAD5EA.js";
export {
  describeAction,
  describeHolders,
  formatPlanMarkdown,
  formatPlanText
};
