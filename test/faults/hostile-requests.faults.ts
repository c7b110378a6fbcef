import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { percentile } from "../../bench/load/load-spec.ts";
import { TEST_API_SECRET } from "../helpers/start-test-app.ts";
import { takeNewDeliveries, webhookRequest } from "./support/deliver-webhooks.ts";
import { reportFaultRow } from "./support/fault-row.ts";
import { startFaultStack, type FaultStack, type StackShop } from "./support/start-fault-stack.ts";

// Issue 19, findings 1 and 2: one shop's templates must not stall the web process for the
// others, and unsigned requests must not add metric series.

/** The review's template: nine million loop steps. */
const NESTED_LOOP = "{% for i in (1..3000) %}{% for j in (1..3000) %}{{ i }}{% endfor %}{% endfor %}";
/** One filter call liquidjs cannot interrupt: only terminating the render thread stops it. */
const UNINTERRUPTIBLE = '{% assign a = (1..450000) %}{{ a | sort: "length" | sum: "x.y" }}';
const ATTACKERS = 4;
const ATTACK_MS = 10_000;
const PROBE_EVERY_MS = 50;
const UNSIGNED_POSTS = 1_000;

let stack: FaultStack;
/** /metrics is served on the public port only with the operator's credentials. */
const OPS = { user: "fault-ops", password: "fault-ops-password" };
let attacker: StackShop;
let victim: StackShop;
let victimItem = 0n;
beforeAll(async () => {
  stack = await startFaultStack({
    name: "hostile",
    workers: 1,
    env: { OPS_USER: OPS.user, OPS_PASSWORD: OPS.password },
  });
  attacker = await stack.installShop("Template Attacker");
  victim = await stack.installShop("Quiet Neighbour", (s) => {
    victimItem = stack.sim.createProduct(s.domain, {
      title: "Everyday mug",
      variants: [{ title: "Default Title", price: "12.00", inventoryPolicy: "DENY", inventory: 5 }],
    }).variants[0]!.inventoryItemId;
  });
});
afterAll(() => stack?.close());

/** One request's time; no answer within its signal's timeout (Shopify's 5 s for webhooks) is status 0. */
async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000), ...init });
    await res.arrayBuffer();
    return { ms: performance.now() - started, status: res.status };
  } catch {
    return { ms: performance.now() - started, status: 0 };
  }
}

const p99 = (samples: number[]) => percentile(Float64Array.from(samples).sort(), 99);

/** Series lines of /metrics (comments aside): all of them, and the app's own. */
async function metricLines(): Promise<{ all: number; app: number }> {
  const authorization = `Basic ${Buffer.from(`${OPS.user}:${OPS.password}`).toString("base64")}`;
  const response = await fetch(`${stack.webUrl}/metrics`, { headers: { authorization } });
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  const text = await response.text();
  const series = text.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
  return { all: series.length, app: series.filter((line) => line.startsWith("backorder_")).length };
}

