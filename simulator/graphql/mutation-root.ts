import type { GraphQLResolveInfo } from "graphql";
import type { GqlContext } from "./gql-context.ts";
import { bulkOperationRunQuery } from "./bulk/run-bulk-operation.ts";
import { discountCodeBasicCreate } from "./mutations/discount-code-basic-create.ts";
import { flowTriggerReceive } from "./mutations/flow-trigger-receive.ts";
import { inventoryAdjustQuantities, inventorySetQuantities } from "./mutations/inventory-mutations.ts";
import { metafieldDefinitionCreate } from "./mutations/metafield-definition-create.ts";
import { metafieldsDelete, metafieldsSet } from "./mutations/metafields-set.ts";
import { tagsAdd, tagsRemove } from "./mutations/tags-mutations.ts";
import { productVariantsBulkUpdate } from "./mutations/variants-bulk-update.ts";

/** Each mutation takes (args, ctx, info) like a view field. */
type Mutation = (args: never, ctx: GqlContext, info: GraphQLResolveInfo) => unknown;

export function mutationRoot(ctx: GqlContext): Record<string, Mutation> {
  return {
    metafieldsSet: (args) => metafieldsSet(ctx, args),
    metafieldsDelete: (args) => metafieldsDelete(ctx, args),
    metafieldDefinitionCreate: (args) => metafieldDefinitionCreate(ctx, args),
    tagsAdd: (args) => tagsAdd(ctx, args),
    tagsRemove: (args) => tagsRemove(ctx, args),
    productVariantsBulkUpdate: (args) => productVariantsBulkUpdate(ctx, args),
    inventoryAdjustQuantities: (args, _ctx, info) => inventoryAdjustQuantities(ctx, args, info),
    inventorySetQuantities: (args, _ctx, info) => inventorySetQuantities(ctx, args, info),
    bulkOperationRunQuery: (args) => bulkOperationRunQuery(ctx, args),
    discountCodeBasicCreate: (args) => discountCodeBasicCreate(ctx, args),
    flowTriggerReceive: (args) => flowTriggerReceive(ctx, args),
  };
}
