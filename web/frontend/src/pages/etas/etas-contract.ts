// /api/etas* queries; the response shapes are in web/contract/api-responses.ts.
import type { EtaPageResponse, EtaView } from "../../../../contract/api-responses.ts";

export type EtaRowView = EtaView;

export type EtaListQuery = {
  search: string;
  filter: "all" | "overdue" | "backordered" | "no_eta";
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
