import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import express from "express";
import { activityApiRoutes } from "../../../web/server/activity/activity-api-routes.ts";
import { createAdminUiRoutes } from "../../../web/server/admin-ui/create-admin-ui-routes.ts";
import { mintDevSessionToken } from "../../../web/server/admin-ui/mint-dev-session-token.ts";
import { requireSession } from "../../../web/server/auth/require-session.ts";
import { errorMiddleware } from "../../../web/server/errors.ts";
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from "../../helpers/start-test-app.ts";

export type AdminTestApp = TestApp & {
  /** The URL to test against: the app, plus the admin routes if app.ts does not mount them yet. */
  adminUrl: string;
  installShop: (domain: string, data?: { name?: string; currency?: string }) => Promise<string>;
  token: (domain: string, opts?: { ttlSeconds?: number; secret?: string }) => Promise<string>;
  api: (
    domain: string,
    path: string,
    init?: { method?: string; body?: unknown; raw?: string; contentType?: string },
  ) => Promise<Response>;
};

/**
 * The test app with the admin UI and activity API reachable. Until web/server/app.ts and
 * api-routes.ts mount them (the lead's wiring), a thin wrapper in front of the app serves them;
 * once mounted, the wrapper finds them and passes everything through.
 */
export async function startAdminApp(opts: Parameters<typeof startTestApp>[0] = {}): Promise<AdminTestApp> {
  const app = await startTestApp(opts);
  const token = async (domain: string, o: { ttlSeconds?: number; secret?: string } = {}) =>
    (
      await mintDevSessionToken({
        shop: domain,
        apiKey: TEST_API_KEY,
        secret: o.secret ?? TEST_API_SECRET,
        now: new Date(),
        ttlSeconds: o.ttlSeconds ?? 300,
      })
    ).token;

  const probeShop = "probe-admin.myshopify.com";
  await installShopRow(app, probeShop);
  const adminMounted = (await fetch(`${app.url}/admin?shop=${probeShop}`)).status !== 404;
  const activity = await fetch(`${app.url}/api/activity`, {
    headers: { Authorization: `Bearer ${await token(probeShop)}` },
  });
  const activityMounted = activity.status !== 404;

  let adminUrl = app.url;
  let server: Server | null = null;
  if (!adminMounted || !activityMounted) {
    const wrapper = express();
    if (!adminMounted) wrapper.use(createAdminUiRoutes({ config: app.config }));
    if (!activityMounted) wrapper.use("/api", requireSession(app.deps), activityApiRoutes(app.deps));
    wrapper.use(errorMiddleware(app.deps.logger));
    const target = new URL(app.url);
    // Everything the wrapper does not answer goes to the real app, unchanged.
    wrapper.use(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const upstream = await fetch(new URL(req.originalUrl, target), {
        method: req.method,
        headers: Object.fromEntries(
          Object.entries(req.headers)
            .filter(([k]) => k !== "host" && k !== "connection")
            .map(([k, v]) => [k, String(v)]),
        ),
        body: chunks.length ? Buffer.concat(chunks) : undefined,
        redirect: "manual",
      });
      res.status(upstream.status);
      upstream.headers.forEach((value, key) => {
        if (key !== "content-encoding" && key !== "transfer-encoding" && key !== "content-length")
          res.setHeader(key, value);
      });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    server = await new Promise<Server>((resolve) => {
      const s = wrapper.listen(0, "127.0.0.1", () => resolve(s));
    });
    adminUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  return {
    ...app,
    adminUrl,
    token,
    installShop: (domain, data) => installShopRow(app, domain, data),
    api: async (domain, path, init = {}) => {
      const headers: Record<string, string> = { Authorization: `Bearer ${await token(domain)}` };
      let body: string | undefined;
      if (init.raw !== undefined) {
        body = init.raw;
        headers["Content-Type"] = init.contentType ?? "text/csv";
      } else if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers["Content-Type"] = "application/json";
      }
      return fetch(`${adminUrl}/api${path}`, { method: init.method ?? "GET", headers, body });
    },
    close: async () => {
      if (server) {
        const s = server;
        await new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeAllConnections();
      }
      await app.close();
    },
  };
}

/** An installed shop without a token exchange: the shop row, its settings and its offline session. */
async function installShopRow(app: TestApp, domain: string, data: { name?: string; currency?: string } = {}) {
  const shopify = app.deps.shopify.api;
  await new PrismaSessionStorage(app.deps.db).storeSession(
    new Session({
      id: shopify.session.getOfflineId(domain),
      shop: domain,
      state: "test",
      isOnline: false,
      accessToken: "shpat_test",
      scope: app.config.scopes.join(","),
    }),
  );
  const shop = await app.deps.db.shop.upsert({
    where: { domain },
    create: {
      domain,
      name: data.name ?? domain.split(".")[0],
      currency: data.currency ?? "EUR",
      syncStatus: "DONE",
      settings: { create: {} },
    },
    update: {},
  });
  return shop.id;
}
