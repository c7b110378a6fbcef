import type { DocumentNode } from "graphql";
import { getNamedType, parse, validate } from "graphql";
import { gid } from "../../gid.ts";
import { emitEvents, payloadTime } from "../../sim-core.ts";
import type { SimBulkOperation } from "../../store/store-types.ts";
import { executeOperation } from "../execute-operation.ts";
import type { GqlContext } from "../gql-context.ts";
import { bulkOperationView } from "../views/bulk-operation-view.ts";
import { toJsonl } from "./to-jsonl.ts";

type BulkError = { field: string[]; message: string; code: string };

/** Starts a bulk query: answers CREATED now, runs right after, then sends bulk_operations/finish. */
export function bulkOperationRunQuery(ctx: GqlContext, args: { query: string }) {
  const problem = checkQuery(ctx, args.query);
  if (typeof problem === "string") {
    return {
      bulkOperation: null,
      userErrors: [{ field: ["query"], message: problem, code: "INVALID" } satisfies BulkError],
    };
  }
  const { store } = ctx.core;
  const operation: SimBulkOperation = {
    id: store.nextId(),
    shopDomain: ctx.shop.domain,
    query: args.query,
    status: "CREATED",
    errorCode: null,
    objectCount: 0,
    rootObjectCount: 0,
    jsonl: null,
    createdAt: ctx.core.now(),
    completedAt: null,
  };
  store.bulkOperations.set(operation.id, operation);
  const view = bulkOperationView(ctx, operation);
  setImmediate(() => void run(ctx, operation, problem));
  return { bulkOperation: view, userErrors: [] };
}

function checkQuery(ctx: GqlContext, query: string): DocumentNode | string {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return `Invalid bulk query: ${(error as Error).message}`;
  }
  const schema = ctx.core.schema;
  const errors = validate(schema, document);
  if (errors.length > 0) return `Invalid bulk query: ${errors[0]!.message}`;
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition");
  if (!operation || operation.kind !== "OperationDefinition" || operation.operation !== "query") {
    return "Bulk queries must be a query operation.";
  }
  const root = schema.getQueryType()!.getFields();
  const hasConnection = operation.selectionSet.selections.some(
    (s) => s.kind === "Field" && getNamedType(root[s.name.value]?.type)?.name.endsWith("Connection"),
  );
  return hasConnection ? document : "Bulk queries must contain at least one connection.";
}

async function run(ctx: GqlContext, operation: SimBulkOperation, document: DocumentNode): Promise<void> {
  operation.status = "RUNNING";
  const result = await executeOperation({
    schema: ctx.core.schema,
    document,
    ctx: { ...ctx, bulk: true },
    variables: {},
    operationName: undefined,
    kind: "query",
  });
  if (result.errors?.length || !result.data) {
    operation.status = "FAILED";
    operation.errorCode = "INTERNAL_SERVER_ERROR";
  } else {
    const file = toJsonl(result.data as Record<string, unknown>);
    operation.jsonl = file.jsonl;
    operation.objectCount = file.objectCount;
    operation.rootObjectCount = file.rootObjectCount;
    operation.status = "COMPLETED";
  }
  operation.completedAt = ctx.core.now();
  const tz = ctx.shop.ianaTimezone;
  emitEvents(ctx.core, ctx.shop.domain, [
    {
      topic: "bulk_operations/finish",
      payload: {
        admin_graphql_api_id: gid("BulkOperation", operation.id),
        completed_at: payloadTime(operation.completedAt, tz),
        created_at: payloadTime(operation.createdAt, tz),
        error_code: operation.errorCode?.toLowerCase() ?? null,
        status: operation.status.toLowerCase(),
        type: "query",
      },
    },
  ]);
}
