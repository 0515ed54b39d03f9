/**
 * Tools from Debian packages that tests run for real (age, ssh-keygen, sshd, PostgreSQL).
 * A missing tool FAILS the test with the command that installs it (.ci/run installs them all);
 * it never skips.
 */
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** The absolute path of `command` on PATH (or as given when absolute); throws with an install hint. */
export function requireCommand(command: string, debianPackage: string): string {
  const candidates = command.startsWith("/") ? [command] : (process.env.PATH ?? "").split(delimiter).filter(Boolean).map((d) => join(d, command));
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // next
    }
  }
  throw new Error(
    `${command} is not installed: this test needs Debian's ${debianPackage} (\`apt-get install -y ${debianPackage}\`; .ci/run installs it when missing)`,
  );
}

export interface RunResult {
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
  code: number;
}

/** Runs a command (asynchronously, so an in-process emulator keeps answering); never throws on a non-zero exit. */
export function run(file: string, args: readonly string[], opts: { input?: string | Uint8Array; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { cwd: opts.cwd, env: opts.env, encoding: "buffer", maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && typeof (err as NodeJS.ErrnoException).code === "string") {
        reject(err);
        return;
      }
      const code = err ? ((err as { code?: number }).code ?? 1) : 0;
      resolve({ stdout: stdout.toString("utf8"), stdoutBytes: stdout, stderr: stderr.toString("utf8"), code });
    });
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    else child.stdin?.end();
  });
}

/** Like `run`, but throws with the command's stderr when it fails. */
export async function runOk(file: string, args: readonly string[], opts: Parameters<typeof run>[2] = {}): Promise<string> {
  const r = await run(file, args, opts);
  if (r.code !== 0) throw new Error(`${file} ${args.join(" ")} exited ${r.code}: ${r.stderr.trim()}`);
  return r.stdout;
}
