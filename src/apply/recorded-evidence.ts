/**
 * Evidence already on record: the signed notes in refs/notes/jit, read only as a run asks for
 * them. A note that cannot be read is no note, and a finding under its commit (the run fails
 * loudly); every other lease goes on.
 */
import { NOTE_UNREADABLE, readEvidenceNote, unreadableNoteMessage } from "../evidence/evidence.js";
import type { EvidenceNote, LeaseEvidence, NoteReading, NoteSigner } from "../evidence/evidence.js";
import type { WindowFinding } from "../reconcile/lease-windows.js";

/** Problems that stop no one (a note that cannot be read, a change that could not be verified), by commit or change. */
export type RunProblems = Map<string, WindowFinding>;

export interface RecordedEvidence {
  /** Trusted evidence for a lease version, by `commit\0path\0blob`. */
  get(key: string): LeaseEvidence | undefined;
  /** Records a note that cannot be read (once per object). */
  unreadableNote(object: string, reason: string): void;
}

export function recordedEvidence(notes: Map<string, string>, signer: NoteSigner, problems: RunProblems): RecordedEvidence {
  const unreadableNote = (object: string, reason: string) => {
    if (!problems.has(object)) problems.set(object, { code: NOTE_UNREADABLE, commit: object, message: unreadableNoteMessage(object, reason) });
  };
  // Evidence per (commit, lease path) from trusted notes. A note is read (bounded, its MAC
  // checked, parsed) only when a change asks for it: there is one note per lease change in the
  // whole history, and only the leases still on main (and break-glass grants) need theirs. A
  // note that cannot be read is no note.
  const readings = new Map<string, NoteReading | undefined>();
  const trustedNote = (commit: string): EvidenceNote | undefined => {
    if (!readings.has(commit)) {
      const text = notes.get(commit);
      const r = text === undefined ? undefined : readEvidenceNote(commit, text, signer);
      if (r?.kind === "unreadable") unreadableNote(commit, r.reason);
      readings.set(commit, r);
    }
    const r = readings.get(commit);
    return r?.kind === "evidence" && r.trusted ? r.note : undefined;
  };
  // Each trusted note indexed once by lease and blob (one note may carry thousands of leases).
  const indexOf = new Map<string, Map<string, LeaseEvidence>>();
  return {
    get(key: string): LeaseEvidence | undefined {
      const cut = key.indexOf("\0");
      const commit = key.slice(0, cut);
      let index = indexOf.get(commit);
      if (!index) {
        index = new Map((trustedNote(commit)?.leases ?? []).map((e) => [`${e.lease}\0${e.blob}`, e]));
        indexOf.set(commit, index);
      }
      return index.get(key.slice(cut + 1));
    },
    unreadableNote,
  };
}