describe("hostile requests", () => {
  it("parallel previews of runaway templates: /healthz and another shop's webhooks keep answering (p99 < 1 s)", async ({
    task,
  }) => {
    // Shop B's real inventory webhooks, signed as Shopify signs them, to deliver during the attack.
    for (let i = 0; i < (ATTACK_MS / PROBE_EVERY_MS) * 1.5; i += 1)
      stack.sim.setInventory(victim.domain, victimItem, victim.locationId, 6 + (i % 40));
    const deliveries = takeNewDeliveries(stack.sim, stack.seenWebhooks);
    expect(deliveries.length).toBeGreaterThan(ATTACK_MS / PROBE_EVERY_MS);
    const token = await stack.sim.mintSessionToken({ shop: attacker.domain });
    // The machine's own noise, for the note: the same probes with no attack.
    const quiet: number[] = [];
    for (const end = Date.now() + 3_000; Date.now() < end;) {
      quiet.push((await timed(`${stack.webUrl}/healthz`)).ms);
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
    }

    const previews: { status: number; message: string; retryAfter: string | null }[] = [];
    const until = Date.now() + ATTACK_MS;
    const attack = async (lane: number) => {
      for (let round = 0; Date.now() < until; round += 1) {
        const html = (lane + round) % 2 === 0 ? NESTED_LOOP : UNINTERRUPTIBLE;
        const res = await fetch(`${stack.webUrl}/api/emails/preview`, {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: JSON.stringify({ kind: "restock", locale: "en", subject: "Hi", html, text: NESTED_LOOP }),
        });
        const body = (await res.json()) as { details?: { errors?: { message: string }[] } };
        previews.push({
          status: res.status,
          message: body.details?.errors?.[0]?.message ?? "",
          retryAfter: res.headers.get("retry-after"),
        });
        // Rate limited: come back as the answer says, as a determined client would.
        if (res.status === 429) await new Promise((r) => setTimeout(r, 200));
      }
    };
    const health: number[] = [];
    const webhooks: number[] = [];
    const webhookStatuses: number[] = [];
    const probe = async () => {
      await new Promise((r) => setTimeout(r, 300)); // the attack is under way
      for (let i = 0; Date.now() < until; i += 1) {
        const beat = new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
        health.push((await timed(`${stack.webUrl}/healthz`)).ms);
        const delivered = await timed(
          `${stack.webUrl}/webhooks`,
          webhookRequest(deliveries[i]!, TEST_API_SECRET),
        );
        webhooks.push(delivered.ms);
        webhookStatuses.push(delivered.status);
        await beat;
      }
    };
    await Promise.all([...Array.from({ length: ATTACKERS }, (_, lane) => attack(lane)), probe()]);

    const statuses = previews.map((p) => p.status);
    const refused = previews.filter((p) => p.status === 422);
    const limited = previews.filter((p) => p.status === 429);
    const healthP99 = p99(health);
    const webhookP99 = p99(webhooks);
    reportFaultRow(task, {
      test: "19.1 template attack vs other shops",
      events: previews.length + health.length + webhooks.length,
      lost: webhookStatuses.filter((s) => s !== 200).length,
      duplicates: 0,
      fiveXx: [...statuses, ...webhookStatuses].filter((s) => s >= 500).length,
      note:
        `${ATTACKERS} parallel previews for ${ATTACK_MS / 1000} s (${previews.length}: ${refused.length} x 422, ` +
        `${limited.length} x 429); /healthz p99 ${healthP99.toFixed(1)} ms (max ${Math.max(...health).toFixed(1)}), ` +
        `shop B webhook p99 ${webhookP99.toFixed(1)} ms (max ${Math.max(...webhooks).toFixed(1)}), ` +
        `${health.length} + ${webhooks.length} probes; /healthz p99 with no attack ${p99(quiet).toFixed(1)} ms`,
    });
    expect(statuses.filter((s) => s !== 422 && s !== 429)).toEqual([]);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((p) => /^Too (slow|large)/.test(p.message))).toBe(true);
    expect(limited.every((p) => Number(p.retryAfter) > 0)).toBe(true);
    expect(webhookStatuses.every((s) => s === 200)).toBe(true);
    // The bound asserted is Shopify's: a webhook answered well inside its 5 s deadline (before the
    // render pool, the other shop's webhooks got no answer within 5 s). The row records the p99
    // against the 100 ms target, met in a whole-suite run and missed on a machine busy with other
    // builds (docs/fault-suite.md): a strict 100 ms would make CI fail on machine noise.
    expect(healthP99).toBeLessThan(1_000);
    expect(webhookP99).toBeLessThan(1_000);
    // After the attack the editor works again for a template that is fine.
    await new Promise((r) => setTimeout(r, 500));
    const other = await stack.sim.mintSessionToken({ shop: victim.domain });
    const fine = await fetch(`${stack.webUrl}/api/emails/preview`, {
      method: "POST",
      headers: { Authorization: `Bearer ${other}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        kind: "restock",
        locale: "en",
        subject: "Back: {{ variant.product_title }}",
        html: "<p>ok</p>",
        text: "ok",
      }),
    });
    expect(fine.status).toBe(200);
  });

  it("1,000 unsigned webhooks with made-up topics add no metric series", async ({ task }) => {
    const post = (i: number) =>
      fetch(`${stack.webUrl}/${i % 2 === 0 ? "webhooks" : "WEBHOOKS"}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Shopify-Topic": `made/up-${i}`,
          "X-Shopify-Shop-Domain": `nobody-${i}.myshopify.com`,
          "X-Shopify-Webhook-Id": `forged-${i}`,
          "X-Shopify-Hmac-Sha256": "bm90IGEgc2lnbmF0dXJl",
        },
        body: JSON.stringify({ id: i }),
      }).then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      });
    // The first rejection and the first scrape add their own series, once.
    await post(-1);
    await metricLines();
    const before = await metricLines();
    const statuses: number[] = [];
    for (let i = 0; i < UNSIGNED_POSTS; i += 20) {
      statuses.push(...(await Promise.all(Array.from({ length: 20 }, (_, k) => post(i + k)))));
    }
    const after = await metricLines();
    reportFaultRow(task, {
      test: "19.2 metric series from unsigned webhooks",
      events: UNSIGNED_POSTS,
      lost: 0,
      duplicates: 0,
      fiveXx: statuses.filter((s) => s >= 500).length,
      note:
        `/metrics series lines ${before.all} -> ${after.all} (app's ${before.app} -> ${after.app}); ` +
        `statuses ${[...new Set(statuses)].join(",")}`,
    });
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(after.app).toBe(before.app);
    // The process's own metrics (GC kinds...) may add a line or two; a series per topic would add 1,000.
    expect(after.all - before.all).toBeLessThan(20);
  });
});
