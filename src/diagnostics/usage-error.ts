/**
 * A problem with how a command was called or configured (exit code 2), as opposed to
 * a finding in the files it checked (exit code 1). Carries a stable code.
 */
export class UsageError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "UsageError";
    this.code = code;
  }
}
