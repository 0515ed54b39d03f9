/** Repositories, their contents and git blobs. */
import { HttpError, errorBody, notFound } from "../errors.js";
import { getContent } from "../repo-contents.js";
import { repoPermissions } from "../repo-access.js";
import type { RouteContext, RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { blob, gitTree } from "../views/contents.js";
import { fullRepository } from "../views/repos.js";
import { param, requireRepo } from "./lookup.js";

function wantsRaw(ctx: RouteContext): boolean {
  const accept = ctx.headers.accept ?? "";
  return /application\/vnd\.github(\.v3)?\.raw/.test(accept);
}

export const repoRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}",
    operationId: "repos/get",
    docs: "repos/repos#get-a-repository",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      const perms = repoPermissions(ctx.env.state, repo, ctx.identity);
      return { status: 200, body: fullRepository(ctx.env.links, repo, perms) };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/contents/{path}",
    operationId: "repos/get-content",
    docs: "repos/contents#get-repository-content",
    handler: async (ctx) => {
      const repo = requireRepo(ctx);
      const content = await getContent(ctx.env, repo, param(ctx, "path"), ctx.query.get("ref"), docsUrl(ctx.route));
      if (wantsRaw(ctx) && content.raw !== undefined && !Array.isArray(content.json)) {
        return { status: 200, raw: { contentType: "application/vnd.github.raw; charset=utf-8", data: content.raw } };
      }
      return { status: 200, body: content.json };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/git/blobs/{file_sha}",
    operationId: "git/get-blob",
    docs: "git/blobs#get-a-blob",
    handler: async (ctx) => {
      const repo = requireRepo(ctx);
      const sha = param(ctx, "file_sha");
      if (!/^[0-9a-f]{40}$/.test(sha)) {
        throw new HttpError(
          422,
          errorBody(422, "The sha parameter must be exactly 40 characters and contain only [0-9a-f].", docsUrl(ctx.route)),
        );
      }
      const git = ctx.env.git(repo);
      const data = git ? await git.readBlob(sha) : null;
      if (!data) throw notFound(docsUrl(ctx.route));
      if (wantsRaw(ctx)) return { status: 200, raw: { contentType: "application/vnd.github.raw; charset=utf-8", data } };
      return { status: 200, body: blob(ctx.env.links, repo, sha, data) };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/git/trees/{tree_sha}",
    operationId: "git/get-tree",
    docs: "git/trees#get-a-tree",
    handler: async (ctx) => {
      const repo = requireRepo(ctx);
      const git = ctx.env.git(repo);
      const recursive = ctx.query.has("recursive");
      const tree = git ? await git.readTree(param(ctx, "tree_sha"), recursive) : null;
      if (!tree) throw notFound(docsUrl(ctx.route));
      return { status: 200, body: gitTree(ctx.env.links, repo, tree.sha, tree.entries) };
    },
  },
];
