import express from "express";
import type { NextFunction, Request, Response } from "express";
import type { AccessTokens } from "../auth/access-tokens.ts";
import { exchangeToken } from "../auth/exchange-token.ts";
import { SIMULATED_SHOP_HEADER } from "../constants.ts";
import type { GraphqlService } from "../graphql/create-graphql-service.ts";
import type { SimCore } from "../sim-core.ts";
import type { Simulator } from "../simulator-types.ts";
import { SimError } from "../store/sim-error.ts";
import { productImageName, PRODUCT_IMAGE_PATH } from "../images/product-image-url.ts";
import { renderProductImage } from "../images/render-product-image.ts";
import { createSimRoutes } from "./sim-routes.ts";
import { createTwilioRoutes } from "../twilio/twilio-routes.ts";

export interface HttpDeps {
  core: SimCore;
  tokens: AccessTokens;
  graphql: GraphqlService;
  sim: Simulator;
  onChange?: () => void;
  routes?: express.Router;
}

export function createHttpApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  const images = createImageCache();
  const onChange = deps.onChange;
  if (onChange) {
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== "GET" && req.method !== "HEAD") res.on("finish", onChange);
      next();
    });
  }
  if (deps.routes) app.use(deps.routes);
  const simulatedShop = (req: Request) => req.get(SIMULATED_SHOP_HEADER) ?? undefined;

  app.post(
    "/admin/oauth/access_token",
    express.json(),
    express.urlencoded({ extended: false }),
    async (req: Request, res: Response) => {
      const result = await exchangeToken(
        deps.core,
        deps.tokens,
        (req.body ?? {}) as Record<string, unknown>,
        simulatedShop(req),
      );
      res.status(result.ok ? 200 : result.status).json(result.body);
    },
  );

  app.post(
    "/admin/api/:version/graphql.json",
    express.json({ limit: "5mb" }),
    async (req: Request, res: Response) => {
      const version = String(req.params.version);
      if (!/^(\d{4}-\d{2}|unstable)$/.test(version)) {
        res.status(404).json({ errors: "Not Found" });
        return;
      }
      const result = await deps.graphql.handle({
        apiVersion: version,
        accessToken: req.get("X-Shopify-Access-Token") ?? undefined,
        simulatedShop: simulatedShop(req),
        body: req.body,
      });
      res.status(result.status).json(result.body);
    },
  );

  app.get("/bulk/:file", (req: Request, res: Response) => {
    const match = /^(\d+)\.jsonl$/.exec(String(req.params.file));
    const operation = match ? deps.core.store.bulkOperations.get(BigInt(match[1]!)) : undefined;
    if (!operation || operation.jsonl === null) {
      res.status(404).type("text/plain").send("Not Found");
      return;
    }
    res.type("application/jsonl").send(operation.jsonl);
  });

  app.get(`${PRODUCT_IMAGE_PATH}/:file`, (req: Request, res: Response) => {
    const name = productImageName(String(req.params.file));
    if (!name) {
      res.status(404).type("text/plain").send("Not Found");
      return;
    }
    res.type("image/png").set("Cache-Control", "public, max-age=86400").send(images.get(name));
  });

  app.use("/_sim", createSimRoutes(deps));
  app.use(createTwilioRoutes(deps.sim.twilio));

  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err instanceof SimError) res.status(err.status).json({ error: err.message });
    else if (err instanceof TypeError) res.status(400).json({ error: err.message });
    else if (err instanceof SyntaxError) res.status(400).json({ error: "invalid JSON body" });
    else {
      console.error("simulator error", err);
      res.status(500).json({ error: err instanceof Error ? err.message : String(err) });
    }
  });
  return app;
}

// Rendering a photo takes a few milliseconds; a storefront page and its emails ask for the same few.
function createImageCache(max = 200) {
  const cache = new Map<string, Buffer>();
  return {
    get(name: string): Buffer {
      let png = cache.get(name);
      if (!png) {
        if (cache.size >= max) cache.clear();
        png = renderProductImage(name);
        cache.set(name, png);
      }
      return png;
    },
  };
}
