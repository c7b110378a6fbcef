import { createHash } from "node:crypto";
import { gid } from "../../gid.ts";
import { isoSeconds, resolveNamespace } from "../../sim-core.ts";
import type { SimMetafield } from "../../store/store-types.ts";
import { connection, type ConnectionArgs } from "../connection.ts";
import type { GqlContext } from "../gql-context.ts";
import { nodeByGid } from "./node-by-gid.ts";

/** The digest metafieldsSet compares against: changes whenever value, type or update time change. */
export function metafieldDigest(metafield: SimMetafield): string {
  return createHash("sha256")
    .update(`${metafield.id}|${metafield.type}|${metafield.value}|${metafield.updatedAt.toISOString()}`)
    .digest("hex");
}

export function metafieldsOf(ctx: GqlContext, ownerGid: string): SimMetafield[] {
  return [...ctx.core.store.metafields.values()].filter(
    (m) => m.ownerGid === ownerGid && m.shopDomain === ctx.shop.domain,
  );
}

export function metafieldView(ctx: GqlContext, metafield: SimMetafield) {
  return {
    __typename: "Metafield",
    id: gid("Metafield", metafield.id),
    legacyResourceId: metafield.id.toString(),
    namespace: metafield.namespace,
    key: metafield.key,
    type: metafield.type,
    value: metafield.value,
    jsonValue: () => jsonValue(metafield),
    compareDigest: metafieldDigest(metafield),
    createdAt: isoSeconds(metafield.createdAt),
    updatedAt: isoSeconds(metafield.updatedAt),
    ownerType: metafield.ownerGid
      .split("/")[3]!
      .replace(/([a-z])([A-Z])/g, "$1_$2")
      .toUpperCase(),
    owner: () => nodeByGid(ctx, metafield.ownerGid),
    definition: null,
  };
}

function jsonValue(metafield: SimMetafield): unknown {
  if (metafield.type === "json" || metafield.type.startsWith("list.")) return JSON.parse(metafield.value);
  if (metafield.type === "boolean") return metafield.value === "true";
  if (metafield.type === "number_integer" || metafield.type === "number_decimal")
    return Number(metafield.value);
  return metafield.value;
}

/** `metafield(namespace, key)` and `metafields(...)` for any HasMetafields owner. */
export function metafieldFields(ctx: GqlContext, ownerGid: string) {
  return {
    metafield: (args: { namespace?: string | null; key: string }) => {
      const namespace = resolveNamespace(ctx.core, args.namespace);
      const found = metafieldsOf(ctx, ownerGid).find((m) => m.namespace === namespace && m.key === args.key);
      return found ? metafieldView(ctx, found) : null;
    },
    metafields: (args: ConnectionArgs & { namespace?: string | null; keys?: string[] | null }) => {
      const namespace = args.namespace ? resolveNamespace(ctx.core, args.namespace) : null;
      const keys = args.keys?.map((k) => {
        const dot = k.lastIndexOf(".");
        return `${resolveNamespace(ctx.core, k.slice(0, dot))}.${k.slice(dot + 1)}`;
      });
      const list = metafieldsOf(ctx, ownerGid).filter(
        (m) =>
          (!namespace || m.namespace === namespace) && (!keys || keys.includes(`${m.namespace}.${m.key}`)),
      );
      return connection(
        list,
        args,
        (m) => m.id.toString(),
        (m) => metafieldView(ctx, m),
        ctx.bulk,
      );
    },
  };
}
