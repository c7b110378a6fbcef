import { describe, expect, it } from "vitest";
import {
  computeBackorderMetrics,
  type BackorderMetrics,
  type BackorderMetricsOrder,
  type BackorderMetricsRow,
} from "./backorder-metrics.ts";
import type { BackorderStatus } from "./plan-backorder-transitions.ts";

const BIG = 9_007_199_254_740_993n;
const order = (n: number) => BIG + BigInt(n);
const V1 = BIG * 3n + 1n;
const V2 = BIG * 3n + 2n;
const t = (day: number, hour = 0) => new Date(Date.UTC(2026, 10, day, hour));

const row = (
  o: number,
  variantId: bigint,
  status: BackorderStatus,
  backorderedQuantity: number,
  placedAt: Date,
  readyAt: Date | null = null,
  history: { ordered: number | null; peak: number | null } = { ordered: null, peak: null },
): BackorderMetricsRow => ({
  orderId: order(o),
  variantId,
  status,
  backorderedQuantity,
  placedAt,
  readyAt,
  orderedQuantity: history.ordered,
  peakBackordered: history.peak,
});

const orders: BackorderMetricsOrder[] = [
  { orderId: order(1), placedAt: t(1) },
  { orderId: order(2), placedAt: t(2) },
  { orderId: order(3), placedAt: t(3) }, // never backordered
  { orderId: order(4), placedAt: t(5) },
  { orderId: order(5), placedAt: t(-11) }, // Oct 20, before the period
  { orderId: order(6), placedAt: t(7) },
];
const rows: BackorderMetricsRow[] = [
  row(1, V1, "READY", 0, t(1), t(1, 10)), // ready 10 h after the order
  row(1, V2, "FULFILLED", 0, t(1), t(9)), // ready after the period
  row(2, V1, "OPEN", 2, t(2)),
  row(4, V2, "OPEN", 1, t(5)),
  row(4, V1, "OPEN", 3, t(5)),
  row(5, V2, "FULFILLED", 0, t(-11), t(4)), // 15 days = 360 h
  row(6, V1, "CANCELLED", 2, t(7)),
];
const week = { from: t(1), to: t(8) };

type Case = [
  string,
  BackorderMetricsRow[],
  BackorderMetricsOrder[],
  { from: Date; to: Date },
  Date,
  Partial<BackorderMetrics>,
];
const cases: Case[] = [
  [
    "a week of orders",
    rows,
    orders,
    week,
    t(10),
    {
      openLines: 3,
      openUnits: 6,
      openOrders: 2,
      backorderRate: 4 / 5,
      avgDurationHours: 185,
      p90DurationHours: 360,
      unitsByVariant: [
        { variantId: V1, units: 5 },
        { variantId: V2, units: 1 },
      ],
    },
  ],
  [
    "nothing at all",
    [],
    [],
    week,
    t(10),
    {
      openLines: 0,
      openUnits: 0,
      openOrders: 0,
      backorderRate: 0,
      avgDurationHours: null,
      p90DurationHours: null,
      unitsByVariant: [],
    },
  ],
  // Only orders 1-3 exist by Nov 3 03:00: 2 of them backordered; nothing was ready by then except order 1's line.
  [
    "a period running past now is cut at now",
    rows,
    orders,
    { from: t(1), to: t(30) },
    t(3, 3),
    { backorderRate: 2 / 3, avgDurationHours: 10 },
  ],
  [
    "the period end is excluded",
    rows,
    orders,
    { from: t(1), to: t(1, 10) },
    t(10),
    { backorderRate: 1, avgDurationHours: null },
  ],
  [
    "p90 is the nearest rank",
    Array.from({ length: 10 }, (_, i) => row(i, V1, "READY", 0, t(1), t(1, i + 1))),
    [],
    week,
    t(10),
    { avgDurationHours: 5.5, p90DurationHours: 9 },
  ],
  [
    "variants with equal units are listed by id",
    [row(1, V2, "OPEN", 2, t(1)), row(2, V1, "OPEN", 2, t(1))],
    [],
    week,
    t(10),
    {
      unitsByVariant: [
        { variantId: V1, units: 2 },
        { variantId: V2, units: 2 },
      ],
    },
  ],
  [
    // Ordered 6 with 4 in stock (partial), ordered 2 with none (full), ordered 3 with 2 in stock
    // (partial, now ready); one line before the period and one whose history is unknown.
    "partial and full backorders of the period, by lines and units",
    [
      row(1, V1, "OPEN", 2, t(1), null, { ordered: 6, peak: 2 }),
      row(2, V1, "READY", 0, t(2), t(3), { ordered: 2, peak: 2 }),
      row(4, V2, "FULFILLED", 0, t(5), t(6), { ordered: 3, peak: 1 }),
      row(5, V2, "OPEN", 5, t(-11), null, { ordered: 5, peak: 5 }),
      row(6, V2, "READY", 0, t(7), t(7, 1), { ordered: 1, peak: null }),
    ],
    orders,
    week,
    t(10),
    {
      mix: {
        partialLines: 2,
        fullLines: 1,
        partialBackorderedUnits: 3,
        partialOrderedUnits: 9,
        fullBackorderedUnits: 2,
        partialLineShare: 2 / 3,
        partialBackorderedShare: 3 / 9,
        backorderedUnitShare: 5 / 11,
        unknownLines: 1,
      },
    },
  ],
];

describe("computeBackorderMetrics", () => {
  it.each(cases)("%s", (_name, rowsIn, ordersIn, period, now, expected) => {
    expect(computeBackorderMetrics(rowsIn, ordersIn, period, now)).toMatchObject(expected);
  });
});
