import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "../../web/server/db/create-prisma.ts";
import { createMetrics } from "../../web/server/metrics/create-metrics.ts";

type Panel = {
  id: number;
  type: string;
  title: string;
  datasource?: { uid: string };
  gridPos: { h: number; w: number; x: number; y: number };
  targets?: { expr: string }[];
};
const dashboard = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, "../../docs/grafana-dashboard.json"), "utf8"),
) as { uid: string; panels: Panel[]; templating: { list: { name: string; type: string }[] } };
const queryPanels = dashboard.panels.filter((p) => p.type !== "row");
const exprs = queryPanels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));

/** Every series name the app's registries expose (web with backlog gauges; workers without). */
async function exposedSeries(): Promise<Set<string>> {
  const offline = { backorderLine: {}, subscription: {} } as unknown as Db;
  const metrics = createMetrics({ state: { db: offline } });
  const names = new Set<string>();
  for (const m of await metrics.registry.getMetricsAsJSON()) {
    names.add(m.name);
    if (String(m.type) === "histogram")
      for (const s of ["_bucket", "_sum", "_count"]) names.add(`${m.name}${s}`);
  }
  return names;
}

describe("docs/grafana-dashboard.json", () => {
  it("queries only series the app exposes", async () => {
    const series = await exposedSeries();
    expect(exprs.length).toBeGreaterThan(15);
    const unknown = exprs.flatMap(({ panel, expr }) =>
      [...expr.matchAll(/\b((?:backorder|process|nodejs)_[a-z0-9_]+)\b/g)]
        .map((m) => m[1]!)
        .filter((name) => !series.has(name))
        .map((name) => `${panel}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it.each([
    ["webhooks by topic and outcome", "backorder_webhooks_total"],
    ["job durations by queue", "backorder_job_duration_seconds_bucket"],
    ["job failures by queue", "backorder_job_final_failures_total"],
    ["emails by kind", "backorder_emails_total"],
    ["backorder gauges", "backorder_backorder_lines"],
    ["subscription gauges", "backorder_subscriptions"],
    ["Admin API cost", "backorder_admin_api_cost_points_total"],
    ["throttle waits", "backorder_admin_api_throttle_wait_seconds_bucket"],
    ["queue depth", "backorder_queue_jobs"],
  ])("charts %s", (_what, series) => {
    expect(exprs.some((e) => e.expr.includes(series))).toBe(true);
  });

  it("is importable: a Prometheus datasource variable, unique panel ids, panels within the 24-column grid", () => {
    expect(dashboard.uid).toBe("backorder-hub");
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: "datasource", type: "datasource" }),
    );
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    for (const p of dashboard.panels) expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
    for (const p of queryPanels) expect(p.datasource?.uid).toBe("${datasource}");
  });
});
