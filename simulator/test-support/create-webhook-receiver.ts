import { createServer } from "node:http";
import type { IncomingHttpHeaders } from "node:http";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: string;
  path: string;
}

/** A stand-in app for tests: records raw webhook requests and answers with `respond(n)`. */
export async function createWebhookReceiver(
  respond: (index: number, hook: ReceivedWebhook) => number = () => 200,
) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const hook = {
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString("utf8"),
        path: req.url ?? "",
      };
      received.push(hook);
      res.statusCode = respond(received.length - 1, hook);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    byTopic: (topic: string) => received.filter((hook) => hook.headers["x-shopify-topic"] === topic),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
