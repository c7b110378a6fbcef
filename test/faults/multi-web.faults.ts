import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../web/server/db/start-embedded-postgres.ts";
import { JUNK_SIGNUP_LIMIT } from "../../web/server/subscriptions/junk-signup-limit.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { takeNewDeliveries, webhookRequest } from "./support/deliver-webhooks.ts";
import { reportFaultRow } from "./support/fault-row.ts";
import { signedProxyQuery } from "./support/proxy-request.ts";
import {
  BACKEND_HEADER,
  startRoundRobinProxy,
  untilEveryBackend,
  type Observation,
  type RoundRobinProxy,
} from "./support/round-robin-proxy.ts";
import { spawnAppProcess, type AppProcess } from "./support/spawn-app-process.ts";
import { stackAppEnv } from "./support/stack-app-env.ts";
import { TEST_API_SECRET } from "../helpers/start-test-app.ts";
import { startFaultStack, type FaultStack, type StackShop } from "./support/start-fault-stack.ts";

/** The bound docs/scaling.md states for shop state cached in a web process (uninstall, settings, ETAs). */
const BOUND_MS = 5_000;

let stack: FaultStack;
let webB: AppProcess;
let lb: RoundRobinProxy;
let shop: StackShop;
const variant = { dated: 0n, undated: 0n };

beforeAll(async () => {
  stack = await startFaultStack({
    name: "multi-web",
    // The polls below read far more often than a shopper: the per-client ETA limit is not the subject.
    env: { PROXY_ETA_LIMIT_PER_CLIENT_PER_MINUTE: "100000" },
  });
  const portB = await findFreePort();
  webB = await spawnAppProcess({
    name: "multi-web-web2",
    kind: "web",
    env: stackAppEnv(stack, portB, { PROXY_ETA_LIMIT_PER_CLIENT_PER_MINUTE: "100000" }),
  });
  lb = await startRoundRobinProxy([stack.webUrl, `http://127.0.0.1:${portB}`]);
  shop = await stack.installShop("Two Webs", (s) => {
    const created = stack.sim.createProduct(s.domain, {
      title: "Waxed jacket",
      variants: [
        { title: "Olive", price: "120.00", inventoryPolicy: "CONTINUE", inventory: 0 },
        { title: "Navy", price: "120.00", inventoryPolicy: "CONTINUE", inventory: 0 },
      ],
    });
    variant.dated = created.variants[0]!.id;
    variant.undated = created.variants[1]!.id;
  });
});
afterAll(async () => {
  await lb?.close();
  await webB?.kill("SIGTERM");
  await stack?.close();
});

type EtaAnswer = { backend: number; status: number; etas: Record<string, string | null> };

async function readEtas(): Promise<EtaAnswer> {
  const ids = `${variant.dated},${variant.undated}`;
  const res = await fetch(`${lb.url}/proxy/eta?${signedProxyQuery(shop.domain, [["variant_ids", ids]])}`);
  const backend = Number(res.headers.get(BACKEND_HEADER));
  if (res.status !== 200) return { backend, status: res.status, etas: {} };
  const body = (await res.json()) as { variants: { id: string; eta: string | null }[] };
  return { backend, status: 200, etas: Object.fromEntries(body.variants.map((v) => [v.id, v.eta])) };
}

