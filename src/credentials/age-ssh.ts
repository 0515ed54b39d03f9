/**
 * Credentials only the grantee can read: a payload encrypted in the age v1 format
 * (https://age-encryption.org/v1) to the grantee's SSH public keys as GitHub publishes them,
 * ASCII-armored. Anyone holding one of the private keys decrypts it, with `age -d -i
 * ~/.ssh/id_ed25519` or with `openWithSshKeys`.
 *
 * No I/O: bytes and strings in, bytes and strings out.
 */
import { Decrypter, Encrypter, armor } from "age-encryption";
import { CredentialError } from "./credential-error.js";
import type { SshPrivateKey } from "./openssh-private-key.js";
import type { SshIdentity } from "./age-ssh-stanzas.js";
import { SshEd25519Identity, SshEd25519Recipient, SshRsaIdentity, SshRsaRecipient } from "./age-ssh-stanzas.js";
import type { SkippedSshKey, SshRecipientKey } from "./ssh-public-key.js";
import { selectRecipientKeys } from "./ssh-public-key.js";

export interface SealedMessage {
  /** the ASCII-armored age file ("-----BEGIN AGE ENCRYPTED FILE-----" …), ending in a newline */
  armored: string;
  /** the keys it was encrypted to, in the order given */
  recipients: Array<Pick<SshRecipientKey, "type" | "fingerprint">>;
  /** the lines that could not be used, and why */
  skipped: SkippedSshKey[];
}

const ARMOR_BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";
const ARMOR_END = "-----END AGE ENCRYPTED FILE-----";
const BINARY_MAGIC = "age-encryption.org/v1\n";

/**
 * Encrypts `payload` to every usable key among `publicKeyLines` (ssh-ed25519 and ssh-rsa; others
 * are skipped and reported). Throws `CredentialError` "credentials-no-usable-key" when none is usable.
 */
export async function sealToSshKeys(payload: Uint8Array | string, publicKeyLines: readonly string[]): Promise<SealedMessage> {
  const { keys, skipped } = selectRecipientKeys(publicKeyLines);
  if (keys.length === 0) {
    const why = skipped.length === 0 ? "no SSH public keys were given" : skipped.map((s) => `${s.type || "(empty)"}: ${s.detail}`).join("; ");
    throw new CredentialError(
      "credentials-no-usable-key",
      `no ssh-ed25519 or ssh-rsa key to encrypt the credentials to (${why}); add one to the GitHub account (Settings → SSH and GPG keys)`,
    );
  }
  const encrypter = new Encrypter();
  for (const key of keys) encrypter.addRecipient(key.type === "ssh-ed25519" ? new SshEd25519Recipient(key) : new SshRsaRecipient(key));
  const file = await encrypter.encrypt(payload);
  return {
    armored: armor.encode(file),
    recipients: keys.map((k) => ({ type: k.type, fingerprint: k.fingerprint })),
    skipped,
  };
}

function messageBytes(message: string | Uint8Array): Uint8Array {
  const text = typeof message === "string" ? message : undefined;
  if (text !== undefined && text.includes(ARMOR_BEGIN)) {
    // the first armored block, wherever it stands (a pull request comment around it)
    const start = text.indexOf(ARMOR_BEGIN);
    const end = text.indexOf(ARMOR_END, start);
    if (end < 0) throw new CredentialError("credentials-malformed", `the encrypted message has no "${ARMOR_END}" line`);
    try {
      return armor.decode(text.slice(start, end + ARMOR_END.length) + "\n");
    } catch (err) {
      throw new CredentialError("credentials-malformed", `the encrypted message's armor is damaged (${(err as Error).message})`);
    }
  }
  const bytes = typeof message === "string" ? new TextEncoder().encode(message) : message;
  if (Buffer.from(bytes.subarray(0, BINARY_MAGIC.length)).toString("latin1") !== BINARY_MAGIC) {
    throw new CredentialError("credentials-malformed", `no age-encrypted message found (expected "${ARMOR_BEGIN}")`);
  }
  return bytes;
}

/**
 * Decrypts a sealed message (armored text, or the binary age file) with one of `keys`.
 * Throws `CredentialError`: "credentials-not-for-this-key" when none of the keys is a
 * recipient, "credentials-malformed" when the message is damaged.
 */
export async function openWithSshKeys(message: string | Uint8Array, keys: readonly SshPrivateKey[]): Promise<Uint8Array> {
  const file = messageBytes(message);
  const identities: SshIdentity[] = keys.map((k) => (k.type === "ssh-ed25519" ? new SshEd25519Identity(k) : new SshRsaIdentity(k)));
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  try {
    return await decrypter.decrypt(file);
  } catch (err) {
    const text = (err as Error).message;
    if (/no identity matched/.test(text)) {
      const recipients = identities[0]?.stanzasSeen ?? 0;
      const mine = keys.map((k) => `${k.type} ${k.fingerprint}`).join(", ");
      throw new CredentialError(
        "credentials-not-for-this-key",
        `the credentials are not encrypted to your key (${mine || "no key given"})` +
          `; they are for ${recipients} other key(s)` +
          ": use the private key of an SSH key on the grantee's GitHub account (as it was when the credentials were posted)",
      );
    }
    throw new CredentialError("credentials-malformed", `the encrypted message cannot be decrypted: ${text}`);
  }
}
