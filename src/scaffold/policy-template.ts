/**
 * The policy.yaml `jit init` writes: one example resource per provider type. The GitHub
 * ones are live (they need nothing but the App); postgres, ssh-certificate and command are
 * commented out, since each needs something set up first (a database, a CA key, a script).
 */
export interface PolicyTemplateInput {
  org: string;
  /** Logins and @org/team refs. */
  admins: string[];
}

/** The resources of the template that are live (request.yml's form lists them). */
export const TEMPLATE_RESOURCES = ["example-team", "example-repo", "example-org-role"] as const;

const q = (s: string) => JSON.stringify(s);

export function policyTemplate(i: PolicyTemplateInput): string {
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
