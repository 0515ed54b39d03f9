/**
 * RFC 3339 timestamps with an explicit offset. Naive times ("2026-11-24T12:00:00") are
 * refused: they mean different instants to different readers.
 */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch, or undefined when not a valid RFC 3339 time with offset. */
export function parseTimestamp(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h), minute = Number(mi), second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > dim) return undefined;
  let ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), frac ? Math.round(Number(frac) * 1000) : 0);
  if (sign) {
    const offH = Number(oh), offM = Number(om);
    if (offH > 23 || offM > 59) return undefined;
    const off = (offH * 60 + offM) * 60_000;
    ms += sign === "+" ? -off : off;
  }
  return ms;
}

/**
 * RFC 3339 in UTC, to the second (milliseconds only when there are some). Never throws: a time
 * no date can hold (a lease with an absurd duration ends past year 275760) is said as such.
 */
export function formatTimestamp(ms: number): string {
  // Reports format hundreds of thousands of times: the date part is computed once per day.
  if (!Number.isInteger(ms) || ms < 0 || ms >= MAX_FAST) {
    if (!(Math.abs(ms) <= MAX_DATE)) return Number.isNaN(ms) ? "(no time)" : ms > 0 ? "(after +275760-09-13)" : "(before -271821-04-20)";
    const iso = new Date(ms).toISOString();
    return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
  }
  const day = Math.floor(ms / DAY);
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 11);
    dates.set(day, date);
  }
  let rest = ms - day * DAY;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const sec = rest % 60;
  rest = (rest - sec) / 60;
  const min = rest % 60;
  const hour = (rest - min) / 60;
  return `${date}${TWO[hour]}:${TWO[min]}:${TWO[sec]}${milli ? `.${String(milli).padStart(3, "0")}` : ""}Z`;
}

/** RFC 3339 in UTC to the whole second (earlier part of the second dropped): for tables, where times line up. */
export function formatTimestampSeconds(ms: number): string {
  return formatTimestamp(Number.isFinite(ms) ? Math.floor(ms / 1000) * 1000 : ms);
}

const DAY = 86_400_000;
/** The furthest a Date reaches either way from the epoch. */
const MAX_DATE = 8.64e15;
/** Year 10000: four-digit years only. */
const MAX_FAST = 253_402_300_800_000;
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const dates = new Map<number, string>();
