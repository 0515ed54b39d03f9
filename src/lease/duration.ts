/**
 * Durations as written in leases and policy: days, hours and minutes, in that order,
 * e.g. 30m, 4h, 1d12h. Kept in minutes internally.
 */
const DURATION = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
export const MINUTE_MS = 60_000;

/** Minutes in a duration string, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const [, d, h, min] = m;
  const total = Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(min ?? 0);
  return Number.isSafeInteger(total) ? total : undefined;
}

/** 1d12h, 4h, 30m, 0m. */
export function formatDuration(minutes: number): string {
  if (minutes <= 0) return "0m";
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = Math.round(minutes % 60);
  return `${d ? `${d}d` : ""}${h ? `${h}h` : ""}${m ? `${m}m` : ""}`;
}
