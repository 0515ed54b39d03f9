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
 * GitHub's legacy node id format: base64 of "0<len>:<Type><id>", e.g.
 * "MDQ6VXNlcjE=" ("04:User1") and "MDEwOlJlcG9zaXRvcnkx" ("010:Repository1").
 */
export function legacyNodeId(type: string, id: number | string): string {
  const prefix = `0${type.length}`;
  return Buffer.from(`${prefix}:${type}${id}`, "utf8").toString("base64");
}
