import fc from "fast-check";
import { createHash, createHmac } from "node:crypto";
import pg from "pg";
import { describe, expect, test } from "vitest";
import { MIN_PASSWORD_BYTES, randomPassword } from "../../src/credentials/random-password.js";
import { parseScramSha256Verifier, scramSha256Matches, scramSha256Secrets, scramSha256Verifier } from "../../src/credentials/scram.js";
import { usePostgres } from "../helpers/postgres.js";

const db = usePostgres();

describe("SCRAM-SHA-256 verifier (pure)", () => {
  test("RFC 7677 example: the stored keys accept the client's proof and produce the server's signature", () => {
    const salt = Buffer.from("W22ZaJ0SNY7soEsUEjb6gQ==", "base64");
    const s = scramSha256Secrets("pencil", salt, 4096);
    const authMessage =
      "n=user,r=rOprNGfwEbeRWgbNEkqO,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096," +
      "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    const serverSignature = createHmac("sha256", s.serverKey).update(authMessage).digest("base64");
    expect(serverSignature).toBe("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    // the server's check: SHA-256(ClientProof XOR ClientSignature) == StoredKey
    const proof = Buffer.from("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", "base64");
    const clientSignature = createHmac("sha256", s.storedKey).update(authMessage).digest();
    const clientKey = proof.map((b, i) => b ^ clientSignature[i]!);
    expect(createHash("sha256").update(clientKey).digest().equals(Buffer.from(s.storedKey))).toBe(true);
  });

  test("PostgreSQL's text form", () => {
    const v = scramSha256Verifier("pencil", Buffer.from("W22ZaJ0SNY7soEsUEjb6gQ==", "base64"));
    expect(v).toMatch(/^SCRAM-SHA-256\$4096:W22ZaJ0SNY7soEsUEjb6gQ==\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$/);
    expect(parseScramSha256Verifier(v)?.iterations).toBe(4096);
    expect(parseScramSha256Verifier("md5abc")).toBeUndefined();
    expect(() => scramSha256Verifier("pässword", new Uint8Array(16))).toThrow(/printable ASCII/);
    expect(() => scramSha256Verifier("", new Uint8Array(16))).toThrow(/printable ASCII/);
  });

  test("property: a verifier matches its password and no other", () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(ascii, ascii, fc.uint8Array({ minLength: 1, maxLength: 32 }), (password, other, salt) => {
        const v = scramSha256Verifier(password, salt, 16);
        expect(scramSha256Matches(v, password)).toBe(true);
        expect(scramSha256Matches(v, other)).toBe(other === password);
      }),
      { numRuns: 200, seed: 1 },
    );
  });
});

describe("random passwords", () => {
  test("URL-safe, 192 bits by default; fewer than 128 bits refused", () => {
    const p = randomPassword();
    expect(p).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(randomPassword(MIN_PASSWORD_BYTES)).toHaveLength(22);
    expect(() => randomPassword(15)).toThrow(/128 bits/);
    expect(() => randomPassword(16, () => new Uint8Array(3))).toThrow(/gave 3 bytes/);
  });

  test("property: the random bytes are all in the password (base64url, reversible)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 24, maxLength: 24 }), (bytes) => {
        const p = randomPassword(24, () => bytes);
        expect(Buffer.from(p, "base64url").equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 100, seed: 2 },
    );
  });
});

describe("against a real PostgreSQL server", () => {
  test("a role created with the verifier logs in with the plaintext, which never reaches the server", async () => {
    const admin = await db.connect();
    const role = db.role("scram_alice");
    const password = randomPassword();
    const verifier = scramSha256Verifier(password, Buffer.from("0123456789abcdef"));
    await admin.query(`CREATE ROLE ${pg.escapeIdentifier(role)} LOGIN PASSWORD ${pg.escapeLiteral(verifier)}`);
    const stored = await admin.query<{ rolpassword: string }>("SELECT rolpassword FROM pg_authid WHERE rolname = $1", [role]);
    expect(stored.rows[0]?.rolpassword).toBe(verifier);

    const alice = await db.connect(db.url(role, password));
    const who = await alice.query<{ u: string }>("SELECT current_user AS u");
    expect(who.rows[0]?.u).toBe(role);

    const wrong = new pg.Client({ connectionString: db.url(role, password.slice(1) + "x") });
    const err = await wrong.connect().then(
      () => undefined,
      (e: unknown) => e as { code?: string },
    );
    await wrong.end().catch(() => undefined);
    expect(err?.code).toBe("28P01");

    const log = db.logSinceStart();
    expect(log).toContain(verifier);
    expect(log).not.toContain(password);
  });

  test("property: any printable ASCII password (quotes, backslashes, spaces) logs in", async () => {
    const admin = await db.connect();
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 30 });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(ascii, fc.uint8Array({ minLength: 16, maxLength: 16 }), async (password, salt) => {
        const role = db.role(`p${n++}`);
        await admin.query(`CREATE ROLE ${pg.escapeIdentifier(role)} LOGIN PASSWORD ${pg.escapeLiteral(scramSha256Verifier(password, salt))}`);
        const c = new pg.Client({ connectionString: db.url(role, password) });
        await c.connect();
        const r = await c.query<{ one: number }>("SELECT 1 AS one");
        await c.end();
        expect(r.rows[0]?.one).toBe(1);
      }),
      { numRuns: 12, seed: 4 },
    );
  });
});