async function api(method: string, path: string, body?: unknown) {
  const token = await stack.sim.mintSessionToken({ shop: shop.domain });
  const res = await fetch(`${lb.url}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { backend: Number(res.headers.get(BACKEND_HEADER)), status: res.status, json: await res.json() };
}

/** Reads through the balancer until each of the two web processes has answered at least `n` times. */
async function warm(read: () => Promise<{ backend: number; status: number }>, n = 2) {
  const seen = [0, 0];
  while (Math.min(...seen) < n) {
    const answer = await read();
    expect(answer.status).toBe(200);
    seen[answer.backend]! += 1;
  }
}

describe("two web processes behind a round-robin balancer", () => {
  it("an ETA change and a settings change show through both processes within 5 s", async ({ task }) => {
    await warm(readEtas);
    await warm(() => api("GET", "/settings"));
    const before = await readEtas();
    expect(before.etas[String(variant.dated)]).toBeNull();
    expect(before.etas[String(variant.undated)]).toBeNull();

    const put = await api("PUT", `/etas/${variant.dated}`, { eta: "2031-03-01", message: null });
    expect(put.status).toBe(200);
    const etaSince = Date.now();
    const etaMs = await untilEveryBackend(
      2,
      etaSince,
      async (): Promise<Observation> => {
        const answer = await readEtas();
        return { backend: answer.backend, done: answer.etas[String(variant.dated)] === "2031-03-01" };
      },
      BOUND_MS * 3,
    );

    const change = await api("PUT", "/settings", { defaultLeadTimeDays: 30 });
    expect(change.status).toBe(200);
    const settingsSince = Date.now();
    const settingsMs = await untilEveryBackend(
      2,
      settingsSince,
      async () => {
        const answer = await api("GET", "/settings");
        return { backend: answer.backend, done: answer.json.settings.defaultLeadTimeDays === 30 };
      },
      BOUND_MS * 3,
    );
    // The shop's default lead time gives the undated variant an ETA on the storefront.
    const leadTimeMs = await untilEveryBackend(
      2,
      settingsSince,
      async () => {
        const answer = await readEtas();
        return { backend: answer.backend, done: typeof answer.etas[String(variant.undated)] === "string" };
      },
      BOUND_MS * 3,
    );
    reportFaultRow(task, {
      test: "25.1 ETA and settings change, two web processes",
      events: lb.forwarded.reduce((a, b) => a + b, 0),
      lost: 0,
      duplicates: 0,
      fiveXx: 0,
      note: `both processes saw the ETA in ${etaMs} ms, settings in ${settingsMs} ms, the lead-time ETA in ${leadTimeMs} ms (bound ${BOUND_MS} ms); forwarded ${lb.forwarded.join("/")}`,
    });
    expect(etaMs).toBeLessThanOrEqual(BOUND_MS);
    expect(settingsMs).toBeLessThanOrEqual(BOUND_MS);
    expect(leadTimeMs).toBeLessThanOrEqual(BOUND_MS);
  });

  it("junk signups spend one allowance across both processes (Redis), not one each", async () => {
    const statuses: number[] = [];
    const backends = new Set<number>();
    for (let i = 0; i <= JUNK_SIGNUP_LIMIT.limit; i += 1) {
      // The honeypot field: a bot's signup, answered like a person's and counted as junk.
      const res = await fetch(`${lb.url}/proxy/subscriptions?${signedProxyQuery(shop.domain)}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          email: `bot${i}@example.com`,
          variant_id: String(variant.dated),
          website: "x",
        }),
      });
      statuses.push(res.status);
      backends.add(Number(res.headers.get(BACKEND_HEADER)));
    }
    expect(backends).toEqual(new Set([0, 1]));
    expect(statuses.slice(0, JUNK_SIGNUP_LIMIT.limit).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it("after a signed app/uninstalled webhook both processes refuse the shop within 5 s", async ({ task }) => {
    // The proxy's shop cache answers every /proxy/* route first; an unmapped path shows its verdict alone.
    const probeShopCache = async (): Promise<{ backend: number; status: number; error: string }> => {
      const res = await fetch(`${lb.url}/proxy/probe?${signedProxyQuery(shop.domain)}`);
      const body = (await res.json()) as { error: string };
      return { backend: Number(res.headers.get(BACKEND_HEADER)), status: res.status, error: body.error };
    };
    await warm(readEtas);
    await warm(async () => {
      const answer = await probeShopCache();
      expect(answer.error).toBe("not_found"); // installed: the route is what is missing
      return { backend: answer.backend, status: 200 };
    });

    stack.sim.uninstallApp(shop.domain);
    const deliveries = takeNewDeliveries(stack.sim, stack.seenWebhooks);
    const uninstall = deliveries.find((d) => d.topic === "app/uninstalled");
    expect(uninstall).toBeDefined();
    const ack = await fetch(`${lb.url}/webhooks`, webhookRequest(uninstall!, TEST_API_SECRET));
    expect(ack.status).toBe(200);
    const committed = await waitFor(async () => {
      const row = await stack.db.shop.findUnique({ where: { id: shop.id } });
      return row?.uninstalledAt ? Date.now() : null;
    }, 30_000);

    const etaMs = await untilEveryBackend(
      2,
      committed,
      async () => {
        const answer = await readEtas();
        return { backend: answer.backend, done: answer.status === 404 };
      },
      BOUND_MS * 3,
    );
    const cacheMs = await untilEveryBackend(
      2,
      committed,
      async () => {
        const answer = await probeShopCache();
        return { backend: answer.backend, done: answer.status === 404 && answer.error === "unknown_shop" };
      },
      BOUND_MS * 3,
    );
    const subscriptionsBefore = await stack.db.subscription.count({ where: { shopId: shop.id } });
    const late = await fetch(`${lb.url}/proxy/subscriptions?${signedProxyQuery(shop.domain)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "late@example.com", variant_id: String(variant.dated) }),
    });
    reportFaultRow(task, {
      test: "25.2 uninstall, two web processes",
      events: 1,
      lost: 0,
      duplicates: 0,
      fiveXx: 0,
      note: `after the uninstall committed: /proxy/eta refused by both in ${etaMs} ms, the shop cache forgot it on both in ${cacheMs} ms (bound ${BOUND_MS} ms)`,
    });
    expect(etaMs).toBeLessThanOrEqual(BOUND_MS);
    expect(cacheMs).toBeLessThanOrEqual(BOUND_MS);
    expect(late.status).toBe(404);
    expect(await stack.db.subscription.count({ where: { shopId: shop.id } })).toBe(subscriptionsBefore);
  });
});
