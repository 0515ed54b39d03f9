/**
 * ssh-certificate: SSH access by short-lived OpenSSH user certificates. The resource's roles
 * are the principals a certificate may carry; servers trust the resource's CA
 * (`TrustedUserCAKeys`), map principals to accounts (`AuthorizedPrincipalsFile`) and read the
 * resource's revocation list (`RevokedKeys`), fetched from the access repo by a timer
 * (examples/ssh-server).
 *
 * - Grant: the grantee's SSH keys on GitHub (ssh-ed25519, ssh-rsa) each get a certificate
 *   signed by the CA (ssh-ed25519, from the environment variable the policy names), for the
 *   leased principal only, valid from a minute before now (clock skew) until the lease's end,
 *   with a key id naming the access repo, the lease and the grantee, and a random serial.
 *   Certificates are public: they are returned as a published artifact, which the shell posts
 *   on the lease's pull request (`jit ssh-cert` installs them).
 * - Expiry is native: sshd refuses a certificate after its end, whatever happens to the sweep.
 * - Revoke: the certificates' serials are added to the resource's KRL, rebuilt from the signed
 *   revocation records and published with them in the ledger; servers refuse the certificate
 *   on the next connection once they fetched it.
 * - list: sshd cannot be asked, so the ledger (signed issue and revocation records) says which
 *   certificates are issued, not revoked and not yet ended. Nothing outside jit-access is
 *   seen, so there is no drift for this target.
 *
 * sshd does not end a session that is open when its certificate expires or is revoked: see
 * the README (ForceCommand session limit in examples/ssh-server).
 */
import { randomBytes } from "node:crypto";
import { CredentialError } from "../credentials/credential-error.js";
import { parseSshPrivateKey } from "../credentials/openssh-private-key.js";
import type { Ed25519PrivateKey } from "../credentials/openssh-private-key.js";
import { selectRecipientKeys } from "../credentials/ssh-public-key.js";
import { SSH_PRINCIPAL } from "../policy/policy.js";
import type { Resource, SshCertificateConfig } from "../policy/policy.js";
import { buildKrl } from "../ssh/krl.js";
import { formatValidity, signUserCertificate } from "../ssh/user-certificate.js";
import type { LedgerFile, LedgerRecord, ProviderLedger } from "./ledger.js";
import type { ProviderContext } from "./provider-context.js";
import type { Grant, GrantOptions, GrantOutcome, Provider } from "./provider.js";

/** Certificates start this long before the grant, for servers whose clock is a little behind. */
export const CLOCK_SKEW_MS = 60_000;
export const DEFAULT_EXTENSIONS = ["permit-pty"] as const;
export const KRL_FILE = "revoked.krl";

export const namespaceOf = (r: Resource) => `ssh-certificate/${r.id}`;

/** A certificate as the ledger records it (seconds for validity; the serial in decimal). */
export interface IssuedCertificate {
  serial: string;
  keyId: string;
  grantee: string;
  principal: string;
  lease?: string;
  /** the certified key's fingerprint and type */
  key: string;
  keyType: string;
  validAfter: number;
  validBefore: number;
  issuedAt: string;
  certificate: string;
}

export interface RevokedCertificate {
  serial: string;
  revokedAt: string;
}

const fail = (code: string, message: string): GrantOutcome => ({ status: "failed", code, message });
const lower = (s: string) => s.toLowerCase();

function config(r: Resource): SshCertificateConfig {
  if (r.provider.type !== "ssh-certificate") throw new Error(`${r.id} is not an ssh-certificate resource`);
  return r.provider;
}

const str = (v: unknown): v is string => typeof v === "string";
const int = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v);
const SERIAL = /^[1-9][0-9]{0,19}$/;

/** A ledger record as an issued or revoked certificate; anything else (signed, but not of this shape) is skipped. */
export function readRecord(rec: LedgerRecord): { issued?: IssuedCertificate; revoked?: RevokedCertificate } {
  const b = rec.body;
  if (b.kind === "issued" && str(b.serial) && SERIAL.test(b.serial) && str(b.keyId) && str(b.grantee) && str(b.principal) && str(b.key) && str(b.keyType) && int(b.validAfter) && int(b.validBefore) && str(b.issuedAt) && str(b.certificate)) {
    return { issued: { serial: b.serial, keyId: b.keyId, grantee: b.grantee, principal: b.principal, ...(str(b.lease) ? { lease: b.lease } : {}), key: b.key, keyType: b.keyType, validAfter: b.validAfter, validBefore: b.validBefore, issuedAt: b.issuedAt, certificate: b.certificate } };
  }
  if (b.kind === "revoked" && str(b.serial) && SERIAL.test(b.serial) && str(b.revokedAt)) return { revoked: { serial: b.serial, revokedAt: b.revokedAt } };
  return {};
}

