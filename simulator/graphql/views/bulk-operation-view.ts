import { gid } from "../../gid.ts";
import { isoSeconds } from "../../sim-core.ts";
import type { SimBulkOperation } from "../../store/store-types.ts";
import type { GqlContext } from "../gql-context.ts";

export function bulkOperationView(ctx: GqlContext, operation: SimBulkOperation) {
  const hasFile = operation.status === "COMPLETED" && operation.objectCount > 0;
  return {
    __typename: "BulkOperation",
    id: gid("BulkOperation", operation.id),
    type: "QUERY",
    status: operation.status,
    errorCode: operation.errorCode,
    query: operation.query,
    objectCount: String(operation.objectCount),
    rootObjectCount: String(operation.rootObjectCount),
    fileSize: operation.jsonl === null ? null : String(Buffer.byteLength(operation.jsonl)),
    // Shopify gives no url when the query matched nothing.
    url: hasFile ? `${ctx.core.origin()}/bulk/${operation.id}.jsonl` : null,
    partialDataUrl: null,
    createdAt: isoSeconds(operation.createdAt),
    completedAt: operation.completedAt && isoSeconds(operation.completedAt),
  };
}
