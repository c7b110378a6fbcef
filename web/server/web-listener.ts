import type { RequestListener } from "node:http";
import type { AppDeps } from "./app-deps.ts";
import { createApp } from "./app.ts";
import { createProxyEtaParts } from "./etas/proxy-eta-answer.ts";
import { createProxyEtaFastPath } from "./etas/proxy-eta-fast-path.ts";

/**
 * What a web server listens with: clean storefront ETA reads are answered before express
 * (proxy-eta-fast-path.ts), every other request, and every read the fast path hands back, by the
 * express app. Both share one set of caches and limits.
 */
export function createWebListener(deps: AppDeps): RequestListener {
  const proxyEta = createProxyEtaParts(deps);
  const app = createApp(deps, proxyEta);
  const fast = createProxyEtaFastPath(deps, proxyEta);
  const handOver = (
    req: Parameters<RequestListener>[0],
    res: Parameters<RequestListener>[1],
    error: unknown,
  ) => {
    // Nothing is written before the fast path's last step: express answers (and logs) the
    // same failure with its error handling.
    deps.logger.debug({ err: error }, "ETA read handed to express after an error");
    if (res.headersSent) res.destroy();
    else app(req, res);
  };
  return (req, res) => {
    if (!fast.matches(req)) {
      app(req, res);
      return;
    }
    let answered;
    try {
      answered = fast.tryAnswer(req, res);
    } catch (error) {
      handOver(req, res, error);
      return;
    }
    if (answered === true) return;
    if (answered === false) {
      app(req, res);
      return;
    }
    answered.then(
      (done) => {
        if (!done) app(req, res);
      },
      (error: unknown) => handOver(req, res, error),
    );
  };
}
