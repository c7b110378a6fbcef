import type { Db } from "../db/create-prisma.ts";
import { hitRateCounter } from "../limits/hit-rate-counter.ts";

/**
 * Previews and saves of email templates per shop: each renders the merchant's Liquid in a render
 * thread, so one shop may not keep the threads to itself. The editor previews 500 ms after the
 * last keystroke: a merchant typing steadily stays well below this.
 */
export const TEMPLATE_RENDER_LIMIT = { limit: 60, windowSeconds: 60 };

export type TemplateRenderVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export async function checkTemplateRenderLimit(db: Db, shopId: string): Promise<TemplateRenderVerdict> {
  const { limit, windowSeconds } = TEMPLATE_RENDER_LIMIT;
  const hit = await hitRateCounter(db, `template-render:${shopId}`, windowSeconds);
  if (hit.count <= limit) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(hit.msUntilWindowEnd / 1000)) };
}

export type ShopRenderSlots = {
  /** Runs `work` unless a render of this shop is already running here: then null. */
  run<T>(shopId: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
};

/**
 * One preview or save rendering per shop at a time (in this process): a shop that sends many at
 * once gets 429 for the others instead of queueing them in front of every other shop's.
 */
export function createShopRenderSlots(): ShopRenderSlots {
  const running = new Set<string>();
  return {
    async run(shopId, work) {
      if (running.has(shopId)) return { ran: false };
      running.add(shopId);
      try {
        return { ran: true, value: await work() };
      } finally {
        running.delete(shopId);
      }
    },
  };
}
