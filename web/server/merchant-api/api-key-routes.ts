import express, { type Router } from "express";
import { z } from "zod";
import type { ApiKeyCreatedResponse, ApiKeyResponse, ApiKeysResponse } from "../../contract/api-responses.ts";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { parseBody, parseUrl } from "../parse-input.ts";
import { createApiKey, createApiKeySchema, listApiKeys, revokeApiKey } from "./api-keys.ts";

/** /api/integrations/api-keys*: the admin creates (secret answered once), lists and revokes merchant API keys. */
export function apiKeyRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const shopId = (locals: unknown) => (locals as ShopLocals).shop.id;
  const base = "/integrations/api-keys";

  router.get(base, async (_req, res) => {
    res.json({ apiKeys: await listApiKeys(deps.db, shopId(res.locals)) } satisfies ApiKeysResponse);
  });
  router.post(base, async (req, res) => {
    const body = parseBody(createApiKeySchema, req.body);
    const created = await createApiKey(deps.db, shopId(res.locals), body, deps.now());
    res.status(201).json(created satisfies ApiKeyCreatedResponse);
  });
  router.post(`${base}/:id/revoke`, async (req, res) => {
    const id = parseUrl(z.uuid(), req.params.id);
    const apiKey = await revokeApiKey(deps.db, shopId(res.locals), id, deps.now());
    res.json({ apiKey } satisfies ApiKeyResponse);
  });
  return router;
}
