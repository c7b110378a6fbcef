import { mintDevSessionToken } from "../../../web/server/admin-ui/mint-dev-session-token.ts";
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from "../../helpers/start-test-app.ts";
import { storeOfflineSession } from "../../helpers/store-offline-session.ts";

export type AdminTestApp = TestApp & {
  installShop: (domain: string, data?: { name?: string; currency?: string }) => Promise<string>;
  token: (domain: string, opts?: { ttlSeconds?: number; secret?: string }) => Promise<string>;
  api: (
    domain: string,
    path: string,
    init?: { method?: string; body?: unknown; raw?: string; contentType?: string },
  ) => Promise<Response>;
};

/** The test app, plus installed shops without a token exchange and signed admin API calls. */
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

  return {
    ...app,
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
      return fetch(`${app.url}/api${path}`, { method: init.method ?? "GET", headers, body });
    },
  };
}

/** An installed shop without a token exchange: the shop row, its settings and its offline session. */
async function installShopRow(app: TestApp, domain: string, data: { name?: string; currency?: string } = {}) {
  await storeOfflineSession(app, domain, "shpat_test");
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
