import { describe, expect, it } from "vitest";
import { classifySmtpError, type SmtpFailure } from "./classify-smtp-error.ts";

const smtp = (responseCode: number, code = "EENVELOPE") =>
  Object.assign(new Error(`${responseCode} reply`), { responseCode, code });

describe("classifySmtpError", () => {
  it.each<[string, unknown, SmtpFailure["kind"], boolean | null]>([
    ["451 greylisting", smtp(451), "transient", null],
    ["421 service closing", smtp(421, "EPROTOCOL"), "transient", null],
    ["452 mailbox full for now", smtp(452), "transient", null],
    ["550 no such user", smtp(550), "permanent", true],
    ["551 user not local", smtp(551), "permanent", true],
    ["553 bad mailbox name", smtp(553), "permanent", true],
    ["552 storage exceeded", smtp(552), "permanent", false],
    ["554 rejected as spam", smtp(554, "EMESSAGE"), "permanent", false],
    [
      "lost connection",
      Object.assign(new Error("Connection closed"), { code: "ECONNECTION" }),
      "transient",
      null,
    ],
    ["timeout", Object.assign(new Error("Timeout"), { code: "ETIMEDOUT" }), "transient", null],
    ["bad credentials", Object.assign(new Error("Invalid login"), { code: "EAUTH" }), "permanent", false],
    [
      "invalid recipient (no reply)",
      Object.assign(new Error("Invalid recipient"), { code: "EENVELOPE" }),
      "permanent",
      false,
    ],
    ["something unknown", new Error("boom"), "transient", null],
    ["not even an error", "boom", "transient", null],
  ])("%s", (_name, error, kind, hardBounce) => {
    const result = classifySmtpError(error);
    expect(result.kind).toBe(kind);
    if (result.kind === "permanent") expect(result.hardBounce).toBe(hardBounce);
    expect(result.reason.length).toBeGreaterThan(0);
  });
});
