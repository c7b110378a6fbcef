import { effect, untracked } from "@preact/signals";
import { render } from "preact";
import type { CartLineApi, StorefrontQuery } from "../api/eta-api.ts";
import { createAvailabilityStore, SETTLED_EMPTY } from "../availability/create-availability-store.ts";
import type { StockMode } from "../eta/count-later-units.ts";
import { managedVariantIds } from "../eta/estimate-line.ts";
import { LineNotice } from "./line-notice.tsx";

/** Renders the line notice; reads live stock only where the mode uses it. */
export function mountLineNotice(
  api: CartLineApi & { readonly query?: StorefrontQuery },
  mode: StockMode,
  root: Element,
): void {
  const now = () => new Date();
  if (mode === "metafields-only" || api.query === undefined) {
    render(<LineNotice api={api} availability={{ value: SETTLED_EMPTY }} mode={mode} now={now} />, root);
    return;
  }
  const store = createAvailabilityStore(api.query);
  // Re-runs when the line or the metafields change; the store reads each variant once.
  effect(() => {
    const ids = managedVariantIds(api.appMetafields.value, [api.target.value]);
    // The request reads the store's own state; untracked so that does not re-run this.
    untracked(() => void store.request(ids));
  });
  render(<LineNotice api={api} availability={store.state} mode={mode} now={now} />, root);
}
