import { describe, expect, it } from "vitest";
import { chooseChromium, launchChromium } from "./launch-chromium.ts";

describe("the tests' browser", () => {
  const has =
    (...files: string[]) =>
    (file: string) =>
      files.includes(file);

  it.each<[string, Record<string, string>, string[], ReturnType<typeof chooseChromium>]>([
    [
      "CHROMIUM_PATH first",
      { CHROMIUM_PATH: "/opt/chrome" },
      ["/opt/chrome", "/usr/bin/chromium"],
      { kind: "path", executablePath: "/opt/chrome" },
    ],
    [
      "then Debian's Chromium",
      {},
      ["/usr/bin/chromium"],
      { kind: "path", executablePath: "/usr/bin/chromium" },
    ],
    ["then the one npm install brought", {}, [], { kind: "bundled" }],
    [
      "CHROMIUM_PATH=bundled forces it",
      { CHROMIUM_PATH: "bundled" },
      ["/usr/bin/chromium"],
      { kind: "bundled" },
    ],
  ])("%s", (_name, env, files, expected) => {
    expect(chooseChromium(env, has(...files))).toEqual(expected);
  });

  it("refuses a CHROMIUM_PATH that does not exist rather than falling back silently", () => {
    expect(() => chooseChromium({ CHROMIUM_PATH: "/nope/chrome" }, has())).toThrow(/CHROMIUM_PATH/);
  });

  it(
    "launches the Chromium of @sparticuz/chromium headless and renders a page",
    { timeout: 120_000 },
    async () => {
      const before = process.env.CHROMIUM_PATH;
      process.env.CHROMIUM_PATH = "bundled";
      const browser = await launchChromium().finally(() => {
        if (before === undefined) delete process.env.CHROMIUM_PATH;
        else process.env.CHROMIUM_PATH = before;
      });
      try {
        const page = await browser.newPage();
        await page.setContent(
          "<main><h1>Ships by 12 Dec</h1><p id='n'></p></main><script>document.getElementById('n').textContent = String(6 * 7)</script>",
        );
        expect(await page.locator("h1").innerText()).toBe("Ships by 12 Dec");
        expect(await page.locator("#n").innerText()).toBe("42");
        expect(browser.version()).toMatch(/^\d+\./);
      } finally {
        await browser.close();
      }
    },
  );
});
