import express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UnrecoverableError } from "bullmq";
import { shopAdminClient } from "../../web/server/shopify/admin/shop-admin-client.ts";
import { ensureOrderDiscount } from "../../web/server/controls/ensure-order-discount.ts";
import { signCancelToken } from "../../web/server/controls/cancel-token.ts";
import { cancelLinkRoutes } from "../../web/server/controls/cancel-link-routes.ts";
import { controlApiRoutes } from "../../web/server/controls/control-api-routes.ts";
import { loadOrderEmailExtras, type EmailExtrasDeps } from "../../web/server/controls/load-email-extras.ts";
import { createEmailRenderer } from "../../web/server/emails/render/create-email-renderer.ts";
import { getSampleContext } from "../../web/server/emails/templates/sample-contexts.ts";
import { errorMiddleware } from "../../web/server/errors.ts";
import type { AdminClient } from "../../web/server/shopify/admin/create-admin-client.ts";
import {
  startBackorderFixture,
  type BackorderFixture,
  type BackorderShop,
} from "../backorders/backorder-fixture.ts";

let f: BackorderFixture;
let shop: BackorderShop;
let orderId: bigint;
let waiting: bigint;
let inStock: bigint;

beforeAll(async () => {
  f = await startBackorderFixture();
  shop = await f.addShop({
    discountEnabled: true,
    discountValue: 15,
    alternativesEnabled: true,
    cancelLinkEnabled: true,
  });
  const product = f.sim.createProduct(shop.domain, {
    title: "Trail Hoodie",
    variants: [
      { title: "Green / M", price: "80.00", inventoryPolicy: "CONTINUE", inventory: 0 },
      { title: "Green / L", price: "80.00", inventoryPolicy: "CONTINUE", inventory: 4 },
    ],
  });
  [waiting, inStock] = product.variants.map((v) => v.id) as [bigint, bigint];
  await f.sync(shop);
  orderId = f.sim.placeOrder(shop.domain, {
    email: "ada@example.com",
    lines: [{ variantId: waiting, quantity: 1 }],
  }).id;
  await f.settle();
}, 120_000);
afterAll(async () => {
  await f?.close();
});

const confirmation = () =>
  f.app.deps.db.notification.findFirstOrThrow({
    where: { shopId: shop.id, orderId, kind: "backorder_confirmation" },
  });

/** The real Admin client, except that the first response is lost after Shopify applied it. */
function losingFirstResponse(): { client: () => Promise<AdminClient>; calls: () => number } {
  const real = shopAdminClient(f.app.workerDeps, shop.id);
  let calls = 0;
  return {
    calls: () => calls,
    client: async () => {
      const inner = await real();
      return {
        shopDomain: inner.shopDomain,
        async request<T>(document: string, variables?: Record<string, unknown>): Promise<T> {
          const result = await inner.request<T>(document, variables);
          if (++calls === 1) throw new Error("socket hang up");
          return result;
        },
      };
    },
  };
}

