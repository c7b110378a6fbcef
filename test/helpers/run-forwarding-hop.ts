// Child process: the world in front of the app, as in production a separate machine is. It runs
// a forwarding hop (start-forwarding-hop.ts) to TARGET and, on request, sends batches of POSTs
// through that hop so the test process's CPU goes to the app alone. Prints {"url","sourceAddress"}
// once listening; exits on SIGTERM.
import { signedProxyQuery } from "../faults/support/proxy-request.ts";
import { mapInLanes } from "./map-in-lanes.ts";
import { startForwardingHop, type HopBatch, type HopBatchResult } from "./start-forwarding-hop.ts";

const target = process.env.TARGET;
if (!target) throw new Error("TARGET is required");
const hop = await startForwardingHop(target);
process.stdout.write(`${JSON.stringify({ url: hop.url, sourceAddress: hop.sourceAddress })}\n`);

process.on("message", (batch: HopBatch) => {
  const started = performance.now();
  void mapInLanes(batch.requests, batch.lanes, async (request) => {
    const res = await fetch(`${hop.url}${batch.path}?${signedProxyQuery(request.shop)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": request.forwardedFor },
      body: request.body,
    });
    await res.arrayBuffer();
    return res.status;
  }).then(
    (statuses) => {
      const result: HopBatchResult = { statuses, seconds: (performance.now() - started) / 1000 };
      process.send!(result);
    },
    (error: unknown) => process.send!({ error: String(error) }),
  );
});
process.once("SIGTERM", () => {
  void hop.close().then(() => process.exit(0));
});
