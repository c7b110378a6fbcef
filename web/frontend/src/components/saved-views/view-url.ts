// The selected view of a list in the page's URL (?view=<id>): a link or a reload reopens it.

export function viewIdFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get("view");
}

/** Whether the URL names a view that is not built in: a saved one, known once the views load. */
export function urlNamesSavedView(builtIns: readonly { id: string }[]): boolean {
  const id = viewIdFromUrl();
  return id !== null && !builtIns.some((b) => b.id === id);
}

/** Replaces ?view= in the current URL (no new history entry; the other parameters stay). */
export function setViewIdInUrl(id: string | null): void {
  const url = new URL(window.location.href);
  if (id === null) url.searchParams.delete("view");
  else url.searchParams.set("view", id);
  window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
}

/** Pure: whether two queries of a list hold the same filters (the search compared as it is sent). */
export function sameViewQuery<Q extends Record<string, string | boolean>>(a: Q, b: Q): boolean {
  const norm = (v: string | boolean) => (typeof v === "string" ? v.trim() : v);
  return Object.keys(a).every((key) => norm(a[key] as string | boolean) === norm(b[key] as string | boolean));
}
