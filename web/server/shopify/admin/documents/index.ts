// The Admin GraphQL documents the app sends; test/foundation/admin-documents-validate.test.ts finds
// every literal marked #graphql in the sources and validates it against the 2026-07 schema.
export * from "./bulk-documents.ts";
export * from "./control-documents.ts";
export * from "./inventory-documents.ts";
export * from "./order-documents.ts";
export * from "./reconcile-documents.ts";
export * from "./shop-documents.ts";
