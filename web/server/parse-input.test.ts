import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors.ts";
import { isMalformed, parseBody, parseUrl } from "./parse-input.ts";

const body = z
  .object({
    count: z.number().int().min(1),
    kind: z.enum(["restock", "backorder"]),
    email: z.email().optional(),
    id: z.union([z.string().regex(/^\d+$/), z.number().int()]).optional(),
    window: z.object({ days: z.number() }).optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((b) => b.kind !== "backorder" || b.note !== undefined, { message: "required", path: ["note"] });

function statusOf(run: () => unknown): string {
  try {
    run();
    return "ok";
  } catch (error) {
    return error instanceof AppError ? error.code : "thrown";
  }
}

describe("parseBody: 400 for a malformed body, 422 for a rule (docs/api-errors.md)", () => {
  it.each<[string, unknown, string]>([
    ["a valid body", { count: 2, kind: "restock" }, "ok"],
    ["no body at all", undefined, "bad_request"],
    ["a list where an object goes", [1], "bad_request"],
    ["a missing number", { kind: "restock" }, "bad_request"],
    ["a missing choice", { count: 1 }, "bad_request"],
    ["a string where a number goes", { count: "5", kind: "restock" }, "bad_request"],
    ["a nested field missing", { count: 1, kind: "restock", window: {} }, "bad_request"],
    ["a union neither of whose types fits", { count: 1, kind: "restock", id: true }, "bad_request"],
    ["a number under the minimum", { count: 0, kind: "restock" }, "unprocessable"],
    ["a fractional number for a whole one", { count: 1.5, kind: "restock" }, "unprocessable"],
    ["a choice not offered", { count: 1, kind: "welcome" }, "unprocessable"],
    ["a string that is not an email", { count: 1, kind: "restock", email: "nope" }, "unprocessable"],
    [
      "a union value of the right type but bad format",
      { count: 1, kind: "restock", id: "abc" },
      "unprocessable",
    ],
    ["an unknown field", { count: 1, kind: "restock", colour: "red" }, "unprocessable"],
    ["a rule broken and a field missing", { count: 0 }, "bad_request"],
    ["a cross-field check naming an absent field", { count: 1, kind: "backorder" }, "unprocessable"],
  ])("%s -> %s", (_name, input, expected) => {
    expect(statusOf(() => parseBody(body, input))).toBe(expected);
  });

  it("carries zod's field errors", () => {
    const error = (() => {
      try {
        parseBody(body, { count: 0, kind: "restock" });
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error?.details).toMatchObject({ fieldErrors: { count: [expect.any(String)] } });
  });
});

describe("parseUrl", () => {
  it("answers 400 for whatever a path or query value fails, a rule included", () => {
    const query = z.object({ status: z.enum(["OPEN", "CLOSED"]) });
    expect(statusOf(() => parseUrl(query, { status: "NOPE" }))).toBe("bad_request");
    expect(statusOf(() => parseUrl(z.uuid(), "not-a-uuid"))).toBe("bad_request");
    expect(parseUrl(query, { status: "OPEN" })).toEqual({ status: "OPEN" });
  });
});

describe("isMalformed", () => {
  it("reads a missing field from the input, whatever code zod gives it", () => {
    const parsed = z.object({ kind: z.literal("a") }).safeParse({});
    expect(parsed.success).toBe(false);
    expect(isMalformed(parsed.error!.issues, {})).toBe(true);
    const wrong = z.object({ kind: z.literal("a") }).safeParse({ kind: "b" });
    expect(isMalformed(wrong.error!.issues, { kind: "b" })).toBe(false);
  });
});
