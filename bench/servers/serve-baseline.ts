// Child process: the baseline servers, Express 5 doing only the irreducible part of a route.
import type { AddressInfo } from "node:net";
import express from "express";
import { verifyWebhookHmac } from "../../web/server/webhooks/verify-webhook-hmac.ts";
import { childArg, onStop, sendReady } from "../proc/fork-child.ts";

export type BaselineArg =
  { kind: "webhook-hmac"; secrets: string[] } | { kind: "json-constant"; path: string; body: string };

const arg = childArg<BaselineArg>();
const app = express();
app.disable("x-powered-by");
if (arg.kind === "webhook-hmac") {
  app.post("/webhooks", express.raw({ type: () => true, limit: "2mb" }), (req, res) => {
    const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyWebhookHmac(raw, req.get("x-shopify-hmac-sha256"), arg.secrets)) {
      res.status(401).json({ error: "invalid_hmac" });
      return;
    }
    res.status(200).json({ ok: true });
  });
} else {
  app.get(arg.path, (_req, res) => {
    res.type("application/json");
    res.send(arg.body);
  });
}
const server = app.listen(0, "127.0.0.1", () => sendReady({ port: (server.address() as AddressInfo).port }));
onStop(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
