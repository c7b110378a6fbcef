import { z } from "zod";
import { applyEtaChanges } from "../etas/apply-eta-changes.ts";
import { bulkEtaBodySchema, setEtaBodySchema } from "../etas/eta-input-schema.ts";
import { loadEtaView } from "../etas/load-eta-view.ts";
import { requireKnownVariants } from "../etas/require-known-variants.ts";
import { defineV1Route } from "./v1-route.ts";
import { etaViewSchema, variantIdParams } from "./v1-schemas.ts";

// The same service as the admin's ETA editor (applyEtaChanges): the metafield sync, the ETA-changed
// emails and the integration events follow exactly as they do from the admin.
export const v1EtaRoutes = [
  defineV1Route({
    method: "get",
    path: "/etas/{variantId}",
    operationId: "getVariantEta",
    summary: "A variant's ETA: the one set on it, the resolved one and what shoppers see",
    tag: "ETAs",
    params: variantIdParams,
    responses: { 200: { description: "The variant's ETA", schema: z.object({ variant: etaViewSchema }) } },
    handle: async ({ deps, shopId, params }) => ({
      status: 200,
      body: { variant: await loadEtaView(deps.db, shopId, BigInt(params.variantId), deps.now()) },
    }),
  }),
  defineV1Route({
    method: "put",
    path: "/etas/{variantId}",
    operationId: "setVariantEta",
    summary: "Sets (or clears, with null) a variant's ETA; an omitted message is kept",
    tag: "ETAs",
    params: variantIdParams,
    body: setEtaBodySchema,
    responses: {
      200: {
        description: "The variant's ETA after the change",
        schema: z.object({ variant: etaViewSchema }),
      },
    },
    handle: async ({ deps, shopId, params, body }) => {
      const variantId = BigInt(params.variantId);
      await loadEtaView(deps.db, shopId, variantId, deps.now()); // 404 before writing anything
      await applyEtaChanges(
        deps,
        shopId,
        [{ variantId, eta: body.eta, message: body.message }],
        "api",
        deps.now(),
      );
      return { status: 200, body: { variant: await loadEtaView(deps.db, shopId, variantId, deps.now()) } };
    },
  }),
  defineV1Route({
    method: "post",
    path: "/etas/bulk",
    operationId: "setEtasInBulk",
    summary: "Sets one ETA (and message) on many variants at once, all or nothing",
    tag: "ETAs",
    body: bulkEtaBodySchema,
    responses: {
      200: {
        description: "How many variants were set, and those whose resolved ETA moved",
        schema: z.object({ updated: z.int(), moved: z.array(z.string()) }),
      },
    },
    handle: async ({ deps, shopId, body }) => {
      const ids = await requireKnownVariants(deps.db, shopId, body.variantIds);
      const changes = ids.map((variantId) => ({ variantId, eta: body.eta, message: body.message }));
      const result = await applyEtaChanges(deps, shopId, changes, "api", deps.now());
      return { status: 200, body: { updated: result.updated, moved: result.moved.map(String) } };
    },
  }),
];
