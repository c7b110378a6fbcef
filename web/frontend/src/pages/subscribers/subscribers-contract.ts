// /api/subscriptions* paths and labels; the response shapes are in web/contract/api-responses.ts.
import type { DemandView } from "../../../../contract/api-responses.ts";

export type DemandRow = DemandView;

export const subscribersPath = (variantId: string, cursor: string | null = null) =>
  `/subscriptions/variants/${encodeURIComponent(variantId)}/subscribers?limit=50${
    cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""
  }`;
export const sendNowPath = (variantId: string) =>
  `/subscriptions/variants/${encodeURIComponent(variantId)}/send-now`;

export { variantLabel } from "../../format/variant-label.ts";
