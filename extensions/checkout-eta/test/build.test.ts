import { describe, expect, it } from "vitest";
import { BUNDLE_LIMIT_BYTES, buildBundles, declaredTargets } from "../build.ts";

describe("build", () => {
  it("bundles every declared target under Shopify's 64 KB limit", async () => {
    const reports = await buildBundles();
    expect(reports.map((report) => report.target)).toEqual(declaredTargets().map((entry) => entry.target));
    for (const report of reports) {
      expect(report.bytes, report.target).toBeGreaterThan(1000);
      expect(report.bytes, report.target).toBeLessThanOrEqual(BUNDLE_LIMIT_BYTES);
      expect(report.gzipBytes).toBeLessThan(report.bytes);
      // The entry's default export is what Shopify calls to render.
      expect(new TextDecoder().decode(report.code)).toMatch(/export\s*\{[^}]*as default\s*\}/);
    }
  });
});
