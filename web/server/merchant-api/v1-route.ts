import type { z } from "zod";
import type { AppDeps } from "../app-deps.ts";

export type V1Method = "get" | "post" | "put" | "delete";

/** A JSON answer, or a CSV stream (the exports). */
export type V1Result<R> =
  { status: number; body: R } | { status: number; csv: AsyncIterable<string> | string; filename: string };

type AnyObject = z.ZodObject;

/**
 * One /api/v1 operation, declared once: the express router validates with these schemas and the
 * OpenAPI document is generated from the same ones (openapi-document.ts), so they cannot drift.
 * Writes (every method but GET) need a read_write key and take an Idempotency-Key.
 */
export type V1Route<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodType,
> = {
  method: V1Method;
  /** OpenAPI style, relative to /api/v1: "/etas/{variantId}". */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Success statuses and their bodies; a `csv` response is text/csv. */
  responses: Record<number, { description: string; schema?: z.ZodType; csv?: true }>;
  handle: (ctx: {
    deps: AppDeps;
    shopId: string;
    params: z.output<P>;
    query: z.output<Q>;
    body: z.output<B>;
  }) => Promise<V1Result<unknown>>;
};

/** Declares a route, typing its handler from its schemas (and its JSON body from the first response's schema). */
export function defineV1Route<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
>(
  route: Omit<V1Route<P, Q, B>, "handle" | "responses"> & {
    responses: Record<number, { description: string; schema?: R; csv?: true }>;
    handle: (ctx: Parameters<V1Route<P, Q, B>["handle"]>[0]) => Promise<V1Result<z.input<R>>>;
  },
): V1Route {
  return route as unknown as V1Route;
}

export function isWrite(route: Pick<V1Route, "method">): boolean {
  return route.method !== "get";
}

/** "/etas/{variantId}" -> "/etas/:variantId" */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}
