/**
 * The age v1 SSH recipient types (https://age-encryption.org/v1, "ssh-ed25519" and "ssh-rsa"
 * recipient stanzas), as `age-encryption` custom recipients and identities.
 *
 * ssh-ed25519:  -> ssh-ed25519 <tag> <ephemeral share>   body: wrapped file key
 *   tag    = first 4 bytes of SHA-256(SSH wire public key)
 *   X25519 recipient = the Ed25519 public key mapped to Montgomery form
 *   tweak  = HKDF-SHA-256(ikm = "", salt = SSH wire public key, info = LABEL)
 *   shared = X25519(tweak, X25519(ephemeral secret, X25519 recipient))
 *   wrap key = HKDF-SHA-256(ikm = shared, salt = ephemeral share || X25519 recipient, info = LABEL)
 *   body   = ChaCha20-Poly1305(wrap key, nonce 0, file key)
 * ssh-rsa:  -> ssh-rsa <tag>   body: RSA-OAEP-SHA-256(label "age-encryption.org/v1/ssh-rsa", file key)
 *
 * An identity returns null for stanzas that are not its own (another type or tag, or a body
 * that does not open: tags may collide) and throws on a malformed stanza of its own type.
 */
import { chacha20poly1305 } from "@noble/ciphers/chacha.js";
import { ed25519, x25519 } from "@noble/curves/ed25519.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { randomBytes } from "@noble/hashes/utils.js";
import { Stanza } from "age-encryption";
import type { Identity, Recipient } from "age-encryption";
import { constants, createPublicKey, privateDecrypt, publicEncrypt } from "node:crypto";
import type { Ed25519PrivateKey, RsaPrivateKey } from "./openssh-private-key.js";
import type { Ed25519PublicKey, RsaPublicKey } from "./ssh-public-key.js";

const ED25519_LABEL = new TextEncoder().encode("age-encryption.org/v1/ssh-ed25519");
const RSA_LABEL = new TextEncoder().encode("age-encryption.org/v1/ssh-rsa");
const FILE_KEY_SIZE = 16;
const ZERO_NONCE = new Uint8Array(12);
const EMPTY = new Uint8Array(0);

/** age's base64: standard alphabet, no padding. */
function encodeArg(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64").replace(/=+$/, "");
}

/** Strict: canonical unpadded base64 only. */
function decodeArg(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*$/.test(text)) return undefined;
  const bytes = new Uint8Array(Buffer.from(text, "base64"));
  return encodeArg(bytes) === text ? bytes : undefined;
}

/** The stanza tag of an SSH key: the first 4 bytes of SHA-256 of its wire encoding. */
export function sshKeyTag(blob: Uint8Array): string {
  return encodeArg(sha256(blob).subarray(0, 4));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function ed25519WrapKey(sharedPoint: Uint8Array, blob: Uint8Array, ephemeralShare: Uint8Array, recipient: Uint8Array): Uint8Array {
  const tweak = hkdf(sha256, EMPTY, blob, ED25519_LABEL, 32);
  const shared = x25519.getSharedSecret(tweak, sharedPoint);
  return hkdf(sha256, shared, concat(ephemeralShare, recipient), ED25519_LABEL, 32);
}

export class SshEd25519Recipient implements Recipient {
  private readonly montgomery: Uint8Array;
  constructor(private readonly key: Ed25519PublicKey) {
    this.montgomery = ed25519.utils.toMontgomery(key.publicKey);
  }

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    const ephemeral = randomBytes(32);
    const share = x25519.getPublicKey(ephemeral);
    const wrapKey = ed25519WrapKey(x25519.getSharedSecret(ephemeral, this.montgomery), this.key.blob, share, this.montgomery);
    const body = chacha20poly1305(wrapKey, ZERO_NONCE).encrypt(fileKey);
    return [new Stanza(["ssh-ed25519", sshKeyTag(this.key.blob), encodeArg(share)], body)];
  }
}

export class SshRsaRecipient implements Recipient {
  constructor(private readonly key: RsaPublicKey) {}

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    const publicKey = createPublicKey({
      key: { kty: "RSA", n: Buffer.from(this.key.n).toString("base64url"), e: Buffer.from(this.key.e).toString("base64url") },
      format: "jwk",
    });
    const body = publicEncrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256", oaepLabel: RSA_LABEL },
      fileKey,
    );
    return [new Stanza(["ssh-rsa", sshKeyTag(this.key.blob)], new Uint8Array(body))];
  }
}

/** Also tells how many recipient stanzas the last file had, for a helpful error when none opened. */
export interface SshIdentity extends Identity {
  readonly stanzasSeen: number;
}

export class SshEd25519Identity implements SshIdentity {
  private readonly secret: Uint8Array;
  private readonly montgomery: Uint8Array;
  private readonly tag: string;
  stanzasSeen = 0;

  constructor(private readonly key: Ed25519PrivateKey) {
    this.secret = ed25519.utils.toMontgomerySecret(key.seed);
    this.montgomery = ed25519.utils.toMontgomery(key.publicKey);
    this.tag = sshKeyTag(key.blob);
  }

  unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
    this.stanzasSeen = stanzas.length;
    for (const s of stanzas) {
      if (s.args[0] !== "ssh-ed25519") continue;
      if (s.args.length !== 3) throw new Error("invalid ssh-ed25519 recipient stanza: expected a tag and a share");
      const share = decodeArg(s.args[2]!);
      if (!share || share.length !== 32) throw new Error("invalid ssh-ed25519 recipient stanza: bad ephemeral share");
      if (s.args[1] !== this.tag) continue;
      if (s.body.length !== FILE_KEY_SIZE + 16) throw new Error("invalid ssh-ed25519 recipient stanza: wrong body size");
      let point: Uint8Array;
      try {
        point = x25519.getSharedSecret(this.secret, share);
      } catch {
        throw new Error("invalid ssh-ed25519 recipient stanza: low-order ephemeral share");
      }
      const wrapKey = ed25519WrapKey(point, this.key.blob, share, this.montgomery);
      try {
        return chacha20poly1305(wrapKey, ZERO_NONCE).decrypt(s.body);
      } catch {
        continue; // a tag collision: not ours
      }
    }
    return null;
  }
}

export class SshRsaIdentity implements SshIdentity {
  private readonly tag: string;
  stanzasSeen = 0;

  constructor(private readonly key: RsaPrivateKey) {
    this.tag = sshKeyTag(key.blob);
  }

  unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
    this.stanzasSeen = stanzas.length;
    for (const s of stanzas) {
      if (s.args[0] !== "ssh-rsa") continue;
      if (s.args.length !== 2) throw new Error("invalid ssh-rsa recipient stanza: expected a tag");
      if (s.args[1] !== this.tag) continue;
      let fileKey: Buffer;
      try {
        fileKey = privateDecrypt(
          { key: this.key.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256", oaepLabel: RSA_LABEL },
          s.body,
        );
      } catch {
        continue; // a tag collision: not ours
      }
      if (fileKey.length !== FILE_KEY_SIZE) throw new Error("invalid ssh-rsa recipient stanza: wrong file key size");
      return new Uint8Array(fileKey);
    }
    return null;
  }
}
