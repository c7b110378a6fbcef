import express, { type Request, type Response, type Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../app-deps.ts";
import { AppError } from "../errors.ts";
import { parseBody, parseUrl } from "../parse-input.ts";
import { refuseNulBody } from "../reject-nul-bytes.ts";
import { idempotent } from "./idempotency.ts";
import { buildOpenApiDocument } from "./openapi-document.ts";
import { apiKeyOf, requireApiKey, requireWriteScope } from "./require-api-key.ts";
import { expressPath, isWrite, type V1Route } from "./v1-route.ts";
import { V1_ROUTES } from "./v1-routes-list.ts";

const noQuery = z.strictObject({});

/** /api/v1: the merchant API (docs/integrations.md, Merchant API), authenticated by API keys. */
export function v1Routes(deps: AppDeps): Router {
  const router = express.Router();
  const document = buildOpenApiDocument(V1_ROUTES);
  router.get("/openapi.json", (_req, res) => {
    res.json(document);
  });
  router.use(requireApiKey(deps));
  router.use(express.json({ limit: "1mb", verify: refuseNulBody("json") }));
  const writeScope: express.RequestHandler = (_req, res, next) => {
    requireWriteScope(res);
    next();
  };
  for (const route of V1_ROUTES) {
    const handlers = isWrite(route) ? [writeScope, idempotent(deps)] : [];
    router[route.method](expressPath(route.path), ...handlers, (req, res) => run(deps, route, req, res));
  }
  router.use(() => {
    throw new AppError("not_found", "No such API route");
  });
  return router;
}

async function run(deps: AppDeps, route: V1Route, req: Request, res: Response): Promise<void> {
  const result = await route.handle({
    deps,
    shopId: apiKeyOf(res).shopId,
    params: route.params ? parseUrl(route.params, req.params) : {},
    query: parseUrl(route.query ?? noQuery, req.query),
    body: route.body ? parseBody(route.body, req.body) : undefined,
  });
  if ("csv" in result) {
    res.status(result.status);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="${result.filename}"`);
    if (typeof result.csv === "string") {
      res.send(result.csv);
      return;
    }
    for await (const chunk of result.csv) res.write(chunk);
    res.end();
    return;
  }
  res.status(result.status).json(result.body);
}
