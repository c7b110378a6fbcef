import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkWebhookUrl, isPublicAddress, UnsafeDestinationError } from "./check-public-address.ts";

export type PostOutcome =
  { ok: true; status: number } | { ok: false; status: number | null; error: string; unsafe?: boolean };

export type PostOptions = {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Production: https only, and every resolved address (of every redirect hop) must be public. */
  production: boolean;
  /** Which resolved addresses may be connected to in production; defaults to isPublicAddress. */
  allowAddress?: (address: string) => boolean;
  /** https required (defaults to `production`). */
  requireHttps?: boolean;
  maxRedirects?: number;
  /** Replaces the system resolver (tests). */
  resolve?: (host: string) => Promise<string[]>;
};

/**
 * POSTs one delivery. The connection goes to the very address that was checked (the lookup itself
 * refuses non-public answers), so a DNS answer cannot change between check and connect; each
 * redirect (307/308 keep the POST) is checked the same way. Any 2xx is success.
 */
export async function postWebhook(rawUrl: string, opts: PostOptions): Promise<PostOutcome> {
  let url = rawUrl;
  for (let hop = 0; hop <= (opts.maxRedirects ?? 3); hop++) {
    let target: URL;
    try {
      target = checkWebhookUrl(url, { production: opts.requireHttps ?? opts.production });
    } catch (error) {
      return { ok: false, status: null, error: (error as Error).message, unsafe: true };
    }
    const answer = await requestOnce(target, opts).catch((error: Error) => ({
      status: null,
      location: undefined,
      error: error.message,
      unsafe: error instanceof UnsafeDestinationError,
    }));
    if ("error" in answer) return { ok: false, ...answer };
    const { status, location } = answer;
    if ([301, 302, 303, 307, 308].includes(status) && location) {
      url = new URL(location, target).toString();
      continue;
    }
    if (status >= 200 && status < 300) return { ok: true, status };
    return { ok: false, status, error: `HTTP ${status}` };
  }
  return { ok: false, status: null, error: "too many redirects" };
}

function requestOnce(target: URL, opts: PostOptions): Promise<{ status: number; location?: string }> {
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: "POST",
        headers: { ...opts.headers, "content-length": Buffer.byteLength(opts.body).toString() },
        lookup: guardedLookup(opts),
        timeout: opts.timeoutMs,
        agent: false,
      },
      (res) => {
        res.resume(); // the answer's body is not needed; read it so the socket is released
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
    req.on("error", reject);
    req.end(opts.body);
  });
}

function guardedLookup(opts: PostOptions): LookupFunction {
  const resolve =
    opts.resolve ??
    (async (host: string) => (await dns.promises.lookup(host, { all: true })).map((a) => a.address));
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw new Error(`${hostname} does not resolve`);
        const refused = addresses.find((a) => !(opts.allowAddress ?? isPublicAddress)(a));
        if (opts.production && refused)
          throw new UnsafeDestinationError(
            `${hostname} resolves to a non-public address (${refused})`,
            "private",
          );
        const address = addresses[0]!;
        const family = address.includes(":") ? 6 : 4;
        if (options.all) callback(null, [{ address, family }]);
        else callback(null, address, family);
      })
      .catch((error: Error) => callback(error as NodeJS.ErrnoException, "", 0));
  };
}
