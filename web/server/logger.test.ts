import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";

describe("createLogger", () => {
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
