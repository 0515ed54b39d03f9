/** Lease files must be regular files: a symlink could point anywhere, a submodule is not data. */
import { diagnostic } from "../diagnostics/diagnostic.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { FileVersion } from "./inputs.js";

export function checkFileMode(f: FileVersion): Diagnostic | undefined {
  if (f.mode === "symlink") {
    return diagnostic("lease-symlink", f.path, undefined, "Lease files must be regular files, not symbolic links.", "Replace the link with the lease file itself.");
  }
  if (f.mode === "submodule") {
    return diagnostic("lease-not-a-file", f.path, undefined, "A submodule cannot be a lease.", "Remove the submodule from leases/.");
  }
  return undefined;
}
