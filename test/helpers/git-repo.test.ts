// The test repository helper's batch path must make the same history as its one-by-one path.
import { readlinkSync } from "node:fs";
import { join } from "node:path";
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

it("init's copies are the very repository a fresh init makes, and share nothing with each other", () => {
  const a = TestRepo.init({ time: "2026-01-01T00:00:00Z" });
  const b = TestRepo.init({ time: "2026-01-01T00:00:00Z" });
  const empty = TestRepo.init({ fromExample: false });
  try {
    expect(b.dir).not.toBe(a.dir);
    expect(b.head()).toBe(a.head());
    expect(b.git("for-each-ref")).toBe(a.git("for-each-ref"));
    expect(b.git("status", "--porcelain")).toBe("");
    b.write("x", "1").commitAll("x", "2026-01-02T00:00:00Z");
    expect(a.git("rev-list", "--count", "main").trim()).toBe("1");
    expect(b.git("rev-list", "--count", "main").trim()).toBe("2");
    expect(empty.git("for-each-ref")).toBe("");
    expect(empty.git("branch", "--show-current").trim()).toBe("main");
    // copy() is cp -a: a relative symlink still points next to itself, not into the original.
    a.symlink("link", "policy.yaml").commitAll("link", "2026-01-03T00:00:00Z");
    const c = a.copy();
    try {
      expect(readlinkSync(join(c.dir, "link"))).toBe("policy.yaml");
      expect(c.git("status", "--porcelain")).toBe("");
      expect(c.head()).toBe(a.head());
    } finally {
      c.cleanup();
    }
  } finally {
    for (const r of [a, b, empty]) r.cleanup();
  }
});

it("head() read from .git answers as git rev-parse does", () => {
  const r = TestRepo.init({ time: "2026-01-01T00:00:00Z" });
  try {
    r.branch("b").write("y", "2").commitAll("y", "2026-01-02T00:00:00Z");
    for (const ref of ["HEAD", "main", "b"]) expect(r.head(ref), ref).toBe(r.git("rev-parse", ref).trim());
    r.git("pack-refs", "--all");
    r.git("tag", "main", "b"); // a tag named like a branch wins in rev-parse
    expect(r.head("main")).toBe(r.git("rev-parse", "b").trim());
    r.git("checkout", "-q", "--detach", "main~0");
    expect(r.head()).toBe(r.git("rev-parse", "HEAD").trim());
  } finally {
    r.cleanup();
  }
});

it("commitOn makes the very commit branch, write and commitAll make, in one git process, leaving the work tree alone", () => {
  const [a, b] = [0, 1].map(() => TestRepo.init({ time: "2026-01-01T00:00:00Z" }));
  try {
    const files = { "leases/t/u.yaml": "grantee: u\n", "policy.yaml": null };
    a!.branch("pr");
    a!.write("leases/t/u.yaml", "grantee: u\n").remove("policy.yaml");
    const first = a!.commitAll("request", "2026-01-02T00:00:00Z");
    a!.write("leases/t/u.yaml", "grantee: v\n");
    const second = a!.commitAll("update", "2026-01-03T00:00:00Z");
    a!.checkout("main");
    expect(b!.commitOn("pr", files, "request", { time: "2026-01-02T00:00:00Z" })).toBe(first);
    expect(b!.commitOn("pr", { "leases/t/u.yaml": "grantee: v\n" }, "update", { time: "2026-01-03T00:00:00Z" })).toBe(second);
    expect(b!.git("for-each-ref")).toBe(a!.git("for-each-ref"));
    expect(b!.git("status", "--porcelain")).toBe("");
    expect(b!.git("branch", "--show-current").trim()).toBe("main");
    expect(() => b!.commitOn("main", files, "x", { time: "2026-01-04T00:00:00Z" })).toThrow(/checked out/);
    // An existing branch with a dot in its name, and one only in packed-refs: commits go on their tips.
    for (const r of [a!, b!]) r.git("branch", "v1.2", "pr");
    a!.checkout("v1.2").write("z", "3").commitAll("on v1.2", "2026-01-05T00:00:00Z");
    a!.checkout("main");
    expect(b!.commitOn("v1.2", { z: "3" }, "on v1.2", { time: "2026-01-05T00:00:00Z" })).toBe(a!.head("v1.2"));
    b!.git("pack-refs", "--all");
    const packed = b!.commitOn("pr", { w: "4" }, "packed", { time: "2026-01-06T00:00:00Z" });
    expect(b!.git("rev-parse", `${packed}^`).trim()).toBe(second);
  } finally {
    a!.cleanup();
    b!.cleanup();
  }
});
