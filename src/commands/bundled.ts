/**
 * Files shipped with jit-access (the example access repo, the JSON Schemas): next to dist/
 * when installed from the package, two levels up from src/commands/ in a checkout.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../diagnostics/usage-error.js";

export function bundledPath(...segments: string[]): string {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const found = [resolve(here, "..", ...segments), resolve(here, "..", "..", ...segments)].find((p) => existsSync(p));
  if (!found) throw new UsageError("bundled-missing", `${segments.join("/")} is missing from this installation of jit-access (reinstall it).`);
  return found;
}
