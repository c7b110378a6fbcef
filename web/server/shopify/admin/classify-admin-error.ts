import { GraphqlQueryError, HttpResponseError, HttpThrottlingError } from "@shopify/shopify-api";
import type { QueryCost } from "./compute-throttle-wait.ts";

/**
 * What a failed Admin API call means for the job that made it:
 * - throttled: wait for the bucket to refill and try again (never a job failure);
 * - permanent: the shop cannot be called (uninstalled, token revoked, shop gone) or the request is
 *   wrong; retrying cannot help;
 * - transient: network or 5xx; let the job retry with backoff.
 */
export type AdminErrorKind =
  | { kind: "throttled"; cost: QueryCost | null; retryAfterSeconds: number | null }
  | { kind: "permanent"; status: number | null }
  | { kind: "transient" };

const PERMANENT_STATUSES = new Set([400, 401, 402, 403, 404, 422, 423]);

export function classifyAdminError(error: unknown): AdminErrorKind {
  if (error instanceof GraphqlQueryError) {
    const body = error.body as
      { errors?: { graphQLErrors?: unknown[] }; extensions?: { cost?: QueryCost } } | undefined;
    const graphQLErrors = (body?.errors?.graphQLErrors ?? []) as { extensions?: { code?: string } }[];
    if (graphQLErrors.some((e) => e.extensions?.code === "THROTTLED")) {
      return { kind: "throttled", cost: body?.extensions?.cost ?? null, retryAfterSeconds: null };
    }
    // Any other GraphQL error on a 200 is a bad document or argument: a bug, not a blip.
    return { kind: "permanent", status: 200 };
  }
  if (error instanceof HttpThrottlingError) {
    return { kind: "throttled", cost: null, retryAfterSeconds: error.response.retryAfter ?? null };
  }
  if (error instanceof HttpResponseError) {
    if (error.response.code === 429) return { kind: "throttled", cost: null, retryAfterSeconds: null };
    if (PERMANENT_STATUSES.has(error.response.code))
      return { kind: "permanent", status: error.response.code };
  }
  return { kind: "transient" };
}
