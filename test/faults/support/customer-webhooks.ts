import { webhookHeaders } from "../../helpers/sign.ts";
import { TEST_API_SECRET } from "../../helpers/start-test-app.ts";

/** A customer as Shopify's order payloads carry one. */
export type FaultCustomer = { id: string; email: string; first: string; last: string; phone: string };

/** A signed delivery as Shopify makes it; the 64-bit ids stay bare JSON numbers. */
export function deliverWebhook(
  appUrl: string,
  shopDomain: string,
  topic: string,
  body: string,
  triggeredAt = new Date(),
): Promise<Response> {
  const headers = {
    ...webhookHeaders({ topic, shop: shopDomain, body, secret: TEST_API_SECRET }),
    "X-Shopify-Triggered-At": triggeredAt.toISOString(),
  };
  return fetch(`${appUrl}/webhooks`, { method: "POST", headers, body });
}

/** orders/create for the customer, Shopify's shape: the person is in email, customer and addresses. */
export function customerOrderBody(
  shopDomain: string,
  variantId: bigint,
  c: FaultCustomer,
  orderId: bigint,
  lineId: bigint,
): string {
  const now = new Date().toISOString();
  const address = `{"first_name":"${c.first}","last_name":"${c.last}","name":"${c.first} ${c.last}","phone":"${c.phone}","address1":"1 Harbour Road","city":"Kiel","zip":"24103","country_code":"DE"}`;
  return `{"id":${orderId},"admin_graphql_api_id":"gid://shopify/Order/${orderId}","name":"#${orderId % 10000n}",
    "email":"${c.email}","contact_email":"${c.email}","phone":"${c.phone}","created_at":"${now}","updated_at":"${now}",
    "currency":"EUR","total_price":"60.00","customer_locale":"en","tags":"",
    "order_status_url":"https://${shopDomain}/1/orders/${orderId}/authenticate?key=k${orderId}",
    "customer":{"id":${c.id},"email":"${c.email}","first_name":"${c.first}","last_name":"${c.last}","phone":"${c.phone}","tags":""},
    "billing_address":${address},"shipping_address":${address},
    "line_items":[{"id":${lineId},"variant_id":${variantId},"product_id":1,"title":"Storm Shell","sku":"SHELL-1",
      "quantity":3,"fulfillable_quantity":3,"price":"20.00","variant_inventory_management":"shopify"}]}`;
}
