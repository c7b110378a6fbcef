import type { ApiKeyCreatedResponse } from "../../web/contract/api-responses.ts";
import type { EtaTestShop } from "../etas/eta-test-shop.ts";

/** Creates a key through the admin's own route (session token), as a merchant would. */
export async function createKeyInAdmin(
  t: EtaTestShop,
  scope: "read" | "read_write",
  name = `${scope} key`,
): Promise<ApiKeyCreatedResponse> {
  const res = await t.api("/integrations/api-keys", { method: "POST", json: { name, scope } });
  if (res.status !== 201) throw new Error(`key not created: ${res.status} ${await res.text()}`);
  return (await res.json()) as ApiKeyCreatedResponse;
}

/** A /api/v1 call with a bearer key; `json` is sent as the body. */
export function callV1(
  t: EtaTestShop,
  secret: string | null,
  path: string,
  init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (secret !== null) headers.set("Authorization", `Bearer ${secret}`);
  if (init.json !== undefined) headers.set("Content-Type", "application/json");
  return fetch(`${t.app.url}/api/v1${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}
