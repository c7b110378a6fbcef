import { describe, expect, it } from "vitest";
import { maskEmail, maskEmailsIn } from "./mask-email.ts";

describe("maskEmail", () => {
  it.each([
    ["jonathan@example.com", "j***@example.com"],
    ["jane@example.com", "j***@example.com"],
    ["abc@example.com", "a***@example.com"],
    ["ab@example.com", "***@example.com"],
    ["a@b.co", "***@b.co"],
    ["weird@sub@example.com", "w***@example.com"],
    ["no-at-sign", "***"],
    ["@example.com", "***"],
  ])("%s -> %s", (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});

describe("maskEmailsIn", () => {
  it.each([
    ["to jane.doe@example.com", "to j***@example.com"],
    ['{"rejected":["a@b.co","bob@shop.example.org"]}', '{"rejected":["***@b.co","b***@shop.example.org"]}'],
    ["550 <x+tag@mail.example.com>: unknown", "550 <x***@mail.example.com>: unknown"],
    ["already masked j***@example.com", "already masked j***@example.com"],
    ["already masked ***@example.com", "already masked ***@example.com"],
    ["Backorder Hub <no-reply@localhost>", "Backorder Hub <no-reply@localhost>"],
    ["no address here", "no address here"],
  ])("%s -> %s", (input, output) => {
    expect(maskEmailsIn(input)).toBe(output);
  });
});
