import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import express, { type Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Queue } from "bullmq";
import { createAdminUiRoutes } from "../../web/server/admin-ui/create-admin-ui-routes.ts";
import type { LoadDashboard } from "../../web/server/ops/load-bull-board.ts";
import { QUEUE_DASHBOARD_PATH, queueDashboardRoutes } from "../../web/server/ops/queue-dashboard-routes.ts";
import { startTestApp, type TestApp } from "../helpers/start-test-app.ts";

const OPS_USER = "operator";
const OPS_PASSWORD = "operator-password-1";
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** The dashboard mounted as app.ts must mount it: before the admin SPA and its /admin/* catch-all. */
function buildApp(deps: TestApp["deps"], load?: LoadDashboard, distDir?: string): Express {
  const app = express();
  app.use(queueDashboardRoutes(deps, load ? { load } : {}));
  app.use(createAdminUiRoutes({ config: deps.config, now: deps.now, ...(distDir ? { distDir } : {}) }));
  return app;
}

describe("queue dashboard at /admin/queues", () => {
  let testApp: TestApp;
  let distDir: string;
  const loads: { queues: string[]; basePath: string }[] = [];
  const fakeLoad: LoadDashboard = async (queues: Queue[], basePath) => {
    loads.push({ queues: queues.map((q) => q.name), basePath });
    return (req, res) => {
      res.json({ dashboard: true, url: req.url });
    };
  };

  beforeAll(async () => {
    testApp = await startTestApp({ env: { OPS_USER, OPS_PASSWORD } });
    distDir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-admin-dist-"));
    fs.writeFileSync(path.join(distDir, "index.html"), "<!doctype html><title>ADMIN SPA</title>");
  });
  afterAll(async () => {
    await testApp?.close();
    fs.rmSync(distDir, { recursive: true, force: true });
  });

  it("is off (404) when OPS_USER/OPS_PASSWORD are unset, whatever the credentials", async () => {
    const deps = { ...testApp.deps, config: { ...testApp.deps.config, ops: undefined } };
    const app = buildApp(deps, fakeLoad, distDir);
    const res = await request(app)
      .get(QUEUE_DASHBOARD_PATH)
      .set("Authorization", basic(OPS_USER, OPS_PASSWORD));
    expect(res.status).toBe(404);
    expect(res.text).not.toContain("ADMIN SPA");
  });

  it.each([
    ["no credentials", undefined],
    ["a wrong password", basic(OPS_USER, "operator-password-2")],
    ["a wrong user", basic("admin", OPS_PASSWORD)],
    ["an embedded-admin session token", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJkZXN0IjoiaHR0cHM6Ly9tIn0.sig"],
  ])("answers 401 with a Basic challenge for %s, never the admin SPA", async (_label, authorization) => {
    const app = buildApp(testApp.deps, fakeLoad, distDir);
    const req = request(app).get(`${QUEUE_DASHBOARD_PATH}?embedded=1&host=YWRtaW4`);
    const res = authorization ? await req.set("Authorization", authorization) : await req;
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toMatch(/^Basic realm="Backorder Hub operations"/);
    expect(res.text).not.toContain("ADMIN SPA");
    expect(res.text).not.toContain("dashboard");
  });

  it("serves the dashboard to the operator, unframeable, for every queue, loading it once", async () => {
    loads.length = 0;
    const app = buildApp(testApp.deps, fakeLoad, distDir);
    const auth = basic(OPS_USER, OPS_PASSWORD);
    const page = await request(app).get(QUEUE_DASHBOARD_PATH).set("Authorization", auth);
    expect(page.status).toBe(200);
    expect(page.body).toEqual({ dashboard: true, url: "/" });
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(page.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    const api = await request(app)
      .get(`${QUEUE_DASHBOARD_PATH}/api/queues?page=1`)
      .set("Authorization", auth);
    expect(api.body).toEqual({ dashboard: true, url: "/api/queues?page=1" });
    expect(loads).toEqual([{ queues: ["events", "shopify", "email"], basePath: "/admin/queues" }]);
  });

  it("leaves the rest of /admin to the SPA", async () => {
    const app = buildApp(testApp.deps, fakeLoad, distDir);
    const res = await request(app).get("/admin/backorders");
    expect(res.status).toBe(200);
    expect(res.text).toContain("ADMIN SPA");
  });

  it("answers 503 with the install hint when bull-board cannot be loaded", async () => {
    const app = buildApp(testApp.deps, () => Promise.reject(new Error("Cannot find package")), distDir);
    const res = await request(app)
      .get(QUEUE_DASHBOARD_PATH)
      .set("Authorization", basic(OPS_USER, OPS_PASSWORD));
    expect(res.status).toBe(503);
    expect(res.body.message).toContain("npm install @bull-board/api @bull-board/express");
  });

  it("with the real loader: bull-board's page when installed, else the 503 hint", async () => {
    const installed = isInstalled("@bull-board/express") && isInstalled("@bull-board/api");
    const app = buildApp(testApp.deps, undefined, distDir);
    const res = await request(app)
      .get(QUEUE_DASHBOARD_PATH)
      .set("Authorization", basic(OPS_USER, OPS_PASSWORD));
    if (installed) {
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toMatch(/html/);
      expect(res.text).toContain("/admin/queues");
    } else {
      expect(res.status).toBe(503);
    }
  });
});

function isInstalled(pkg: string): boolean {
  try {
    createRequire(import.meta.url).resolve(pkg);
    return true;
  } catch {
    return false;
  }
}
