import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/notify/webhook.ts
function createNotifier(url, opts = {}) {
  const failures = [];
  return {
    failures,
    async notify(n) {
      if (!url) return;
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": "jit-access" },
          body: JSON.stringify({ ...n, ...opts.repository ? { repository: opts.repository } : {}, event: `jit-access.${n.kind}` }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 5e3)
        });
        if (!res.ok) failures.push(`${n.kind}: webhook answered ${res.status}`);
      } catch (e) {
        failures.push(`${n.kind}: ${e.message}`);
      }
    }
  };
}

export {
  createNotifier
};
