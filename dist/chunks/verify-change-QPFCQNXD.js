#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  verifyChange
} from "./chunk-YH7UOB5N.js";
import "./chunk-UP7VEJQB.js";
import "./chunk-IPO7XKCR.js";
import "./chunk-LBWXCQKF.js";
import "./chunk-ACN54BH7.js";
import "./chunk-XI4ZXRAZ.js";
import "./chunk-57KBAW56.js";
import "./chunk-BQMI2UZC.js";
export {
  verifyChange
};
