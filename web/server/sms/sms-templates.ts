import { Liquid } from "liquidjs";
import { z } from "zod";
import type { Db } from "../db/create-prisma.ts";
import { DEFAULT_SMS_TEMPLATES } from "./default-sms-templates.ts";
import { countSmsSegments, smsPreviewText } from "../../contract/sms-segments.ts";

export const SMS_KINDS = Object.keys(DEFAULT_SMS_TEMPLATES);
export const SMS_MAX_LENGTH = 1_000;

// No file system, no includes; bounded work per render.
const engine = new Liquid({
  strictFilters: true,
  ownPropertyOnly: true,
  renderLimit: 200,
  parseLimit: 10_000,
});

export const smsTemplateSchema = z
  .object({
    kind: z.enum(SMS_KINDS as [string, ...string[]]),
    locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
    body: z
      .string()
      .trim()
      .min(1)
      .max(SMS_MAX_LENGTH)
      .refine((body) => parses(body), "must be valid Liquid"),
  })
  .strict();

function parses(body: string): boolean {
  try {
    engine.parse(body);
    return true;
  } catch {
    return false;
  }
}

/** The merchant's text for (kind, locale), else the default in that language, else English. */
export async function loadSmsTemplate(db: Db, shopId: string, kind: string, locale: string): Promise<string> {
  const language = locale.slice(0, 2);
  const rows = await db.smsTemplate.findMany({
    where: { shopId, kind, locale: { in: [locale, language] } },
    select: { locale: true, body: true },
  });
  const own = rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === language);
  const defaults = DEFAULT_SMS_TEMPLATES[kind] ?? {};
  return own?.body ?? defaults[locale] ?? defaults[language] ?? defaults.en ?? "";
}

export async function renderSms(body: string, variables: Record<string, unknown>): Promise<string> {
  const text = (await engine.parseAndRender(body, variables)) as string;
  return text.replace(/\s+/g, " ").trim();
}

/** Every kind and locale with a default or a merchant text, with its segment count. */
export async function listSmsTemplates(db: Db, shopId: string) {
  const own = await db.smsTemplate.findMany({
    where: { shopId },
    orderBy: [{ kind: "asc" }, { locale: "asc" }],
  });
  const out: {
    kind: string;
    locale: string;
    body: string;
    custom: boolean;
    segments: ReturnType<typeof countSmsSegments>;
  }[] = [];
  for (const kind of SMS_KINDS) {
    const locales = new Set([
      ...Object.keys(DEFAULT_SMS_TEMPLATES[kind]!),
      ...own.filter((t) => t.kind === kind).map((t) => t.locale),
    ]);
    for (const locale of [...locales].sort()) {
      const mine = own.find((t) => t.kind === kind && t.locale === locale);
      const body = mine?.body ?? DEFAULT_SMS_TEMPLATES[kind]![locale]!;
      out.push({
        kind,
        locale,
        body,
        custom: mine !== undefined,
        segments: countSmsSegments(smsPreviewText(body)),
      });
    }
  }
  return out;
}

export async function saveSmsTemplate(db: Db, shopId: string, input: z.infer<typeof smsTemplateSchema>) {
  const row = await db.smsTemplate.upsert({
    where: { shopId_kind_locale: { shopId, kind: input.kind, locale: input.locale } },
    create: { shopId, ...input },
    update: { body: input.body },
  });
  return {
    kind: row.kind,
    locale: row.locale,
    body: row.body,
    custom: true,
    segments: countSmsSegments(smsPreviewText(row.body)),
  };
}
