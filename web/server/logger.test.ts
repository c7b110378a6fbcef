import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskEmailsIn } from "./logger.ts";

describe("maskEmailsIn", () => {
  it.each([
    ["to jane.doe@example.com", "to j***@example.com"],
    ['{"rejected":["a@b.co","bob@shop.example.org"]}', '{"rejected":["a***@b.co","b***@shop.example.org"]}'],
    ["550 <x+tag@mail.example.com>: unknown", "550 <x***@mail.example.com>: unknown"],
    ["already masked j***@example.com", "already masked j***@example.com"],
    ["Backorder Hub <no-reply@localhost>", "Backorder Hub <no-reply@localhost>"],
    ["no address here", "no address here"],
  ])("%s -> %s", (input, output) => {
    expect(maskEmailsIn(input)).toBe(output);
  });

  it("masks addresses in whatever field a log line carries them", () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const logger = createLogger({ level: "info", destination });
    logger.warn(
      { err: Object.assign(new Error("rejected"), { rejected: ["jane@example.com"] }) },
      "job failed",
    );
    expect(lines.join("")).toContain("j***@example.com");
    expect(lines.join("")).not.toContain("jane@example.com");
  });
});
