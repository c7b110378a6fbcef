// Issue 23, part B: what a French merchant still read in English or with English punctuation. The
// condensed ETA rows glued a colon to a label ("Disponible:"), the App Bridge stand-in's save bar and
// leave dialog were English, and the email editor quoted liquidjs' English ("tag "foo" not found").
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  logIn,
  openAdminBrowserSession,
  visit,
  type AdminBrowserSession,
} from "./helpers/admin-browser-session.ts";

const NBSP = "\u00a0";

describe("the French admin's last English words", () => {
  let session: AdminBrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openAdminBrowserSession();
    page = session.page;
    await logIn(session, { locale: "fr", dashboard: "Tableau de bord" });
  }, 180_000);
  afterAll(() => session?.close());

  it("labels the phone layout's ETA rows with a non-breaking space before the colon", async () => {
    await visit(page, "Dates prévues", "Dates prévues");
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      // At 390 px each variant is one stacked cell (a list item), its labels before their values.
      const row = page.locator("li").filter({ hasText: "Ember red / L" }).filter({ hasText: "Disponible" });
      await row.first().waitFor();
      const text = (await row.first().textContent()) ?? "";
      expect(text).toContain(`Disponible${NBSP}:`);
      expect(text).toContain(`Date prévue${NBSP}:`);
      expect(text).not.toMatch(/\S:/);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("shows App Bridge's save bar and leave dialog in French", async () => {
    await visit(page, "Paramètres", "Paramètres");
    await page.getByLabel("Seuil de réapprovisionnement").fill("7");
    const bar = page.getByRole("region", { name: "Modifications non enregistrées" });
    await bar.waitFor();
    expect(await bar.getByRole("button", { name: "Enregistrer", exact: true }).count()).toBe(1);
    expect(await bar.getByRole("button", { name: "Ignorer", exact: true }).count()).toBe(1);

    await page.getByRole("link", { name: "Journal d’activité", exact: true }).first().click();
    const leave = page.getByRole("dialog", { name: `Quitter la page sans enregistrer${NBSP}?` });
    await leave.waitFor();
    expect(await leave.textContent()).toContain("toutes les modifications non enregistrées seront perdues");
    await leave.getByRole("button", { name: "Rester" }).click();
    await bar.getByRole("button", { name: "Ignorer", exact: true }).click();
    await expect.poll(() => bar.count()).toBe(0);
  });

  it("words a Liquid error in French around its line and column", async () => {
    await visit(page, "E-mails", "E-mails");
    const html = page.getByLabel("Corps HTML");
    await html.waitFor();
    await html.fill("<p>Bonjour</p>\n<p>{% bonjour %}</p>");
    const line = page.getByText(/^Corps HTML, ligne 2, colonne \d+/);
    await line.waitFor();
    expect(await line.textContent()).toMatch(
      new RegExp(
        `^Corps HTML, ligne 2, colonne \\d+${NBSP}: Liquid n’a pas de balise «${NBSP}bonjour${NBSP}»$`,
      ),
    );
    // The field's own error says the same.
    await page.getByText(/^Ligne 2, colonne \d+\u00a0: Liquid n’a pas de balise/).waitFor();
  });
});
