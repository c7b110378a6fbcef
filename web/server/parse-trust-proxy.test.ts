import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";
import { MAX_TRUSTED_HOPS, parseTrustProxy } from "./parse-trust-proxy.ts";

describe("parseTrustProxy", () => {
  it.each([
    ["1", 1],
    [" 2 ", 2],
    ["0", 0],
    ["loopback", ["loopback"]],
    ["10.0.0.0/8, 172.16.0.0/12,fd00::/8", ["10.0.0.0/8", "172.16.0.0/12", "fd00::/8"]],
    ["203.0.113.7,uniquelocal", ["203.0.113.7", "uniquelocal"]],
  ])("accepts %j", (raw, value) => {
    expect(parseTrustProxy(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ["true", /any X-Forwarded-For/],
    ["false", /use 0/],
    ["", /hop count/],
    ["10.0.0.0/8,", /hop count/],
    ["10.0.0.0/33", /prefix length outside 0-32/],
    ["fd00::/129", /prefix length outside 0-128/],
    ["10.0.0/8", /not an address/],
    ["proxy.internal", /not an address/],
    [String(MAX_TRUSTED_HOPS + 1), /more than any deployment/],
    ["-1", /not an address/],
  ])("refuses %j with a reason", (raw, reason) => {
    const parsed = parseTrustProxy(raw);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(reason);
  });
});

describe("TRUST_PROXY in the configuration", () => {
  it("defaults to one hop (Shopify's app proxy) and refuses a bad value at load, naming the key", () => {
    expect(loadConfig({}).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8,loopback" }).trustProxy).toEqual(["10.0.0.0/8", "loopback"]);
    expect(() => loadConfig({ TRUST_PROXY: "yes" })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY: "yes" is not an address/);
  });

  /** What express makes of X-Forwarded-For with `trust proxy` set to the parsed value, over a real socket. */
  async function clientAddress(raw: string, forwardedFor: string): Promise<string> {
    const parsed = parseTrustProxy(raw);
    if (!parsed.ok) throw new Error(parsed.message);
    const app = express();
    app.set("trust proxy", typeof parsed.value === "number" ? parsed.value : [...parsed.value]);
    app.get("/", (req, res) => void res.send(req.ip));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
        headers: { "X-Forwarded-For": forwardedFor },
      });
      return await res.text();
    } finally {
      server.close();
    }
  }

  it.each([
    // Shopify alone in front: its entry (the last) is the shopper.
    ["1", "6.6.6.6, 198.51.100.4", "198.51.100.4"],
    // Shopify then a load balancer: the load balancer appended Shopify's address.
    ["2", "6.6.6.6, 198.51.100.4, 192.0.2.9", "198.51.100.4"],
    // No proxy trusted: the peer itself.
    ["0", "198.51.100.4", "127.0.0.1"],
    // A list stops at the first address not on it.
    ["loopback,192.0.2.0/24", "6.6.6.6, 198.51.100.4, 192.0.2.9", "198.51.100.4"],
  ])("TRUST_PROXY=%s and X-Forwarded-For %j: the client is %s", async (raw, header, expected) => {
    expect(await clientAddress(raw, header)).toBe(expected);
  });
});
