#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  assertApiReachable,
  createClient
} from "./chunk-UQOWAPX3.js";
import "./chunk-Z4P6QO65.js";
import "./chunk-ZKNAD5EA.js";
export {
  assertApiReachable,
  createClient
};
