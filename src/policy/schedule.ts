/**
 * Schedule windows: days of the week and hours in an IANA time zone, within which a
 * request may start. Pure: the instant to test is passed in.
 */
import type { Schedule } from "./policy.js";

type Day = "sun" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat";
const formatters = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(tz: string): boolean {
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: tz, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(tz, f);
  }
  return f;
}

/** Local weekday ("mon") and minute of day of an instant in a time zone. */
export function localTime(ms: number, tz: string): { day: Day; minute: number } {
  const parts = formatterFor(tz).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const day = get("weekday").slice(0, 3).toLowerCase() as Day;
  return { day, minute: Number(get("hour")) * 60 + Number(get("minute")) };
}

export function parseHours(hours: string): { start: number; end: number } {
  const [a = "00:00", b = "00:00"] = hours.split("-");
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  return { start: toMin(a), end: toMin(b) };
}

export function withinSchedule(ms: number, schedule: Schedule): boolean {
  const { day, minute } = localTime(ms, schedule.timezone);
  return schedule.windows.some((w) => {
    if (!w.days.includes(day)) return false;
    const { start, end } = parseHours(w.hours);
    return minute >= start && minute < end;
  });
}

export function describeSchedule(schedule: Schedule): string {
  return schedule.windows.map((w) => `${w.days.join(",")} ${w.hours}`).join("; ") + ` (${schedule.timezone})`;
}
