/** JSON representation of public SSH keys. */
import type { SshKeyRecord } from "../model.js";

/** `key-simple` as GitHub serves it for `GET /users/{username}/keys`: id and key only. */
export function keySimple(k: SshKeyRecord): Record<string, unknown> {
  return { id: k.id, key: k.key };
}