describe("discount code, alternatives and cancel link in eta_changed", () => {
  it("creates one discount per order even when the creation job is retried", async () => {
    // The worker already sent this order's confirmation, after its create-order-discount job.
    const row = { ...(await confirmation()), kind: "eta_changed" };
    const shopFacts = { url: `https://${shop.domain}`, currency: "EUR" };
    const codeOf = async (id: bigint) =>
      (
        await f.app.deps.db.orderDiscount.findUniqueOrThrow({
          where: { shopId_orderId: { shopId: shop.id, orderId: id } },
        })
      ).code;
    const sentCode = await codeOf(orderId);
    expect(f.sim.getDiscounts(shop.domain).filter((d) => d.code === sentCode)).toHaveLength(1);

    // A later email of the same order reads the stored code: the email never calls Shopify.
    const admin = losingFirstResponse();
    const deps: EmailExtrasDeps = { db: f.app.deps.db, config: f.app.config, now: () => new Date() };
    const retried = await loadOrderEmailExtras(deps, shopFacts, row);
    expect(retried.discount!.code).toBe(sentCode);

    // Shopify applied the create but its answer was lost: the retried job creates nothing new.
    const lostOrder = 2n ** 60n + 7n;
    const before = f.sim.getDiscounts(shop.domain).length;
    const job = {
      db: f.app.deps.db,
      secret: f.app.config.apiSecrets[0]!,
      client: admin.client,
      now: () => new Date(),
    };
    await expect(ensureOrderDiscount(job, shop.id, lostOrder)).rejects.toThrow(/socket hang up/);
    expect(
      (await loadOrderEmailExtras(deps, shopFacts, { ...row, orderId: lostOrder })).discount,
    ).toBeUndefined();
    await ensureOrderDiscount(job, shop.id, lostOrder);
    const again = await loadOrderEmailExtras(deps, shopFacts, {
      ...row,
      orderId: lostOrder,
      kind: "backorder_confirmation",
    });
    expect(admin.calls()).toBe(2);
    expect(f.sim.getDiscounts(shop.domain)).toHaveLength(before + 1);
    expect(again.discount!.code).toBe(await codeOf(lostOrder));
    expect(f.sim.getDiscounts(shop.domain).find((d) => d.code === again.discount!.code)).toMatchObject({
      percentage: 0.15,
      usageLimit: 1,
    });
    expect(retried.discount!.value).toBe("15%");

    expect(retried.alternatives).toEqual([
      expect.objectContaining({
        product_title: "Trail Hoodie",
        title: "Green / L",
        url: expect.stringContaining(`variant=${inStock}`),
      }),
    ]);
    expect(retried.cancel_url).toMatch(new RegExp(`^${f.app.config.appUrl}/backorders/cancel/`));

    const email = await createEmailRenderer({ pool: f.app.deps.renderPool }).render("eta_changed", "en", {
      ...getSampleContext("eta_changed"),
      ...retried,
    });
    for (const part of [email.html, email.text]) {
      expect(part).toContain(retried.discount!.code);
      expect(part).toContain("Green / L");
    }
    expect(email.text).toContain(retried.cancel_url);
  }, 30_000);

  it("a code Shopify refuses for good leaves the email without it, and a later email retries", async () => {
    const lostOrder = 2n ** 60n + 99n;
    const refusing = async (): Promise<AdminClient> => ({
      shopDomain: shop.domain,
      request: () => Promise.reject(new UnrecoverableError("Admin API 403: access denied")),
    });
    const deps = { db: f.app.deps.db, secret: f.app.config.apiSecrets[0]!, now: () => new Date() };
    expect(await ensureOrderDiscount({ ...deps, client: refusing }, shop.id, lostOrder)).toBeNull();
    const where = { shopId_orderId: { shopId: shop.id, orderId: lostOrder } };
    expect(await f.app.deps.db.orderDiscount.findUnique({ where })).toMatchObject({ status: "FAILED" });

    const created = await ensureOrderDiscount(
      { ...deps, client: shopAdminClient(f.app.workerDeps, shop.id) },
      shop.id,
      lostOrder,
    );
    expect(created).toMatchObject({ status: "CREATED" });
    expect(f.sim.getDiscounts(shop.domain).map((d) => d.code)).toContain(created!.code);
  });

  it("the cancel link works once, and is refused when tampered with or unknown", async () => {
    const web = express();
    web.use(cancelLinkRoutes(f.app.deps));
    web.use(errorMiddleware(f.app.deps.logger));
    const notification = await confirmation();
    const line = await f.app.deps.db.backorderLine.findFirstOrThrow({ where: { shopId: shop.id, orderId } });
    const secret = f.app.config.apiSecrets[0]!;
    const claims = {
      shopId: shop.id,
      orderId,
      lineItemIds: [line.lineItemId],
      notificationId: notification.id,
    };
    const token = signCancelToken(secret, claims);
    const path = `/backorders/cancel/${token}`;

    const page = await request(web).get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Trail Hoodie");
    expect(page.text).toContain(`action="${path}"`);

    const [payload, mac] = token.split(".") as [string, string];
    const forged = Buffer.from(
      JSON.stringify({
        s: shop.id,
        o: String(orderId + 1n),
        l: [String(line.lineItemId)],
        n: notification.id,
      }),
    ).toString("base64url");
    expect((await request(web).get(`/backorders/cancel/${forged}.${mac}`)).status).toBe(400);
    const flip = (c: string) => (c === "A" ? "B" : "A");
    for (const tampered of [`${flip(mac[0]!)}${mac.slice(1)}`, `${mac.slice(0, -1)}${flip(mac.at(-1)!)}`]) {
      expect((await request(web).post(`/backorders/cancel/${payload}.${tampered}`)).status).toBe(400);
    }
    expect((await request(web).get("/backorders/cancel/not-a-token")).status).toBe(400);
    const unknown = signCancelToken(secret, { ...claims, orderId: 2n ** 60n });
    expect((await request(web).post(`/backorders/cancel/${unknown}`)).status).toBe(404);

    expect((await request(web).post(path)).status).toBe(200);
    expect((await request(web).post(path)).status).toBe(409);
    expect((await request(web).get(path)).status).toBe(409);
    const requests = await f.app.deps.db.cancelRequest.findMany({ where: { shopId: shop.id } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ orderId, lineItemIds: [line.lineItemId], status: "REQUESTED" });
  }, 30_000);
});

