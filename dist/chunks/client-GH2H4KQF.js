#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  createClient
} from "./chunk-L5FXHWGR.js";
import "./chunk-ZKNAD5EA.js";
export {
  createClient
};
