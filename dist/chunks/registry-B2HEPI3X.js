#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  createProviderRegistry,
  providerFor
} from "./chunk-4J2WK5BQ.js";
import "./chunk-BQMI2UZC.js";
export {
  createProviderRegistry,
  providerFor
};
