import { test } from "vitest";
import { loadPolicy } from "../../src/policy/load-policy.js";
const base = `version: 1
admins: ["@acme/security-admins"]
resources:
  x:
    provider:
      type: github-team
      org: acme
    roles: [member]
    approvers: [carol]
`;
const show = (t: string) => console.log(JSON.stringify(loadPolicy("policy.yaml", Buffer.from(t)).diagnostics.map(d => [d.code, d.line, d.column, d.message])));
test("explore", () => {
  show(base);
  show(base.replace("      org: acme\n", "      org: acme\n      team: t\n").replace("roles: [member]", "roles: [member, admin]"));
  show(base.replace("      org: acme\n", "      org: acme\n      team: t\n") + "    approvals:\n      - from: [dave]\n");
  show(base.replace("      org: acme\n", "      org: acme\n      team: t\n").replace("approvers: [carol]", "approvers: [group:nope]"));
  show(base.replace("      org: acme\n", "      org: acme\n      team: t\n").replace("approvers: [carol]", "approvals:\n      - from: [carol, dave]\n        count: 3"));
  show(base.replace("      org: acme\n", "      org: acme\n      team: t\n") + "    ticketPattern: \"(INC\"\n    schedule:\n      timezone: Mars/Olympus\n      windows: [{days: [mon], hours: \"09:00-08:00\"}]\n    standing: [{grantee: bot, role: maintainer}]\n  y:\n    provider: {type: github-team, org: ACME, team: T}\n    roles: [member]\n    approvers: [carol]\n    maxDuration: 4 h\n    frob: 1\n");
  show(base.replace("      org: acme\n", "      org: acme\n      team: t\n").replace("version: 1", "version: 2"));
  show(base.replace("      org: acme\n", "      org: acme\n      team: t\n") + "    allowRequestFor: yes\n    maxDuration: 0m\n");
  show(base.replace("type: github-team", "type: github-repo").replace("org: acme", "owner: acme\n      repo: web"));
  show(base.replace("type: github-team", "type: gitlab"));
});
