import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  errorMessage
} from "./chunk-OW7EIWIX.js";

// src/providers/list-resources.ts
var LIST_CONCURRENCY = 8;
async function listResources(resources, providerFor, progress) {
  const out = new Array(resources.length);
  let next = 0;
  let finished = 0;
  const worker = async () => {
    for (let i = next++; i < resources.length; i = next++) {
      const resource = resources[i];
      let provider;
      try {
        provider = providerFor(resource);
      } catch (e) {
        const error = errorMessage(e);
        out[i] = { resource, provider: unavailable(error), actual: { error } };
        continue;
      }
      let actual;
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
function unavailable(error) {
  const failed = () => Promise.resolve({ status: "failed", code: "provider-unavailable", message: error });
  return { type: "unavailable", nativeExpiry: false, singleRole: false, rank: () => 0, canGrantOthers: () => true, list: () => Promise.reject(new Error(error)), grant: failed, changeRole: failed, revoke: failed };
}

export {
  listResources
};
