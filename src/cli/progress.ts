/**
 * Progress of a long run (an audit of a big history, apply over many resources), on stderr
 * and only where a person watches: on a terminal, not in CI ($CI set) and not with
 * --format json. One line, rewritten in place, cleared at the end.
 */
export interface ProgressIo {
  err: (s: string) => void;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal. */
  errIsTTY?: boolean;
}

/** What a command is told: `done` of `total` items of `what` are finished. */
export type ProgressReport = (done: number, total: number, what: string) => void;

export interface Progress {
  /** Undefined when nobody watches: commands then skip the work of counting. */
  report?: ProgressReport;
  /** Clears the line (call once the run ends, however it ends). */
  end: () => void;
}

export function progressEnabled(io: ProgressIo, format?: string): boolean {
  const ci = io.env.CI;
  return Boolean(io.errIsTTY) && (ci === undefined || ci === "" || ci === "false" || ci === "0") && format !== "json";
}

export function createProgress(io: ProgressIo, format?: string): Progress {
  if (!progressEnabled(io, format)) return { end: () => {} };
  let shown = "";
  let width = 0;
  return {
    report: (done, total, what) => {
      // Redraw only when the percentage (or the phase) changes: cheap on 100 000 items.
      const pct = total > 0 ? Math.floor((100 * Math.min(done, total)) / total) : 0;
      const line = `${what}: ${Math.min(done, total)}/${total} (${pct}%)`;
      const key = `${what}:${pct}:${done === total}`;
      if (key === shown) return;
      shown = key;
      io.err(`\r${line.padEnd(width)}`);
      width = line.length;
    },
    end: () => {
      if (width > 0) io.err(`\r${" ".repeat(width)}\r`);
      width = 0;
      shown = "";
    },
  };
}
