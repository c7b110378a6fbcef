import type {
  DocumentNode,
  ExecutionResult,
  GraphQLFieldResolver,
  GraphQLResolveInfo,
  GraphQLSchema,
  GraphQLTypeResolver,
} from "graphql";
import { execute, GraphQLError } from "graphql";
import type { GqlContext } from "./gql-context.ts";
import { mutationRoot } from "./mutation-root.ts";
import { queryRoot } from "./query-root.ts";

type ViewField = (args: unknown, ctx: GqlContext, info: GraphQLResolveInfo) => unknown;

/**
 * Views are plain objects whose properties are values or `(args, ctx, info)` functions. A field a
 * view lacks is an error naming it, never a silent null, so missing simulator support shows up.
 */
const fieldResolver: GraphQLFieldResolver<unknown, GqlContext> = (source, args, ctx, info) => {
  if (source !== null && typeof source === "object" && Object.hasOwn(source, info.fieldName)) {
    const value = (source as Record<string, unknown>)[info.fieldName];
    return typeof value === "function" ? (value as ViewField)(args, ctx, info) : value;
  }
  throw new GraphQLError(
    `The Shopify simulator does not implement ${info.parentType.name}.${info.fieldName}`,
    {
      nodes: info.fieldNodes,
      extensions: { code: "NOT_IMPLEMENTED_IN_SIMULATOR" },
    },
  );
};

const typeResolver: GraphQLTypeResolver<unknown, GqlContext> = (value) =>
  (value as { __typename?: string } | null)?.__typename;

export function executeOperation(input: {
  schema: GraphQLSchema;
  document: DocumentNode;
  ctx: GqlContext;
  variables: Record<string, unknown>;
  operationName: string | undefined;
  kind: "query" | "mutation";
}): Promise<ExecutionResult> {
  const rootValue = input.kind === "mutation" ? mutationRoot(input.ctx) : queryRoot(input.ctx);
  return Promise.resolve(
    execute({
      schema: input.schema,
      document: input.document,
      rootValue,
      contextValue: input.ctx,
      variableValues: input.variables,
      operationName: input.operationName,
      fieldResolver,
      typeResolver,
    }),
  );
}
