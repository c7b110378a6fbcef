import { allocateBackorders, type OpenLine } from "../../web/server/backorders/allocate-backorders.ts";
import { fmt, median, type BenchRow } from "./row-types.ts";

const NAME = "allocate";
const RUNS = 30;

/** allocateBackorders for one variant with N open lines, a third of the units uncovered. */
export const allocateRow: BenchRow = {
  name: NAME,
  async run(ctx) {
    const n = ctx.sizes.allocateLines;
    const start = Date.UTC(2026, 0, 1);
    // Shuffled placement times and mixed quantities: the sort does real work.
    const lines: OpenLine[] = Array.from({ length: n }, (_, i) => ({
      lineItemId: 30_000_000_000_000n + BigInt(i),
      orderId: 50_000_000_000_000n + BigInt(Math.floor(i / 2)),
      placedAt: new Date(start + ((i * 7919) % n) * 60_000),
      openQuantity: 1 + (i % 3),
      priorityClass: i % 5 === 0 ? 1 : 0,
    }));
    const units = lines.reduce((s, l) => s + l.openQuantity, 0);
    const input = {
      available: -Math.floor(units / 3),
      tracked: true,
      lines,
      priority: "priority-class" as const,
    };
    allocateBackorders(input); // warm the JIT
    const times: number[] = [];
    let backordered = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const result = allocateBackorders(input);
      times.push(performance.now() - t0);
      backordered = result.reduce((s, a) => s + a.backorderedQuantity, 0);
    }
    const ms = median(times);
    const worst = Math.max(...times);
    return {
      name: NAME,
      ours: `${fmt(ms, 2)} ms median, ${fmt(worst, 2)} ms worst (${fmt(n)} lines)`,
      baseline: "-",
      ratio: null,
      target: "<= 50 ms",
      pass: worst <= 50 && backordered === -input.available,
      notes: [
        `pure allocation (no database), priority-class rule, ${RUNS} runs; ${fmt(backordered)} of ${fmt(units)} units backordered`,
      ],
      data: { times, lines: n, units, backordered },
    };
  },
};
