import net from "node:net";
import { describe, expect, it } from "vitest";
import { HttpConnection, serializeRequest } from "../../bench/load/http-connection.ts";
import { percentile } from "../../bench/load/load-spec.ts";
import { formatMarkdown, type BenchReport } from "../../bench/report/format-table.ts";
import { summarizeProfile } from "../../bench/report/summarize-profile.ts";
import { median } from "../../bench/rows/row-types.ts";
import { orderCreateRequests } from "../../bench/rows/webhooks-row.ts";
import { BENCH_API_SECRET } from "../../bench/env/start-bench-env.ts";
import { verifyWebhookHmac } from "../../web/server/webhooks/verify-webhook-hmac.ts";
import { parseWebhookBody } from "../../web/server/webhooks/parse-webhook-body.ts";

describe("latency percentiles (nearest rank)", () => {
  const samples = Float64Array.from({ length: 100 }, (_, i) => i + 1); // 1..100, sorted
  it.each([
    [50, 50],
    [90, 90],
    [99, 99],
    [100, 100],
    [0, 1],
  ])("p%d of 1..100 is %d", (p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });
  it("is NaN without samples", () => {
    expect(percentile(new Float64Array(0), 99)).toBeNaN();
  });
});

describe("median", () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])("median(%j) = %d", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe("webhook request bodies", () => {
  it("are distinct realistic orders of about 15 KB, keep 64-bit ids exact, and carry a valid Shopify signature", () => {
    const requests = orderCreateRequests(3);
    expect(new Set(requests.map((r) => r.body)).size).toBe(3);
    expect(requests[1]!.body).toContain('"id":900000000000000001,');
    for (const r of requests) {
      const bytes = Buffer.byteLength(r.body!);
      expect(bytes).toBeGreaterThan(14_000);
      expect(bytes).toBeLessThan(18_000);
      const order = parseWebhookBody(r.body!) as Record<string, unknown> & { line_items: unknown[] };
      expect(order.line_items).toHaveLength(10);
      expect(order).toMatchObject({
        customer: { email: expect.any(String) },
        billing_address: { address1: expect.any(String) },
        shipping_address: { zip: expect.any(String) },
        tax_lines: [expect.objectContaining({ rate: expect.any(Number) })],
        discount_codes: [expect.objectContaining({ code: expect.any(String) })],
      });
      expect(
        verifyWebhookHmac(Buffer.from(r.body!), r.headers!["X-Shopify-Hmac-Sha256"], [BENCH_API_SECRET]),
      ).toBe(true);
      expect(verifyWebhookHmac(Buffer.from(r.body!), r.headers!["X-Shopify-Hmac-Sha256"], ["other"])).toBe(
        false,
      );
    }
  });

  it("add up: the total is the lines less discounts plus tax and shipping", () => {
    const order = JSON.parse(orderCreateRequests(1)[0]!.body!) as Record<string, string> & {
      line_items: { price: string; quantity: number }[];
      shipping_lines: { price: string }[];
    };
    const cents = (s: string) => Math.round(Number(s) * 100);
    const lines = order.line_items.reduce((s, l) => s + cents(l.price) * l.quantity, 0);
    expect(lines).toBe(cents(order.total_line_items_price!));
    expect(
      lines - cents(order.total_discounts!) + cents(order.total_tax!) + cents(order.shipping_lines[0]!.price),
    ).toBe(cents(order.total_price!));
  });
});

describe("the generator's HTTP connection", () => {
  it("reuses one socket for several requests and reads bodies split across packets", async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      socket.on("data", () => {
        // Header and body in separate writes: the parser must wait for Content-Length bytes.
        socket.write("HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nhe");
        setTimeout(() => socket.write("llo"), 5);
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as net.AddressInfo).port;
    const conn = new HttpConnection("127.0.0.1", port);
    const request = serializeRequest({ method: "POST", path: "/x", host: "h", body: "abc" });
    expect(request.toString()).toContain("Content-Length: 3\r\n\r\nabc");
    const first = await conn.send(request);
    const second = await conn.send(request);
    conn.close();
    await new Promise<void>((r) => server.close(() => r()));
    expect([first.status, second.status, connections]).toEqual([201, 201, 1]);
  });
});

describe("report", () => {
  it("prints one Markdown row per benchmark with ratio and verdict", () => {
    const report: BenchReport = {
      startedAt: "2026-11-22T00:00:00.000Z",
      durationS: 1,
      size: "small",
      allRows: false,
      machine: { cpu: "cpu", cores: 2, memoryGb: 4, os: "Linux", node: "v24", loadAverage: 0.5 },
      services: { database: "embedded", queue: "pg" },
      versions: { postgres: "18", redis: null, bullmq: "6", express: "5" },
      rows: [
        {
          name: "a",
          ours: "10 req/s",
          baseline: "20 req/s",
          ratio: 0.5,
          target: ">= 0.8 | x",
          pass: false,
          notes: ["bounded by y"],
          data: {},
        },
        {
          name: "b",
          ours: "not available: later",
          baseline: "-",
          ratio: null,
          target: "t",
          pass: null,
          notes: [],
          data: {},
        },
      ],
    };
    const md = formatMarkdown(report);
    expect(md).toContain("| a | 10 req/s | 20 req/s | 0.50 | >= 0.8 \\| x | FAIL |");
    expect(md).toContain("| b | not available: later | - | - | t | n/a |");
    expect(md).toContain("- **a**: bounded by y");
  });
});

describe("CPU profile summary", () => {
  it("attributes self time to packages and functions", () => {
    const node = (id: number, functionName: string, url: string) => ({
      id,
      callFrame: { functionName, url, lineNumber: 0 },
    });
    const summary = summarizeProfile({
      nodes: [
        node(1, "(idle)", ""),
        node(2, "query", "file:///x/node_modules/@prisma/client/runtime/client.js"),
        node(3, "handler", "file:///work/main/web/server/app.ts"),
      ],
      samples: [1, 2, 2, 3],
      timeDeltas: [1000, 2000, 2000, 1000],
    });
    expect(summary.totalMs).toBe(6);
    expect(summary.byPackage).toEqual([
      ["@prisma/client", 4],
      ["(idle)", 1],
      ["app: web", 1],
    ]);
  });
});
