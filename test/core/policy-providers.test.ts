/**
 * The ssh-certificate and command resource types in the policy: what the schema accepts, the
 * checks it cannot express (principal names, a command's path and environment, standing
 * certificates), one resource per CA or command, and CODEOWNERS giving commands to the admins.
 */
import { describe, expect, it } from "vitest";
import { codeownersRules } from "../../src/codeowners/generate-codeowners.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { bytes } from "./support.js";

const load = (text: string) => loadPolicy("policy.yaml", bytes(text));
const messages = (text: string) => load(text).diagnostics.map((d) => `${d.code}@${d.line}: ${d.message}`);

const policy = (resources: string) => `version: 1
admins: ["@acme/security-admins"]
resources:
${resources}`;

const SSH = `  prod-ssh:
    provider:
      type: ssh-certificate
      org: acme
      ca: { env: JIT_SSH_CA }
      extensions: [permit-pty, permit-agent-forwarding]
      sourceAddress: [10.0.0.0/8, "2001:db8::/32"]
      hosts: [prod-1.example.com]
    roles: [deploy, db-admin, ops.team]
    approvers: [carol]
`;
const COMMAND = `  build-hosts:
    provider:
      type: command
      org: acme
      run: commands/unix-group.mjs
      args: [--verbose]
      env: [JIT_UNIX_USERS]
      timeout: 60
    roles: [docker, adm]
    approvers: [carol]
    mode: additive
`;

describe("ssh-certificate and command resources", () => {
  it("load, with their settings", () => {
    const p = load(policy(SSH + COMMAND));
    expect(p.diagnostics).toEqual([]);
    expect(p.policy!.resources.get("prod-ssh")!.provider).toEqual({ type: "ssh-certificate", org: "acme", ca: { env: "JIT_SSH_CA" }, extensions: ["permit-pty", "permit-agent-forwarding"], sourceAddress: ["10.0.0.0/8", "2001:db8::/32"], hosts: ["prod-1.example.com"] });
    expect(p.policy!.resources.get("build-hosts")!.provider).toMatchObject({ type: "command", run: "commands/unix-group.mjs", args: ["--verbose"], env: ["JIT_UNIX_USERS"], timeout: 60 });
  });

  it("schema: an unknown extension, a CA key written in the policy, a command path that escapes or is absolute, a timeout too long", () => {
    expect(messages(policy(SSH.replace("permit-agent-forwarding", "permit-everything")))).toEqual([expect.stringMatching(/^policy-schema-value@9: resources\.prod-ssh\.provider\.extensions\.1 must be one of/)]);
    expect(messages(policy(SSH.replace("ca: { env: JIT_SSH_CA }", 'ca: "-----BEGIN OPENSSH PRIVATE KEY-----"')))).toEqual([expect.stringMatching(/^policy-schema-type@8: resources\.prod-ssh\.provider\.ca must be a mapping/)]);
    for (const run of ["../outside.sh", "/usr/bin/env", "./commands/x", "commands/../x", "commands//x", "commands/"]) {
      expect(messages(policy(COMMAND.replace("commands/unix-group.mjs", JSON.stringify(run)))), run).toEqual([expect.stringMatching(/^policy-schema-format@8: resources\.build-hosts\.provider\.run has an invalid value/)]);
    }
    expect(messages(policy(COMMAND.replace("timeout: 60", "timeout: 3600")))).toEqual([expect.stringMatching(/^policy-schema-range@11: resources\.build-hosts\.provider\.timeout must be <= 300/)]);
    expect(messages(policy(SSH.replace("type: ssh-certificate", "type: ssh")))).toEqual([expect.stringMatching(/provider\.type must be one of .*"ssh-certificate", "command"/)]);
  });

  it("checks: principals without spaces or commas; no standing certificates; commands outside leases/ (and .git); no bot credentials in a command's environment", () => {
    expect(messages(policy(SSH.replace("roles: [deploy, db-admin, ops.team]", 'roles: [deploy, "db admin"]')))).toEqual([expect.stringMatching(/^policy-role-unsupported@12: An ssh-certificate resource's roles are the principals/)]);
    expect(messages(policy(SSH + "    standing:\n      - { grantee: deploy-bot, role: deploy }\n"))).toEqual([expect.stringMatching(/^policy-standing-unsupported@15: An ssh-certificate resource has no standing grants/)]);
    expect(messages(policy(COMMAND.replace("commands/unix-group.mjs", "leases/build-hosts/run.sh")))).toEqual([expect.stringMatching(/^policy-command-path@8: 'leases\/build-hosts\/run\.sh' is inside leases\//)]);
    expect(messages(policy(COMMAND.replace("commands/unix-group.mjs", ".git/hooks/post-merge")))).toEqual([expect.stringMatching(/^policy-schema-format@8: resources\.build-hosts\.provider\.run has an invalid value: use a path in this repo like commands\/grant\.mjs/)]);
    expect(messages(policy(COMMAND.replace("env: [JIT_UNIX_USERS]", "env: [JIT_UNIX_USERS, GITHUB_TOKEN, JIT_EVIDENCE_KEY, ACTIONS_RUNTIME_TOKEN]")))).toEqual([
      expect.stringMatching(/^policy-command-env@10: A command may not receive GITHUB_TOKEN/),
      expect.stringMatching(/^policy-command-env@10: A command may not receive JIT_EVIDENCE_KEY/),
      expect.stringMatching(/^policy-command-env@10: A command may not receive ACTIONS_RUNTIME_TOKEN/),
    ]);
  });

  it("one resource per CA, and per command with its arguments", () => {
    expect(messages(policy(SSH + SSH.replace("prod-ssh:", "other-ssh:")))).toEqual([expect.stringMatching(/policy-duplicate-target@.*manage the same target \(ssh-certificate:JIT_SSH_CA\)/)]);
    expect(messages(policy(COMMAND + COMMAND.replace("build-hosts:", "more-hosts:")))).toEqual([expect.stringMatching(/policy-duplicate-target@.*command:commands\/unix-group\.mjs \["--verbose"\]/)]);
    expect(messages(policy(COMMAND + COMMAND.replace("build-hosts:", "more-hosts:").replace("--verbose", "--other")))).toEqual([]);
  });

  it("CODEOWNERS gives a command to the policy admins, wherever it is", () => {
    const p = load(policy(COMMAND)).policy!;
    expect(codeownersRules(p, "policy.yaml").at(-1)).toEqual({ pattern: "/commands/unix-group.mjs", owners: ["@acme/security-admins"] });
  });
});
