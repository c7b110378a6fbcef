import type { DocumentNode, FragmentDefinitionNode, OperationDefinitionNode } from "graphql";
import { GraphQLError, Kind, parse, validate } from "graphql";
import type { AccessTokens } from "../auth/access-tokens.ts";
import { INVALID_TOKEN_MESSAGE, SINGLE_QUERY_MAX_COST, THROTTLE_DOCS_URL } from "../constants.ts";
import type { SimCore } from "../sim-core.ts";
import { computeCost } from "./compute-cost.ts";
import { executeOperation } from "./execute-operation.ts";
import type { GqlContext, IdempotencyRecord } from "./gql-context.ts";
import type { GraphqlLogEntry, GraphqlRequest, GraphqlResponse } from "./graphql-types.ts";
import {
  createLeakyBucket,
  type BucketSettings,
  type LeakyBucket,
  type ThrottleStatus,
} from "./leaky-bucket.ts";

const json = (body: unknown, status = 200): GraphqlResponse => ({ status, body });

export function createGraphqlService(deps: { core: SimCore; tokens: AccessTokens; bucket: BucketSettings }) {
  const { core } = deps;
  const buckets = new Map<string, LeakyBucket>();
  const idempotency = new Map<string, IdempotencyRecord>();
  const log: GraphqlLogEntry[] = [];
  const bucketFor = (shop: string) => {
    let bucket = buckets.get(shop);
    if (!bucket) {
      bucket = createLeakyBucket(deps.bucket, () => core.now().getTime());
      buckets.set(shop, bucket);
    }
    return bucket;
  };

  async function handle(request: GraphqlRequest): Promise<GraphqlResponse> {
    const token = deps.tokens.find(request.accessToken, core.now());
    if (!token || (request.simulatedShop && request.simulatedShop !== token.shop)) {
      return json({ errors: INVALID_TOKEN_MESSAGE }, 401);
    }
    const shop = core.store.shops.get(token.shop)!;
    const body = (request.body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
    if (typeof body.query !== "string" || body.query.trim() === "") {
      return json({ errors: { query: "Required parameter missing or invalid" } }, 400);
    }
    const variables = (body.variables ?? {}) as Record<string, unknown>;
    const entry: GraphqlLogEntry = {
      at: core.now(),
      shop: shop.domain,
      apiVersion: request.apiVersion,
      operationName: null,
      operationType: null,
      query: body.query,
      variables,
      requestedCost: null,
      actualCost: null,
      throttled: false,
      errors: [],
    };
    log.push(entry);
    const fail = (errors: GraphQLError[] | readonly GraphQLError[], code: string) => {
      entry.errors = errors.map((e) => e.message);
      return json({ errors: errors.map((e) => ({ ...e.toJSON(), extensions: { ...e.extensions, code } })) });
    };
    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (error) {
      return fail([error as GraphQLError], "GRAPHQL_PARSE_FAILED");
    }
    const invalid = validate(core.schema, document);
    if (invalid.length > 0) return fail(invalid, "GRAPHQL_VALIDATION_FAILED");
    const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
    const operation = pickOperation(document, operationName);
    if (!operation || operation.operation === "subscription") {
      return fail(
        [new GraphQLError("An operation name is required when the document has several operations.")],
        "BAD_REQUEST",
      );
    }
    entry.operationName = operation.name?.value ?? null;
    entry.operationType = operation.operation;
    const fragments = Object.fromEntries(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const costInput = { schema: core.schema, operation, fragments, variables };
    const requested = computeCost(costInput);
    entry.requestedCost = requested;
    const bucket = bucketFor(shop.domain);
    const cost = (actual: number | null, status: ThrottleStatus) => ({
      cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: status },
    });
    if (requested > SINGLE_QUERY_MAX_COST) {
      entry.errors = ["MAX_COST_EXCEEDED"];
      return json({
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).`,
            extensions: {
              code: "MAX_COST_EXCEEDED",
              cost: requested,
              maxCost: SINGLE_QUERY_MAX_COST,
              documentation: THROTTLE_DOCS_URL,
            },
          },
        ],
        extensions: cost(null, bucket.status()),
      });
    }
    if (!bucket.take(requested)) {
      entry.throttled = true;
      entry.errors = ["Throttled"];
      return json({
        errors: [
          { message: "Throttled", extensions: { code: "THROTTLED", documentation: THROTTLE_DOCS_URL } },
        ],
        extensions: cost(null, bucket.status()),
      });
    }
    const ctx: GqlContext = { core, shop, apiVersion: request.apiVersion, bulk: false, idempotency };
    const result = await executeOperation({
      schema: core.schema,
      document,
      ctx,
      variables,
      operationName,
      kind: operation.operation,
    });
    const actual = Math.min(
      requested,
      computeCost(costInput, (result.data ?? null) as Record<string, unknown> | null),
    );
    bucket.refund(requested - actual);
    entry.actualCost = actual;
    entry.errors = result.errors?.map((e) => e.message) ?? [];
    const errors = result.errors?.map((e) => e.toJSON());
    return json({
      ...(errors ? { errors } : {}),
      data: result.data ?? null,
      extensions: cost(actual, bucket.status()),
    });
  }

  return {
    handle,
    log,
    setBucket(shop: string, settings: Partial<ThrottleStatus>): void {
      bucketFor(shop).configure(settings);
    },
    bucketStatus(shop: string): ThrottleStatus {
      return bucketFor(shop).status();
    },
  };
}

function pickOperation(
  document: DocumentNode,
  name: string | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (name) return operations.find((op) => op.name?.value === name);
  return operations.length === 1 ? operations[0] : undefined;
}

export type GraphqlService = ReturnType<typeof createGraphqlService>;
