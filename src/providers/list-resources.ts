/**
 * What every resource holds, listed a few at a time (GitHub allows up to 100 concurrent
 * requests and asks for restraint; the client's throttling keeps its rate limits). A listing
 * that fails is reported for its resource, never for the whole run.
 */
import type { Resource } from "../policy/policy.js";
import type { Grant, Provider } from "./provider.js";

const LIST_CONCURRENCY = 8;

export interface Listed {
  resource: Resource;
  provider: Provider;
  actual: Grant[] | { error: string };
}

export async function listResources(resources: Resource[], providerFor: (r: Resource) => Provider): Promise<Listed[]> {
  const out: Listed[] = new Array(resources.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < resources.length; i = next++) {
      const resource = resources[i]!;
      const provider = providerFor(resource);
      let actual: Listed["actual"];
      try {
        actual = await provider.list(resource);
      } catch (e) {
        actual = { error: (e as Error).message };
      }
      out[i] = { resource, provider, actual };
    }
  };
  await Promise.all(Array.from({ length: Math.min(LIST_CONCURRENCY, resources.length) }, worker));
  return out;
}
