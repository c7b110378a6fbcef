import type { Db } from "../db/create-prisma.ts";
import { loadDefaultTemplate } from "./render/load-default-template.ts";
import type { SupportedLocale } from "./render/resolve-locale.ts";
import type { TemplateKind } from "./render/template-kinds.ts";
import type { AdminLanguage } from "../admin-language.ts";
import { templateVariables } from "./templates/template-variable-docs.ts";
import { describeVariables } from "./templates/variable-descriptions.ts";

/** GET/PUT/DELETE /api/emails/templates/:kind/:locale */
export type TemplateDetailView = Awaited<ReturnType<typeof templateView>>;

/**
 * A template as the editor shows it: the shop's own or the built-in one, the defaults, the variables
 * (described in the admin's `language`).
 */
export async function templateView(
  db: Db,
  shopId: string,
  { kind, locale }: { kind: TemplateKind; locale: SupportedLocale },
  language: AdminLanguage = "en",
) {
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
    variables: describeVariables(templateVariables[kind], language),
  };
}
