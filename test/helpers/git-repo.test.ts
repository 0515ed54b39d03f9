// The test repository helper's batch path must make the same history as its one-by-one path.
import { expect, it } from "vitest";
import { TestRepo } from "./git-repo.js";

it("mergeAll makes the very commits branch, commitAll and merge make, in one git process", () => {
  const [a, b] = [0, 1].map(() => TestRepo.init({ fromExample: false }).write("x", "1"));
  try {
    expect(a!.commitAll("init", "2026-01-01T00:00:00Z")).toBe(b!.commitAll("init", "2026-01-01T00:00:00Z"));
    const requests = [0, 1, 2].map((i) => ({
      branch: `r${i}`,
      files: { [`leases/t/u${i}.yaml`]: `grantee: u${i}\n`, ...(i === 2 ? { x: null } : {}) },
      message: `request ${i}`,
      time: `2026-01-0${i + 2}T00:00:00Z`,
      mergeTime: `2026-01-0${i + 2}T01:00:00Z`,
    }));
    const oneByOne = requests.map((r) => {
      a!.branch(r.branch);
      for (const [path, content] of Object.entries(r.files)) {
        if (content === null) a!.remove(path);
        else a!.write(path, content);
      }
      const head = a!.commitAll(r.message, r.time);
      a!.checkout("main");
      return { base: a!.head("main"), head, merge: a!.merge(r.branch, r.mergeTime) };
    });
    expect(b!.mergeAll(requests)).toEqual(oneByOne);
    expect(b!.git("for-each-ref")).toBe(a!.git("for-each-ref"));
    expect(b!.git("status", "--porcelain")).toBe("");
    expect(b!.git("branch", "--show-current").trim()).toBe("main");
  } finally {
    a!.cleanup();
    b!.cleanup();
  }
});
