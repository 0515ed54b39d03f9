#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runCredentials
} from "./chunk-BQMHRGRG.js";
import "./chunk-TV42NG54.js";
import "./chunk-CWEHAQQK.js";
import "./chunk-NKCDSYY7.js";
import "./chunk-HWKP2PWK.js";
import "./chunk-RMU5QMAM.js";
import "./chunk-HNXO2XZY.js";
import "./chunk-ZKNAD5EA.js";
export {
  runCredentials
};
