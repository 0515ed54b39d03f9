/** Every route the emulator serves. */
import type { RouteDefinition } from "../router.js";
import { actionRoutes } from "./actions.js";
import { branchRuleRoutes } from "./branch-rules.js";
import { checkRoutes } from "./checks.js";
import { codeownersRoutes } from "./codeowners.js";
import { collaboratorRoutes } from "./collaborators.js";
import { commentRoutes } from "./comments.js";
import { installationRoutes } from "./installations.js";
import { issueRoutes } from "./issues.js";
import { mergeRoutes } from "./merge.js";
import { orgRoleRoutes } from "./org-roles.js";
import { orgRoutes } from "./orgs.js";
import { pullRoutes } from "./pulls.js";
import { rateLimitRoutes } from "./rate-limit.js";
import { repoRoutes } from "./repos.js";
import { reviewRoutes } from "./reviews.js";
import { secretRoutes } from "./secrets.js";
import { teamRoutes } from "./teams.js";
import { userRoutes } from "./users.js";

export const allRoutes: RouteDefinition[] = [
  ...userRoutes,
  ...orgRoutes,
  ...teamRoutes,
  ...repoRoutes,
  ...pullRoutes,
  ...mergeRoutes,
  ...reviewRoutes,
  ...issueRoutes,
  ...commentRoutes,
  ...checkRoutes,
  ...actionRoutes,
  ...collaboratorRoutes,
  ...orgRoleRoutes,
  ...rateLimitRoutes,
  ...branchRuleRoutes,
  ...installationRoutes,
  ...secretRoutes,
  ...codeownersRoutes,
];
