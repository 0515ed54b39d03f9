/** GET /rate_limit (which does not count against the limit itself). */
import type { RouteDefinition } from "../router.js";

export const rateLimitRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/rate_limit",
    operationId: "rate-limit/get",
    docs: "rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user",
    handler: (ctx) => {
      const core = ctx.env.rateLimit(ctx.identity);
      const reset = core.reset;
      const other = (limit: number) => ({ limit, used: 0, remaining: limit, reset });
      const coreJson = { limit: core.limit, used: core.used, remaining: core.remaining, reset };
      return {
        status: 200,
        body: {
          resources: {
            core: coreJson,
            search: other(30),
            graphql: other(5000),
            integration_manifest: other(5000),
            code_search: other(10),
          },
          rate: coreJson,
        },
      };
    },
  },
];
