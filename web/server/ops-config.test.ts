import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("operator configuration", () => {
  it.each([
    ["both unset: dashboard off", {}, undefined],
    ["blank values count as unset", { OPS_USER: " ", OPS_PASSWORD: "" }, undefined],
    [
      "both set",
      { OPS_USER: "ops", OPS_PASSWORD: "a-long-password" },
      { user: "ops", password: "a-long-password" },
    ],
  ])("%s", (_label, env, expected) => {
    expect(loadConfig(env).ops).toEqual(expected);
  });

  it.each([
    ["user without password", { OPS_USER: "ops" }, /OPS_PASSWORD: OPS_USER and OPS_PASSWORD go together/],
    ["password without user", { OPS_PASSWORD: "a-long-password" }, /go together/],
    ["short password", { OPS_USER: "ops", OPS_PASSWORD: "short" }, /at least 12 characters/],
    ["metrics port not a number", { METRICS_PORT: "nine" }, /METRICS_PORT/],
    ["metrics port out of range", { METRICS_PORT: "70000" }, /METRICS_PORT/],
  ])("refuses %s", (_label, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    [{}, undefined],
    [{ METRICS_PORT: "" }, undefined],
    [{ METRICS_PORT: "9464" }, 9464],
    [{ METRICS_PORT: "0" }, 0],
  ])("METRICS_PORT %j -> %s", (env, expected) => {
    expect(loadConfig(env).metricsPort).toBe(expected);
  });
});
