/**
 * Two versions of one evidence note, written by two runs at once (e.g. a break-glass grant's
 * record and a sweep marking another record ended, on the same lease blob): one note that
 * keeps what both recorded. Pure. A version not signed with the key for this repository
 * (when a key is given) contributes nothing — not even a legacy one: re-signing its records
 * would bind them to this repository; text that is not an evidence note (a request note, or
 * one that cannot be read: too large, too deep, not JSON) is kept as ours. Never throws.
 */
import type { EvidenceNote, NoteSigner } from "./evidence.js";
import { formatNote, readEvidenceNote, signNote } from "./evidence.js";

export function mergeEvidenceNotes(object: string, ours: string, theirs: string, signer: NoteSigner): string {
  const usable = (text: string): EvidenceNote | undefined => {
    const r = readEvidenceNote(object, text, signer);
    return r.kind === "evidence" && (!signer.key || r.trusted) ? r.note : undefined;
  };
  const a = usable(ours);
  const b = usable(theirs);
  if (!a) return b ? theirs : ours;
  if (!b) return ours;
  const union = <T>(x: T[] | undefined, y: T[] | undefined, id: (v: T) => string, prefer?: (v: T) => boolean): T[] => {
    const out = new Map<string, T>();
    // Records are checked one by one where they are read; here only what is no record at all goes.
    for (const v of [...(x ?? []), ...(y ?? [])].filter((r) => typeof r === "object" && r !== null)) {
      const k = id(v);
      const had = out.get(k);
      if (had === undefined || (prefer?.(v) && !prefer(had))) out.set(k, v);
    }
    return [...out.values()];
  };
  const merged: EvidenceNote = {
    version: 1,
    // Ours first: for a change both verified, our (newer) verdict stands.
    leases: union(a.leases, b.leases, (e) => `${e.lease}\0${e.blob}`),
    grants: union(a.grants, b.grants, (g) => JSON.stringify([g.lease, g.resource, g.grantee, g.role, g.at])),
    // A record someone marked ended stays ended.
    breakGlass: union(a.breakGlass, b.breakGlass, (r) => JSON.stringify([r.pullRequest, r.lease, r.blob, r.grantedAt]), (r) => r.ended !== undefined),
    drift: union(a.drift, b.drift, (d) => JSON.stringify([d.resource, d.grantee, d.role, d.revokedAt])),
    // One policy version per commit: ours (newer) stands, else theirs.
    ...(a.policy ?? b.policy ? { policy: (a.policy ?? b.policy)! } : {}),
  };
  for (const k of ["grants", "breakGlass", "drift"] as const) if (merged[k]?.length === 0) delete merged[k];
  // The legacy note either side kept (the same object's: ours first), still only history.
  const legacy = a.legacy ?? b.legacy;
  if (legacy) merged.legacy = legacy;
  return formatNote(signNote(merged, object, signer));
}
