// /api/etas* queries; the response shapes are in web/contract/api-responses.ts.
import type { EtaPageResponse, EtaView, EtaViewQuery } from "../../../../contract/api-responses.ts";

export type EtaRowView = EtaView;
export type { EtaViewQuery };

/** The list's state: the filters a view saves (one of the list's views, the search) and the page. */
export type EtaListQuery = EtaViewQuery & {
  page: number;
  pageSize: number;
};

export function etaSearch(q: EtaListQuery): string {
  const params = new URLSearchParams({ page: String(q.page), pageSize: String(q.pageSize) });
  if (q.search.trim()) params.set("query", q.search.trim());
  if (q.filter !== "all") params.set("filter", q.filter);
  return params.toString();
}

export function etaPage(body: EtaPageResponse) {
  return { rows: body.variants, hasNext: body.page * body.pageSize < body.total, today: body.today };
}

/** POST /api/etas/import: all rows or none; a bad row answers 422 with the report in `details`. */
export type { ImportReport } from "../../../../contract/api-responses.ts";
