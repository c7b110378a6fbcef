import { signWebhook } from "../sign-webhook.ts";

/** POSTs a JSON body to the app as Shopify Flow does: signed with the app's secret. */
export async function postSignedToApp(url: string, body: unknown, secret: string): Promise<Response> {
  const raw = JSON.stringify(body);
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-shopify-hmac-sha256": signWebhook(raw, secret) },
    body: raw,
  });
}
