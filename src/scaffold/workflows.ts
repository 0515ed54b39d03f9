/**
 * The workflows `jit init` writes: the example access repo's, pointed at this version of the
 * Action (`uses: OWNER/REPO@v<version>`), with the request form listing the policy's resources.
 */
export const WORKFLOW_FILES = ["validate.yml", "apply.yml", "expire.yml", "timer.yml", "revoke-now.yml", "request.yml", "audit.yml"] as const;

/** How the example workflows reference the Action. */
const EXAMPLE_USES = /\buses: jit-access\/jit-access@v0\b/g;
const FORM_OPTIONS = /^(\s*options: )\[[^\]\n]*\](.*)$/m;

export function scaffoldWorkflow(file: string, text: string, o: { action: string; version: string; resources: readonly string[] }): string {
  let out = text.replace(EXAMPLE_USES, `uses: ${o.action}@v${o.version}`);
  if (file === "request.yml") out = out.replace(FORM_OPTIONS, (_m, head: string, tail: string) => `${head}[${o.resources.join(", ")}]${tail}`);
  return out;
}
