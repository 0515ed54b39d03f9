/**
 * The registry of stable rule and finding codes: every code a user can meet in a report, an
 * annotation, a comment, a job summary or an audit, with what it means. README's rule-code
 * tables are generated from it (`npm run docs`), and a test fails when a code in src/ is
 * missing here. Add a code here in the same change that starts reporting it.
 */
export interface RuleCodes {
  /** One code, or several that share a meaning. `*` marks a family (policy-schema-*). */
  codes: readonly string[];
  meaning: string;
  /** Reported as a warning rather than an error. */
  warning?: boolean;
}

export interface RuleCodeSection {
  id: string;
  title: string;
  /** Where the codes are reported and what they do to the exit code. */
  intro: string;
  rules: readonly RuleCodes[];
}

export const RULE_CODE_SECTIONS: readonly RuleCodeSection[] = [
  {
    id: "validation",
    title: "Validation (pull requests, `jit validate`)",
    intro: "Reported at file, line and column in annotations, the sticky comment, the check run and `jit validate` (exit code 1).",
    rules: [
      { codes: ["file-too-large", "file-not-utf8"], meaning: "Over 64 KiB (the policy: 1 MiB); not UTF-8 (reported at the first bad byte)." },
      {
        codes: ["file-control-character"],
        meaning:
          "A character that hides text from reviewers: a control character other than tab, line feed or a CRLF line end, DEL, a C1 control, a bidirectional control, a byte-order mark past the start, a noncharacter or an unpaired surrogate; in the file or written as an escape in a value.",
      },
      {
        codes: ["yaml-syntax", "yaml-duplicate-key", "yaml-multiple-documents", "yaml-too-many-aliases", "yaml-bad-alias", "yaml-unsupported-tag", "yaml-forbidden-key", "yaml-complex-key"],
        meaning: "Unsafe or broken YAML.",
      },
      { codes: ["yaml-too-deep"], meaning: "Nested more than 32 levels below the top-level mapping; refused where the bound is crossed, before the document is built." },
      {
        codes: ["lease-unknown-field", "lease-missing-field", "lease-schema-type", "lease-schema-format", "lease-schema-range", "lease-naive-or-invalid-time", "lease-duration-or-expires"],
        meaning: "Lease schema.",
      },
      { codes: ["lease-path-layout", "lease-path-name", "lease-path-traversal", "lease-symlink", "lease-not-a-file"], meaning: "Where and what a lease file is." },
      { codes: ["lease-unknown-resource", "lease-folder-mismatch", "lease-role-not-allowed"], meaning: "Resource and role." },
      {
        codes: ["lease-duration-zero", "lease-duration-too-long", "lease-expires-past", "lease-not-before-past", "lease-not-before-too-far", "lease-not-before-after-expiry", "lease-outside-schedule"],
        meaning: "Time window.",
      },
      { codes: ["lease-reason-too-short", "lease-ticket-required", "lease-ticket-format"], meaning: "Reason and ticket." },
      { codes: ["lease-requester-not-allowed", "lease-grantee-not-author", "lease-grantee-not-allowed"], meaning: "Who asks, for whom." },
      { codes: ["lease-grantee-no-2fa"], meaning: "The grantee has no two-factor authentication on GitHub (`requireTwoFactor`, on by default): refused at validation and at apply." },
      { codes: ["lease-grantee-2fa-not-checked"], warning: true, meaning: "Whether the grantee has two-factor authentication could not be seen (GitHub lets only organization owners filter members by 2FA state); the warning names GitHub's answer." },
      {
        codes: ["request-unbound", "request-no-evidence-key", "request-bot-unknown"],
        meaning:
          "A request-form pull request changed after the form opened it (or its note is not genuine); one that cannot be checked because no evidence key is configured; a pull request by a bot account when the form's login could not be found (set `bot-login`), since it may be the form's. See [Request without git](#request-without-git).",
      },
      { codes: ["request-bot-mismatch"], warning: true, meaning: "A request-form pull request opened by another account than the configured `bot-login`." },
      { codes: ["lease-break-glass-not-allowed"], meaning: "Break-glass where the resource does not allow it." },
      { codes: ["lease-break-glass-extension"], meaning: "A break-glass lease cannot be extended: open a normal lease." },
      { codes: ["lease-holder-overlap"], meaning: "A `checkout` account another grantee holds in an overlapping window." },
      { codes: ["lease-grantee-no-ssh-key"], warning: true, meaning: "A grantee with no SSH key to receive a database credential." },
      {
        codes: ["lease-immutable-field", "lease-extension-not-longer", "lease-extension-expired", "lease-too-many-extensions", "lease-total-duration-exceeded", "lease-extension-too-early"],
        meaning: "Changing an existing lease.",
      },
      { codes: ["lease-rename-across-resources", "change-mixed"], meaning: "Shape of the pull request." },
      {
        codes: [
          "policy-missing",
          "policy-removed",
          "policy-unknown-field",
          "policy-missing-field",
          "policy-schema-*",
          "policy-unknown-group",
          "policy-nested-group",
          "policy-role-unsupported",
          "policy-standing-role",
          "policy-duplicate-target",
          "policy-approvals-impossible",
          "policy-review-date",
          "policy-auto-approve-role",
          "policy-auto-approve-duration",
          "policy-auto-approve-duplicate",
          "policy-approvers-conflict",
          "policy-ticket-pattern",
          "policy-timezone",
          "policy-schedule-hours",
          "policy-duration-zero",
          "policy-total-below-max",
        ],
        meaning: "The policy file.",
      },
      {
        codes: ["policy-standing-unsupported", "policy-command-path", "policy-command-env"],
        meaning: "An ssh-certificate resource with standing grants; a command under `leases/`; a command given the bot's own credentials.",
      },
      { codes: ["codeowners-missing", "codeowners-out-of-sync"], meaning: "CODEOWNERS vs the policy." },
      { codes: ["check-not-made"], meaning: "A check that needs GitHub could not be made (warning offline, error in the Action)." },
    ],
  },
  {
    id: "runs",
    title: "Apply, expire, revoke and the request form",
    intro: "Security findings and refusals of the runs that grant and revoke: the run fails (exit code 1) and, where there is one, the pull request gets a comment.",
    rules: [
      {
        codes: ["note-unreadable"],
        meaning:
          "A note in `refs/notes/jit` that cannot be read (over 32 MiB, nested deeper than 16 levels, not JSON, or not of an evidence or request note's shape), filed under the commit or blob it is on: jit-access never writes one, so someone who can push did. It is ignored; remove it with `git notes --ref=jit remove <object>` and push `refs/notes/jit`.",
      },
      { codes: ["verification-failed"], meaning: "A lease change the API failed to verify (an error, not a refusal): granted nothing in that run, verified again next run." },
      {
        codes: ["policy-unverified"],
        meaning:
          "A version of the policy file that was never in force — no merged pull request, no approval on its final head by an admin of the policy before it, or content other than reviewed. Runs keep the last verified version.",
      },
      { codes: ["policy-invalid"], meaning: "A version of the policy file that was not a valid policy (or its removal). Runs keep the last verified version." },
      {
        codes: ["credentials-no-key", "credentials-keys-unavailable", "credentials-no-pull-request"],
        meaning: "A database credential could not be delivered (no usable SSH key of the grantee on GitHub, the keys could not be read, no pull request to post to): nothing is created.",
      },
      { codes: ["credentials-undelivered"], meaning: "Posting the credential failed: the grant was taken back at once." },
      { codes: ["revoke-rerun-not-allowed"], meaning: "A re-run of a revoke by someone who may not revoke those leases (the re-runner is judged)." },
      { codes: ["request-rerun-by-other"], meaning: "A re-run of someone else's request form: it opens nothing." },
    ],
  },
  {
    id: "break-glass-records",
    title: "Break-glass records (checked at every run)",
    intro:
      "A break-glass record that fails a check grants nothing from then on, what it granted is revoked, and while it would last the run reports a security finding. See [Break-glass](#break-glass).",
    rules: [
      { codes: ["break-glass-record-unbound"], meaning: "The record is signed for another repository, or before notes named their repository (legacy)." },
      { codes: ["break-glass-record-resource"], meaning: "The record names a resource the policy does not have." },
      { codes: ["break-glass-record-not-allowed"], meaning: "The record is on a resource that does not allow break-glass." },
      { codes: ["break-glass-record-role"], meaning: "The record grants a role that is not one of the resource's `roles`." },
      { codes: ["break-glass-record-too-long"], meaning: "The record lasts longer than the resource's break-glass `maxDuration`." },
      { codes: ["break-glass-record-no-pull-request"], meaning: "The record names a pull request that does not exist in this repository." },
      {
        codes: ["break-glass-record-pull-request-mismatch"],
        meaning:
          "The record names a pull request that targets another repository or branch than the default, was opened after the grant (beyond five minutes of clock difference), or whose head does not carry the granted lease (path and blob).",
      },
      {
        codes: ["break-glass-record-unchecked"],
        meaning:
          "The record could not be checked: its pull request (or the lease at its head) could not be read through the API. It is granted nothing in that run, but what is already held is kept, and other revocations go on; the next run checks again.",
      },
    ],
  },
  {
    id: "audit",
    title: "Audit findings (`jit audit`, the Action's `audit`)",
    intro: "Exit code 1, and a failed step in the Action. See [Audit](#audit-who-had-what-when-approved-by-whom-and-why).",
    rules: [
      { codes: ["unapproved-lease"], meaning: "A lease (or extension) reached `main` without a valid pull request or approval." },
      {
        codes: ["changed-outside-jit"],
        meaning:
          "A lease file added, changed or removed on `main` by someone else than the bot and outside a pull request (offline, a merge commit or a `(#n)` squash title counts as a pull request; with a token the API decides), or revocation trailers in a commit the bot did not make.",
      },
      { codes: ["history-rewritten"], meaning: "Evidence was recorded for a commit `main` no longer has (force-push or reset)." },
      { codes: ["longer-than-policy"], meaning: "A grant longer than the policy on `main` allowed when it was added, or extended beyond `maxExtensions`/`maxTotalDuration`." },
      { codes: ["evidence-untrusted"], meaning: "A note not signed with the evidence key given to the audit, or signed for another repository (copied from there: the finding names it)." },
      { codes: ["note-unreadable"], meaning: "As for the runs above: a note that cannot be read, filed under the object it is on." },
      {
        codes: ["standing-undeclared"],
        meaning:
          "Someone holds a role that no lease backs and `standing` does not declare (live, with a token), or held one until a run revoked it — every revocation of such drift is recorded in the signed note of the commit that run applied, so the audit reports it later and offline — with the lease holders who could have added it by hand, when there were any (see the guards under `jit apply`); with a token, live state is judged by the verified policy in force, so an unverified `standing` entry hides nobody.",
      },
      { codes: ["break-glass-unreviewed"], meaning: "A break-glass grant that was not approved and merged in time, or whose pull request was closed unmerged." },
      {
        codes: ["policy-unverified"],
        meaning:
          "A policy version that was never in force, from the verdicts `apply` recorded (signed) or, with a token, through the API; offline, a version with no verdict on record is a finding only when no pull request is on record either (else a note says its approval was not checked).",
      },
      { codes: ["policy-invalid"], meaning: "A version of the policy file that was not a valid policy (or its removal)." },
      { codes: ["standing-review-overdue"], meaning: "A `standing` entry's review is due: its interval (`reviewEvery`, else `reviews.every`) has passed since its `reviewed` date, or it has an interval and was never reviewed. `jit review` proposes removing it." },
      { codes: ["frequent-elevation"], meaning: "The same grantee held the same resource on many distinct days of a recent window (`anomalies.frequentElevation`): standing access in disguise." },
      { codes: ["approver-concentration"], meaning: "One approver approved most of one requester's recent leases (`anomalies.approverConcentration`)." },
      { codes: ["break-glass-frequency"], meaning: "Break-glass used more often than `anomalies.breakGlassFrequency` allows, by one person or on one resource." },
      { codes: ["long-total"], meaning: "A grantee's total leased time on one resource in a calendar month above `anomalies.longTotal.perMonth`." },
    ],
  },
];

/** Every code listed, `*` families included as written. */
export function allRuleCodes(): string[] {
  return RULE_CODE_SECTIONS.flatMap((s) => s.rules.flatMap((r) => r.codes));
}
