import express, { type Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../../app-deps.ts";
import type { ShopLocals } from "../../auth/require-session.ts";
import { parseBody, parseUrl } from "../../parse-input.ts";
import { listDeliveries, redeliver } from "./webhook-deliveries.ts";
import {
  createEndpointSchema,
  deliveryListQuerySchema,
  updateEndpointSchema,
} from "./webhook-endpoint-schema.ts";
import {
  createEndpoint,
  deleteEndpoint,
  listEndpoints,
  rotateSecret,
  updateEndpoint,
} from "./webhook-endpoints.ts";

/** /api/integrations/webhooks/*: the admin's outgoing webhook endpoints and their deliveries. */
export function webhookEndpointRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const shopId = (locals: unknown) => (locals as ShopLocals).shop.id;
  const id = (value: unknown) => parseUrl(z.uuid(), value);
  const base = "/integrations/webhooks";

  router.get(base, async (_req, res) => {
    res.json({ endpoints: await listEndpoints(deps.db, shopId(res.locals)) });
  });
  router.post(base, async (req, res) => {
    res
      .status(201)
      .json(await createEndpoint(deps, shopId(res.locals), parseBody(createEndpointSchema, req.body)));
  });
  router.patch(`${base}/:id`, async (req, res) => {
    const body = parseBody(updateEndpointSchema, req.body);
    res.json({ endpoint: await updateEndpoint(deps, shopId(res.locals), id(req.params.id), body) });
  });
  router.delete(`${base}/:id`, async (req, res) => {
    await deleteEndpoint(deps.db, shopId(res.locals), id(req.params.id));
    res.status(204).end();
  });
  router.post(`${base}/:id/rotate-secret`, async (req, res) => {
    res.json(await rotateSecret(deps, shopId(res.locals), id(req.params.id), deps.now()));
  });
  router.get(`${base}/:id/deliveries`, async (req, res) => {
    const query = parseUrl(deliveryListQuerySchema, req.query);
    res.json(await listDeliveries(deps.db, shopId(res.locals), id(req.params.id), query));
  });
  router.post(`${base}/:id/deliveries/:deliveryId/redeliver`, async (req, res) => {
    res.json(await redeliver(deps, shopId(res.locals), id(req.params.id), id(req.params.deliveryId)));
  });
  return router;
}
