/**
 * What a provider must remember because its target cannot be asked (sshd cannot list the
 * certificates it would accept, nor say which were revoked): a small append-only ledger of
 * records, signed and kept by the shell (src/git/provider-ledger.ts keeps it in the access
 * repo, on a ref the bot owns). Providers read and append records by namespace (their type
 * and resource) and may publish files derived from all of a namespace's records (a KRL)
 * in the same write. The core never sees it.
 */

/** One record: an id unique in its namespace and a JSON body. */
export interface LedgerRecord {
  /** [A-Za-z0-9._-], 1–100 characters (a file name) */
  id: string;
  body: Record<string, unknown>;
}

/** A file made from a namespace's records (e.g. `revoked.krl`), kept next to them. */
export interface LedgerFile {
  /** [A-Za-z0-9._-], 1–100 characters, not "records" */
  name: string;
  bytes: Uint8Array;
}

export interface ProviderLedger {
  /** "owner/repo": every record is bound to it (and to its namespace and id) by its signature. */
  readonly repository: string;
  /** Where servers fetch a namespace's published file (e.g. "git fetch <repo> refs/jit/ledger; git show FETCH_HEAD:<path>"). */
  location(namespace: string, name: string): string;
  /** The records of `namespace` whose signature verifies; anything else there is ignored (and logged). */
  read(namespace: string): Promise<LedgerRecord[]>;
  /**
   * Adds `records` to `namespace` and writes the files `derive` makes from all its records
   * (those there and the new ones), in one change that is saved (pushed) before this
   * returns. Throws when it cannot be saved: the caller must then not act as if it were.
   * A record whose id is already there with the same body is not added twice.
   */
  append(namespace: string, records: LedgerRecord[], derive?: (all: LedgerRecord[]) => LedgerFile[]): Promise<void>;
}

export const LEDGER_NAME = /^[A-Za-z0-9._-]{1,100}$/;
