/**
 * A problem with credentials (a key, a sealed message, a password verifier), with a stable
 * code and a message that says what to do.
 */
export type CredentialErrorCode =
  | "credentials-no-usable-key"
  | "credentials-not-for-this-key"
  | "credentials-malformed"
  | "ssh-key-malformed"
  | "ssh-key-unsupported"
  | "ssh-key-passphrase-protected";

export class CredentialError extends Error {
  readonly code: CredentialErrorCode;
  constructor(code: CredentialErrorCode, message: string) {
    super(message);
    this.name = "CredentialError";
    this.code = code;
  }
}
