import { z } from "zod";
import { BACKORDER_STATUSES, backorderFiltersSchema } from "../backorders/list-backorders.ts";
import { ETA_LIST_FILTERS } from "../etas/eta-list-filters.ts";
import { listEtasQuerySchema } from "../etas/list-etas.ts";
import { shopifyIdSchema } from "../shopify-id.ts";

/** The admin lists a merchant can save views of. */
export const SAVED_VIEW_LISTS = ["backorders", "etas"] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];

/** At most this many saved views per shop and list. */
export const MAX_SAVED_VIEWS = 20;
/** Polaris' view name field stops at 40 characters; the server keeps the same limit. */
export const MAX_VIEW_NAME_LENGTH = 40;

// Each field is the list's own query parameter (GET /api/backorders, GET /api/etas), reused: the
// same choices and limits, held as the admin's list state (backorders-contract.ts, etas-contract.ts).
const search = (query: typeof backorderFiltersSchema.shape.query) => query.unwrap().default("");

/** A saved Backorders view: a status ("" for every status), overdue only, the search, one product. */
export const backorderViewQuerySchema = z.strictObject({
  status: z.enum(["", ...BACKORDER_STATUSES]).default("OPEN"),
  overdue: z.boolean().default(false),
  search: search(backorderFiltersSchema.shape.query),
  product: z.union([z.literal(""), shopifyIdSchema]).default(""),
});

/** A saved ETAs view: one of the list's views, and the search. */
export const etaViewQuerySchema = z.strictObject({
  filter: z.enum(ETA_LIST_FILTERS).default("all"),
  search: search(listEtasQuerySchema.shape.query),
});

export type BackorderViewQuery = z.output<typeof backorderViewQuerySchema>;
export type EtaViewQuery = z.output<typeof etaViewQuerySchema>;

export const VIEW_QUERY_SCHEMAS = {
  backorders: backorderViewQuerySchema,
  etas: etaViewQuerySchema,
} as const;

/** The name as the merchant typed it, on one line; case and spacing do not make another name. */
export const viewNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_VIEW_NAME_LENGTH)
  .refine((name) => !/[\r\n]/.test(name), "must be a single line");

/** Pure: what makes two names the same view name ("Late", " late "). */
export const viewNameKey = (name: string) => name.normalize("NFC").trim().toLowerCase();

/** The body of POST /api/saved-views/:list. */
export const createViewBodySchema = <L extends SavedViewList>(list: L) =>
  z.strictObject({ name: viewNameSchema, query: VIEW_QUERY_SCHEMAS[list] });

/** The body of PATCH /api/saved-views/:list/:viewId: a new name, a new query, or both. */
export const updateViewBodySchema = <L extends SavedViewList>(list: L) =>
  z
    .strictObject({ name: viewNameSchema.optional(), query: VIEW_QUERY_SCHEMAS[list].optional() })
    .refine((b) => b.name !== undefined || b.query !== undefined, {
      message: "Send a name or a query",
    });
