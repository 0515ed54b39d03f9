// Who is acting in a workflow run: whoever started this attempt (GITHUB_TRIGGERING_ACTOR),
// with GITHUB_ACTOR — kept by GitHub on re-runs — only saying whose run was re-run.
import { describe, expect, it } from "vitest";
import { describeActor, runActor } from "../../src/action/actor.js";

describe("runActor", () => {
  it("is the triggering actor; a re-run by someone else keeps who started the run", () => {
    expect(runActor({ GITHUB_ACTOR: "sam", GITHUB_TRIGGERING_ACTOR: "mallory" })).toEqual({ login: "mallory", startedBy: "sam", rerun: true });
    expect(describeActor(runActor({ GITHUB_ACTOR: "sam", GITHUB_TRIGGERING_ACTOR: "mallory" })!)).toBe("@mallory (re-running @sam's run)");
  });

  it("is not a re-run by someone else when both name the same person (in any case), or on a first attempt", () => {
    expect(runActor({ GITHUB_ACTOR: "Zed", GITHUB_TRIGGERING_ACTOR: "zed" })).toEqual({ login: "zed", startedBy: "Zed", rerun: false });
    expect(runActor({ GITHUB_ACTOR: "zed", GITHUB_TRIGGERING_ACTOR: "zed" })).toEqual({ login: "zed", startedBy: "zed", rerun: false });
    expect(describeActor(runActor({ GITHUB_ACTOR: "zed", GITHUB_TRIGGERING_ACTOR: "zed" })!)).toBe("@zed");
  });

  it("falls back to GITHUB_ACTOR only when GITHUB_TRIGGERING_ACTOR is absent or empty; neither set is nobody", () => {
    expect(runActor({ GITHUB_ACTOR: "zed" })).toEqual({ login: "zed", startedBy: "zed", rerun: false });
    expect(runActor({ GITHUB_ACTOR: "zed", GITHUB_TRIGGERING_ACTOR: "" })).toEqual({ login: "zed", startedBy: "zed", rerun: false });
    expect(runActor({ GITHUB_TRIGGERING_ACTOR: "mallory" })).toEqual({ login: "mallory", startedBy: "mallory", rerun: false });
    expect(runActor({})).toBeUndefined();
    expect(runActor({ GITHUB_ACTOR: " ", GITHUB_TRIGGERING_ACTOR: "" })).toBeUndefined();
  });
});
