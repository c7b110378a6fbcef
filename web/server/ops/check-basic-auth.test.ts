import { describe, expect, it } from "vitest";
import { checkBasicAuth } from "./check-basic-auth.ts";

const OPS = { user: "operator", password: "correct horse battery" };
const basic = (s: string) => `Basic ${Buffer.from(s, "utf8").toString("base64")}`;

describe("checkBasicAuth", () => {
  it.each([
    ["no header", undefined, { ok: false, reason: "missing" }],
    ["empty header", "", { ok: false, reason: "missing" }],
    ["right pair", basic("operator:correct horse battery"), { ok: true }],
    ["scheme in lower case", basic("operator:correct horse battery").replace("Basic", "basic"), { ok: true }],
    ["wrong password", basic("operator:correct horse batter"), { ok: false, reason: "mismatch" }],
    ["wrong user", basic("Operator:correct horse battery"), { ok: false, reason: "mismatch" }],
    [
      "password with a colon is not split",
      basic("operator:correct:horse battery"),
      { ok: false, reason: "mismatch" },
    ],
    ["empty password", basic("operator:"), { ok: false, reason: "mismatch" }],
    ["no colon", basic("operatorcorrect horse battery"), { ok: false, reason: "malformed" }],
    ["a bearer session token", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", { ok: false, reason: "malformed" }],
    ["garbage after the scheme", "Basic !!!", { ok: false, reason: "malformed" }],
  ])("%s", (_label, header, expected) => {
    expect(checkBasicAuth(header, OPS)).toEqual(expected);
  });

  it("accepts a password that itself contains a colon (only the first one separates)", () => {
    const ops = { user: "op", password: "a:b:c-long-enough" };
    expect(checkBasicAuth(basic("op:a:b:c-long-enough"), ops)).toEqual({ ok: true });
  });

  it("accepts UTF-8 credentials (RFC 7617 charset)", () => {
    const ops = { user: "opérateur", password: "mot-de-passe-très-long" };
    expect(checkBasicAuth(basic("opérateur:mot-de-passe-très-long"), ops)).toEqual({ ok: true });
  });
});
