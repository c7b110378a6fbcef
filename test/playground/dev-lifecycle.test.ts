import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isAlive, startDevProcess, type DevProcess } from "./helpers/start-dev-process.ts";

const SHOP = "demo-shop.myshopify.com";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-dev-"));
// As root, PostgreSQL runs as the `postgres` user, which must be able to enter the directory.
fs.chmodSync(dataDir, 0o755);
const running: DevProcess[] = [];

afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(args: string[] = []) {
  const dev = await startDevProcess({ dataDir, args });
  running.push(dev);
  return dev;
}

async function stop(dev: DevProcess) {
  running.splice(running.indexOf(dev), 1);
  return dev.stop();
}

const sim = async (dev: DevProcess, route: string, init?: RequestInit) =>
  (await fetch(`${dev.simulatorOrigin}/_sim${route}`, init)).json() as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The shop as the app's own database has it, through its authenticated API. */
async function appShop(dev: DevProcess) {
  const { token } = await sim(dev, `/shops/${SHOP}/session-token`, { method: "POST", body: "{}" });
  const res = await fetch(`${dev.urls.app}/api/shop`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { shop: { installedAt: string } }).shop;
}

describe("npm run dev", () => {
  it(
    "stops cleanly on Ctrl-C, keeps its data across restarts, and --reset starts fresh",
    { timeout: 300_000 },
    async () => {
      const first = await start();
      expect(Object.keys(first.urls).sort()).toEqual(["admin", "app", "console", "mail", "storefront"]);
      const installed = await appShop(first);
      const { products } = await sim(first, `/shops/${SHOP}`);
      const mug = products.find((p: { handle: string }) => p.handle === "stoneware-mug").variants[0];
      const order = await sim(first, `/shops/${SHOP}/orders`, {
        method: "POST",
        body: JSON.stringify({ email: "keep@example.com", lines: [{ variantId: mug.id, quantity: 1 }] }),
      });
      expect(order.name).toBe("#1001");

      expect(await stop(first)).toBe(0);
      expect(isAlive(first.postgresPid)).toBe(false);
      expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
      expect(first.output()).toContain("stopped");

      const second = await start();
      const warm = second.startMs;
      const kept = await sim(second, `/shops/${SHOP}`);
      expect(kept.orders.map((o: { id: string }) => o.id)).toEqual([order.id]);
      expect(kept.products.find((p: { handle: string }) => p.handle === "stoneware-mug").variants[0].id).toBe(
        mug.id,
      );
      expect((await appShop(second)).installedAt).toBe(installed.installedAt);
      expect(await stop(second)).toBe(0);
      expect(isAlive(second.postgresPid)).toBe(false);

      const fresh = await start(["--reset"]);
      expect((await sim(fresh, `/shops/${SHOP}`)).orders).toEqual([]);
      expect((await appShop(fresh)).installedAt).not.toBe(installed.installedAt);
      expect(await stop(fresh)).toBe(0);

      const times = { coldMs: first.startMs, warmMs: warm, resetMs: fresh.startMs };
      fs.mkdirSync("test/artifacts/playground", { recursive: true });
      fs.writeFileSync("test/artifacts/playground/start-times.json", JSON.stringify(times, null, 2));
      console.log("npm run dev start times (ms):", times);
      expect(warm).toBeLessThan(30_000);
    },
  );
});
