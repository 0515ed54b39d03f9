#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-NKCDSYY7.js";
import {
  CODEOWNERS_PATH,
  generateCodeowners
} from "./chunk-D743S5WN.js";
import {
  DEFAULT_POLICY_PATH,
  loadPolicy
} from "./chunk-WINV2HKP.js";
import "./chunk-SVH2GO35.js";
import "./chunk-ZKNAD5EA.js";

// src/commands/init.ts
import { existsSync as existsSync2, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

// src/scaffold/policy-template.ts
var TEMPLATE_RESOURCES = ["example-team", "example-repo", "example-org-role"];
var q = (s) => JSON.stringify(s);
function policyTemplate(i) {
  const admins = i.admins.map(q).join(", ");
  return `# yaml-language-server: $schema=schemas/policy.v1.schema.json
# The policy of this access repo: what can be leased, by whom, for how long, approved by whom.
# Changes to this file need review by the admins below; run \`jit codeowners\` after editing,
# then \`jit validate\`. Reference: https://github.com/jit-access/jit-access#the-policy-policyyaml
version: 1

# Who owns this policy, CODEOWNERS, the schemas and the workflows.
admins: [${admins}]

# Named sets of logins and teams, used as group:<name>.
groups:
  approvers: [${admins}]

# Every resource inherits these unless it sets its own.
defaults:
  maxDuration: 8h
  minReasonLength: 15
  maxExtensions: 1
  remindBefore: 30m

resources:
  # github-team: membership of a team (roles member, maintainer).
  example-team:
    description: Example team membership; rename it to a real team of ${i.org}
    provider:
      type: github-team
      org: ${i.org}
      team: example-team
    roles: [member]
    maxDuration: 4h
    approvers: [group:approvers]

  # github-repo: a repository collaborator role (pull, triage, push, maintain, admin or a
  # custom repository role); non-members get an invitation.
  example-repo:
    description: Example push access to one repository
    provider:
      type: github-repo
      owner: ${i.org}
      repo: example-repo
    roles: [push]
    maxDuration: 2h
    approvers: [group:approvers]

  # github-org-role: an organization role (the App needs organization Administration: read).
  example-org-role:
    description: Example organization role for billing audits
    provider:
      type: github-org-role
      org: ${i.org}
    roles: [billing_manager]
    maxDuration: 1d
    approvers: [group:approvers]
    requireTicket: true

  # postgres: database access (see README, "Databases"). Uncomment after adding the secret
  # JIT_PG_PROD (the admin connection string) to the jit-access environment and mapping it
  # in the apply, expire, revoke-now and timer workflows (env: JIT_PG_PROD: \${{ secrets.JIT_PG_PROD }}).
  # example-db:
  #   description: Read-only database access
  #   provider:
  #     type: postgres
  #     org: ${i.org}
  #     connection: { env: JIT_PG_PROD }
  #     access: ephemeral
  #   roles: [analytics_ro]
  #   maxDuration: 4h
  #   approvers: [group:approvers]

  # ssh-certificate: SSH certificates signed by a CA (see README, "ssh-certificate"). Uncomment
  # after adding the secret JIT_SSH_CA (the CA's ssh-ed25519 private key) the same way.
  # example-ssh:
  #   description: SSH login to production hosts
  #   provider:
  #     type: ssh-certificate
  #     org: ${i.org}
  #     ca: { env: JIT_SSH_CA }
  #     hosts: [prod-1.example.com]
  #   roles: [deploy]
  #   maxDuration: 4h
  #   approvers: [group:approvers]

  # command: a target of your own, run as a committed executable (see README, "command").
  # Uncomment after committing commands/example.mjs (mode 100755).
  # example-command:
  #   description: Membership of a Unix group on build hosts
  #   provider:
  #     type: command
  #     org: ${i.org}
  #     run: commands/example.mjs
  #   roles: [docker]
  #   approvers: [group:approvers]
  #   mode: additive
`;
}

// src/scaffold/readme-template.ts
function accessRepoReadme(o) {
  return `# Access requests for ${o.org}

Nobody here holds standing admin rights: ask for a role on a resource, for a bounded time,
with a reason. The approvers named in [CODEOWNERS](.github/CODEOWNERS) approve; the grant
happens when the pull request is merged and is taken away when the time is up. Git history
is the record. Powered by [jit-access](https://github.com/${o.action}).

## Request access

- **With the form** (no git): Actions \u2192 *jit-access request* \u2192 Run workflow; pick the
  resource, role, duration and reason. The bot opens the pull request for you.
- **With the CLI**: \`jit request --resource example-team --role member --for 2h --reason "..."\`
  writes \`leases/<resource>/<you>-<date>.yaml\`; commit it on a branch, push, open a pull request.

The \`jit-access / validate\` check says at once whether the request fits the policy
(\`policy.yaml\`): roles, longest duration, tickets, schedules.

## Approve

Code owners of \`leases/<resource>/\` review the pull request: approve it, then merge.
You cannot approve your own request. A push after an approval dismisses it. On merge the
\`apply\` workflow re-checks the approvals and grants the access, and comments on the pull request.

## Release early

Actions \u2192 *jit-access revoke now* \u2192 Run workflow with the lease file, or delete the lease
file in a pull request. Leases also end on their own: the \`expire\` workflow revokes them
within minutes of their end and removes the file in a commit that says why.

## Administer

The policy admins (${o.admins.join(", ")}) own \`policy.yaml\`, the workflows and the schemas.
After editing the policy run \`jit codeowners\` and \`jit validate\`. Check the GitHub side
(branch rules, the App, secrets, pinned workflows) with \`jit doctor\`.
`;
}

// src/scaffold/workflows.ts
var WORKFLOW_FILES = ["validate.yml", "apply.yml", "expire.yml", "timer.yml", "revoke-now.yml", "request.yml", "audit.yml"];
var EXAMPLE_USES = /\buses: jit-access\/jit-access@v0\b/g;
var FORM_OPTIONS = /^(\s*options: )\[[^\]\n]*\](.*)$/m;
function scaffoldWorkflow(file, text, o) {
  let out = text.replace(EXAMPLE_USES, `uses: ${o.action}@v${o.version}`);
  if (file === "request.yml") out = out.replace(FORM_OPTIONS, (_m, head, tail) => `${head}[${o.resources.join(", ")}]${tail}`);
  return out;
}

