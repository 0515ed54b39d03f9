/** Runs the `jit` command line in-process with a fixed clock and an empty environment. */
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/main.js";

export const NOW_ISO = "2026-11-24T10:00:00Z";
export const NOW = Date.parse(NOW_ISO);

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function jit(argv: string[], o: { cwd?: string; env?: Record<string, string | undefined>; now?: number; tty?: boolean } = {}): Promise<Run> {
  let out = "";
  let err = "";
  const io: Io = {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
    // No GITHUB_TOKEN: the CLI must never reach the network in these tests.
    env: o.env ?? {},
    cwd: o.cwd ?? process.cwd(),
    now: () => o.now ?? NOW,
    // Progress is shown only on a terminal: a test says when stderr is one.
    ...(o.tty ? { errIsTTY: true } : {}),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

/** A stack trace line ("    at fn (file:line:col)"). */
export const STACK = /^\s+at .+[:(]/m;
