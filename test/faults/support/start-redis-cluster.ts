import { execFile, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { waitFor } from "../../helpers/wait-for.ts";
import { waitForPort, type RedisServer } from "./start-redis-server.ts";

const run = promisify(execFile);

/** How long a master may be silent before its replica takes over (Redis' default is 15 s). */
export const CLUSTER_NODE_TIMEOUT_MS = 2_000;

export type RedisClusterNode = { port: number; dir: string; child: ChildProcess | null };

export type RedisCluster = RedisServer & {
  nodes: RedisClusterNode[];
  /** The port of the master serving `key`'s slot now. */
  masterOf(key: string): Promise<number>;
  /** Keys stored in `key`'s slot, as its master counts them. */
  keysInSlot(key: string): Promise<number>;
  /** kill -9 of one node: no shutdown, no last write flushed to its replica. */
  killNode(port: number): Promise<void>;
  /** Waits until `key`'s slot is served by a master other than `port` and the cluster is ok. */
  waitForFailover(key: string, port: number, timeoutMs: number): Promise<number>;
};

/**
 * A real Redis Cluster of this test: three masters and three replicas of /usr/bin/redis-server on
 * free loopback ports (each port and its bus port, +10000), joined by `redis-cli --cluster create`.
 */
export async function startRedisCluster(): Promise<RedisCluster> {
  const ports = await freeClusterPorts(6);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bh-faults-cluster-"));
  const nodes: RedisClusterNode[] = ports.map((port) => ({
    port,
    dir: path.join(root, String(port)),
    child: null,
  }));
  const startNode = async (node: RedisClusterNode) => {
    fs.mkdirSync(node.dir, { recursive: true });
    // Each write is fsynced to the node's own AOF, as production should run; replication stays async.
    node.child = spawn(
      "redis-server",
      [
        ...["--port", String(node.port), "--bind", "127.0.0.1", "--dir", node.dir, "--save", ""],
        ...["--appendonly", "yes", "--appendfsync", "everysec", "--daemonize", "no"],
        ...["--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf"],
        ...["--cluster-node-timeout", String(CLUSTER_NODE_TIMEOUT_MS), "--maxmemory-policy", "noeviction"],
      ],
      { stdio: "ignore" },
    );
    await waitForPort(node.port, 10_000);
  };
  const stopNode = async (node: RedisClusterNode, signal: NodeJS.Signals) => {
    const child = node.child;
    node.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill(signal);
    await exited;
  };
  const cli = async (port: number, ...args: string[]) =>
    (await run("redis-cli", ["-h", "127.0.0.1", "-p", String(port), ...args])).stdout;
  const clusterOk = async (port: number) => (await cli(port, "cluster", "info")).includes("cluster_state:ok");
  const masterOf = async (key: string): Promise<number> => {
    const live = nodes.find((n) => n.child)!.port;
    const slot = Number((await cli(live, "cluster", "keyslot", key)).trim());
    for (const line of (await cli(live, "cluster", "nodes")).split("\n")) {
      const [, address, flags, , , , , , ...ranges] = line.split(" ");
      if (!flags?.includes("master") || flags.includes("fail")) continue;
      const owns = ranges.some((r) => {
        const [from, to] = r.split("-").map(Number);
        return slot >= from! && slot <= (to ?? from)!;
      });
      if (owns) return Number(address!.split("@")[0]!.split(":")[1]);
    }
    throw new Error(`no master serves slot ${slot}`);
  };

  await Promise.all(nodes.map(startNode));
  await run("redis-cli", [
    "--cluster",
    "create",
    ...ports.map((p) => `127.0.0.1:${p}`),
    "--cluster-replicas",
    "1",
    "--cluster-yes",
  ]);
  await waitFor(
    async () => ((await Promise.all(ports.map(clusterOk))).every(Boolean) ? true : null),
    60_000,
    200,
  );

  const cluster: RedisCluster = {
    url: `redis+cluster://${ports.map((p) => `127.0.0.1:${p}`).join(",")}`,
    port: ports[0]!,
    nodes,
    masterOf,
    keysInSlot: async (key) => {
      const master = await masterOf(key);
      const slot = (await cli(master, "cluster", "keyslot", key)).trim();
      return Number((await cli(master, "cluster", "countkeysinslot", slot)).trim());
    },
    killNode: (port) =>
      stopNode(
        nodes.find((n) => n.port === port)!,
        "SIGKILL",
      ),
    waitForFailover: async (key, port, timeoutMs) => {
      const started = Date.now();
      await waitFor(
        async () => {
          const live = nodes.filter((n) => n.child).map((n) => n.port);
          const ok = (await Promise.all(live.map(clusterOk))).every(Boolean);
          return ok && (await masterOf(key)) !== port ? true : null;
        },
        timeoutMs,
        100,
      );
      return Date.now() - started;
    },
    start: async () => {
      await Promise.all(nodes.filter((n) => !n.child).map(startNode));
    },
    stop: async () => {
      await Promise.all(nodes.map((n) => stopNode(n, "SIGTERM")));
    },
    close: async () => {
      await cluster.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  return cluster;
}

/** Ports free on loopback whose cluster bus ports (+10000) are free as well. */
async function freeClusterPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    if (ports.includes(port) || !(await isFree(port)) || !(await isFree(port + 10_000))) continue;
    ports.push(port);
  }
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