// src/commands/bundled.ts
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
function bundledPath(...segments) {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const found = [resolve(here, "..", ...segments), resolve(here, "..", "..", ...segments)].find((p) => existsSync(p));
  if (!found) throw new UsageError("bundled-missing", `${segments.join("/")} is missing from this installation of jit-access (reinstall it).`);
  return found;
}

// src/commands/init.ts
var ORG = /^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$/;
var ACTION = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
var GITIGNORE = `# Never commit secrets: the App's private key, the evidence key, credentials.
*.pem
*.key
.env
.env.*
node_modules/
`;
function scaffoldFiles(o) {
  if (!ORG.test(o.org)) throw new UsageError("init-org", `--org '${o.org}' is not a GitHub organization name (letters, digits, dashes).`);
  if (o.admins.length === 0) throw new UsageError("init-admins", "Who administers the policy? Pass --admins @org/team (or logins, comma-separated).");
  if (!ACTION.test(o.action)) throw new UsageError("init-action", `--action '${o.action}' must be OWNER/REPO, e.g. jit-access/jit-access.`);
  const files = /* @__PURE__ */ new Map();
  const policyText = policyTemplate({ org: o.org, admins: o.admins });
  const loaded = loadPolicy(DEFAULT_POLICY_PATH, new TextEncoder().encode(policyText));
  if (!loaded.policy) {
    const why = loaded.diagnostics.map((d) => d.message).join(" ");
    throw new UsageError("init-policy", `The policy for --org ${o.org} --admins ${o.admins.join(",")} would be invalid: ${why} Check --admins (logins or @org/team).`);
  }
  files.set(DEFAULT_POLICY_PATH, policyText);
  const schemas = bundledPath("schemas");
  for (const name of readdirSync(schemas).filter((n) => n.endsWith(".schema.json")).sort()) files.set(`schemas/${name}`, readFileSync(join(schemas, name), "utf8"));
  files.set(CODEOWNERS_PATH, generateCodeowners(loaded.policy, DEFAULT_POLICY_PATH));
  const workflows = bundledPath("examples", "access-repo", ".github", "workflows");
  for (const file of WORKFLOW_FILES) {
    files.set(`.github/workflows/${file}`, scaffoldWorkflow(file, readFileSync(join(workflows, file), "utf8"), { action: o.action, version: o.version, resources: TEMPLATE_RESOURCES }));
  }
  for (const id of TEMPLATE_RESOURCES) files.set(`leases/${id}/.gitkeep`, "");
  files.set("README.md", accessRepoReadme({ org: o.org, admins: o.admins, action: o.action }));
  files.set(".gitignore", GITIGNORE);
  return files;
}
async function runInit(o) {
  const files = scaffoldFiles(o);
  if (existsSync2(o.dir) && !statSync(o.dir).isDirectory()) throw new UsageError("init-not-a-folder", `${o.dir} exists and is not a folder.`);
  const existing = [...files.keys()].filter((p) => existsSync2(join(o.dir, p)));
  if (existing.length && !o.force) {
    throw new UsageError("init-exists", `${o.dir} already has ${existing.join(", ")}; nothing was written. Pass --force to overwrite them.`);
  }
  for (const [path, text] of files) {
    const full = join(o.dir, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, text);
  }
  return { written: [...files.keys()], overwritten: existing };
}
export {
  GITIGNORE,
  runInit,
  scaffoldFiles
};
