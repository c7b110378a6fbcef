import type { GqlContext } from "../gql-context.ts";

/** Flow refuses payloads of 50,000 bytes or more. */
const MAX_PAYLOAD_BYTES = 50_000;

/**
 * flowTriggerReceive(handle:, payload:): records the trigger for the shop (tests read it with
 * sim.getFlowTriggers) as Flow would start its workflows; a missing handle or payload, or an
 * oversized payload, is a userError as on Shopify.
 */
export function flowTriggerReceive(ctx: GqlContext, args: { handle?: string | null; payload?: unknown }) {
  const errors: { field: string[]; message: string }[] = [];
  if (!args.handle) errors.push({ field: ["handle"], message: "Handle can't be blank" });
  if (args.payload === null || typeof args.payload !== "object" || Array.isArray(args.payload))
    errors.push({ field: ["payload"], message: "Payload must be a JSON object" });
  else if (Buffer.byteLength(JSON.stringify(args.payload)) >= MAX_PAYLOAD_BYTES)
    errors.push({ field: ["payload"], message: "Payload must be under 50000 bytes" });
  if (errors.length === 0) {
    ctx.core.store.flowTriggers.push({
      shopDomain: ctx.shop.domain,
      handle: args.handle!,
      payload: structuredClone(args.payload) as Record<string, unknown>,
      receivedAt: ctx.core.now(),
    });
  }
  return { userErrors: errors };
}
