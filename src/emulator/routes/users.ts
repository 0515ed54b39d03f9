/** Users: the authenticated identity, public profiles and public SSH keys. */
import { paginate } from "../pagination.js";
import type { RouteDefinition } from "../router.js";
import { privateUser, publicUser } from "../views/accounts.js";
import { keySimple } from "../views/ssh-keys.js";
import { requireAccount, requireIdentity, requireUserParam } from "./lookup.js";

export const userRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/user",
    operationId: "users/get-authenticated",
    docs: "users/users#get-the-authenticated-user",
    handler: (ctx) => ({ status: 200, body: privateUser(ctx.env.links, ctx.env.state, requireIdentity(ctx)) }),
  },
  {
    method: "GET",
    template: "/users/{username}",
    operationId: "users/get-by-username",
    docs: "users/users#get-a-user",
    handler: (ctx) => ({ status: 200, body: publicUser(ctx.env.links, ctx.env.state, requireAccount(ctx)) }),
  },
  {
    method: "GET",
    template: "/users/{username}/keys",
    operationId: "users/list-public-keys-for-user",
    docs: "users/keys#list-public-keys-for-a-user",
    handler: (ctx) => {
      const user = requireUserParam(ctx);
      const page = paginate(ctx.url, ctx.env.links.apiBase, ctx.env.state.listSshKeys(user.login));
      return { status: 200, body: page.items.map(keySimple), headers: page.headers };
    },
  },
];
