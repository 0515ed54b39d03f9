/**
 * Identifiers: deterministic numeric ids (starting at 1, one sequence per
 * kind of object) and GitHub's legacy global node ids.
 */

export class IdSequence {
  private next = 1;

  take(): number {
    return this.next++;
  }
}

/**
 * GitHub's legacy node id format: base64 of "<len>:<Type><id>", e.g.
 * "MDQ6VXNlcjE=" for User 1 and "MDEwOlJlcG9zaXRvcnkx" for Repository 1.
 */
export function legacyNodeId(type: string, id: number | string): string {
  const prefix = String(type.length).padStart(2, "0");
  return Buffer.from(`${prefix}:${type}${id}`, "utf8").toString("base64");
}
