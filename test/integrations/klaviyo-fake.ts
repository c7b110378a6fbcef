import http from "node:http";
import type { AddressInfo } from "node:net";

export type KlaviyoCall = { path: string; headers: http.IncomingHttpHeaders; body: unknown };

/**
 * A local Klaviyo that accepts Create Event only in its documented shape: POST /api/events, a
 * `Klaviyo-API-Key` authorization with a known key, a `revision` date, a JSON:API event with a
 * metric name and a profile email. Anything else gets the 4xx Klaviyo would answer.
 */
export async function startKlaviyoFake(validKey: string) {
  const calls: KlaviyoCall[] = [];
  const fail: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer = (status: number, detail = "") =>
        res
          .writeHead(status, { "content-type": "application/vnd.api+json" })
          .end(detail ? JSON.stringify({ errors: [{ detail }] }) : "");
      let body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return answer(400, "invalid JSON");
      }
      calls.push({ path: req.url ?? "", headers: req.headers, body });
      if (req.method !== "POST" || req.url !== "/api/events") return answer(404, "not found");
      if (req.headers.authorization !== `Klaviyo-API-Key ${validKey}`) return answer(401, "bad key");
      if (!/^\d{4}-\d{2}-\d{2}$/.test(String(req.headers.revision)))
        return answer(400, "revision header required");
      const a = body?.data?.attributes;
      if (
        body?.data?.type !== "event" ||
        a?.metric?.data?.type !== "metric" ||
        !a.metric.data.attributes?.name
      )
        return answer(400, "metric required");
      if (a?.profile?.data?.type !== "profile" || !a.profile.data.attributes?.email)
        return answer(400, "profile required");
      const next = fail.shift();
      if (next) return answer(next, "try later");
      answer(202);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    failNext: (...codes: number[]) => fail.push(...codes),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
