import { resolveNamespace, type SimCore } from "../../sim-core.ts";
import type { SimMetafieldDefinition } from "../../store/store-types.ts";
import type { GqlContext } from "../gql-context.ts";
import { metafieldDefinitionView } from "../views/metafield-definition-view.ts";

/** MetafieldDefinitionInput, the fields the simulator keeps (validations, pins and the like are not). */
export interface MetafieldDefinitionInput {
  name: string;
  namespace?: string | null;
  key: string;
  type: string;
  ownerType: string;
  description?: string | null;
  access?: {
    admin?: string | null;
    storefront?: string | null;
    customerAccount?: string | null;
  } | null;
}

type CreateError = { field: string[]; message: string; code: string };

/** The simple types the simulator's metafieldsSet validates, and their `list.` forms. */
const TYPES = new Set([
  "boolean",
  "date",
  "date_time",
  "json",
  "multi_line_text_field",
  "number_decimal",
  "number_integer",
  "single_line_text_field",
  "url",
  "color",
  "rich_text_field",
]);
const NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Creates a definition for a shop, as metafieldDefinitionCreate does: `$app` resolves to the app's
 * reserved namespace; a key already defined for the owner type and namespace is TAKEN; admin access
 * may only be set in an app-reserved namespace (defaulting to MERCHANT_READ there); storefront and
 * customer-account access default to NONE.
 */
export function createMetafieldDefinition(
  core: SimCore,
  shopDomain: string,
  input: MetafieldDefinitionInput,
): { definition: SimMetafieldDefinition | null; userErrors: CreateError[] } {
  const errors: CreateError[] = [];
  const at = (name: string, message: string, code: string) =>
    errors.push({ field: ["definition", name], message, code });
  const namespace = resolveNamespace(core, input.namespace);
  const appOwned = namespace.startsWith("app--");
  if (!input.name.trim()) at("name", "Name can't be blank.", "BLANK");
  if (input.key.length < 2) at("key", "Key is too short (minimum is 2 characters).", "TOO_SHORT");
  else if (input.key.length > 64) at("key", "Key is too long (maximum is 64 characters).", "TOO_LONG");
  else if (!NAME.test(input.key))
    at("key", "Key contains one or more invalid characters.", "INVALID_CHARACTER");
  if (namespace.length < 3) at("namespace", "Namespace is too short (minimum is 3 characters).", "TOO_SHORT");
  else if (namespace.length > 255)
    at("namespace", "Namespace is too long (maximum is 255 characters).", "TOO_LONG");
  else if (!NAME.test(namespace))
    at("namespace", "Namespace contains one or more invalid characters.", "INVALID_CHARACTER");
  const baseType = input.type.startsWith("list.") ? input.type.slice(5) : input.type;
  if (!TYPES.has(baseType)) at("type", "Type is not included in the list.", "INCLUSION");
  if (input.access?.admin && !appOwned)
    errors.push({
      field: ["definition", "access", "admin"],
      message: "Admin access can only be specified for app-owned metafield definitions.",
      code: "ADMIN_ACCESS_INPUT_NOT_ALLOWED",
    });
  const taken = [...core.store.metafieldDefinitions.values()].some(
    (d) =>
      d.shopDomain === shopDomain &&
      d.ownerType === input.ownerType &&
      d.namespace === namespace &&
      d.key === input.key,
  );
  if (taken) at("key", "Key is in use for this owner type and namespace.", "TAKEN");
  if (errors.length > 0) return { definition: null, userErrors: errors };
  const definition: SimMetafieldDefinition = {
    id: core.store.nextId(),
    shopDomain,
    ownerType: input.ownerType,
    namespace,
    key: input.key,
    name: input.name,
    description: input.description ?? null,
    type: input.type,
    access: {
      admin: input.access?.admin ?? (appOwned ? "MERCHANT_READ" : "PUBLIC_READ_WRITE"),
      storefront: input.access?.storefront ?? "NONE",
      customerAccount: input.access?.customerAccount ?? "NONE",
    },
    createdAt: core.now(),
  };
  core.store.metafieldDefinitions.set(definition.id, definition);
  return { definition, userErrors: [] };
}

export function metafieldDefinitionCreate(ctx: GqlContext, args: { definition: MetafieldDefinitionInput }) {
  const { definition, userErrors } = createMetafieldDefinition(ctx.core, ctx.shop.domain, args.definition);
  return {
    createdDefinition: definition ? metafieldDefinitionView(ctx, definition) : null,
    userErrors,
  };
}
