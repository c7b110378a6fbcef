// The nearest faithful check of the Docker image without a Docker engine (run by .ci/run):
//   1. builds the runtime stage's files from the Dockerfile (scripts/image-check/build-image-tree.ts):
//      its COPY lines, the deps stage's `npm ci --omit=dev --ignore-scripts` and Prisma generate;
//   2. starts the image's web process (its CMD) and a worker (`node jobs/main-worker.ts`) there, in
//      production mode, with only the environment an operator gives them, on a fresh PostgreSQL
//      database and the Redis at REDIS_URL;
//   3. checks /readyz and the worker's /healthz answer 200, installs a shop of the Shopify simulator
//      (started here, from the dev tree: the simulator is not in the image), and one signed
//      orders/create for a backordered line ends as a tagged order and a confirmation email.
// A file the image forgets or a production import of a dev-only package fails step 2 or 3.
// Usage: node scripts/check-image.ts [--keep] (DATABASE_URL: any database of the server to use).
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { Redis } from "ioredis";
import { createSimulator } from "../simulator/create-simulator.ts";
import { seedDemoShop } from "../simulator/seed-demo-shop.ts";
import { startSmtpCatcher } from "../test/helpers/smtp-catcher.ts";
import { waitFor } from "../test/helpers/wait-for.ts";
import { withDatabase } from "../test/setup/global-setup.ts";
import { findFreePort } from "../web/server/db/start-embedded-postgres.ts";
import { readWebhookTopics } from "../web/dev/read-webhook-topics.ts";
import { buildImageTree } from "./image-check/build-image-tree.ts";
import { spawnImageProcess, type ImageProcess } from "./image-check/spawn-image-process.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const PRELOAD = fileURLToPath(new URL("./image-check/route-shopify-to-simulator.ts", import.meta.url));
const API_KEY = "image-check-key";
const API_SECRET = `image-check-secret-${crypto.randomBytes(8).toString("hex")}`;
const keep = process.argv.includes("--keep");
const log = (line: string) => console.log(line);
const cleanups: Array<() => Promise<unknown>> = [];
const started = Date.now();

