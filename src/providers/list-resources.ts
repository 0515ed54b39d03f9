/**
 * What every resource holds, listed a few at a time (GitHub allows up to 100 concurrent
 * requests and asks for restraint; the client's throttling keeps its rate limits). A listing
 * that fails — or a provider that cannot even be had for a resource — is reported for its
 * resource, never for the whole run.
 */
import { errorMessage } from "../diagnostics/error-message.js";
import type { Resource } from "../policy/policy.js";
import type { Grant, GrantOutcome, Provider } from "./provider.js";

const LIST_CONCURRENCY = 8;

export interface Listed {
  resource: Resource;
  provider: Provider;
  actual: Grant[] | { error: string };
}

export async function listResources(resources: Resource[], providerFor: (r: Resource) => Provider, progress?: (done: number, total: number) => void): Promise<Listed[]> {
  const out: Listed[] = new Array(resources.length);
  let next = 0;
  let finished = 0;
  const worker = async () => {
    for (let i = next++; i < resources.length; i = next++) {
      const resource = resources[i]!;
      let provider: Provider;
      try {
        provider = providerFor(resource);
      } catch (e) {
        const error = errorMessage(e);
        out[i] = { resource, provider: unavailable(error), actual: { error } };
        continue;
      }
      let actual: Listed["actual"];
      try {
        actual = await provider.list(resource);
      } catch (e) {
        actual = { error: errorMessage(e) };
      }
      out[i] = { resource, provider, actual };
      progress?.(++finished, resources.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LIST_CONCURRENCY, resources.length) }, worker));
  return out;
}

/** Stands in for a provider that could not be had: it lists nothing and changes nothing. */
function unavailable(error: string): Provider {
  const failed = (): Promise<GrantOutcome> => Promise.resolve({ status: "failed", code: "provider-unavailable", message: error });
  return { type: "unavailable", nativeExpiry: false, singleRole: false, rank: () => 0, canGrantOthers: () => true, list: () => Promise.reject(new Error(error)), grant: failed, changeRole: failed, revoke: failed };
}
