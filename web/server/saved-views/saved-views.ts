import type { Prisma } from "@prisma/client";
import type { Db } from "../db/create-prisma.ts";
import { AppError } from "../errors.ts";
import {
  MAX_SAVED_VIEWS,
  VIEW_QUERY_SCHEMAS,
  viewNameKey,
  type BackorderViewQuery,
  type EtaViewQuery,
  type SavedViewList,
} from "./saved-view-query.ts";
import { limitReachedError, nameTakenError } from "./saved-view-wording.ts";

type QueryOf<L extends SavedViewList> = L extends "backorders" ? BackorderViewQuery : EtaViewQuery;

/** A saved view as the admin reads it (web/contract/api-responses.ts). */
export type SavedViewOf<L extends SavedViewList> = {
  id: string;
  list: L;
  name: string;
  query: QueryOf<L>;
  position: number;
  createdAt: string;
  updatedAt: string;
};

type Row = {
  id: string;
  name: string;
  query: Prisma.JsonValue;
  position: number;
  createdAt: Date;
  updatedAt: Date;
};
const SELECT = {
  id: true,
  name: true,
  query: true,
  position: true,
  createdAt: true,
  updatedAt: true,
} as const;

function toView<L extends SavedViewList>(list: L, row: Row): SavedViewOf<L> {
  // Stored after validation; a query written by an older version reads as the list's defaults.
  const parsed = VIEW_QUERY_SCHEMAS[list].safeParse(row.query);
  const query = parsed.success ? parsed.data : VIEW_QUERY_SCHEMAS[list].parse({});
  return {
    id: row.id,
    list,
    name: row.name,
    query: query as QueryOf<L>,
    position: row.position,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The shop's views of a list, in tab order. */
export async function listSavedViews<L extends SavedViewList>(db: Db, shopId: string, list: L) {
  const rows = await db.savedView.findMany({
    where: { shopId, list },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: SELECT,
  });
  return rows.map((row) => toView(list, row));
}

// One writer at a time per shop and list: the count and the name check hold until the write commits.
function lockList(tx: Prisma.TransactionClient, shopId: string, list: SavedViewList) {
  return tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`saved-views:${shopId}:${list}`}, 0))`;
}

async function refuseTakenName(
  tx: Prisma.TransactionClient,
  where: { shopId: string; list: SavedViewList; exceptId?: string },
  name: string,
) {
  const taken = await tx.savedView.findFirst({
    where: {
      shopId: where.shopId,
      list: where.list,
      nameKey: viewNameKey(name),
      ...(where.exceptId ? { id: { not: where.exceptId } } : {}),
    },
    select: { id: true },
  });
  if (taken) throw nameTakenError(name);
}

/** A new view, last of the list's tabs. 422 when the name is taken or the list has its 20 views. */
export async function createSavedView<L extends SavedViewList>(
  db: Db,
  shopId: string,
  list: L,
  input: { name: string; query: QueryOf<L> },
): Promise<SavedViewOf<L>> {
  return db.$transaction(async (tx) => {
    await lockList(tx, shopId, list);
    const existing = await tx.savedView.aggregate({
      where: { shopId, list },
      _count: { _all: true },
      _max: { position: true },
    });
    if (existing._count._all >= MAX_SAVED_VIEWS) throw limitReachedError(MAX_SAVED_VIEWS);
    await refuseTakenName(tx, { shopId, list }, input.name);
    const row = await tx.savedView.create({
      data: {
        shopId,
        list,
        name: input.name,
        nameKey: viewNameKey(input.name),
        query: input.query,
        position: (existing._max.position ?? -1) + 1,
      },
      select: SELECT,
    });
    return toView(list, row);
  });
}

/** Renames a view, replaces its query, or both. 404 for a view the shop does not have on this list. */
export async function updateSavedView<L extends SavedViewList>(
  db: Db,
  shopId: string,
  list: L,
  id: string,
  input: { name?: string | undefined; query?: QueryOf<L> | undefined },
): Promise<SavedViewOf<L>> {
  return db.$transaction(async (tx) => {
    await lockList(tx, shopId, list);
    const found = await tx.savedView.findFirst({ where: { id, shopId, list }, select: { id: true } });
    if (!found) throw new AppError("not_found", "Unknown saved view");
    if (input.name !== undefined) await refuseTakenName(tx, { shopId, list, exceptId: id }, input.name);
    const row = await tx.savedView.update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name, nameKey: viewNameKey(input.name) } : {}),
        ...(input.query !== undefined ? { query: input.query } : {}),
      },
      select: SELECT,
    });
    return toView(list, row);
  });
}

/** Deletes a view of the shop's list; 404 when there is none with this id. */
export async function deleteSavedView(db: Db, shopId: string, list: SavedViewList, id: string) {
  const { count } = await db.savedView.deleteMany({ where: { id, shopId, list } });
  if (count === 0) throw new AppError("not_found", "Unknown saved view");
}
