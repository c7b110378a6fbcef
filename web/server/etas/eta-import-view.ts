import type { ImportReport } from "./import-eta-csv.ts";

/** Statuses of an import still at work. */
export const RUNNING = ["checking", "applying"] as const;

/**
 * A running import writes its progress at least once per 1,000 rows, and its transaction gives up
 * after 60 s; one not touched for two minutes lost its process, and its transaction rolled back.
 */
export const STALE_AFTER_MS = 2 * 60 * 1000;

export type EtaImportStatus = (typeof RUNNING)[number] | "finished" | "interrupted";

/**
 * GET /api/etas/imports/:id. `rows` is null until the file is read; `rowsDone` counts rows written
 * (all or none are committed). `report` is the import's report once "finished" (`applied` false:
 * nothing was written); "interrupted" means nothing was applied and the file can be sent again.
 */
export type EtaImportView = {
  id: string;
  status: EtaImportStatus;
  rows: number | null;
  rowsDone: number;
  report: ImportReport | null;
};

type EtaImportRow = {
  id: string;
  status: string;
  rows: number | null;
  rowsDone: number;
  report: unknown;
  updatedAt: Date;
};

export function etaImportView(row: EtaImportRow, now: Date): EtaImportView {
  const running = (RUNNING as readonly string[]).includes(row.status);
  const stale = running && now.getTime() - row.updatedAt.getTime() > STALE_AFTER_MS;
  const status = (stale ? "interrupted" : row.status) as EtaImportStatus;
  return {
    id: row.id,
    status,
    rows: row.rows,
    rowsDone: status === "interrupted" ? 0 : row.rowsDone,
    report: status === "finished" ? (row.report as ImportReport) : null,
  };
}
