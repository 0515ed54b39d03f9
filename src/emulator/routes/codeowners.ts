/**
 * GET /repos/{owner}/{repo}/codeowners/errors?ref=: the problems GitHub finds in the
 * CODEOWNERS file it would use at a ref (.github/, then the root, then docs/): owners that
 * do not exist or lack write access ("Unknown owner"), and patterns GitHub does not support
 * (`!` negation, `[ ]` ranges). 404 when the ref or the file does not exist.
 */
import { notFound } from "../errors.js";
import { effectiveRole } from "../repo-access.js";
import type { RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { requireRepo } from "./lookup.js";

const LOCATIONS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];
const WRITE = new Set(["push", "maintain", "admin"]);

export const codeownersRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/codeowners/errors",
    operationId: "repos/codeowners-errors",
    docs: "repos/repos#list-codeowners-errors",
    handler: async (ctx) => {
      const docs = docsUrl(ctx.route);
      const repo = requireRepo(ctx);
      const git = ctx.env.git(repo);
      const commit = git ? await git.resolveCommit(ctx.query.get("ref") ?? repo.defaultBranch) : null;
      if (!git || !commit) throw notFound(docs);
      let path: string | undefined;
      let text: string | undefined;
      for (const p of LOCATIONS) {
        const e = await git.entry(commit, p);
        if (e?.type === "blob") {
          path = p;
          text = (await git.readBlob(e.sha))?.toString("utf8");
          break;
        }
      }
      if (!path || text === undefined) throw notFound(docs);
      const state = ctx.env.state;
      const org = state.getOrg(repo.owner.login);
      const errors: Record<string, unknown>[] = [];
      const error = (line: number, column: number, source: string, kind: string, detail: string, suggestion: string | null = null) =>
        errors.push({ line, column, kind, source, suggestion, message: `${kind} on line ${line}${detail}:\n\n  ${source}\n  ${" ".repeat(column - 1)}^`, path });
      text.split(/\r?\n/).forEach((raw, i) => {
        const content = raw.replace(/(^|\s)#.*$/, "").trimEnd();
        if (!content.trim()) return;
        const start = raw.length - raw.trimStart().length;
        const [pattern = "", ...owners] = content.trim().split(/\s+/);
        if (pattern.startsWith("!") || /\[|\]/.test(pattern)) error(i + 1, start + 1, raw, "Unsupported pattern", "");
        let at = start + pattern.length;
        for (const o of owners) {
          const column = raw.indexOf(o, at) + 1;
          at = column - 1 + o.length;
          if (!o.startsWith("@")) continue; // an email address: not checked here
          const team = /^@([^/]+)\/(.+)$/.exec(o);
          let known: boolean;
          if (team) known = team[1]!.toLowerCase() === repo.owner.login.toLowerCase() && org?.teams.has(team[2]!.toLowerCase()) === true;
          else {
            const user = state.getUser(o.slice(1));
            const level = user && !user.deleted ? effectiveRole(state, repo, user)?.level : undefined;
            known = level !== undefined && WRITE.has(level);
          }
          if (!known) error(i + 1, column, raw, "Unknown owner", `: make sure ${o} exists and has write access to the repository`);
        }
      });
      return { status: 200, body: { errors } };
    },
  },
];
