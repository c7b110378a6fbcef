import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: Record<string, string>; body: string; path: string };

/** A local endpoint that records every POST and answers with the next queued status (default 200). */
export async function startWebhookReceiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const beforeAnswer: (() => Promise<void>)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : (v ?? "")]),
      );
      received.push({ headers, body: Buffer.concat(chunks).toString("utf8"), path: req.url ?? "" });
      const status = statuses.shift() ?? 200;
      void (beforeAnswer.shift() ?? (async () => undefined))().finally(() => res.writeHead(status).end("ok"));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    /** The next answers, in order (then 200 again). */
    answer: (...codes: number[]) => statuses.push(...codes),
    /** Runs `step` when the next POST has arrived, answering it only once `step` has finished. */
    whileAnswering: (step: () => Promise<void>) => beforeAnswer.push(step),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
