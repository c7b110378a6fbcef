import { exportCustomerData } from "../../web/server/compliance/export-customer-data.ts";
import { redactCustomer } from "../../web/server/compliance/redact-customer.ts";
import { redactShop } from "../../web/server/compliance/redact-shop.ts";
import type { TopicHandler } from "../../web/server/webhooks/topic-handler-type.ts";

/** Shopify's mandatory privacy topics (docs/privacy.md): a customer's data export, its redaction, the shop's. */
export const COMPLIANCE_TOPIC_HANDLERS: Record<string, TopicHandler> = {
  "customers/data_request": exportCustomerData,
  "customers/redact": redactCustomer,
  "shop/redact": (ctx) => redactShop(ctx),
};
