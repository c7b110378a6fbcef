import express, { type Response, type Router } from "express";
import type { PreviewResponse, TemplateListResponse } from "../../contract/api-responses.ts";
import { z } from "zod";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { AppError } from "../errors.ts";
import { parseBody } from "../parse-input.ts";
import { RenderPoolBusyError, TemplateRenderError } from "./render/render-failure.ts";
import { overrideRef, type RenderPool } from "./render/render-pool.ts";
import { supportedLocales } from "./render/resolve-locale.ts";
import { templateKinds, type TemplateSource } from "./render/template-kinds.ts";
import { toValidationError, type TemplateValidationWarning } from "./render/validate-template.ts";
import {
  checkTemplateRenderLimit,
  createShopRenderSlots,
  type ShopRenderSlots,
} from "./template-render-limit.ts";
import { getSampleContext } from "./templates/sample-contexts.ts";
import { templateView } from "./template-view.ts";
import { requestLanguage } from "../admin-language.ts";

const target = z.object({ kind: z.enum(templateKinds), locale: z.enum(supportedLocales) });
const source = z.object({ subject: z.string(), html: z.string(), text: z.string() });
const previewBody = target.extend(source.shape);

/**
 * Invalid Liquid, or Liquid over the render budget ("too slow", "too large"), answers 422 with each
 * part's line, column and message, so the editor can point at it; variables this kind of email
 * does not have come back as warnings either way. Rendering runs in the render threads, never on
 * this event loop, and each shop has a rate of previews and saves.
 */
async function assertValidLiquid(
  deps: AppDeps,
  res: Response,
  shopId: string,
  kind: Target["kind"],
  template: TemplateSource,
): Promise<TemplateValidationWarning[]> {
  const limit = await checkTemplateRenderLimit(deps.db, shopId);
  if (!limit.ok) {
    res.set("Retry-After", String(limit.retryAfterSeconds));
    throw new AppError("rate_limited", "Too many previews and saves; try again shortly");
  }
  const result = await busyAsUnavailable(res, deps.renderPool.validate(template, kind));
  if (!result.ok)
    throw new AppError("unprocessable", "The template has Liquid errors", {
      errors: result.errors,
      warnings: result.warnings,
    });
  return result.warnings;
}

/** Renders of the merchant's Liquid: one at a time per shop, else 429 with Retry-After. */
async function oneRenderAtATime<T>(
  slots: ShopRenderSlots,
  res: Response,
  shopId: string,
  work: () => Promise<T>,
): Promise<T> {
  const outcome = await slots.run(shopId, work);
  if (outcome.ran) return outcome.value;
  res.set("Retry-After", "1");
  throw new AppError("rate_limited", "A preview of this shop is still rendering; try again shortly");
}

/** The preview itself, inside the layout; a render over budget is the merchant's 422 too. */
async function renderPreview(
  pool: RenderPool,
  res: Response,
  target: Target,
  template: TemplateSource,
  context: object,
) {
  try {
    return await busyAsUnavailable(
      res,
      pool.render(overrideRef(target.kind, target.locale, template), context),
    );
  } catch (error) {
    if (!(error instanceof TemplateRenderError)) throw error;
    const part = error.failure.part === "layout" ? "html" : error.failure.part;
    throw new AppError("unprocessable", "The template has Liquid errors", {
      errors: [toValidationError(part, error.failure)],
    });
  }
}

/** Every render thread busy for long: 503 with Retry-After, not a 500. */
async function busyAsUnavailable<T>(res: Response, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof RenderPoolBusyError)) throw error;
    res.set("Retry-After", "1");
    throw new AppError("unavailable", error.message);
  }
}

type Target = z.infer<typeof target>;

/** /api/emails*: templates per kind and locale, server-rendered preview (test sends: test-send-routes.ts). */
export function emailApiRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const renderSlots = createShopRenderSlots();

  router.get("/emails/templates", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    const overrides = await deps.db.emailTemplate.findMany({
      where: { shopId: shop.id },
      select: { kind: true, locale: true, updatedAt: true },
    });
    const byKey = new Map(overrides.map((o) => [`${o.kind}:${o.locale}`, o.updatedAt]));
    const templates = templateKinds.flatMap((kind) =>
      supportedLocales.map((locale) => {
        const updatedAt = byKey.get(`${kind}:${locale}`);
        return { kind, locale, customized: Boolean(updatedAt), updatedAt: updatedAt?.toISOString() ?? null };
      }),
    );
    res.json({
      kinds: [...templateKinds],
      locales: [...supportedLocales],
      templates,
    } satisfies TemplateListResponse);
  });

  router.get("/emails/templates/:kind/:locale", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const { kind, locale } = parseTarget(req.params);
    res.json(await templateView(deps.db, shop.id, { kind, locale }, requestLanguage(req)));
  });

  router.put("/emails/templates/:kind/:locale", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const { kind, locale } = parseTarget(req.params);
    const template = parseBody(source, req.body);
    const warnings = await oneRenderAtATime(renderSlots, res, shop.id, () =>
      assertValidLiquid(deps, res, shop.id, kind, template),
    );
    await deps.db.emailTemplate.upsert({
      where: { shopId_kind_locale: { shopId: shop.id, kind, locale } },
      create: { shopId: shop.id, kind, locale, ...template },
      update: template,
    });
    res.json({ ...(await templateView(deps.db, shop.id, { kind, locale }, requestLanguage(req))), warnings });
  });

  router.delete("/emails/templates/:kind/:locale", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const { kind, locale } = parseTarget(req.params);
    await deps.db.emailTemplate.deleteMany({ where: { shopId: shop.id, kind, locale } });
    res.json(await templateView(deps.db, shop.id, { kind, locale }, requestLanguage(req)));
  });

  router.post("/emails/preview", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const { kind, locale, ...template } = parseBody(previewBody, req.body);
    const { preview, warnings } = await oneRenderAtATime(renderSlots, res, shop.id, async () => {
      const warnings = await assertValidLiquid(deps, res, shop.id, kind, template);
      const row = await deps.db.shop.findUniqueOrThrow({
        where: { id: shop.id },
        select: { name: true, currency: true },
      });
      const sample = getSampleContext(kind, locale, row.currency);
      const context = {
        ...sample,
        shop: { ...sample.shop, name: row.name ?? shop.domain, domain: shop.domain },
      };
      // The given source stands in for the saved one, so the preview shows exactly what is being edited.
      return {
        preview: await renderPreview(deps.renderPool, res, { kind, locale }, template, context),
        warnings,
      };
    });
    res.json({ preview, warnings } satisfies PreviewResponse);
  });

  return router;
}

function parseTarget(params: unknown) {
  const parsed = target.safeParse(params);
  if (!parsed.success) throw new AppError("not_found", "No such email template");
  return parsed.data;
}
