/**
 * WEB_CONCURRENCY: how many web processes `npm start` runs (docs/operations.md, "Several web
 * processes"). Unset or empty is 1 (this process serves, no cluster primary); `auto` is one per
 * core the machine reports; otherwise a whole number from 1 to 64.
 */
export const MAX_WEB_CONCURRENCY = 64;

export type WebConcurrency = { ok: true; processes: number } | { ok: false; error: string };

export function parseWebConcurrency(value: string | undefined, cores: number): WebConcurrency {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "") return { ok: true, processes: 1 };
  if (text === "auto") return { ok: true, processes: Math.min(MAX_WEB_CONCURRENCY, Math.max(1, cores)) };
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > MAX_WEB_CONCURRENCY) {
    return {
      ok: false,
      error: `WEB_CONCURRENCY must be "auto" or a whole number from 1 to ${MAX_WEB_CONCURRENCY}, got ${JSON.stringify(value)}`,
    };
  }
  return { ok: true, processes: n };
}