/** The ledger's certificates of a resource: issued ones by serial, and the revoked serials. */
export function certificateState(records: LedgerRecord[]): { issued: Map<string, IssuedCertificate>; revoked: Map<string, RevokedCertificate> } {
  const issued = new Map<string, IssuedCertificate>();
  const revoked = new Map<string, RevokedCertificate>();
  for (const r of records) {
    const x = readRecord(r);
    if (x.issued) issued.set(x.issued.serial, x.issued);
    if (x.revoked) revoked.set(x.revoked.serial, x.revoked);
  }
  return { issued, revoked };
}

/** The KRL of every revoked serial (its version: how many revocations it holds, so it only grows). */
export function revocationList(caBlob: Uint8Array, records: LedgerRecord[], resource: string, repository: string, now: number): LedgerFile {
  const { revoked } = certificateState(records);
  const bytes = buildKrl({ caBlob, serials: [...revoked.keys()].map((s) => BigInt(s)), version: BigInt(revoked.size), generatedAt: Math.floor(now / 1000), comment: `jit-access ${repository} ${resource}` });
  return { name: KRL_FILE, bytes };
}

/** "jit-access:owner/repo:leases/r/alice.yaml:alice": what sshd logs as the certificate's ID. */
export function keyIdFor(repository: string, lease: string | undefined, grantee: string): string {
  return `jit-access:${repository}:${lease ?? "-"}:${grantee}`;
}