try {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bh-image-"));
  // rm -rf: several times faster than fs.rmSync on the stages' node_modules (thousands of files).
  cleanups.push(async () =>
    keep ? log(`kept ${work}`) : spawnSync("rm", ["-rf", work], { stdio: "inherit" }),
  );
  assertNoOuterNodeModules(work);

  log("=== building the runtime stage's files from the Dockerfile ===");
  const image = buildImageTree({ root: ROOT, into: work, log });
  log(`image tree at ${image.appDir} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

  log("=== services ===");
  const databaseUrl = await createDatabase(
    process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  );
  const redisUrl = await claimRedisDatabase(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const smtp = await startSmtpCatcher();
  cleanups.push(() => smtp.close());
  const sim = await createSimulator({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    webhookTopics: readWebhookTopics(path.join(ROOT, "shopify.app.toml")),
  });
  cleanups.push(() => sim.close());
  const webPort = await findFreePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const metricsPort = await findFreePort();

  // What an operator sets (see .env.example), and nothing of this machine's environment but PATH.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    ...image.env,
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: API_SECRET,
    // Required in production (offline tokens are encrypted at rest): a fresh key, as an operator makes one.
    TOKEN_ENCRYPTION_KEY: `image-check:${crypto.randomBytes(32).toString("base64")}`,
    SHOPIFY_APP_URL: webUrl,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    SMTP_URL: smtp.url,
    PORT: String(webPort),
    LOG_LEVEL: "info",
    // The network: https://{shop}.myshopify.com is the simulator (see the preload's header).
    NODE_OPTIONS: `--import=${PRELOAD}`,
    IMAGE_CHECK_SHOPIFY_ORIGIN: sim.origin,
  };
  if (env.NODE_ENV !== "production") throw new Error("the runtime stage does not set NODE_ENV=production");

  log("=== starting the image's processes ===");
  const processes: ImageProcess[] = [];
  cleanups.push(() => Promise.all(processes.map((p) => p.stop())));
  const start = async (name: string, command: string[], extra: Record<string, string>, ready: string) => {
    const p = await spawnImageProcess({
      name,
      command,
      cwd: image.appDir,
      env: { ...env, ...extra },
      readyMessage: ready,
      log,
    });
    processes.push(p);
    return p;
  };
  await start("web", image.cmd, {}, "web listening");
  await start(
    "worker",
    ["node", "jobs/main-worker.ts"],
    { METRICS_PORT: String(metricsPort) },
    "worker running",
  );

  await expectStatus(`${webUrl}/readyz`, 200);
  await expectStatus(`http://127.0.0.1:${metricsPort}/healthz`, 200);
  log("/readyz 200, worker /healthz 200");

  log("=== a shop installs the app; a backordered order arrives ===");
  const seeded = seedDemoShop(sim);
  sim.setAppUrl(webUrl);
  const token = await sim.mintSessionToken({ shop: seeded.shop });
  const install = await fetch(`${webUrl}/api/shop`, { headers: { Authorization: `Bearer ${token}` } });
  if (install.status !== 200) throw new Error(`install: ${install.status} ${await install.text()}`);
  await waitFor(async () => {
    const status = await querySyncStatus(databaseUrl, seeded.shop);
    if (status === "FAILED") throw new Error("the initial sync failed");
    return status === "DONE" ? status : null;
  }, 60_000);
  const skillet = seeded.products["cast-iron-skillet"]!.variants[0]!; // sells beyond stock (CONTINUE, -2)
  const email = "image-check@example.com";
  const order = sim.placeOrder(seeded.shop, {
    email,
    lines: [{ variantId: skillet.variantId, quantity: 1 }],
  });
  const tags = await waitFor(async () => {
    const t = sim.getOrderTags(seeded.shop, order.id);
    return t.includes("backorder") ? t : null;
  }, 60_000);
  const delivered = sim.deliveries.filter((d) => d.topic === "orders/create" && d.status === 200);
  if (delivered.length !== 1)
    throw new Error(`expected one delivered orders/create, saw ${delivered.length}`);
  log(`order ${order.name} tagged ${JSON.stringify(tags)}`);
  const mail = await waitFor(async () => smtp.messages.find((m) => m.to.includes(email)) ?? null, 60_000);
  log(`email to ${email}: ${mail.subject}`);

  for (const p of processes.splice(0).reverse()) {
    const code = await p.stop();
    if (code !== 0) throw new Error(`${p.name} exited ${code} on SIGTERM`);
  }
  log(`image check passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (error) {
  console.error(
    `image check FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  const cleaning = Date.now();
  for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => console.error(e));
  log(`cleaned up in ${((Date.now() - cleaning) / 1000).toFixed(0)} s`);
}

/** Node resolves packages upward: a node_modules above the image folder would hide a missing one. */
function assertNoOuterNodeModules(dir: string) {
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, "node_modules")))
      throw new Error(`${d}/node_modules would leak into the image`);
    if (path.dirname(d) === d) return;
  }
}

async function createDatabase(baseUrl: string): Promise<string> {
  const name = `bh_image_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`).finally(() => admin.end());
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
  });
  return withDatabase(baseUrl, name);
}

/**
 * The processes use the app's own queue names and prefix, as in production: they get a Redis
 * database of their own (an empty one, claimed with a key), emptied again at the end.
 */
async function claimRedisDatabase(url: string): Promise<string> {
  const claim = `bh-image-check:${process.pid}`;
  for (let db = 15; db >= 1; db--) {
    const target = new URL(url);
    target.pathname = `/${db}`;
    const redis = new Redis(target.href, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    const claimed =
      (await redis.dbsize()) === 0 && (await redis.set("bh-image-check", claim, "EX", 3600, "NX"));
    if (claimed && (await redis.dbsize()) === 1) {
      cleanups.push(async () => {
        await redis.flushdb();
        redis.disconnect();
      });
      return target.href;
    }
    redis.disconnect();
  }
  throw new Error(`no empty Redis database at ${url}`);
}

async function querySyncStatus(databaseUrl: string, shop: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const res = await c.query<{ syncStatus: string }>(`select "syncStatus" from "Shop" where domain = $1`, [
      shop,
    ]);
    return res.rows[0]?.syncStatus ?? null;
  } finally {
    await c.end();
  }
}

async function expectStatus(url: string, status: number) {
  const res = await fetch(url);
  if (res.status !== status) throw new Error(`${url}: ${res.status} ${await res.text()}`);
}
