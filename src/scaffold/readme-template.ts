/** The short README `jit init` writes into a new access repo: request, approve, release. */
export function accessRepoReadme(o: { org: string; admins: string[]; action: string }): string {
  return `# Access requests for ${o.org}

Nobody here holds standing admin rights: ask for a role on a resource, for a bounded time,
with a reason. The approvers named in [CODEOWNERS](.github/CODEOWNERS) approve; the grant
happens when the pull request is merged and is taken away when the time is up. Git history
is the record. Powered by [jit-access](https://github.com/${o.action}).

## Request access

- **With the form** (no git): Actions → *jit-access request* → Run workflow; pick the
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

Actions → *jit-access revoke now* → Run workflow with the lease file, or delete the lease
file in a pull request. Leases also end on their own: the \`expire\` workflow revokes them
within minutes of their end and removes the file in a commit that says why.

## Administer

The policy admins (${o.admins.join(", ")}) own \`policy.yaml\`, the workflows and the schemas.
After editing the policy run \`jit codeowners\` and \`jit validate\`. Check the GitHub side
(branch rules, the App, secrets, pinned workflows) with \`jit doctor\`.
`;
}
