import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook } from "../../web/server/integrations/outgoing/post-webhook.ts";

// One local server plays every host: /ok answers 204, /hang never answers, /to-* redirect.
describe("postWebhook", () => {
  let server: http.Server;
  let port: number;
  const seen: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(`${req.headers.host} ${req.url}`);
      if (req.url === "/hang") return;
      if (req.url === "/to-internal") {
        res.writeHead(307, { location: `http://internal.example:${port}/ok` }).end();
        return;
      }
      if (req.url === "/to-hook") {
        res.writeHead(308, { location: `http://hook.example:${port}/ok` }).end();
        return;
      }
      res.writeHead(req.url === "/ok" ? 204 : 500).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  // hook.example is "public" (allowed), internal.example resolves to an address that is not.
  const resolve = async (host: string) => (host === "hook.example" ? ["127.0.0.1"] : ["127.0.0.2"]);
  const guarded = {
    headers: {},
    body: "{}",
    timeoutMs: 2_000,
    production: true,
    requireHttps: false,
    allowAddress: (a: string) => a === "127.0.0.1",
    resolve,
  };

  it("delivers to an allowed address and follows a redirect that stays allowed", async () => {
    expect(await postWebhook(`http://hook.example:${port}/ok`, guarded)).toEqual({ ok: true, status: 204 });
    expect(await postWebhook(`http://hook.example:${port}/to-hook`, guarded)).toEqual({
      ok: true,
      status: 204,
    });
  });

  it("refuses a host resolving to a refused address, and checks again on a redirect", async () => {
    seen.length = 0;
    const direct = await postWebhook(`http://internal.example:${port}/ok`, guarded);
    expect(direct).toMatchObject({ ok: false, unsafe: true, error: expect.stringMatching(/non-public/) });
    const redirected = await postWebhook(`http://hook.example:${port}/to-internal`, guarded);
    expect(redirected).toMatchObject({ ok: false, unsafe: true });
    // The first hop was made, the refused one never reached the server.
    expect(seen).toEqual([`hook.example:${port} /to-internal`]);
  });

  it("with the default rules, refuses loopback even when DNS says so", async () => {
    const result = await postWebhook(`https://hook.example:${port}/ok`, {
      ...guarded,
      allowAddress: undefined as never,
      requireHttps: true,
    });
    expect(result).toMatchObject({ ok: false, unsafe: true });
  });

  it("fails an attempt that gets no answer within the timeout, and reports non-2xx answers", async () => {
    const hung = await postWebhook(`http://hook.example:${port}/hang`, { ...guarded, timeoutMs: 200 });
    expect(hung).toMatchObject({
      ok: false,
      status: null,
      error: expect.stringMatching(/no answer within 200 ms/),
    });
    expect(await postWebhook(`http://hook.example:${port}/fail`, guarded)).toEqual({
      ok: false,
      status: 500,
      error: "HTTP 500",
    });
  });
});
