/**
 * A secret value (a password) that cannot leak by accident: printing, logging, string
 * interpolation, JSON (reports, notes, webhooks) and util.inspect all show "[secret]". Only
 * `reveal()` gives the value, and only the credential delivery calls it, to encrypt it.
 */
import { inspect } from "node:util";

const REDACTED = "[secret]";

export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  /** The value itself: for encryption to the grantee only. */
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return REDACTED;
  }
  toJSON(): string {
    return REDACTED;
  }
  [Symbol.toPrimitive](): string {
    return REDACTED;
  }
  [inspect.custom](): string {
    return REDACTED;
  }
}
