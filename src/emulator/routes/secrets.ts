/**
 * Actions secrets, names only (values are never readable on GitHub either): the repository's,
 * an environment's, and the organization's that the repository can use. Listing them needs
 * admin rights on the repository (403 otherwise); an unknown environment is 404.
 */
import { forbidden, notFound } from "../errors.js";
import { paginate } from "../pagination.js";
import type { SecretRecord } from "../repo-settings.js";
import { repoPermissions } from "../repo-access.js";
import type { RouteContext, RouteDefinition, RouteResult } from "../router.js";
import { docsUrl } from "../router.js";
import { actionsSecret } from "../views/repo-settings.js";
import { param, requireIdentity, requireRepo } from "./lookup.js";

function adminRepo(ctx: RouteContext) {
  const who = requireIdentity(ctx);
  const repo = requireRepo(ctx);
  if (!repoPermissions(ctx.env.state, repo, who).admin) throw forbidden("Must have admin rights to Repository.", docsUrl(ctx.route));
  return repo;
}

function secretList(ctx: RouteContext, all: SecretRecord[]): RouteResult {
  const page = paginate(ctx.url, ctx.env.links.apiBase, all);
  return { status: 200, body: { total_count: all.length, secrets: page.items.map(actionsSecret) }, headers: page.headers };
}

export const secretRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/actions/secrets",
    operationId: "actions/list-repo-secrets",
    docs: "actions/secrets#list-repository-secrets",
    handler: (ctx) => secretList(ctx, ctx.env.state.settings.repositorySecrets(adminRepo(ctx))),
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/environments/{environment_name}/secrets",
    operationId: "actions/list-environment-secrets",
    docs: "actions/secrets#list-environment-secrets",
    handler: (ctx) => {
      const secrets = ctx.env.state.settings.environmentSecrets(adminRepo(ctx), param(ctx, "environment_name"));
      if (!secrets) throw notFound(docsUrl(ctx.route));
      return secretList(ctx, secrets);
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/actions/organization-secrets",
    operationId: "actions/list-repo-organization-secrets",
    docs: "actions/secrets#list-repository-organization-secrets",
    handler: (ctx) => secretList(ctx, ctx.env.state.settings.organizationSecretsFor(adminRepo(ctx))),
  },
];
