#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/report/json-document.ts
var JSON_FORMAT_VERSION = 1;
function jsonFormatTag(kind) {
  return `jit-access/${kind}@${JSON_FORMAT_VERSION}`;
}
function jsonDocument(kind, body) {
  return `${JSON.stringify({ format: jsonFormatTag(kind), ...body }, null, 2)}
`;
}

export {
  jsonDocument
};
