#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/credentials/credential-error.ts
var CredentialError = class extends Error {
  code;
  constructor(code, message) {
    super(message);
    this.name = "CredentialError";
    this.code = code;
  }
};

export {
  CredentialError
};
