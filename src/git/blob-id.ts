/** The id git gives a blob with these bytes (what `git hash-object` prints), without a repository. */
import { createHash } from "node:crypto";

export function gitBlobId(bytes: Uint8Array): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
