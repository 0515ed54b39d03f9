/** Which GitHub repository an access repo is: --repository, $GITHUB_REPOSITORY, or the origin remote's URL. */
import { UsageError } from "../diagnostics/usage-error.js";
import { gitText } from "../git/run-git.js";

export async function repositoryOf(repoDir: string, given: string | undefined, env: Record<string, string | undefined>): Promise<{ owner: string; repo: string }> {
  let full = given ?? env.GITHUB_REPOSITORY;
  if (!full) {
    try {
      const url = (await gitText(repoDir, ["remote", "get-url", "origin"])).trim();
      const m = /[:/]([^/:]+)\/([^/]+?)(?:\.git)?$/.exec(url);
      if (m) full = `${m[1]}/${m[2]}`;
    } catch {
      // no origin remote
    }
  }
  const [owner, repo] = (full ?? "").split("/");
  if (!owner || !repo) throw new UsageError("repository-unknown", "Which GitHub repository is this? Pass --repository OWNER/NAME (or set GITHUB_REPOSITORY).");
  return { owner, repo };
}
