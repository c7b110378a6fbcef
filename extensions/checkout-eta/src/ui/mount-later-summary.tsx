import { effect, untracked } from "@preact/signals";
import { render } from "preact";
import type { DeliverySummaryApi, StorefrontQuery } from "../api/eta-api.ts";
import { createAvailabilityStore } from "../availability/create-availability-store.ts";
import { managedVariantIds } from "../eta/estimate-line.ts";
import { LaterSummary, linesOfTarget } from "./later-summary.tsx";

export function mountLaterSummary(
  api: DeliverySummaryApi & { readonly query: StorefrontQuery },
  root: Element,
): void {
  const store = createAvailabilityStore(api.query);
  // One Storefront query for all lines, not one per line; re-runs as the cart changes.
  effect(() => {
    const ids = managedVariantIds(api.appMetafields.value, linesOfTarget(api));
    untracked(() => void store.request(ids));
  });
  render(<LaterSummary api={api} availability={store.state} now={() => new Date()} />, root);
}
