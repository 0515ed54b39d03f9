/** Reading the credentials of a request: `Authorization: token X` or `Bearer X`. */

export type Credentials =
  | { kind: "none" }
  | { kind: "token"; token: string }
  | { kind: "unsupported" };

export function readCredentials(header: string | undefined): Credentials {
  if (header === undefined || header.trim() === "") return { kind: "none" };
  const m = /^\s*(token|bearer)\s+(\S+)\s*$/i.exec(header);
  return m ? { kind: "token", token: m[2] as string } : { kind: "unsupported" };
}
