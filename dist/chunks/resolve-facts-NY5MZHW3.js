#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  resolveFacts
} from "./chunk-57KBAW56.js";
import "./chunk-BQMI2UZC.js";
export {
  resolveFacts
};
