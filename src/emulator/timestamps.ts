/** Time formatting the way GitHub's REST API writes it. */

/** ISO 8601 without milliseconds: 2011-01-26T19:01:12Z */
export function isoTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function isoTimestampOrNull(date: Date | null | undefined): string | null {
  return date ? isoTimestamp(date) : null;
}

export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
