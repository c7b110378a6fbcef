import type { Page } from "playwright-core";

/**
 * The texts of a list (Polaris IndexTable) that end past the window's right edge: cut off inside a
 * table that scrolls on its own, which the document's own scroll width does not show.
 */
export function listTextCutOff(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll(".Polaris-IndexTable *"))
      .filter((el) => el.children.length === 0 && (el.textContent ?? "").trim() !== "")
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .map((el) => (el.textContent ?? "").trim()),
  );
}
