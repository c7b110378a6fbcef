import http from "node:http";
import type { AddressInfo } from "node:net";

export const BACKEND_HEADER = "x-test-backend";

export type RoundRobinProxy = {
  url: string;
  /** Requests forwarded to each backend so far, by index. */
  forwarded: number[];
  close(): Promise<void>;
};

/**
 * A small HTTP load balancer for tests: each request goes to the next backend in turn, as a
 * round-robin balancer in front of several web processes would send it. The answer carries the
 * backend's index in `x-test-backend`, so a test knows which process answered.
 */
export async function startRoundRobinProxy(backends: readonly string[]): Promise<RoundRobinProxy> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const forwarded = backends.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next;
    next = (next + 1) % backends.length;
    forwarded[index] = (forwarded[index] ?? 0) + 1;
    const target = new URL(req.url ?? "/", backends[index]);
    const upstream = http.request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, [BACKEND_HEADER]: String(index) });
        answer.pipe(res);
      },
    );
    upstream.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { [BACKEND_HEADER]: String(index) });
      res.end(String(error));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

export type Observation = { backend: number; done: boolean };

/**
 * Polls `probe` (each call one request through the proxy) until every backend has answered
 * `done`, and returns how long after `since` the request that showed the last backend's change
 * was sent (sent, not answered: on a loaded machine the answer may take a while, and staleness is
 * about what a request sent at that moment gets). A backend that answered done and later answers
 * the old state again fails the wait: the change must stick on every process.
 */
export async function untilEveryBackend(
  backends: number,
  since: number,
  probe: () => Promise<Observation>,
  giveUpMs: number,
): Promise<number> {
  const doneAt = new Map<number, number>();
  for (;;) {
    const sentAt = Date.now();
    const { backend, done } = await probe();
    if (done && !doneAt.has(backend)) doneAt.set(backend, sentAt);
    if (!done && doneAt.has(backend)) throw new Error(`backend ${backend} went back to the old state`);
    if (doneAt.size === backends) return Math.max(...doneAt.values()) - since;
    if (Date.now() - since > giveUpMs) {
      throw new Error(`after ${giveUpMs} ms only backends [${[...doneAt.keys()].join(", ")}] changed`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
