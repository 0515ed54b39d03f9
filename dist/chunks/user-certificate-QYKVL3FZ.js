#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  CERT_TYPES,
  CertificateError,
  UINT64_MAX,
  USER_EXTENSIONS,
  formatValidity,
  parseCertificate,
  readUint64,
  signUserCertificate,
  uint32,
  uint64
} from "./chunk-CMKERF3G.js";
import "./chunk-HNXO2XZY.js";
import "./chunk-ZKNAD5EA.js";
export {
  CERT_TYPES,
  CertificateError,
  UINT64_MAX,
  USER_EXTENSIONS,
  formatValidity,
  parseCertificate,
  readUint64,
  signUserCertificate,
  uint32,
  uint64
};
