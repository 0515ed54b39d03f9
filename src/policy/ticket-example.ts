/**
 * A ticket id that matches a resource's ticketPattern, for the sandbox to request with: common
 * forms first (INC-1234, CHG-1, ABC-123...), then one built from the pattern itself (literals,
 * classes, \d \w, groups with alternatives, quantifiers at their minimum). Pure; undefined when
 * no candidate matches (lookarounds, backreferences...): the caller says so and asks for one.
 */
const COMMON = ["INC-1234", "INC-1", "CHG-1234", "JIRA-123", "ABC-123", "OPS-42", "1234", "T1234", "#1234", "SEC-2026-001"];

export function ticketMatching(pattern: string): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`, "u");
  } catch {
    return undefined;
  }
  for (const c of COMMON) if (re.test(c)) return c;
  const built = build(pattern);
  return built !== undefined && re.test(built) ? built : undefined;
}

/** One string the pattern matches, read left to right; undefined on syntax it does not know. */
function build(p: string): string | undefined {
  let i = 0;
  const alternatives = (): string | undefined => {
    const first = sequence();
    while (p[i] === "|") {
      i++;
      sequence(); // other alternatives: parsed, not used
    }
    return first;
  };
  const sequence = (): string | undefined => {
    let out = "";
    while (i < p.length && p[i] !== "|" && p[i] !== ")") {
      const atom = one();
      if (atom === undefined) return undefined;
      const times = quantifier();
      if (times === undefined) return undefined;
      out += atom.repeat(times);
    }
    return out;
  };
  const one = (): string | undefined => {
    const c = p[i++]!;
    if (c === "^" || c === "$") return "";
    if (c === ".") return "a";
    if (c === "(") {
      if (p[i] === "?") {
        if (p[i + 1] !== ":") return undefined; // lookarounds, named groups: not built
        i += 2;
      }
      const inner = alternatives();
      if (p[i++] !== ")") return undefined;
      return inner;
    }
    if (c === "[") {
      const negated = p[i] === "^";
      if (negated) i++;
      let first: string | undefined;
      while (i < p.length && p[i] !== "]") {
        const ch = p[i] === "\\" ? escapeChar(p[++i]!) : p[i]!;
        i++;
        first ??= ch;
        if (p[i] === "-" && p[i + 1] !== "]") i += 2; // a range: its first character will do
      }
      i++;
      if (negated) return first === "a" ? "b" : "a";
      return first;
    }
    if (c === "\\") return escapeChar(p[i++]!);
    if ("*+?{}".includes(c)) return undefined;
    return c;
  };
  const quantifier = (): number | undefined => {
    const c = p[i];
    if (c === "*" || c === "?") {
      i++;
      if (p[i] === "?") i++;
      return 0;
    }
    if (c === "+") {
      i++;
      if (p[i] === "?") i++;
      return 1;
    }
    if (c === "{") {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(p.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return Number(m[1]);
    }
    return 1;
  };
  const out = alternatives();
  return i === p.length ? out : undefined;
}

function escapeChar(c: string): string | undefined {
  if (c === "d") return "1";
  if (c === "w") return "a";
  if (c === "s") return " ";
  if (/[DWSbB]/.test(c)) return /[bB]/.test(c) ? "" : "-";
  if (/[0-9]/.test(c) || c === "k" || c === "p" || c === "P") return undefined; // backreferences, properties
  return c;
}
