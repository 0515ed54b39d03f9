#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-NKCDSYY7.js";
import {
  gitText
} from "./chunk-RMU5QMAM.js";
import "./chunk-ZKNAD5EA.js";

// src/commands/repository.ts
async function repositoryOf(repoDir, given, env) {
  let full = given ?? env.GITHUB_REPOSITORY;
  if (!full) {
    try {
      const url = (await gitText(repoDir, ["remote", "get-url", "origin"])).trim();
      const m = /[:/]([^/:]+)\/([^/]+?)(?:\.git)?$/.exec(url);
      if (m) full = `${m[1]}/${m[2]}`;
    } catch {
    }
  }
  const [owner, repo] = (full ?? "").split("/");
  if (!owner || !repo) throw new UsageError("repository-unknown", "Which GitHub repository is this? Pass --repository OWNER/NAME (or set GITHUB_REPOSITORY).");
  return { owner, repo };
}
export {
  repositoryOf
};
