import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { HANDLED_TOPICS } from "../../web/server/webhooks/handled-topics.ts";
import { TOPIC_HANDLERS } from "./topic-handlers.ts";

type Toml = { webhooks: { subscriptions: { topics?: string[]; compliance_topics?: string[] }[] } };

describe("webhook topics", () => {
  it("has a handler for every handled topic and no other", () => {
    expect(Object.keys(TOPIC_HANDLERS).sort()).toEqual([...HANDLED_TOPICS].sort());
  });

  it("are the topics shopify.app.toml subscribes to", () => {
    const toml = parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../shopify.app.toml"), "utf8"));
    const subscribed = (toml as unknown as Toml).webhooks.subscriptions.flatMap((s) => [
      ...(s.topics ?? []),
      ...(s.compliance_topics ?? []),
    ]);
    expect([...new Set(subscribed)].sort()).toEqual([...HANDLED_TOPICS].sort());
  });
});
