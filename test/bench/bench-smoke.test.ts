import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { formatMarkdown } from "../../bench/report/format-table.ts";
import { writeResults } from "../../bench/report/write-results.ts";
import { runBench } from "../../bench/run-bench.ts";
import { BENCH_ROWS } from "../../bench/rows/bench-rows.ts";
import { SIZES } from "../../bench/rows/bench-sizes.ts";

// Every benchmark end to end at the tiny size: proves the harness and each row work, not how fast.
describe("npm run bench --size small", () => {
  it("runs every row of the table and writes it as JSON and Markdown", { timeout: 420_000 }, async () => {
    const report = await runBench({
      names: [],
      size: "small",
      databaseUrl: inject("databaseBaseUrl"),
      redisUrl: inject("redisUrl") || undefined,
    });
    const small = SIZES.small;
    expect(report.rows.map((r) => r.name)).toEqual([
      "webhooks",
      "webhooks-floor",
      "fanout",
      "fanout-1m-memory",
      "eta-read",
      "admin-writes",
      "allocate",
      "scale",
    ]);
    expect(report.allRows).toBe(true);
    for (const row of report.rows) {
      expect(row.ours, row.name).not.toMatch(/^(error|not available)/);
      expect(row.ours, row.name).toMatch(/\d/);
    }
    const byName = Object.fromEntries(report.rows.map((r) => [r.name, r]));

    // HTTP rows: both servers answered every request with 2xx.
    for (const name of ["webhooks", "eta-read"]) {
      const data = byName[name]!.data as {
        ours: { ok: number; failed: number; errors: number }[];
        baseline: { ok: number }[];
      };
      expect(
        data.ours.every((r) => r.failed === 0 && r.errors === 0),
        name,
      ).toBe(true);
      expect(
        data.ours.reduce((n, r) => n + r.ok, 0),
        name,
      ).toBeGreaterThan(0);
      expect(
        data.baseline.reduce((n, r) => n + r.ok, 0),
        name,
      ).toBeGreaterThan(0);
      expect(byName[name]!.ratio, name).toBeGreaterThan(0);
    }

    // The floor: all three servers answered every request, storing the body and without it.
    const floor = byName["webhooks-floor"]!;
    const floorData = floor.data as { rps: Record<string, number[]>; failed: number };
    expect(floorData.failed).toBe(0);
    for (const key of ["body", "noBody", "baseline"]) {
      expect(floorData.rps[key]!.length, key).toBe(small.httpRounds);
      expect(Math.min(...floorData.rps[key]!), key).toBeGreaterThan(0);
    }
    expect(floor.pass).toBeNull();

    // Fan-out: every subscriber exactly once, through ledger and queue; the baseline delivered all too.
    const fanout = byName.fanout!.data as {
      ours: { delivered: number; duplicates: number; distinctRecipients: number; sentRows: number };
      baseline: { delivered: number };
    };
    expect(fanout.ours).toMatchObject({
      delivered: small.fanoutSubscribers,
      duplicates: 0,
      distinctRecipients: small.fanoutSubscribers,
      sentRows: small.fanoutSubscribers,
    });
    expect(fanout.baseline.delivered).toBe(small.fanoutSubscribers);

    const memory = byName["fanout-1m-memory"]!.data as {
      done: boolean;
      notified: number;
      enqueued: number;
      peakRssMb: number;
    };
    expect(memory).toMatchObject({ done: true, notified: small.memorySubscribers });
    // Sends are enqueued in batches of 100 ids per job (web/server/notifications/enqueue-send-batches.ts).
    expect(memory.enqueued).toBe(Math.ceil(small.memorySubscribers / 100));
    expect(memory.peakRssMb).toBeGreaterThan(0);

    const admin = byName["admin-writes"]!.data as {
      failed: number;
      onShopify: number;
      withSummary: number;
      points: number;
    };
    expect(admin).toMatchObject({ failed: 0, onShopify: small.adminOrders, withSummary: small.adminOrders });
    expect(admin.points).toBeGreaterThanOrEqual(small.adminOrders * 10);

    expect(byName.allocate!.pass).toBe(true);

    const scale = byName.scale!.data as {
      runs: { workers: number; delivered: number; duplicates: number }[];
    };
    expect(scale.runs.map((r) => [r.workers, r.delivered, r.duplicates])).toEqual(
      small.scaleWorkerCounts.map((w) => [w, small.scaleSubscribers, 0]),
    );

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-bench-results-"));
    try {
      const written = writeResults(report, dir);
      const markdown = fs.readFileSync(written.markdown, "utf8");
      expect(markdown).toBe(formatMarkdown(report));
      for (const row of BENCH_ROWS) expect(markdown).toContain(`| ${row.name} |`);
      expect(JSON.parse(fs.readFileSync(written.json, "utf8")).rows).toHaveLength(BENCH_ROWS.length);
      // Only full-size runs replace the table the README links.
      expect(fs.existsSync(path.join(dir, "latest.md"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an unknown benchmark name before starting anything", async () => {
    await expect(runBench({ names: ["nope"], size: "small" })).rejects.toThrow(/unknown benchmark nope/);
  });
});
