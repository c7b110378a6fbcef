import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import type { TrustProxy } from "../parse-trust-proxy.ts";

export type TrustFunction = (address: string, hop: number) => boolean;

/**
 * TRUST_PROXY as one function, the form express's `trust proxy` setting also takes: a hop count
 * trusts that many proxies nearest the app, a list trusts those addresses and ranges. The app sets
 * it on express (req.ip) and requests answered outside express use it directly, so both name the
 * same client.
 */
export function compileTrustProxy(trust: TrustProxy): TrustFunction {
  if (typeof trust === "number") return (_address, hop) => hop < trust;
  return proxyaddr.compile([...trust]);
}

/**
 * The client's address as express's req.ip gives it, for a request express has not seen. Without
 * an X-Forwarded-For there is no proxy to weigh: proxy-addr answers the socket's peer, as here.
 */
export function clientAddress(req: IncomingMessage, trust: TrustFunction): string | undefined {
  if (!req.headers["x-forwarded-for"]) return req.socket.remoteAddress;
  return proxyaddr(req, trust);
}
