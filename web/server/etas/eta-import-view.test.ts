import { describe, expect, it } from "vitest";
import { etaImportView, STALE_AFTER_MS } from "./eta-import-view.ts";

const at = new Date("2026-12-07T08:00:00Z");
const row = (status: string, ageMs: number) => ({
  id: "i-1",
  status,
  rows: 20_000,
  rowsDone: 12_000,
  report:
    status === "finished" ? { applied: true, rows: 20_000, updated: 20_000, errors: [], warnings: [] } : null,
  updatedAt: new Date(at.getTime() - ageMs),
});

describe("etaImportView", () => {
  it("shows a running import's rows done while it was touched within two minutes", () => {
    expect(etaImportView(row("applying", STALE_AFTER_MS), at)).toMatchObject({
      status: "applying",
      rowsDone: 12_000,
      report: null,
    });
  });

  it("reads a running import untouched for longer as interrupted, with nothing done", () => {
    expect(etaImportView(row("applying", STALE_AFTER_MS + 1), at)).toMatchObject({
      status: "interrupted",
      rowsDone: 0,
      report: null,
    });
    expect(etaImportView(row("checking", STALE_AFTER_MS + 1), at).status).toBe("interrupted");
  });

  it("keeps a finished import's report however old", () => {
    const view = etaImportView(row("finished", 10 * STALE_AFTER_MS), at);
    expect(view.status).toBe("finished");
    expect(view.report).toMatchObject({ applied: true, updated: 20_000 });
  });
});
