#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  createClient
} from "./chunk-T7EMMWS7.js";
import "./chunk-BQMI2UZC.js";
export {
  createClient
};
