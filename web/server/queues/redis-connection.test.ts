import { Cluster, Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { clusterUrlOfNodes, connectRedis, isRedisUrl, parseRedisTarget } from "./redis-connection.ts";

describe("Redis targets", () => {
  it("reads a single server and a cluster's nodes, credentials and TLS", () => {
    expect(parseRedisTarget("redis://127.0.0.1:6379/2")).toEqual({
      kind: "single",
      url: "redis://127.0.0.1:6379/2",
    });
    expect(
      parseRedisTarget("rediss+cluster://app:s%40cret@10.0.0.1:7000,[::1]:7001,redis-c.internal:7002"),
    ).toEqual({
      kind: "cluster",
      nodes: [
        { host: "10.0.0.1", port: 7000 },
        { host: "::1", port: 7001 },
        { host: "redis-c.internal", port: 7002 },
      ],
      username: "app",
      password: "s@cret",
      tls: true,
    });
    expect(parseRedisTarget(clusterUrlOfNodes("10.0.0.1:7000, 10.0.0.2:7000"))).toMatchObject({
      kind: "cluster",
      nodes: [
        { host: "10.0.0.1", port: 7000 },
        { host: "10.0.0.2", port: 7000 },
      ],
      username: undefined,
      password: undefined,
      tls: false,
    });
  });

  it("refuses what is not a server or a list of host:port", () => {
    for (const url of [
      "http://x:1",
      "redis+cluster://",
      "redis+cluster://host",
      "redis+cluster://host:0",
      "redis+cluster://host:70000",
      "redis+cluster://a:1,,b:2",
      "redis+cluster://a:1/3",
    ]) {
      expect([url, isRedisUrl(url)]).toEqual([url, false]);
    }
    expect(() => parseRedisTarget("redis+cluster://host")).toThrow(/redis\+cluster/);
  });

  it("opens ioredis' Cluster client for a cluster and a plain client otherwise", () => {
    const cluster = connectRedis("redis+cluster://127.0.0.1:1,127.0.0.1:2", { lazyConnect: true });
    const single = connectRedis("redis://127.0.0.1:1", { lazyConnect: true });
    expect(cluster).toBeInstanceOf(Cluster);
    expect(single).toBeInstanceOf(Redis);
    expect((cluster as Cluster).options.enableOfflineQueue).toBe(true);
    cluster.disconnect();
    single.disconnect();
  });
});
