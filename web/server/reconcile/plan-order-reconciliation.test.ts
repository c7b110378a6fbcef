import { describe, expect, it } from "vitest";
import {
  FIRST_RUN_LOOKBACK_MS,
  pointAfterPage,
  RECONCILE_OVERLAP_MS,
  reconcileFrom,
  recoveryTopic,
  updatedSinceSearch,
} from "./plan-order-reconciliation.ts";

const t = (iso: string) => new Date(iso);

describe("order reconciliation decisions", () => {
  it("reads from the reconciled point less the overlap; a first run from install, at most 3 days back", () => {
    const now = t("2026-12-06T12:00:00Z");
    expect(
      reconcileFrom({
        reconciledThrough: t("2026-12-06T11:30:00Z"),
        installedAt: t("2026-01-01T00:00:00Z"),
        now,
      }),
    ).toEqual(t("2026-12-06T11:25:00Z"));
    expect(reconcileFrom({ reconciledThrough: null, installedAt: t("2026-12-06T09:00:00Z"), now })).toEqual(
      new Date(t("2026-12-06T09:00:00Z").getTime() - RECONCILE_OVERLAP_MS),
    );
    expect(reconcileFrom({ reconciledThrough: null, installedAt: t("2025-01-01T00:00:00Z"), now })).toEqual(
      new Date(now.getTime() - FIRST_RUN_LOOKBACK_MS - RECONCILE_OVERLAP_MS),
    );
  });

  it("writes the search as Shopify documents it: a quoted timestamp, whole seconds", () => {
    expect(updatedSinceSearch(t("2026-12-06T11:25:00.789Z"))).toBe("updated_at:>'2026-12-06T11:25:00Z'");
  });

  it("feeds only versions the app lacks, as create or update", () => {
    const from = t("2026-12-06T11:00:00Z");
    const updatedAt = t("2026-12-06T11:10:00Z");
    const created = t("2026-12-06T11:05:00Z");
    expect(recoveryTopic({ storedUpdatedAt: undefined, updatedAt, createdAt: created, from })).toBe(
      "orders/create",
    );
    expect(
      recoveryTopic({ storedUpdatedAt: undefined, updatedAt, createdAt: t("2026-11-01T00:00:00Z"), from }),
    ).toBe("orders/updated");
    expect(
      recoveryTopic({ storedUpdatedAt: t("2026-12-06T11:09:59Z"), updatedAt, createdAt: created, from }),
    ).toBe("orders/updated");
    expect(recoveryTopic({ storedUpdatedAt: null, updatedAt, createdAt: created, from })).toBe(
      "orders/updated",
    );
    expect(recoveryTopic({ storedUpdatedAt: updatedAt, updatedAt, createdAt: created, from })).toBeNull();
    expect(
      recoveryTopic({ storedUpdatedAt: t("2026-12-06T11:20:00Z"), updatedAt, createdAt: created, from }),
    ).toBeNull();
  });

  it("moves the point to the page's last change, never past the run's start, never back", () => {
    const runStartedAt = t("2026-12-06T12:00:00Z");
    expect(pointAfterPage({ current: null, lastUpdatedAt: t("2026-12-06T11:50:00Z"), runStartedAt })).toEqual(
      t("2026-12-06T11:50:00Z"),
    );
    expect(pointAfterPage({ current: null, lastUpdatedAt: t("2026-12-06T12:01:00Z"), runStartedAt })).toEqual(
      runStartedAt,
    );
    expect(
      pointAfterPage({
        current: t("2026-12-06T11:55:00Z"),
        lastUpdatedAt: t("2026-12-06T11:50:00Z"),
        runStartedAt,
      }),
    ).toEqual(t("2026-12-06T11:55:00Z"));
  });
});
