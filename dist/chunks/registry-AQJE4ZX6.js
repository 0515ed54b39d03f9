#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  createProviderRegistry,
  providerFor
} from "./chunk-GDHT27FQ.js";
import "./chunk-TV42NG54.js";
import "./chunk-CMKERF3G.js";
import "./chunk-HWKP2PWK.js";
import "./chunk-SVH2GO35.js";
import "./chunk-RMU5QMAM.js";
import "./chunk-HNXO2XZY.js";
import "./chunk-ZKNAD5EA.js";
export {
  createProviderRegistry,
  providerFor
};