export function sshCertificateProvider(ctx: ProviderContext): Provider {
  const ledgerOf = (r: Resource): ProviderLedger => {
    if (!ctx.ledger) throw new Error(`${r.id}: ssh-certificate keeps its certificates in the ledger (refs/jit/ledger, signed with the evidence key), which this run does not have: set JIT_EVIDENCE_KEY (the Action's evidence-key input).`);
    return ctx.ledger;
  };
  const caOf = (r: Resource): Ed25519PrivateKey => {
    const cfg = config(r);
    const text = ctx.env[cfg.ca.env];
    if (!text) throw new Error(`${r.id}: the environment variable ${cfg.ca.env} (the CA's private key) is not set. Map the Actions secret to it in the workflow (env: ${cfg.ca.env}: \${{ secrets.${cfg.ca.env} }}).`);
    let key;
    try {
      key = parseSshPrivateKey(text, `$${cfg.ca.env}`);
    } catch (e) {
      // The parser names the variable, never the key's content.
      throw new Error(`${r.id}: ${e instanceof CredentialError ? e.message : "the CA key cannot be read"}.`);
    }
    if (key.type !== "ssh-ed25519") {
      throw new Error(`${r.id}: the CA in $${cfg.ca.env} is an RSA key; jit-access signs with ssh-ed25519 CAs only (sshd refuses SHA-1 RSA certificate signatures). Make one with \`ssh-keygen -t ed25519 -f ca\`.`);
    }
    return key;
  };
  const stateOf = async (r: Resource) => certificateState(await ledgerOf(r).read(namespaceOf(r)));
  /** Certificates still valid now and not revoked. */
  const live = (s: Awaited<ReturnType<typeof stateOf>>) => [...s.issued.values()].filter((c) => !s.revoked.has(c.serial) && c.validBefore * 1000 > ctx.now);

  /** Certifies every usable key of the grantee for `role` until `expiresAt`, records the certificates in the ledger, and publishes them. */
  const issue = async (r: Resource, grantee: string, role: string, expiresAt: number, lease: string | undefined, state: Awaited<ReturnType<typeof stateOf>>): Promise<GrantOutcome> => {
    const cfg = config(r);
    const ledger = ledgerOf(r);
    const ca = caOf(r);
    const validAfter = Math.floor((ctx.now - CLOCK_SKEW_MS) / 1000);
    const validBefore = Math.floor(expiresAt / 1000);
    const lines = await ctx.gh.paginate(ctx.gh.rest.users.listPublicKeysForUser, { username: grantee, per_page: 100 }).then((keys) => keys.map((k) => k.key));
    const { keys, skipped } = selectRecipientKeys(lines);
    if (keys.length === 0) {
      return fail("no-ssh-key", `${grantee} has no ssh-ed25519 or ssh-rsa key on GitHub${skipped.length ? ` (skipped: ${skipped.map((k) => `${k.type || "?"}: ${k.detail}`).join("; ")})` : ""}: nothing to certify. Add an SSH key (GitHub → Settings → SSH and GPG keys); the next run grants.`);
    }
    const keyId = keyIdFor(ledger.repository, lease, grantee);
    const issuedAt = new Date(ctx.now).toISOString();
    const certs: IssuedCertificate[] = keys.map((key) => {
      let serial: bigint;
      do serial = randomBytes(8).readBigUInt64BE() >> 1n; // 63 bits: prints the same everywhere
      while (serial === 0n || state.issued.has(serial.toString()));
      const certificate = signUserCertificate({
        ca,
        publicKey: key,
        principals: [role],
        validAfter,
        validBefore,
        serial,
        keyId,
        extensions: cfg.extensions ?? [...DEFAULT_EXTENSIONS],
        ...(cfg.sourceAddress ? { criticalOptions: { "source-address": cfg.sourceAddress.join(",") } } : {}),
        nonce: randomBytes(32),
        comment: `${grantee}@${r.id}`,
      });
      return { serial: serial.toString(), keyId, grantee, principal: role, ...(lease ? { lease: lease } : {}), key: key.fingerprint, keyType: key.type, validAfter, validBefore, issuedAt, certificate };
    });
    try {
      await ledger.append(
        namespaceOf(r),
        certs.map((c) => ({ id: `issued-${c.serial}`, body: { kind: "issued", ...c } })),
        (all) => [revocationList(ca.blob, all, r.id, ledger.repository, ctx.now)],
      );
    } catch (e) {
      return fail("ledger-unwritable", `the certificates could not be recorded, so none was given out (${(e as Error).message}); the next run tries again.`);
    }
    ctx.log(`${r.id}: certified ${certs.length} key(s) of ${grantee} as ${role} until ${formatValidity(BigInt(validBefore))} (serials ${certs.map((c) => c.serial).join(", ")}).`);
    return { status: "granted", published: { kind: "ssh-certificates", summary: summaryOf(r, cfg, certs), text: certs.map((c) => c.certificate).join("\n") + "\n" } };
  };

  /** Puts certificates in the resource's KRL (signed revocation records in the ledger). */
  const revokeCertificates = async (r: Resource, targets: IssuedCertificate[], grantee = targets[0]!.grantee, role = targets[0]!.principal): Promise<GrantOutcome> => {
    const ledger = ledgerOf(r);
    const ca = caOf(r);
    const at = new Date(ctx.now).toISOString();
    try {
      await ledger.append(
        namespaceOf(r),
        targets.map((c) => ({ id: `revoked-${c.serial}`, body: { kind: "revoked", serial: c.serial, revokedAt: at, grantee: c.grantee, principal: c.principal } })),
        (all) => [revocationList(ca.blob, all, r.id, ledger.repository, ctx.now)],
      );
    } catch (e) {
      return fail("ledger-unwritable", `the revocation could not be recorded, so the KRL is unchanged and the certificates stay valid until ${formatValidity(BigInt(Math.max(...targets.map((c) => c.validBefore))))} (${(e as Error).message}); the next run tries again.`);
    }
    ctx.log(`${r.id}: revoked ${grantee}'s certificate(s) as ${role} (serials ${targets.map((c) => c.serial).join(", ")}); servers refuse them once they fetch ${ledger.location(namespaceOf(r), KRL_FILE)}.`);
    return { status: "revoked" };
  };

  const guarded = async (what: string, f: () => Promise<GrantOutcome>): Promise<GrantOutcome> => {
    try {
      return await f();
    } catch (e) {
      return fail("ssh-certificate-error", `${what}: ${(e as Error).message}`);
    }
  };

  const provider: Provider = {
    type: "ssh-certificate",
    nativeExpiry: true,
    singleRole: false,
    rank: () => 0,
    // A certificate signs nothing for others, and drift does not apply here.
    canGrantOthers: () => false,
    limits:
      "sshd refuses a certificate after its end and, once servers fetched the KRL, after a revocation, but does not end a session that is already open (see the README's session limit); " +
      "certificates the CA signed outside jit-access are not seen.",
    publishes: () => true,

    async list(r) {
      config(r);
      const s = await stateOf(r);
      const byGrant = new Map<string, Grant>();
      for (const c of live(s)) {
        const k = `${lower(c.grantee)}\0${c.principal}`;
        const g = byGrant.get(k);
        if (g) {
          g.handle = `${g.handle},${c.serial}`;
          g.expiresAt = Math.max(g.expiresAt ?? 0, c.validBefore * 1000);
        } else byGrant.set(k, { resource: r.id, grantee: c.grantee, role: c.principal, state: "active", handle: c.serial, expiresAt: c.validBefore * 1000 });
      }
      // Serials in numeric order: the same certificates always give the same handle.
      for (const g of byGrant.values()) g.handle = g.handle!.split(",").sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0)).join(",");
      return [...byGrant.values()];
    },

    grant(r, grantee, role, opts: GrantOptions = {}) {
      return guarded(`certificate for ${grantee} as ${role} on ${r.id}`, async () => {
        config(r);
        if (!r.roles.includes(role) || !SSH_PRINCIPAL.test(role)) return fail("role-unknown", `${role} is not one of ${r.id}'s principals.`);
        if (opts.expiresAt === undefined) return fail("expiry-missing", `a certificate needs the lease's end; none was given for ${grantee}.`);
        if (opts.expiresAt - ctx.now < 1000) return fail("window-over", `${grantee}'s lease on ${r.id} ends at ${new Date(opts.expiresAt).toISOString()}: no time left to certify.`);
        ledgerOf(r);
        caOf(r);
        const validBefore = Math.floor(opts.expiresAt / 1000);
        const state = await stateOf(r);
        const mine = live(state).filter((c) => lower(c.grantee) === lower(grantee) && c.principal === role);
        // Certificates already cover the lease to its end: nothing to do. A lease extended
        // since gets new ones for the new end (the old ones end on their own).
        if (mine.some((c) => c.validBefore >= validBefore)) return { status: "unchanged" };

        return issue(r, grantee, role, opts.expiresAt, opts.lease, state);
      });
    },

    renew(r, g, opts) {
      return guarded(`renew ${g.grantee}'s certificates as ${g.role} on ${r.id}`, async () => {
        config(r);
        if (!r.roles.includes(g.role) || !SSH_PRINCIPAL.test(g.role)) return fail("role-unknown", `${g.role} is not one of ${r.id}'s principals.`);
        if (opts.expiresAt - ctx.now < 1000) return fail("window-over", `${g.grantee}'s lease on ${r.id} now ends at ${new Date(opts.expiresAt).toISOString()}: no time left to certify.`);
        const state = await stateOf(r);
        const mine = live(state).filter((c) => lower(c.grantee) === lower(g.grantee) && c.principal === g.role);
        if (mine.length === 0) return fail("renew-not-held", `${g.grantee} holds no certificate as ${g.role} on ${r.id} to renew; the next run grants one if a lease backs it.`);
        // Certificates for the new window, published like the first ones.
        const issued = await issue(r, g.grantee, g.role, opts.expiresAt, opts.lease, state);
        if (issued.status !== "granted") return issued;
        // A shorter lease: certificates that would outlast its new end are revoked (the KRL).
        const validBefore = Math.floor(opts.expiresAt / 1000);
        const outlast = mine.filter((c) => c.validBefore > validBefore);
        if (outlast.length > 0) {
          const revoked = await revokeCertificates(r, outlast);
          if (revoked.status === "failed") return revoked;
        }
        return issued;
      });
    },

    changeRole(r, grantee, role) {
      // singleRole is false: the plan grants and revokes principals one by one and never asks this.
      return Promise.resolve(fail("unsupported", `${r.id}: change ${grantee} to ${role} by a grant and a revoke.`));
    },

    revoke(r, g) {
      return guarded(`revoke ${g.grantee}'s certificates as ${g.role} on ${r.id}`, async () => {
        const state = await stateOf(r);
        const handles = g.handle ? new Set(g.handle.split(",")) : undefined;
        const targets = live(state).filter((c) => (handles ? handles.has(c.serial) : lower(c.grantee) === lower(g.grantee) && c.principal === g.role));
        if (targets.length === 0) return { status: "unchanged" };
        return revokeCertificates(r, targets, g.grantee, g.role);
      });
    },
  };
  return provider;
}

function summaryOf(r: Resource, cfg: SshCertificateConfig, certs: IssuedCertificate[]): string {
  const c = certs[0]!;
  const hosts = cfg.hosts?.length ? ` on ${cfg.hosts.map((h) => `\`${h}\``).join(", ")}` : "";
  return [
    `Principal \`${c.principal}\`${hosts}, valid from ${formatValidity(BigInt(c.validAfter))} to ${formatValidity(BigInt(c.validBefore))} (the lease's end). ` +
      `One certificate per SSH key of @${c.grantee} on GitHub: ${certs.map((x) => `${x.keyType} ${x.key} (serial ${x.serial})`).join(", ")}. Key id \`${c.keyId}\`.`,
    "",
    `Certificates are public: they are useless without your private key. Install with \`jit ssh-cert <this pull request's number>\` (it writes \`~/.ssh/id_ed25519-cert.pub\` next to your key, which plain \`ssh\` then uses), or save the line for your key as \`<your key>-cert.pub\`. ` +
      `Servers refuse it after its end, and after an early revoke once they fetched ${r.id}'s revocation list.`,
  ].join("\n");
}
