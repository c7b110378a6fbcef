import type { SimCore } from "../sim-core.ts";
import type { SimShop } from "../store/store-types.ts";

export interface IdempotencyRecord {
  fingerprint: string;
  result: unknown;
}

/** Per-request context handed to every resolver. */
export interface GqlContext {
  core: SimCore;
  shop: SimShop;
  apiVersion: string;
  /** Bulk operations page through everything; first/last are not required there. */
  bulk: boolean;
  /** Results of idempotent mutations by key, per shop, so a replay returns the first result. */
  idempotency: Map<string, IdempotencyRecord>;
}
