import crypto from "node:crypto";
import express, { type Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import type { Db } from "../db/create-prisma.ts";
import { AppError } from "../errors.ts";
import { enqueueNotifications } from "../notifications/enqueue-notification.ts";
import { createEmailRenderer } from "./render/create-email-renderer.ts";
import { loadDefaultTemplate } from "./render/load-default-template.ts";
import { supportedLocales } from "./render/resolve-locale.ts";
import { templateKinds, type TemplateSource } from "./render/template-kinds.ts";
import { validateTemplate, type TemplateValidationWarning } from "./render/validate-template.ts";
import { getSampleContext, templateVariables } from "./templates/variables.ts";

const target = z.object({ kind: z.enum(templateKinds), locale: z.enum(supportedLocales) });
const source = z.object({ subject: z.string(), html: z.string(), text: z.string() });
const previewBody = target.extend(source.shape);
const testSendBody = target.extend({ to: z.email().max(254) });

/** Test sends are real emails: a cap keeps the admin from being used to spam an address. */
const TEST_SENDS_PER_HOUR = 20;

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError("bad_request", "Invalid request", {
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
    });
  }
  return parsed.data;
}

/**
 * Invalid Liquid answers 422 with each part's line, column and message, so the editor can point at
 * it; variables this kind of email does not have come back as warnings either way.
 */
function assertValidLiquid(kind: Target["kind"], template: TemplateSource): TemplateValidationWarning[] {
  const result = validateTemplate(template, kind);
  if (!result.ok)
    throw new AppError("unprocessable", "The template has Liquid errors", {
      errors: result.errors,
      warnings: result.warnings,
    });
  return result.warnings;
}

type Target = z.infer<typeof target>;

async function templateView(db: Db, shopId: string, { kind, locale }: Target) {
  const [override, defaults] = await Promise.all([
    db.emailTemplate.findUnique({ where: { shopId_kind_locale: { shopId, kind, locale } } }),
    loadDefaultTemplate(kind, locale),
  ]);
  const current = override ?? defaults;
  return {
    template: {
      kind,
      locale,
      customized: Boolean(override),
      updatedAt: override?.updatedAt.toISOString() ?? null,
      subject: current.subject,
      html: current.html,
      text: current.text,
    },
    defaults,
    variables: templateVariables[kind],
  };
}

/** /api/emails*: templates per kind and locale, server-rendered preview, test send. */
export function emailApiRoutes(deps: AppDeps): Router {
  const router = express.Router();

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
    res.json({ kinds: templateKinds, locales: supportedLocales, templates });
  });

  router.get("/emails/templates/:kind/:locale", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const { kind, locale } = parseTarget(req.params);
    res.json(await templateView(deps.db, shop.id, { kind, locale }));
  });

  router.put("/emails/templates/:kind/:locale", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const { kind, locale } = parseTarget(req.params);
    const template = parse(source, req.body);
    const warnings = assertValidLiquid(kind, template);
    await deps.db.emailTemplate.upsert({
      where: { shopId_kind_locale: { shopId: shop.id, kind, locale } },
      create: { shopId: shop.id, kind, locale, ...template },
      update: template,
    });
    res.json({ ...(await templateView(deps.db, shop.id, { kind, locale })), warnings });
  });

  router.delete("/emails/templates/:kind/:locale", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const { kind, locale } = parseTarget(req.params);
    await deps.db.emailTemplate.deleteMany({ where: { shopId: shop.id, kind, locale } });
    res.json(await templateView(deps.db, shop.id, { kind, locale }));
  });

  router.post("/emails/preview", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const { kind, locale, ...template } = parse(previewBody, req.body);
    const warnings = assertValidLiquid(kind, template);
    const row = await deps.db.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { name: true } });
    const sample = getSampleContext(kind, locale);
    const context = {
      ...sample,
      shop: { ...sample.shop, name: row.name ?? shop.domain, domain: shop.domain },
    };
    // The given source stands in for the saved one, so the preview shows exactly what is being edited.
    const renderer = createEmailRenderer({ loadOverride: async () => template, logger: deps.logger });
    res.json({ preview: await renderer.render(kind, locale, context), warnings });
  });

  router.post("/emails/test-send", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const { kind, locale, to } = parse(testSendBody, req.body);
    const keyPrefix = `test:${shop.id}:`;
    const recent = await deps.db.notification.count({
      where: {
        shopId: shop.id,
        idempotencyKey: { startsWith: keyPrefix },
        createdAt: { gt: new Date(Date.now() - 3_600_000) },
      },
    });
    if (recent >= TEST_SENDS_PER_HOUR)
      throw new AppError("rate_limited", "Too many test emails; try again later");
    const [notificationId] = await enqueueNotifications(deps, [
      {
        shopId: shop.id,
        kind,
        locale,
        recipient: to.trim().toLowerCase(),
        idempotencyKey: `${keyPrefix}${kind}:${locale}:${crypto.randomUUID()}`,
        // A test send has no subscription or order behind it: the sender renders this sample data.
        context: { test: true, sample: JSON.parse(JSON.stringify(getSampleContext(kind, locale))) },
      },
    ]);
    res.status(202).json({ notificationId });
  });

  return router;
}

function parseTarget(params: unknown) {
  const parsed = target.safeParse(params);
  if (!parsed.success) throw new AppError("not_found", "No such email template");
  return parsed.data;
}
