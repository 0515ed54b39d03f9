import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/diagnostics/usage-error.ts
var UsageError = class extends Error {
  code;
  constructor(code, message) {
    super(message);
    this.name = "UsageError";
    this.code = code;
  }
};

export {
  UsageError
};
