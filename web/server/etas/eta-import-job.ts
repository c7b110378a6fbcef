import { createHash } from "node:crypto";
import type { Prisma } from "@prisma/client";
import type { AppDeps } from "../app-deps.ts";
import { AppError } from "../errors.ts";
import { importEtaCsv, type ImportReport } from "./import-eta-csv.ts";
import { etaImportView, RUNNING, STALE_AFTER_MS, type EtaImportView } from "./eta-import-view.ts";

type JobDeps = Pick<AppDeps, "db" | "queues" | "logger" | "now">;

/** Finished imports are kept this long for the admin to read their report again. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Starts an ETA import in the background and answers at once (docs/csv-files.md, Import progress).
 * The same `requestKey` with the same file is the same import (a retried or double-clicked upload
 * never applies twice); with another file it is refused. A shop runs one import at a time.
 */
export async function startEtaImport(
  deps: JobDeps,
  shopId: string,
  input: { requestKey: string; csv: string },
): Promise<{ view: EtaImportView; started: boolean }> {
  const contentHash = createHash("sha256").update(input.csv, "utf8").digest("hex");
  const now = deps.now();
  const { row, started } = await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`eta-import:${shopId}`}, 0))`;
    const same = await tx.etaImport.findUnique({
      where: { shopId_requestKey: { shopId, requestKey: input.requestKey } },
    });
    if (same) {
      if (same.contentHash !== contentHash) {
        throw new AppError("conflict", "This request key was already used for another file");
      }
      return { row: same, started: false };
    }
    const running = await tx.etaImport.findFirst({
      where: {
        shopId,
        status: { in: [...RUNNING] },
        updatedAt: { gt: new Date(now.getTime() - STALE_AFTER_MS) },
      },
      select: { id: true },
    });
    if (running) throw new AppError("conflict", "Another ETA import is running for this shop", running);
    await tx.etaImport.deleteMany({
      where: { shopId, createdAt: { lt: new Date(now.getTime() - KEEP_MS) } },
    });
    const created = await tx.etaImport.create({
      data: { shopId, requestKey: input.requestKey, contentHash, createdAt: now, updatedAt: now },
    });
    return { row: created, started: true };
  });
  // After this answer is sent: reading a large file takes the event loop for a moment.
  if (started) setImmediate(() => void runEtaImport(deps, shopId, row.id, input.csv));
  return { view: etaImportView(row, now), started };
}

/** Runs one import, recording rows read and written; never throws (a failure reads "interrupted"). */
export async function runEtaImport(deps: JobDeps, shopId: string, id: string, csv: string): Promise<void> {
  const where = { id, shopId, status: { in: [...RUNNING] } };
  const touch = (data: Prisma.EtaImportUpdateManyMutationInput) =>
    deps.db.etaImport.updateMany({ where, data: { ...data, updatedAt: deps.now() } });
  const finish = (tx: Pick<Prisma.TransactionClient, "etaImport">, report: ImportReport) =>
    tx.etaImport.updateMany({
      where,
      data: { status: "finished", rowsDone: report.updated, report, updatedAt: deps.now() },
    });
  try {
    const report = await importEtaCsv(deps, shopId, csv, deps.now(), {
      onRead: async (rows) => void (await touch({ rows })),
      onWritten: async (rows) => void (await touch({ status: "applying", rowsDone: rows })),
      // Applied rows and the report commit together: "finished" is never seen without the rows.
      beforeCommit: async (tx, report) => void (await finish(tx, report)),
    });
    // A refused file (or one with no rows) wrote nothing: its report is recorded here.
    await finish(deps.db, report);
  } catch (err) {
    deps.logger.error({ err, shopId, importId: id }, "ETA import failed");
    await touch({ status: "interrupted" }).catch((e: unknown) =>
      deps.logger.error({ err: e, shopId, importId: id }, "ETA import status not recorded"),
    );
  }
}

/** GET: the import as the admin polls it; another shop's id is not found. */
export async function readEtaImport(deps: JobDeps, shopId: string, id: string): Promise<EtaImportView> {
  const row = await deps.db.etaImport.findFirst({ where: { id, shopId } });
  if (!row) throw new AppError("not_found", "No such ETA import");
  return etaImportView(row, deps.now());
}
