import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from "graphql";
import {
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
} from "graphql";

interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/**
 * Shopify-style cost: 1 per object, connections 2 + items x per-item cost, scalars free, each
 * top-level mutation 10. Without `data` it is the requested cost (sizes from first/last/ids);
 * with `data` the actual cost (sizes from what was returned).
 */
export function computeCost(input: CostInput, data?: Record<string, unknown> | null): number {
  const root =
    input.operation.operation === "mutation" ? input.schema.getMutationType() : input.schema.getQueryType();
  if (!root) return 0;
  const actual = data !== undefined;
  let total = 0;
  for (const { field, parent } of collect(input, input.operation.selectionSet, root)) {
    const value = actual ? data?.[responseKey(field)] : undefined;
    if (input.operation.operation === "mutation") {
      const named = getNamedType(fieldDef(parent, field.name.value)?.type);
      const payload =
        named && isCompositeType(named) && field.selectionSet && !(actual && value == null)
          ? selectionCost(input, field.selectionSet, named, actual, value)
          : 0;
      total += 10 + payload;
    } else if (!(actual && value == null)) {
      total += fieldCost(input, field, parent, actual, value);
    }
  }
  return total;
}

function fieldDef(parent: GraphQLCompositeType, name: string) {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function fieldCost(
  input: CostInput,
  field: FieldNode,
  parent: GraphQLCompositeType,
  actual: boolean,
  value: unknown,
): number {
  if (field.name.value.startsWith("__")) return 0;
  const def = fieldDef(parent, field.name.value);
  if (!def) return 0;
  const named = getNamedType(def.type);
  if (!isCompositeType(named) || !field.selectionSet) return 0;
  if (named.name.endsWith("Connection") && isObjectType(named) && "edges" in named.getFields()) {
    return 2 + connectionItemsCost(input, field, named, actual, value);
  }
  if (named.name === "PageInfo" || named.name.endsWith("Edge")) return 0;
  const unwrapped = isNonNullType(def.type) ? def.type.ofType : def.type;
  if (isListType(unwrapped)) {
    if (!actual)
      return listSize(input, field) * (1 + selectionCost(input, field.selectionSet, named, false, undefined));
    return (Array.isArray(value) ? value : []).reduce<number>(
      (sum, item) =>
        sum + (item == null ? 0 : 1 + selectionCost(input, field.selectionSet!, named, true, item)),
      0,
    );
  }
  return 1 + selectionCost(input, field.selectionSet, named, actual, value);
}

function connectionItemsCost(
  input: CostInput,
  field: FieldNode,
  connection: GraphQLCompositeType,
  actual: boolean,
  value: unknown,
): number {
  let total = 0;
  for (const { field: inner, parent } of collect(input, field.selectionSet!, connection)) {
    const name = inner.name.value;
    if (name !== "edges" && name !== "nodes") continue;
    const def = fieldDef(parent, name)!;
    const itemType = getNamedType(def.type) as GraphQLCompositeType;
    const perItem = (item: unknown) =>
      name === "nodes"
        ? 1 + selectionCost(input, inner.selectionSet!, itemType, actual, item)
        : selectionCost(input, inner.selectionSet!, itemType, actual, item);
    if (!actual) total += pageSize(input, field) * perItem(undefined);
    else {
      const items = (value as Record<string, unknown> | null)?.[responseKey(inner)];
      for (const item of Array.isArray(items) ? items : []) total += perItem(item);
    }
  }
  return total;
}

function selectionCost(
  input: CostInput,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  actual: boolean,
  value: unknown,
): number {
  let total = 0;
  for (const { field, parent: owner } of collect(input, selectionSet, parent)) {
    const child = actual ? (value as Record<string, unknown> | null)?.[responseKey(field)] : undefined;
    if (actual && child == null) continue;
    total += fieldCost(input, field, owner, actual, child);
  }
  return total;
}

/** Flattens fragments; fields keep the type their fragment was written against. */
function collect(input: CostInput, selectionSet: SelectionSetNode, parent: GraphQLCompositeType) {
  const out: Array<{ field: FieldNode; parent: GraphQLCompositeType }> = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) out.push({ field: selection, parent });
    else {
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : input.fragments[selection.name.value];
      if (!fragment) continue;
      const typeName = fragment.typeCondition?.name.value;
      const type = typeName ? input.schema.getType(typeName) : parent;
      if (type && isCompositeType(type)) out.push(...collect(input, fragment.selectionSet, type));
    }
  }
  return out;
}

function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

function argument(input: CostInput, field: FieldNode, name: string): unknown {
  const node = field.arguments?.find((arg) => arg.name.value === name)?.value;
  return node ? literal(input, node) : undefined;
}

function literal(input: CostInput, node: ValueNode): unknown {
  if (node.kind === Kind.VARIABLE) return input.variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.LIST) return node.values.map((v) => literal(input, v));
  return undefined;
}

function pageSize(input: CostInput, field: FieldNode): number {
  const size = argument(input, field, "first") ?? argument(input, field, "last");
  return typeof size === "number" && size > 0 ? size : 1;
}

function listSize(input: CostInput, field: FieldNode): number {
  const ids = argument(input, field, "ids");
  return Array.isArray(ids) ? Math.max(ids.length, 1) : 1;
}
