import { LiquidError } from "liquidjs";
import type { Logger } from "pino";
import type { EmailContext } from "../templates/variables.ts";
import { createLiquidEngines } from "./create-liquid-engines.ts";
import { loadDefaultTemplate, loadLayout } from "./load-default-template.ts";
import { parseLayout, prepareTemplate } from "./prepare-template.ts";
import type { ParsedLayout, PreparedTemplate } from "./prepare-template.ts";
import { resolveLocale } from "./resolve-locale.ts";
import type { SupportedLocale } from "./resolve-locale.ts";
import type { RenderedEmail, TemplateKind, TemplateSource } from "./template-kinds.ts";

export interface EmailRendererOptions {
  /** The shop's edited template for a kind and resolved locale, or null to use the default. */
  loadOverride?: (kind: TemplateKind, locale: SupportedLocale) => Promise<TemplateSource | null>;
  logger?: Pick<Logger, "warn">;
}

export interface EmailRenderer {
  render<K extends TemplateKind>(
    kind: K,
    locale: string | null | undefined,
    context: EmailContext<K>,
  ): Promise<RenderedEmail>;
  prepare<K extends TemplateKind>(kind: K, locale: string | null | undefined): Promise<PreparedTemplate<K>>;
}

export function createEmailRenderer(options: EmailRendererOptions = {}): EmailRenderer {
  const engines = createLiquidEngines();
  let layout: Promise<ParsedLayout> | undefined;
  // Defaults never change at runtime, so each is read and parsed once per renderer.
  // Overrides are not cached: a merchant's edit must show up in the next email.
  const defaults = new Map<string, Promise<PreparedTemplate>>();

  function parsedLayout(): Promise<ParsedLayout> {
    if (!layout) {
      layout = loadLayout().then((source) => parseLayout(engines, source));
      layout.catch(() => {
        layout = undefined;
      });
    }
    return layout;
  }

  function preparedDefault<K extends TemplateKind>(
    kind: K,
    locale: SupportedLocale,
  ): Promise<PreparedTemplate<K>> {
    const key = `${kind}:${locale}`;
    let cached = defaults.get(key);
    if (!cached) {
      cached = Promise.all([parsedLayout(), loadDefaultTemplate(kind, locale)]).then(([parsed, source]) =>
        prepareTemplate(engines, parsed, kind, locale, source, "default"),
      );
      defaults.set(key, cached);
      cached.catch(() => defaults.delete(key));
    }
    return cached as Promise<PreparedTemplate<K>>;
  }

  async function prepare<K extends TemplateKind>(
    kind: K,
    requestedLocale: string | null | undefined,
  ): Promise<PreparedTemplate<K>> {
    const locale = resolveLocale(requestedLocale);
    const override = options.loadOverride ? await options.loadOverride(kind, locale) : null;
    if (!override) return preparedDefault(kind, locale);
    try {
      const custom = prepareTemplate(engines, await parsedLayout(), kind, locale, override, "override");
      return withDefaultFallback(custom, () => preparedDefault(kind, locale));
    } catch (error) {
      // Overrides are validated when saved; one that no longer parses (e.g. after a
      // liquidjs upgrade) must not stop the customer's email, so the default goes out.
      options.logger?.warn(
        { kind, locale, err: error },
        "email template override does not parse; using default",
      );
      return preparedDefault(kind, locale);
    }
  }

  /**
   * An override that fails on a real context (a render or memory limit, a filter given data it
   * cannot take) would fail the same way on every retry: the built-in template of that locale goes
   * out instead, once, and the log says why.
   */
  function withDefaultFallback<K extends TemplateKind>(
    custom: PreparedTemplate<K>,
    fallback: () => Promise<PreparedTemplate<K>>,
  ): PreparedTemplate<K> {
    return {
      ...custom,
      async render(context) {
        try {
          return await custom.render(context);
        } catch (error) {
          if (!(error instanceof LiquidError)) throw error;
          options.logger?.warn(
            { kind: custom.kind, locale: custom.locale, err: error },
            "email template override failed to render; sending the built-in template",
          );
          return (await fallback()).render(context);
        }
      },
    };
  }

  return {
    prepare,
    async render(kind, locale, context) {
      const prepared = await prepare(kind, locale);
      return prepared.render(context);
    },
  };
}
