import { gid } from "../../gid.ts";
import { resolveNamespace } from "../../sim-core.ts";
import type { SimMetafieldDefinition } from "../../store/store-types.ts";
import { connection, type ConnectionArgs } from "../connection.ts";
import type { GqlContext } from "../gql-context.ts";

/** The metafield owner type (MetafieldOwnerType) of a GID's resource type. */
const OWNER_TYPES: Record<string, string> = {
  Product: "PRODUCT",
  ProductVariant: "PRODUCTVARIANT",
  Order: "ORDER",
  Customer: "CUSTOMER",
  Shop: "SHOP",
  Location: "LOCATION",
  AppInstallation: "API_PERMISSION",
};

export function metafieldDefinitionView(ctx: GqlContext, definition: SimMetafieldDefinition) {
  return {
    __typename: "MetafieldDefinition",
    id: gid("MetafieldDefinition", definition.id),
    name: definition.name,
    namespace: definition.namespace,
    key: definition.key,
    description: definition.description,
    ownerType: definition.ownerType,
    type: {
      __typename: "MetafieldDefinitionType",
      name: definition.type,
      category: typeCategory(definition.type),
    },
    access: { __typename: "MetafieldAccess", ...definition.access },
    pinnedPosition: null,
    validations: [],
    validationStatus: "ALL_VALID",
    useAsCollectionCondition: false,
    standardTemplate: null,
    constraints: null,
    metafieldsCount: () =>
      [...ctx.core.store.metafields.values()].filter(
        (m) =>
          m.shopDomain === definition.shopDomain &&
          m.namespace === definition.namespace &&
          m.key === definition.key &&
          OWNER_TYPES[m.ownerGid.split("/")[3] ?? ""] === definition.ownerType,
      ).length,
  };
}

function typeCategory(type: string): string {
  if (type.startsWith("date")) return "DATE_TIME";
  if (type.startsWith("number")) return "NUMBER";
  if (type === "boolean") return "TRUE_FALSE";
  if (type === "json") return "JSON";
  return "TEXT";
}

export type MetafieldDefinitionsArgs = ConnectionArgs & {
  ownerType: string;
  namespace?: string | null;
  key?: string | null;
};

/** `metafieldDefinitions(ownerType:, namespace:, key:)`: the shop's definitions, oldest first. */
export function metafieldDefinitionsConnection(ctx: GqlContext, args: MetafieldDefinitionsArgs) {
  const namespace = args.namespace ? resolveNamespace(ctx.core, args.namespace) : null;
  const list = [...ctx.core.store.metafieldDefinitions.values()].filter(
    (d) =>
      d.shopDomain === ctx.shop.domain &&
      d.ownerType === args.ownerType &&
      (!namespace || d.namespace === namespace) &&
      (!args.key || d.key === args.key),
  );
  return connection(
    list,
    args,
    (d) => d.id.toString(),
    (d) => metafieldDefinitionView(ctx, d),
    ctx.bulk,
  );
}
