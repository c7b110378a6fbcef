import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  BROWSER_SHOP as SHOP,
  openAdminBrowserSession,
  visit,
  type AdminBrowserSession,
} from "./helpers/admin-browser-session.ts";
import { listTextCutOff } from "./helpers/list-text-cut-off.ts";

// Every admin page opened the way Shopify opens an app for a French-speaking merchant (the admin's
// language in `locale`, docs/admin-i18n.md), in a browser whose own language is English: the page
// must follow the merchant's locale, with Polaris' own strings in French too.
const FR_ARTIFACTS = path.join(ARTIFACTS, "fr");

const PAGES: { name: string; link: string; title: string; text: RegExp }[] = [
  { name: "dashboard", link: "Tableau de bord", title: "Tableau de bord", text: /Alertes envoyées/ },
  {
    name: "backorders",
    link: "Commandes en rupture",
    title: "Commandes en rupture",
    text: /Lignes de commande en attente de stock/,
  },
  {
    name: "etas",
    link: "Dates prévues",
    title: "Dates prévues",
    text: /Dates affichées sur les pages produit/,
  },
  { name: "subscribers", link: "Abonnés", title: "Abonnés", text: /Demande de retour en stock par variante/ },
  { name: "emails", link: "E-mails", title: "E-mails", text: /Aperçu avec des données d’exemple/ },
  { name: "settings", link: "Paramètres", title: "Paramètres", text: /Alertes de retour en stock/ },
  { name: "integrations", link: "Intégrations", title: "Intégrations", text: /Webhooks sortants/ },
  {
    name: "activity",
    link: "Journal d’activité",
    title: "Journal d’activité",
    text: /E-mails en file d’attente, envoyés/,
  },
];

// The admin's English words that a French page must not show (titles, navigation, buttons, Polaris').
const ENGLISH =
  /\b(Dashboard|Backorders|Subscribers|Settings|Activity log|Integrations|Setup guide|Export CSV|Search by|Try again|Something went wrong|Previous|Next|Save|Discard|Cancel|Open|Overdue|Waiting|Skip to content)\b/;

/** Screenshots at 1440 and 390 px; French words are longer: no list may run off the screen at either. */
async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForTimeout(200);
  expect({ page: name, width: 1440, cutOff: await listTextCutOff(page) }).toEqual({
    page: name,
    width: 1440,
    cutOff: [],
  });
  await page.screenshot({ path: path.join(FR_ARTIFACTS, `${name}-1440.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  expect({ page: name, width: 390, cutOff: await listTextCutOff(page) }).toEqual({
    page: name,
    width: 390,
    cutOff: [],
  });
  await page.screenshot({ path: path.join(FR_ARTIFACTS, `${name}-390.png`) });
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe("the admin in French", () => {
  let session: AdminBrowserSession;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(FR_ARTIFACTS, { recursive: true });
    session = await openAdminBrowserSession();
    page = session.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    const token = await session.app.token(SHOP, { ttlSeconds: 600 });
    await page.goto(`${session.app.url}/admin?shop=${SHOP}&id_token=${token}&locale=fr`, {
      waitUntil: "load",
    });
  }, 180_000);

  afterAll(() => session?.close());

  it("follows the merchant's locale: French catalogs, Polaris in French, French numbers", async () => {
    await page.getByRole("heading", { name: "Tableau de bord", level: 1 }).waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    // The locale stays on in-app URLs, so a reload keeps the language.
    expect(page.url()).toContain("locale=fr");
    // Polaris' own strings come from its French translations (the Frame's skip link).
    expect(await page.getByText("Ignorer et passer au contenu").count()).toBeGreaterThan(0);
    // The seeded EUR revenue in French: "89,00 €" (ICU puts a no-break space before the sign).
    await expect
      .poll(() =>
        page
          .getByText(/^89,00\s€$/)
          .first()
          .isVisible(),
      )
      .toBe(true);
  });

  it.each(PAGES)(
    "$name: a French title, French text and no English left",
    async ({ name, link, title, text }) => {
      if (name !== "dashboard") await visit(page, link, title);
      await page.getByText(text).first().waitFor();
      await page.waitForLoadState("networkidle");
      const heading = await page.getByRole("heading", { level: 1 }).innerText();
      expect(heading).toBe(title);
      const visible = await page.locator("body").innerText();
      expect(visible.match(ENGLISH)?.[0] ?? null, `${name} shows English`).toBeNull();
      if (name === "emails") {
        // The editor opens on the French template, and its preview has arrived.
        expect(await page.getByLabel("Objet", { exact: true }).inputValue()).toContain(
          "est de nouveau disponible",
        );
        await expect
          .poll(() => page.getByTestId("preview-subject").innerText(), { timeout: 15_000 })
          .toContain("est de nouveau disponible");
        // The variables are described in French too (the server words them by Accept-Language).
        await page.getByText("Le nom de votre boutique").first().waitFor();
      }
      if (["backorders", "etas", "subscribers"].includes(name)) {
        // Polaris' IndexFilters, labelled by Polaris in French.
        await page.getByRole("button", { name: "Rechercher et filtrer les résultats" }).first().waitFor();
      }
      await shoot(page, name);
    },
  );
});
