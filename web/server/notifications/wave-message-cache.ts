import { emailSendCaches, loadEmailVariant, type EmailShop, type EmailVariant } from "./email-send-caches.ts";
import { prepareRestockWaveMessage, type RestockWaveMessage } from "./restock-wave-message.ts";
import { formatFrom } from "./sender-address.ts";
import type { AppDeps } from "../app-deps.ts";
import { WAVE_MESSAGE_KEYS_SQL } from "./batch-lookup-sql.ts";

/** A batch's restock messages, one per (variant, locale): rendered on first use, then only filled. */
export type WaveMessageCache = {
  get(variant: EmailVariant, locale: string): Promise<RestockWaveMessage | null>;
};

type Deps = Pick<AppDeps, "db" | "sql" | "logger" | "config" | "renderPool">;

/**
 * One per batch of rows, so a template edit or a new Date header is at most one batch away; a
 * 100-row batch of one restock renders its template twice (the check) instead of 100 times.
 */
export function createWaveMessageCache(deps: Deps, shop: EmailShop): WaveMessageCache {
  const messages = new Map<string, Promise<RestockWaveMessage | null>>();
  return {
    get(variant, locale) {
      const key = `${variant.variantId}|${locale}`;
      let message = messages.get(key);
      if (!message) {
        message = emailSendCaches(deps)
          .template(shop.id, "restock", locale)
          .then((template) =>
            prepareRestockWaveMessage({
              template,
              shop,
              variant,
              locale,
              headers: {
                from: formatFrom(deps.config.mailFrom, shop, shop.variables.name),
                replyTo: shop.replyTo,
              },
            }),
          );
        // A failed render is not remembered: the row's own render reports it (and the next row retries).
        message.catch(() => messages.delete(key));
        messages.set(key, message);
      }
      return message;
    },
  };
}

/**
 * Renders the messages the restock rows among `ids` will need (their variants and locales), so a
 * batch has them before it claims its rows. A failure is left for the rows' own render to report.
 */
export async function warmWaveMessages(
  deps: Deps,
  wave: WaveMessageCache,
  shopId: string,
  ids: string[],
): Promise<void> {
  const { rows } = await deps.sql.query<{ variantId: string; locale: string }>(WAVE_MESSAGE_KEYS_SQL, [
    ids,
    shopId,
  ]);
  await Promise.all(
    rows.map(async (row) => {
      const variant = await loadEmailVariant(deps, shopId, BigInt(row.variantId));
      if (variant) await wave.get(variant, row.locale).catch(() => null);
    }),
  );
}
