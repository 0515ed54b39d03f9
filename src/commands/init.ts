/**
 * `jit init [DIR]`: scaffolds an access repo that works — policy.yaml with an example
 * resource per provider type, the JSON Schemas, a generated CODEOWNERS, every workflow
 * (pointed at this version of the Action), a short README and a .gitignore. Everything is
 * built and checked in memory first; nothing is written when the policy would be invalid,
 * and no existing file is overwritten without `force`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { CODEOWNERS_PATH, generateCodeowners } from "../codeowners/generate-codeowners.js";
import { UsageError } from "../diagnostics/usage-error.js";
import { DEFAULT_POLICY_PATH, loadPolicy } from "../policy/load-policy.js";
import { TEMPLATE_RESOURCES, policyTemplate } from "../scaffold/policy-template.js";
import { accessRepoReadme } from "../scaffold/readme-template.js";
import { WORKFLOW_FILES, scaffoldWorkflow } from "../scaffold/workflows.js";
import { bundledPath } from "./bundled.js";

export interface InitOptions {
  dir: string;
  org: string;
  /** Logins and @org/team refs. */
  admins: string[];
  /** OWNER/REPO of the Action (default jit-access/jit-access). */
  action: string;
  /** This version of jit-access: workflows use `@v<version>`. */
  version: string;
  force: boolean;
}

export interface InitResult {
  written: string[];
  overwritten: string[];
}

const ORG = /^[A-Za-z0-9](?:[A-Za-z0-9-]){0,38}$/;
const ACTION = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;

export const GITIGNORE = `# Never commit secrets: the App's private key, the evidence key, credentials.
*.pem
*.key
.env
.env.*
node_modules/
`;

/** The files of a new access repo, path → content. Pure but for reading the bundled files. */
export function scaffoldFiles(o: Omit<InitOptions, "dir" | "force">): Map<string, string> {
  if (!ORG.test(o.org)) throw new UsageError("init-org", `--org '${o.org}' is not a GitHub organization name (letters, digits, dashes).`);
  if (o.admins.length === 0) throw new UsageError("init-admins", "Who administers the policy? Pass --admins @org/team (or logins, comma-separated).");
  if (!ACTION.test(o.action)) throw new UsageError("init-action", `--action '${o.action}' must be OWNER/REPO, e.g. jit-access/jit-access.`);
  const files = new Map<string, string>();
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

export async function runInit(o: InitOptions): Promise<InitResult> {
  const files = scaffoldFiles(o);
  if (existsSync(o.dir) && !statSync(o.dir).isDirectory()) throw new UsageError("init-not-a-folder", `${o.dir} exists and is not a folder.`);
  const existing = [...files.keys()].filter((p) => existsSync(join(o.dir, p)));
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
