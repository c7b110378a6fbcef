// Child process: the least a durable webhook ingress does, as the floor under the webhooks row's
// ratio. Bare node:http; the HMAC checked; concurrent deliveries stored in one multi-row INSERT per
// batch (the app's own batcher: the same bounds, two batches in flight) into a copy of the
// WebhookEvent table; each answered 200 after its batch committed. No express, no queue, no metrics, no duplicate lookup.
// `withBody: false` stores the row without its body, to show what the body itself costs.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { createWebhookBatcher } from "../../web/server/webhooks/create-webhook-batcher.ts";
import { verifyWebhookHmac } from "../../web/server/webhooks/verify-webhook-hmac.ts";
import { childArg, onStop, sendReady } from "../proc/fork-child.ts";

export type IngressFloorArg = { databaseUrl: string; table: string; secrets: string[]; withBody: boolean };

const arg = childArg<IngressFloorArg>();
const pool = new pg.Pool({ connectionString: arg.databaseUrl, max: 4 });
const OK = Buffer.from('{"ok":true,"duplicate":false}');

/** One delivery as the floor stores it: the row's values, the body last (empty without it). */
type FloorRow = { values: string[]; body: string };

// The app's own group commit (same batch bounds, two batches in flight), around a bare INSERT.
const batcher = createWebhookBatcher<FloorRow, true>(async (batch) => {
  const rows = batch.map(
    (_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5}, now())`,
  );
  await pool.query({
    name: `floor-insert-${batch.length}`,
    text: `INSERT INTO "${arg.table}" ("shopDomain", "topic", "eventKey", "webhookId", "body", "receivedAt")
      VALUES ${rows.join(", ")} ON CONFLICT ("shopDomain", "topic", "eventKey") DO NOTHING`,
    values: batch.flatMap((row) => [...row.values, row.body]),
  });
  return batch.map(() => true);
});

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    const hmac = req.headers["x-shopify-hmac-sha256"];
    if (!verifyWebhookHmac(raw, typeof hmac === "string" ? hmac : undefined, arg.secrets)) {
      res.writeHead(401).end();
      return;
    }
    const header = (name: string) => String(req.headers[name] ?? "");
    const body = arg.withBody ? raw.toString("utf8") : "";
    const values = [
      header("x-shopify-shop-domain"),
      header("x-shopify-topic"),
      header("x-shopify-event-id") || header("x-shopify-webhook-id"),
      header("x-shopify-webhook-id"),
    ];
    void batcher.record({ values, body }).then(
      () => res.writeHead(200, { "Content-Type": "application/json", "Content-Length": OK.length }).end(OK),
      () => res.writeHead(503).end(),
    );
  });
});
server.listen(0, "127.0.0.1", () => sendReady({ port: (server.address() as AddressInfo).port }));
onStop(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await pool.end();
});
