import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable } from "./is-database-unreachable.ts";

describe("isDatabaseUnreachable", () => {
  it("recognises the errors of a database that is down or restarting", () => {
    const cases: unknown[] = [
      Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" }),
      new Error(
        "\nInvalid `prisma.order.findMany()` invocation:\n\n\nCan't reach database server at 10.0.0.5:5432",
      ),
      Object.assign(new Error("the database system is shutting down"), { code: "57P03" }),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      new Error("Connection terminated unexpectedly"),
      new Error("Client has encountered a connection error and is not queryable"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      new Error("query failed", { cause: Object.assign(new Error("socket"), { code: "ECONNRESET" }) }),
    ];
    for (const error of cases)
      expect([String(error), isDatabaseUnreachable(error)]).toEqual([String(error), true]);
  });

  it("leaves errors of queries, data and other services alone", () => {
    const cases: unknown[] = [
      Object.assign(new Error("Unique constraint failed on the fields: (`idempotencyKey`)"), {
        code: "P2002",
      }),
      Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: "23505" }),
      Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }),
      new Error("451 4.3.0 try again later"),
      new Error("Admin API throttled"),
      "a string",
      null,
      undefined,
    ];
    for (const error of cases) expect(isDatabaseUnreachable(error)).toBe(false);
  });

  it("survives a cause cycle", () => {
    const a = new Error("outer") as Error & { cause?: unknown };
    const b = new Error("inner", { cause: a });
    a.cause = b;
    expect(isDatabaseUnreachable(a)).toBe(false);
  });
});
