/**
 * Two-factor authentication state of accounts, and who may see it. Kept beside the state
 * (keyed by it) so the rest of the emulator is unchanged: every account has 2FA on unless a
 * test turns it off.
 *
 * GitHub: `GET /orgs/{org}/members?filter=2fa_disabled` lists members without 2FA; the filter
 * is "only available for organization owners" (docs), and others get 422 "Only owners can use
 * this filter." (field reports: alex/otp-cop#4, trycompai/comp#2521). Whether a GitHub App
 * installation token counts as an owner here is not documented: the emulator lets Apps see
 * it (as it lets them manage members, see isOrgAdmin) unless `hideFromApps` is set for the
 * organization — a test can model either answer.
 */
import type { EmulatorState } from "./state.js";

interface TwoFactorState {
  disabled: Set<string>;
  hiddenFromApps: Set<string>;
}

const states = new WeakMap<EmulatorState, TwoFactorState>();

function of(state: EmulatorState): TwoFactorState {
  let s = states.get(state);
  if (!s) {
    s = { disabled: new Set(), hiddenFromApps: new Set() };
    states.set(state, s);
  }
  return s;
}

/** Turns two-factor authentication on or off for an account (on by default). */
export function setTwoFactor(state: EmulatorState, login: string, enabled: boolean): void {
  const s = of(state).disabled;
  if (enabled) s.delete(login.toLowerCase());
  else s.add(login.toLowerCase());
}

export function hasTwoFactor(state: EmulatorState, login: string): boolean {
  return !of(state).disabled.has(login.toLowerCase());
}

/** Makes the 2fa_disabled filter answer GitHub Apps (bots) of an organization with 422, as it does non-owners. */
export function hideTwoFactorFromApps(state: EmulatorState, org: string, hidden = true): void {
  const s = of(state).hiddenFromApps;
  if (hidden) s.add(org.toLowerCase());
  else s.delete(org.toLowerCase());
}

export function twoFactorHiddenFromApps(state: EmulatorState, org: string): boolean {
  return of(state).hiddenFromApps.has(org.toLowerCase());
}
