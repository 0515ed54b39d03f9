import type { ProviderContext } from "./provider-context.js";
import type { Provider } from "./provider.js";
export function commandProvider(_ctx: ProviderContext): Provider {
  throw new Error("not yet");
}
