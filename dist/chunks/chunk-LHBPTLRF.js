#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/lease/lease-path.ts
var LEASES_DIR = "leases";
var RESOURCE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
var FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.ya?ml$/;
function isUnderLeases(path) {
  return path === LEASES_DIR || path.startsWith(`${LEASES_DIR}/`);
}
function checkLeasePath(path) {
  if (!isUnderLeases(path)) {
    if (path.split("/").some((s) => s === ".." || s === ".") || path.startsWith("/")) {
      return { kind: "invalid", code: "lease-path-traversal", message: `Path '${path}' is not a plain relative path.`, hint: "Lease files live at leases/<resource>/<name>.yaml." };
    }
    return { kind: "outside" };
  }
  const parts = path.split("/");
  if (parts.some((s) => s === ".." || s === "." || s === "") || path.includes("\\")) {
    return { kind: "invalid", code: "lease-path-traversal", message: `Path '${path}' contains '..', '.', an empty segment or a backslash.`, hint: "Use leases/<resource>/<name>.yaml." };
  }
  const last = parts[parts.length - 1] ?? "";
  if (last === ".gitkeep" && parts.length <= 3) return { kind: "placeholder" };
  if (parts.length !== 3) {
    return { kind: "invalid", code: "lease-path-layout", message: `'${path}' is not at leases/<resource>/<name>.yaml.`, hint: "Put one lease per file directly inside its resource's folder." };
  }
  const [, resource = "", name = ""] = parts;
  if (!RESOURCE_ID.test(resource)) {
    return { kind: "invalid", code: "lease-path-layout", message: `Folder '${resource}' is not a valid resource id.`, hint: "Resource ids are lowercase letters, digits and dashes, as in policy.yaml." };
  }
  if (!FILE_NAME.test(name)) {
    return { kind: "invalid", code: "lease-path-name", message: `'${name}' is not a lease file name.`, hint: "Name it like alice-2026-11-24.yaml: letters, digits, '.', '_', '-', ending in .yaml or .yml." };
  }
  return { kind: "lease", resource, name };
}

export {
  LEASES_DIR,
  isUnderLeases,
  checkLeasePath
};
