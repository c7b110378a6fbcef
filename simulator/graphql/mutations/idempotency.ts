import type { GraphQLResolveInfo } from "graphql";
import { getDirectiveValues, GraphQLError } from "graphql";
import type { GqlContext } from "../gql-context.ts";

/**
 * Runs an idempotent mutation (docs/shopify-platform.md, "Idempotent mutations"): from 2026-04 the `@idempotent(key:)` directive
 * is required; a replay with the same key and arguments returns the first result without
 * applying it twice; the same key with other arguments is a user error.
 */
export function withIdempotency<T>(
  ctx: GqlContext,
  info: GraphQLResolveInfo,
  args: unknown,
  mismatch: () => T,
  run: () => T,
): T {
  const directive = info.schema.getDirective("idempotent");
  const values = directive
    ? getDirectiveValues(directive, info.fieldNodes[0]!, info.variableValues)
    : undefined;
  const key = typeof values?.key === "string" ? values.key.trim() : "";
  if (!key) {
    if (ctx.apiVersion >= "2026-04" && ctx.apiVersion !== "unstable") {
      throw new GraphQLError(
        `The @idempotent directive with a non-blank key is required for ${info.fieldName} from API version 2026-04.`,
        { nodes: info.fieldNodes, extensions: { code: "BAD_REQUEST" } },
      );
    }
    return run();
  }
  const scoped = `${ctx.shop.domain}:${info.fieldName}:${key}`;
  const fingerprint = JSON.stringify(args);
  const previous = ctx.idempotency.get(scoped);
  if (previous) return previous.fingerprint === fingerprint ? (previous.result as T) : mismatch();
  const result = run();
  ctx.idempotency.set(scoped, { fingerprint, result });
  return result;
}
