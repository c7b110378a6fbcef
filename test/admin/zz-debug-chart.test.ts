import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { ensureAdminBuild } from "./helpers/ensure-admin-build.ts";
import { startAdminApp, type AdminTestApp } from "./helpers/start-admin-app.ts";
import { seedBrowserShop } from "./helpers/seed-browser-shop.ts";

const SHOP = "alpine-outfitters.myshopify.com";
describe("debug", () => {
  let app: AdminTestApp;
  beforeAll(async () => {
    ensureAdminBuild();
    app = await startAdminApp();
    const shopId = await app.installShop(SHOP, { name: "Alpine Outfitters", currency: "EUR" });
    await seedBrowserShop(app.deps.db, shopId);
  }, 180_000);
  afterAll(() => app?.close());
  it("dashboard", async () => {
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-GB", timezoneId: "UTC" });
    page.on("console", (m) => !m.text().includes("negative") && console.log("CONSOLE", m.type(), m.text().slice(0, 400)));
    page.on("request", (r) => r.url().includes("/api/") && console.log("REQ", r.method(), r.url()));
    page.on("response", (r) => r.url().includes("/api/") && console.log("RES", r.status(), r.url()));
    await page.addInitScript(() => {
      new MutationObserver((muts) => {
        for (const m of muts) for (const el of [m.target, ...Array.from(m.addedNodes)].filter((n) => n instanceof Element).flatMap((n) => [n as Element, ...Array.from((n as Element).querySelectorAll("svg"))])) {
          const h = el.getAttribute("height");
          if (el.tagName === "svg" && h && Number(h) < 0) {
            const chain = [];
            let p: Element | null = el;
            for (let i = 0; i < 8 && p; i++, p = p.parentElement) {
              const r = p.getBoundingClientRect();
              chain.push(`${p.tagName}.${p.className}:${Math.round(r.width)}x${Math.round(r.height)}`);
            }
            console.log("NEG", performance.now().toFixed(0), document.location.pathname, chain.join(" < "));
          }
        }
      }).observe(document, { attributes: true, childList: true, subtree: true, attributeFilter: ["height"] });
    });
    const token = await app.token(SHOP, { ttlSeconds: 60 });
    await page.goto(`${app.adminUrl}/admin?shop=${SHOP}&id_token=${token}`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "Alerts sent" }).waitFor();
    await page.waitForTimeout(2000);
    console.log("NAVIGATE");
    await page.getByRole("link", { name: "Backorders", exact: true }).first().click();
    await page.waitForTimeout(2000);
    await browser.close();
  }, 60_000);
});
