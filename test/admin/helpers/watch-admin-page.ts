import { expect } from "vitest";
import type { Page } from "playwright-core";

export type PageWatch = {
  /** Uncaught page errors and console errors. */
  errors: string[];
  /** /api calls answered 4xx/5xx, as "status METHOD path" (the browser's own log omits the URL). */
  apiFailures: string[];
  /**
   * /api calls answered 429 that no later answer to the same method and path made good. A page
   * opening may pass the per-shop limit of requests in flight; the client then waits as told and
   * tries again (web/frontend/src/api/api-client.ts), which is not a failure. One never followed
   * by a success is.
   */
  throttled: string[];
  /** Every other request answered 4xx/5xx (assets, icons), as "status path". */
  otherFailures: string[];
};

/**
 * Records what went wrong on the page, and from the first byte of every document the largest
 * contentful paint and the layout shifts as the browser reports them (`window.__lcp`, `__cls`).
 */
export async function watchAdminPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { errors: [], apiFailures: [], throttled: [], otherFailures: [] };
  page.on("pageerror", (error) => watch.errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") watch.errors.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    const call = `${response.request().method()} ${path}`;
    if (response.status() < 400) {
      const waiting = watch.throttled.indexOf(call);
      if (waiting >= 0) watch.throttled.splice(waiting, 1);
      return;
    }
    if (path.includes("/api/") && response.status() === 429) watch.throttled.push(call);
    else if (path.includes("/api/")) watch.apiFailures.push(`${response.status()} ${call}`);
    else watch.otherFailures.push(`${response.status()} ${path}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number; __cls: number };
    w.__lcp = 0;
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  return watch;
}

/** Largest contentful paint (ms) and cumulative layout shift recorded since the document began. */
export function readPaintMetrics(page: Page): Promise<{ lcp: number; cls: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __lcp: number; __cls: number };
    return { lcp: w.__lcp, cls: w.__cls };
  });
}

/**
 * The admin walked without a page error or a failed request, except those a test provoked on
 * purpose: a 422 from a refused value, the sandboxed preview, and 429s the client retried.
 */
export function expectOnlyProvokedErrors(watch: PageWatch): void {
  const expected = [
    // The Liquid error the test provoked (the template API answers 422).
    /Failed to load resource: the server responded with a status of 422/,
    // Playwright's own probe into the email preview, which is sandboxed without scripts on purpose.
    /Blocked script execution in 'about:srcdoc'/,
    // The browser logs every 429 it gets; the client waits and retries (checked just below).
    /Failed to load resource: the server responded with a status of 429/,
  ];
  expect(watch.errors.filter((e) => !expected.some((re) => re.test(e)))).toEqual([]);
  // Only the failures the tests provoked on purpose.
  expect(watch.apiFailures.filter((f) => !f.startsWith("422 "))).toEqual([]);
  // A 429 is made good by the client's retry: none may be left without a later success.
  expect(watch.throttled).toEqual([]);
  expect(watch.otherFailures).toEqual([]);
}
