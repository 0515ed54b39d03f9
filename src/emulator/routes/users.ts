/** Users: the authenticated identity and public profiles. */
import type { RouteDefinition } from "../router.js";
import { privateUser, publicUser } from "../views/accounts.js";
import { requireAccount, requireIdentity } from "./lookup.js";

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
];
