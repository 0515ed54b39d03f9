// The hidden markers that make a comment "the validate comment", "the break-glass status" or
// "the break-glass announcement, posted once" count only at the start of a bot's comment.
// Else anyone could silence the announcement that mentions the approvers (a person's comment
// carrying its marker, or the bot's validate comment quoting lease text that carries it), or
// have one purpose's comment overwritten by another's.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { postOnce } from "../../src/github/post-once.js";
import { upsertStickyComment } from "../../src/github/sticky-comment.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";

const GRANTED = "<!-- jit-access:break-glass-granted #1 -->";
const STATUS = "<!-- jit-access:break-glass -->";
const VALIDATE = "<!-- jit-access:validate -->";
const where = { owner: "acme", repo: "access", number: 1 };
let emu: CheckedEmulator;
let gh: GitHubClient;

beforeEach(async () => {
  emu = await startCheckedEmulator();
  emu.state.addOrg("acme");
  emu.state.addOrgMember("acme", "mallory");
  emu.state.addRepo("acme", "access");
  emu.state.addPullRequest("acme", "access", { author: "mallory", base: "main", baseSha: "a".repeat(40), head: "m", headSha: "b".repeat(40) });
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5, spaceWrites: false });
});
afterEach(async () => {
  await emu.close();
});
const bodies = () => emu.state.listComments("acme", "access", 1).map((c) => c.body);

describe("comment markers", () => {
  it("a requester's comment carrying the announcement marker does not silence the break-glass announcement", async () => {
    emu.state.addComment("acme", "access", 1, "mallory", `${GRANTED}\nnothing to see here`);
    expect(await postOnce(gh, where, GRANTED, `${GRANTED}\n🚨 Break-glass: @acme/security review this`)).toBe(true);
    expect(bodies().filter((b) => b.includes("🚨"))).toHaveLength(1);
    expect(await postOnce(gh, where, GRANTED, `${GRANTED}\n🚨 again`)).toBe(false); // once
  });

  it("the validate comment quoting lease text with a marker neither silences the announcement nor is taken for the break-glass status", async () => {
    const quoting = `${VALIDATE}\n\`\`\`text\n${GRANTED} ${STATUS}\n\`\`\`\n`;
    await upsertStickyComment(gh, where, VALIDATE, quoting);
    expect(await postOnce(gh, where, GRANTED, `${GRANTED}\n🚨 Break-glass`)).toBe(true);
    await upsertStickyComment(gh, where, STATUS, `${STATUS}\n🚫 Break-glass not granted`);
    expect(bodies()).toEqual([quoting, `${GRANTED}\n🚨 Break-glass`, `${STATUS}\n🚫 Break-glass not granted`]);
  });

  it("refuses a body that does not start with its marker (it could never be found again)", async () => {
    await expect(upsertStickyComment(gh, where, VALIDATE, `hello ${VALIDATE}`)).rejects.toThrow(/must start with its marker/);
    await expect(postOnce(gh, where, GRANTED, `hello ${GRANTED}`)).rejects.toThrow(/must start with its marker/);
  });
});
