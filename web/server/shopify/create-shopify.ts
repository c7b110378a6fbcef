import "@shopify/shopify-api/adapters/node";
import { ApiVersion, LogSeverity, shopifyApi, type Shopify } from "@shopify/shopify-api";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { redirectAdminCallsTo } from "./redirect-admin-calls.ts";

export const API_VERSION = ApiVersion.July26;

export type ShopifyApis = {
  /** Configured with the current secret. */
  api: Shopify;
  /** One per secret (current first) for verifying session tokens during a secret rotation. */
  verifiers: Shopify[];
};

export function createShopify(config: Config, logger: Logger): ShopifyApis {
  if (config.adminOrigin) redirectAdminCallsTo(config.adminOrigin);
  const appUrl = new URL(config.appUrl);
  const make = (secret: string) =>
    shopifyApi({
      apiKey: config.apiKey,
      apiSecretKey: secret,
      scopes: [...config.scopes],
      hostName: appUrl.host,
      hostScheme: appUrl.protocol === "http:" ? "http" : "https",
      apiVersion: API_VERSION,
      isEmbeddedApp: true,
      logger: {
        level: LogSeverity.Warning,
        log: async (severity, message) => {
          if (severity <= LogSeverity.Warning) logger.warn({ component: "shopify-api" }, message);
        },
      },
    });
  const verifiers = config.apiSecrets.map(make);
  return { api: verifiers[0]!, verifiers };
}
