import { describe, expect, it } from "vitest";
import { readPoolerUrl, withoutStatementName } from "./pooler-url.ts";

describe("pooler URL", () => {
  it("takes pgbouncer=true off the URL node-postgres gets and reports it", () => {
    expect(readPoolerUrl("postgresql://u:p@pool:6432/app?pgbouncer=true&sslmode=require")).toEqual({
      connectionString: "postgresql://u:p@pool:6432/app?sslmode=require",
      pgbouncer: true,
    });
    expect(readPoolerUrl("postgresql://u@db:5432/app")).toEqual({
      connectionString: "postgresql://u@db:5432/app",
      pgbouncer: false,
    });
    expect(readPoolerUrl("postgresql://u@db/app?pgbouncer=false").pgbouncer).toBe(false);
  });

  it("drops a statement's name and leaves everything else as it is", () => {
    expect(withoutStatementName({ name: "q", text: "select $1", values: [1] })).toEqual({
      text: "select $1",
      values: [1],
    });
    expect(withoutStatementName("select 1")).toBe("select 1");
    const plain = { text: "select 1" };
    expect(withoutStatementName(plain)).toBe(plain);
  });
});