describe("/api/controls", () => {
  const api = () => {
    const web = express();
    web.use(express.json());
    web.use((_req, res, next) => {
      res.locals.shop = { id: shop.id, domain: shop.domain };
      next();
    });
    web.use("/api", controlApiRoutes(f.app.deps));
    web.use(errorMiddleware(f.app.deps.logger));
    return web;
  };

  it("lists discount codes and cancel requests, and lets the merchant resolve a request", async () => {
    const discounts = await request(api()).get("/api/controls/discounts");
    expect(discounts.body.discounts).toHaveLength(3); // the real order and the two synthetic ones of the tests above
    expect(discounts.body.discounts).toContainEqual(
      expect.objectContaining({ orderId: String(orderId), orderName: expect.any(String), status: "CREATED" }),
    );
    const open = await request(api()).get("/api/controls/cancel-requests?status=REQUESTED");
    expect(open.body.requests).toEqual([
      expect.objectContaining({
        orderId: String(orderId),
        lines: [expect.objectContaining({ title: "Trail Hoodie" })],
      }),
    ]);
    const id = open.body.requests[0].id as string;
    expect(
      (await request(api()).patch(`/api/controls/cancel-requests/${id}`).send({ status: "DONE" })).status,
    ).toBe(200);
    const after = await request(api()).get("/api/controls/cancel-requests?status=REQUESTED");
    expect(after.body.requests).toEqual([]);
  });

  it("saves a variant's cap and window, and refuses bad input", async () => {
    const path = `/api/controls/variants/${waiting}`;
    const saved = await request(api()).put(path).send({
      backorderCap: 5,
      windowStartsAt: "2030-01-01T00:00:00Z",
      windowEndsAt: "2030-02-01T00:00:00Z",
    });
    expect(saved.status).toBe(200);
    expect(saved.body.control).toMatchObject({
      backorderCap: 5,
      effectiveCap: 5,
      windowEndsAt: "2030-02-01T00:00:00.000Z",
    });
    expect((await request(api()).put(path).send({ windowEndsAt: "2029-12-31T00:00:00Z" })).status).toBe(422);
    expect((await request(api()).put(path).send({ backorderCap: 0 })).status).toBe(422);
    expect((await request(api()).put(path).send({ cap: 3 })).status).toBe(422);
    expect((await request(api()).get(`/api/controls/variants/${2n ** 60n}`)).status).toBe(404);
    await f.app.deps.db.variantControl.deleteMany({ where: { shopId: shop.id } });
    await f.settle();
  }, 30_000);
});
