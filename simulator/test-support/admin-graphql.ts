import type { Simulator } from "../simulator-types.ts";

// Response shapes depend on the document; tests check them with assertions, so `any` is deliberate.
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface GraphqlResult {
  status: number;
  body: {
    data?: Record<string, any>;
    errors?: any;
    extensions?: {
      cost: {
        requestedQueryCost: number;
        actualQueryCost: number | null;
        throttleStatus: Record<string, number>;
      };
    };
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Posts an Admin GraphQL request over real HTTP, the way the app's client does. */
export async function adminGraphql(
  sim: Simulator,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  version = "2026-07",
): Promise<GraphqlResult> {
  const res = await fetch(`${sim.origin}/admin/api/${version}/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphqlResult["body"] };
}
