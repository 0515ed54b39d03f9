/**
 * The message of anything thrown. Code that calls out (a provider, the API, git) cannot count
 * on an Error: a rejection may be a string, an object or nothing, and reading `.message` off
 * `null` would throw again from inside the handler meant to contain the first one.
 */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === "string") return e;
  if (typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string") return (e as { message: string }).message;
  try {
    return `${String(e)} thrown`;
  } catch {
    return "an unprintable value thrown";
  }
}
