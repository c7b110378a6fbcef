import { z } from "zod";
import { isWrite, type V1Route } from "./v1-route.ts";
import { errorBodySchema } from "./v1-schemas.ts";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

const ERRORS_EVERY_ROUTE: Record<number, string> = {
  400: "Malformed request: a path or query value, or a body field missing or of the wrong type",
  401: "No API key, or an unknown or revoked one",
  404: "The record or route does not exist for this shop",
  429: "Over the key's per-minute limit; retry after Retry-After seconds",
};
const ERRORS_OF_WRITES: Record<number, string> = {
  403: "A read-only key on a write",
  409: "A request with the same Idempotency-Key is still in progress, or the record changed meanwhile",
  413: "The body is over 1 MB",
  422: "A value refused by a rule, or an Idempotency-Key reused with another request",
};

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the routes' own zod schemas (z.toJSONSchema,
 * JSON Schema 2020-12, which OpenAPI 3.1 uses as is): request bodies and parameters as the input
 * the schemas accept, responses as what they describe. Named schemas (.meta({ id })) become
 * components.
 */
export function buildOpenApiDocument(routes: readonly V1Route[]): Record<string, unknown> {
  const components: Record<string, JsonSchema> = {};
  const convert = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
    const generated = z.toJSONSchema(schema, { target: "draft-2020-12", io });
    // Named schemas come out in $defs; in the document they are components, referenced from there.
    const json = JSON.parse(
      JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/'),
    ) as JsonSchema;
    const { $schema: _schema, $defs, ...rest } = json;
    Object.assign(components, $defs as Record<string, JsonSchema> | undefined);
    return rest;
  };
  const errorSchema = convert(errorBodySchema, "output");
  const errorResponse = (description: string, status: number) => ({
    description,
    ...(status === 429
      ? { headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } } }
      : {}),
    content: { "application/json": { schema: errorSchema } },
  });
  const parameters = (schema: z.ZodObject | undefined, where: "path" | "query") => {
    if (!schema) return [];
    const json = convert(schema, "input");
    return Object.entries(json.properties ?? {}).map(([name, property]) => ({
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      ...(typeof property.description === "string" ? { description: property.description } : {}),
      schema: property,
    }));
  };

  const paths: Record<string, Record<string, unknown>> = {
    "/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document",
        tags: ["Meta"],
        security: [],
        responses: {
          200: {
            description: "The OpenAPI 3.1 document",
            content: { "application/json": { schema: { type: "object" } } },
          },
        },
      },
    },
  };
  for (const route of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      responses[status] = {
        description: response.description,
        ...(isWrite(route)
          ? {
              headers: {
                "Idempotent-Replayed": {
                  schema: { const: "true" },
                  description: "Present on a replayed answer",
                },
              },
            }
          : {}),
        content: response.csv
          ? { "text/csv": { schema: { type: "string" } } }
          : { "application/json": { schema: convert(response.schema!, "output") } },
      };
    }
    const errors = { ...ERRORS_EVERY_ROUTE, ...(isWrite(route) ? ERRORS_OF_WRITES : {}) };
    for (const [status, description] of Object.entries(errors)) {
      responses[status] = errorResponse(description, Number(status));
    }
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: [
        ...parameters(route.params, "path"),
        ...parameters(route.query, "query"),
        ...(isWrite(route)
          ? [
              {
                name: "Idempotency-Key",
                in: "header",
                required: false,
                description: "Replays the first answer for 24 h when the same request is sent again",
                schema: { type: "string", minLength: 1, maxLength: 255 },
              },
            ]
          : []),
      ],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: convert(route.body, "input") } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Backorder Hub merchant API",
      version: "1",
      description:
        "Backorders, ETAs, back-in-stock subscriptions, metrics and exports of one shop (docs/integrations.md).",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "A merchant API key (bhk_…)" },
      },
      schemas: components,
    },
  };
}
