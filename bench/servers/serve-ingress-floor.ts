// Child process: the least a durable webhook ingress does, as the floor under the webhooks row's
// ratio. Bare node:http; the HMAC checked; concurrent deliveries stored in one multi-row INSERT per
// batch (two batches in flight, as the app's batcher) into a copy of the WebhookEvent table; each
// answered 200 after its batch committed. No express, no queue, no metrics, no duplicate lookup.
// `withBody: false` stores the row without its body, to show what the body itself costs.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { verifyWebhookHmac } from "../../web/server/webhooks/verify-webhook-hmac.ts";
import { childArg, onStop, sendReady } from "../proc/fork-child.ts";

export type IngressFloorArg = { databaseUrl: string; table: string; secrets: string[]; withBody: boolean };

const arg = childArg<IngressFloorArg>();
const pool = new pg.Pool({ connectionString: arg.databaseUrl, max: 4 });
const OK = Buffer.from('{"ok":true,"duplicate":false}');
const MAX_BATCH = 64;
const MAX_IN_FLIGHT = 2;

type Waiting = { row: unknown[]; done: (ok: boolean) => void };
let pending: Waiting[] = [];
let inFlight = 0;
let scheduled = false;

const schedule = () => {
  if (scheduled || inFlight >= MAX_IN_FLIGHT || pending.length === 0) return;
  scheduled = true;
  setImmediate(flush);
};

const flush = () => {
  scheduled = false;
  if (inFlight >= MAX_IN_FLIGHT || pending.length === 0) return;
  const batch = pending.slice(0, MAX_BATCH);
  pending = pending.slice(MAX_BATCH);
  inFlight += 1;
  const values = batch.map(
    (_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5}, now())`,
  );
  pool
    .query({
      name: `floor-insert-${batch.length}`,
      text: `INSERT INTO "${arg.table}" ("shopDomain", "topic", "eventKey", "webhookId", "body", "receivedAt")
        VALUES ${values.join(", ")} ON CONFLICT ("shopDomain", "topic", "eventKey") DO NOTHING`,
      values: batch.flatMap((w) => w.row),
    })
    .then(
      () => batch.forEach((w) => w.done(true)),
      () => batch.forEach((w) => w.done(false)),
    )
    .finally(() => {
      inFlight -= 1;
      schedule();
    });
  schedule();
};

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
    const row = [
      header("x-shopify-shop-domain"),
      header("x-shopify-topic"),
      header("x-shopify-event-id") || header("x-shopify-webhook-id"),
      header("x-shopify-webhook-id"),
      arg.withBody ? raw.toString("utf8") : "",
    ];
    pending.push({
      row,
      done: (ok) => {
        if (!ok) res.writeHead(503).end();
        else res.writeHead(200, { "Content-Type": "application/json", "Content-Length": OK.length }).end(OK);
      },
    });
    schedule();
  });
});
server.listen(0, "127.0.0.1", () => sendReady({ port: (server.address() as AddressInfo).port }));
onStop(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await pool.end();
});
