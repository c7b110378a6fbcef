import { fork } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";

export type ForwardingHop = {
  /** Where clients send requests (127.0.0.1). */
  url: string;
  /** The address the app sees the hop's connections come from. */
  sourceAddress: string;
  close(): Promise<void>;
};

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "host",
]);

/**
 * This machine's first non-loopback IPv4 address: a hop connecting from it reaches the app the
 * way a load balancer on another host does (not from loopback, which the app might trust anyway).
 */
export function hostAddress(): string {
  for (const addresses of Object.values(os.networkInterfaces())) {
    const found = addresses?.find((a) => a.family === "IPv4" && !a.internal);
    if (found) return found.address;
  }
  throw new Error(
    "no non-loopback IPv4 address on this machine: a proxy hop from another host cannot be played",
  );
}

/**
 * A minimal HTTP reverse proxy in front of `target`, as a load balancer is: it appends the address
 * of the client it saw to X-Forwarded-For and connects to the app from `sourceAddress` (by default
 * this machine's non-loopback address), over a small keep-alive pool.
 */
export async function startForwardingHop(
  target: string,
  opts: { sourceAddress?: string; maxSockets?: number } = {},
): Promise<ForwardingHop> {
  const sourceAddress = opts.sourceAddress ?? hostAddress();
  const upstream = new URL(target);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: opts.maxSockets ?? 16,
    localAddress: sourceAddress,
  });
  const server = http.createServer((req, res) => {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
    }
    const seen = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
    const prior = req.headers["x-forwarded-for"];
    headers["x-forwarded-for"] = prior ? `${String(prior)}, ${seen}` : seen;
    const forwarded = http.request(
      {
        agent,
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers,
      },
      (answer) => {
        const out: http.OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
        }
        res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(res);
      },
    );
    forwarded.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`hop error: ${error.message}`);
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sourceAddress,
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * App-proxy POSTs the hop's process sends through itself, `lanes` at a time: the sender plays
 * Shopify, signing each query for `shop` as it sends it (signatures are only good for 90 s).
 */
export type HopBatch = {
  path: string;
  requests: { shop: string; body: string; forwardedFor: string }[];
  lanes: number;
};
export type HopBatchResult = { statuses: number[]; seconds: number };

/**
 * The same hop in a child process of its own (run-forwarding-hop.ts), as a load balancer runs
 * apart from the app; `send` has that process send a batch through the hop, so the client's CPU is
 * not the app's either.
 */
export async function spawnForwardingHop(
  target: string,
): Promise<ForwardingHop & { send(batch: HopBatch): Promise<HopBatchResult> }> {
  const child = fork(new URL("./run-forwarding-hop.ts", import.meta.url).pathname, [], {
    env: { PATH: process.env.PATH, TARGET: target },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`forwarding hop exited early (${String(code)})`);
  });
  const [line] = (await Promise.race([once(child.stdout!, "data"), exited])) as [Buffer];
  const { url, sourceAddress } = JSON.parse(line.toString("utf8")) as { url: string; sourceAddress: string };
  exited.catch(() => {}); // from here on an exit is expected (close)
  return {
    url,
    sourceAddress,
    async send(batch) {
      child.send(batch);
      const [answer] = (await Promise.race([once(child, "message"), exited])) as [
        HopBatchResult | { error: string },
      ];
      if ("error" in answer) throw new Error(`hop batch failed: ${answer.error}`);
      return answer;
    },
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
