#!/usr/bin/env node
// A jit-access `command` provider: membership of Unix groups on this machine, through
// gpasswd. Each role of the resource is a group name; the grantee's Unix account is
// JIT_UNIX_USERS' entry for their GitHub login ("alice=asmith,bob=bob"), else their login in
// lower case. Runs as root (gpasswd edits /etc/group); reads one request on stdin and writes
// one reply on stdout (schemas/command-request.v1.schema.json, command-reply.v1.schema.json).
//
//   resources:
//     build-hosts:
//       provider: { type: command, org: acme, run: commands/unix-group.mjs, env: [JIT_UNIX_USERS] }
//       roles: [docker, adm]
//       mode: additive          # the groups' other members are not jit-access's to remove
//
// list reports every member of the resource's groups (with `mode: additive`, apply only takes
// away what it granted). grant/revoke are idempotent: a member already there, or already gone,
// is "unchanged". Nothing here reads the clock.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const NAME = /^[a-z_][a-z0-9_-]{0,31}$/;

function reply(value) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
  process.exit(0);
}
const fail = (code, message) => reply({ status: "failed", code, message });

/** GitHub login → Unix account, and back. */
const map = new Map();
for (const pair of (process.env.JIT_UNIX_USERS ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
  const [login, account] = pair.split("=");
  if (login && account && NAME.test(account)) map.set(login.toLowerCase(), account);
}
const accountOf = (login) => map.get(login.toLowerCase()) ?? login.toLowerCase();
const loginOf = (account) => [...map].find(([, a]) => a === account)?.[0] ?? account;

/** getent's line for a name in a database, or undefined when there is none. */
function getent(db, name) {
  try {
    return execFileSync("getent", [db, name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}
const members = (group) => (getent("group", group)?.split(":")[3] ?? "").split(",").filter(Boolean);
// gpasswd prints "Adding user …" on stdout: keep it off the reply.
const gpasswd = (...args) => execFileSync("gpasswd", args, { stdio: ["ignore", "ignore", "inherit"] });

let req;
try {
  req = JSON.parse(readFileSync(0, "utf8"));
} catch {
  fail("bad-request", "the request on stdin is not JSON");
}
if (req.protocol !== "jit-access/command/v1") fail("bad-request", `unknown protocol ${JSON.stringify(req.protocol)}`);
const groups = req.resource.roles;
for (const g of groups) if (!NAME.test(g) || getent("group", g) === undefined) fail("group-missing", `the group ${JSON.stringify(g)} does not exist on this machine`);

if (req.action === "list") {
  reply({ grants: groups.flatMap((g) => members(g).map((account) => ({ grantee: loginOf(account), role: g, handle: account }))) });
}

const account = req.handle ?? accountOf(req.grantee);
if (!NAME.test(account) || getent("passwd", account) === undefined) fail("account-missing", `${req.grantee} has no Unix account here (${account}); create it or map it in JIT_UNIX_USERS`);
if (!groups.includes(req.role)) fail("role-unknown", `${req.role} is not one of the resource's groups`);

try {
  if (req.action === "grant") {
    if (members(req.role).includes(account)) reply({ status: "unchanged" });
    gpasswd("-a", account, req.role);
    reply({ status: "granted", message: `${account} added to ${req.role}` });
  }
  if (req.action === "revoke") {
    if (!members(req.role).includes(account)) reply({ status: "unchanged" });
    gpasswd("-d", account, req.role);
    reply({ status: "revoked", message: `${account} removed from ${req.role}` });
  }
  if (req.action === "change-role") {
    const before = groups.filter((g) => members(g).includes(account));
    if (before.length === 1 && before[0] === req.role) reply({ status: "unchanged" });
    if (!before.includes(req.role)) gpasswd("-a", account, req.role);
    for (const g of before) if (g !== req.role) gpasswd("-d", account, g);
    reply({ status: "granted", message: `${account} now in ${req.role} (was: ${before.join(", ") || "none"})` });
  }
} catch (e) {
  fail("gpasswd-failed", `gpasswd failed: ${e.message.split("\n")[0]}`);
}
fail("bad-request", `unknown action ${JSON.stringify(req.action)}`);
