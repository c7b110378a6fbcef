import { z } from "zod";
import type { Logger } from "../logger.ts";
import type { AdminClient } from "../shopify/admin/create-admin-client.ts";
import {
  APP_VARIANT_METAFIELD_DEFINITIONS,
  planAppMetafieldDefinitions,
} from "./app-metafield-definitions.ts";
import { ETA_METAFIELD_NAMESPACE } from "./plan-eta-metafields.ts";
import {
  APP_METAFIELD_DEFINITIONS_QUERY,
  METAFIELD_DEFINITION_CREATE_MUTATION,
} from "./metafield-definition-documents.ts";

const listResult = z.object({
  metafieldDefinitions: z.object({
    nodes: z.array(z.object({ key: z.string(), access: z.object({ storefront: z.string().nullable() }) })),
  }),
});
const createResult = z.object({
  metafieldDefinitionCreate: z.object({
    createdDefinition: z.object({ id: z.string(), key: z.string() }).nullable(),
    userErrors: z.array(z.object({ message: z.string(), code: z.string().nullish() })),
  }),
});

export type EnsureDefinitionsResult = { created: string[]; existing: string[]; withoutStorefront: string[] };

/**
 * Reads the app's variant definitions on the shop and creates each declared one that is missing
 * (with its storefront access). Idempotent: a definition created meanwhile (TAKEN) counts as there.
 * Any other refusal throws, so the job retries and then fails visibly.
 */
export async function ensureMetafieldDefinitions(
  deps: { logger: Logger },
  shop: string,
  client: Pick<AdminClient, "request">,
): Promise<EnsureDefinitionsResult> {
  const { metafieldDefinitions } = listResult.parse(
    await client.request(APP_METAFIELD_DEFINITIONS_QUERY, { ownerType: "PRODUCTVARIANT" }),
  );
  const existing = metafieldDefinitions.nodes.map((d) => ({ key: d.key, storefront: d.access.storefront }));
  const plan = planAppMetafieldDefinitions(APP_VARIANT_METAFIELD_DEFINITIONS, existing);
  const created: string[] = [];
  for (const definition of plan.create) {
    const { metafieldDefinitionCreate: result } = createResult.parse(
      await client.request(METAFIELD_DEFINITION_CREATE_MUTATION, {
        definition: {
          namespace: ETA_METAFIELD_NAMESPACE,
          key: definition.key,
          type: definition.type,
          name: definition.name,
          ...(definition.description ? { description: definition.description } : {}),
          ownerType: "PRODUCTVARIANT",
          access: definition.access,
        },
      }),
    );
    const refused = result.userErrors.filter((e) => e.code !== "TAKEN");
    if (refused.length > 0)
      throw new Error(`metafield definition ${definition.key}: ${refused.map((e) => e.message).join("; ")}`);
    if (result.createdDefinition) created.push(definition.key);
  }
  if (created.length > 0) deps.logger.info({ shop, created }, "created missing metafield definitions");
  if (plan.withoutStorefront.length > 0)
    deps.logger.warn(
      { shop, keys: plan.withoutStorefront },
      "metafield definitions without storefront access: the theme block and checkout cannot read them",
    );
  return {
    created,
    existing: existing.map((d) => d.key),
    withoutStorefront: plan.withoutStorefront,
  };
}
