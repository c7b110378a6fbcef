import { LRUCache } from "lru-cache";
import type { Queues } from "../queues/create-queues.ts";
import { enqueueRecompute } from "../queues/enqueue-variant-work.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/create-prisma.ts";
import type { SqlPool } from "../db/create-sql-pool.ts";
import { AppError } from "../errors.ts";
import { fetchProductVariantState } from "../inventory/fetch-variant-state.ts";
import { storeVariantState } from "../inventory/store-variant-state.ts";
import type { VariantState } from "../inventory/variant-state.ts";
import type { Logger } from "../logger.ts";
import { hitRateCounter } from "../limits/hit-rate-counter.ts";
import { createAdminClient } from "../shopify/admin/create-admin-client.ts";
import type { ShopifyApis } from "../shopify/create-shopify.ts";

/**
 * Admin API look-ups of variants the app has not synced, per shop and window, shared by every web
 * process (a database counter). A look-up costs a few points of the shop's Admin budget; this
 * bound keeps a flood of made-up ids from spending it.
 */
export const VARIANT_LOOKUP_BUDGET = { calls: 20, windowSeconds: 60 } as const;

export type SignupVariantVerdict =
  | { kind: "known" }
  | { kind: "unknown" }
  /** Not checked now (look-up budget spent, Shopify unreachable): ask again later. */
  | { kind: "retry"; reason: "lookup_budget" | "lookup_unavailable"; retryAfterSeconds: number };

export type SignupVariantCheckOptions = {
  /** Answers (found or missing) kept per shop, and for how long. */
  entriesPerShop?: number;
  ttlMs?: number;
  /** Shops whose answers are kept at once, least recently used forgotten first. */
  maxShops?: number;
  /** Longest wait for the shop's Admin bucket inside a storefront request. */
  maxThrottleWaitMs?: number;
  now?: () => number;
};

type Deps = {
  db: Db;
  sql: SqlPool;
  queues: Queues;
  shopify: ShopifyApis;
  logger: Logger;
  config: Pick<Config, "tokenKeys">;
};
type Shop = { id: string; domain: string };
type Answer = "found" | "missing";

class LookupRefused extends Error {
  readonly reason: "lookup_budget" | "lookup_unavailable";
  readonly retryAfterSeconds: number;
  constructor(reason: LookupRefused["reason"], retryAfterSeconds: number) {
    super(reason);
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const UNAVAILABLE_RETRY_SECONDS = 30;

// Every signup asks this first, thousands a minute in a drop: plain SQL (create-sql-pool.ts).
const KNOWN_VARIANT_QUERY = {
  name: "signup-variant-known",
  text: `SELECT "deletedAt" IS NULL AS "live" FROM "Variant" WHERE "shopId" = $1 AND "variantId" = $2`,
};

/** The 422 a signup gets for a variant neither the app nor Shopify has. */
export function unknownVariantError(): AppError {
  return new AppError("unprocessable", "invalid fields", {
    fieldErrors: { variant_id: ["unknown variant"] },
  });
}

/**
 * Whether a storefront signup names a variant of this shop. The app's own copy answers first; a
 * variant it does not hold (the install's first sync still running, a product whose webhook was
 * lost) is looked up with the shop's offline session and, when Shopify has it, recorded like any
 * re-read variant (then recomputed), so the signup proceeds. Both answers are cached per shop,
 * concurrent look-ups of one id share a call, and calls per shop are bounded
 * (VARIANT_LOOKUP_BUDGET).
 */
export function createSignupVariantCheck(deps: Deps, opts: SignupVariantCheckOptions = {}) {
  const now = opts.now ?? Date.now;
  const maxWaitMs = opts.maxThrottleWaitMs ?? 2_000;
  const shops = new LRUCache<string, { answers: LRUCache<string, Answer>; blockedUntil: number }>({
    max: opts.maxShops ?? 1_000,
  });

  async function fetchFromShopify(shop: Shop, variantId: bigint): Promise<VariantState | null> {
    try {
      const client = await createAdminClient(deps, shop.domain, {
        // A shopper is waiting: a short throttle wait is fine, a long one is "try again later".
        sleep: (ms) =>
          ms <= maxWaitMs
            ? new Promise((resolve) => setTimeout(resolve, ms))
            : Promise.reject(new Error(`throttled for ${ms} ms`)),
      });
      return await fetchProductVariantState(client, variantId, new Date(now()));
    } catch (error) {
      deps.logger.warn({ err: error, shop: shop.domain }, "variant look-up failed");
      throw new LookupRefused("lookup_unavailable", UNAVAILABLE_RETRY_SECONDS);
    }
  }

  function stateOf(shop: Shop) {
    const known = shops.get(shop.id);
    if (known) return known;
    const created = {
      blockedUntil: 0,
      answers: new LRUCache<string, Answer>({
        max: opts.entriesPerShop ?? 500,
        ttl: opts.ttlMs ?? 5 * 60_000,
        fetchMethod: async (key): Promise<Answer> => {
          const t = now();
          if (t < created.blockedUntil) {
            throw new LookupRefused("lookup_budget", Math.ceil((created.blockedUntil - t) / 1000));
          }
          const hit = await hitRateCounter(
            deps.db,
            `variant-lookup:${shop.id}`,
            VARIANT_LOOKUP_BUDGET.windowSeconds,
          );
          if (hit.count > VARIANT_LOOKUP_BUDGET.calls) {
            // Spent until the window ends: later misses are refused without touching the database.
            created.blockedUntil = t + hit.msUntilWindowEnd;
            throw new LookupRefused("lookup_budget", Math.max(1, Math.ceil(hit.msUntilWindowEnd / 1000)));
          }
          const state = await fetchFromShopify(shop, BigInt(key));
          if (!state) return "missing";
          await storeVariantState(deps.db, shop.id, state);
          await enqueueRecompute(deps.queues, shop.id, [state.variantId]);
          return "found";
        },
      }),
    };
    shops.set(shop.id, created);
    return created;
  }

  return {
    async check(shop: Shop, variantId: bigint): Promise<SignupVariantVerdict> {
      const { rows } = await deps.sql.query<{ live: boolean }>({
        ...KNOWN_VARIANT_QUERY,
        values: [shop.id, String(variantId)],
      });
      // A variant the app knows was deleted: Shopify said so (products/delete or a re-read).
      if (rows[0]) return { kind: rows[0].live ? "known" : "unknown" };
      try {
        const answer = await stateOf(shop).answers.fetch(String(variantId));
        return { kind: answer === "found" ? "known" : "unknown" };
      } catch (error) {
        if (error instanceof LookupRefused) {
          return { kind: "retry", reason: error.reason, retryAfterSeconds: error.retryAfterSeconds };
        }
        throw error;
      }
    },
  };
}

export type SignupVariantCheck = ReturnType<typeof createSignupVariantCheck>;
