// The one place that opens Redis connections: a single server (`redis://`, `rediss://`) or a Redis
// Cluster (`redis+cluster://host1:port,host2:port,...`, `rediss+cluster://` for TLS), whose client
// (ioredis' Cluster) follows the slot map and a replica's promotion on its own. docs/redis-cluster-and-pgbouncer.md
import { Cluster, Redis, type RedisOptions } from "ioredis";

export type RedisConnection = Redis | Cluster;

export type RedisTarget =
  | { kind: "single"; url: string }
  | {
      kind: "cluster";
      nodes: { host: string; port: number }[];
      username: string | undefined;
      password: string | undefined;
      tls: boolean;
    };

const CLUSTER_URL = /^(rediss?)\+cluster:\/\/(?:([^@/]*)@)?([^/?#]+)\/?$/;
const NODE = /^(\[[0-9a-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/i;

/** True for the URL forms REDIS_URL accepts. */
export function isRedisUrl(url: string): boolean {
  return /^rediss?:\/\//.test(url) || parseClusterUrl(url) !== null;
}

/** A cluster URL from REDIS_CLUSTER_NODES' `host:port,host:port` list. */
export function clusterUrlOfNodes(nodes: string): string {
  return `redis+cluster://${nodes.replace(/\s+/g, "")}`;
}

export function parseRedisTarget(url: string): RedisTarget {
  if (/^rediss?:\/\//.test(url)) return { kind: "single", url };
  const cluster = parseClusterUrl(url);
  if (!cluster) throw new Error("not a redis://, rediss:// or redis+cluster:// URL");
  return cluster;
}

function parseClusterUrl(url: string): Extract<RedisTarget, { kind: "cluster" }> | null {
  const match = CLUSTER_URL.exec(url);
  if (!match) return null;
  const nodes: { host: string; port: number }[] = [];
  for (const entry of match[3]!.split(",")) {
    const node = NODE.exec(entry);
    const port = Number(node?.[2]);
    if (!node || port < 1 || port > 65535) return null;
    nodes.push({ host: node[1]!.replace(/^\[|\]$/g, ""), port });
  }
  const [user, password] = (match[2] ?? "").split(":", 2).map((s) => decodeURIComponent(s));
  return {
    kind: "cluster",
    nodes,
    username: user || undefined,
    password: password || undefined,
    tls: match[1] === "rediss",
  };
}

/**
 * A connection to `url` with ioredis `options` (maxRetriesPerRequest, enableOfflineQueue,
 * lazyConnect). On a cluster, `enableOfflineQueue` belongs to the Cluster client and the rest to
 * each node's connection; a moved slot or a failover is retried every 100 ms until the cluster
 * answers again (a replica takes over after `cluster-node-timeout`).
 */
export function connectRedis(url: string, options: RedisOptions = {}): RedisConnection {
  const target = parseRedisTarget(url);
  if (target.kind === "single") return new Redis(url, options);
  const { enableOfflineQueue, lazyConnect, ...perNode } = options;
  return new Cluster(target.nodes, {
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    ...(lazyConnect === undefined ? {} : { lazyConnect }),
    retryDelayOnFailover: 100,
    retryDelayOnClusterDown: 100,
    redisOptions: {
      ...perNode,
      ...(target.username ? { username: target.username } : {}),
      ...(target.password ? { password: target.password } : {}),
      ...(target.tls ? { tls: {} } : {}),
    },
  });
}
