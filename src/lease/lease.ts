/** The lease document (v1): one time-bound access request. */
export interface Lease {
  grantee: string;
  resource: string;
  role: string;
  duration?: string;
  expires?: string;
  notBefore?: string;
  reason: string;
  ticket?: string;
  breakGlass?: boolean;
}
