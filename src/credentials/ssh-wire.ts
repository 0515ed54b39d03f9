/**
 * The SSH wire encoding (RFC 4251 §5): `string` and `uint32` fields, as used inside public key
 * blobs and OpenSSH private key files.
 */

/** Reads fields in order; every read is bounds-checked and throws `SshWireError` when short. */
export class SshWireReader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  uint32(): number {
    if (this.remaining < 4) throw new SshWireError("truncated uint32");
    const b = this.bytes;
    const o = this.offset;
    this.offset += 4;
    return ((b[o]! << 24) >>> 0) + (b[o + 1]! << 16) + (b[o + 2]! << 8) + b[o + 3]!;
  }

  /** A length-prefixed byte string. */
  string(): Uint8Array {
    const length = this.uint32();
    if (length > this.remaining) throw new SshWireError("truncated string");
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  text(): string {
    return new TextDecoder("utf-8", { fatal: false }).decode(this.string());
  }

  /** The bytes not read yet. */
  rest(): Uint8Array {
    const out = this.bytes.subarray(this.offset);
    this.offset = this.bytes.length;
    return out;
  }
}

export class SshWireError extends Error {}

/** Encodes a length-prefixed string. */
export function sshString(value: Uint8Array | string): Uint8Array {
  const bytes = typeof value === "string" ? new TextEncoder().encode(value) : value;
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, bytes.length);
  out.set(bytes, 4);
  return out;
}

/** An mpint's magnitude without its sign byte or leading zeros (for JWK and comparisons). */
export function unsignedMagnitude(mpint: Uint8Array): Uint8Array {
  let i = 0;
  while (i < mpint.length - 1 && mpint[i] === 0) i++;
  return mpint.subarray(i);
}
