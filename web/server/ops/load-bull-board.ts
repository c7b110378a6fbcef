import type { Queue } from "bullmq";
import type { RequestHandler } from "express";

/** Builds the dashboard's request handler for these queues, served under basePath. */
export type LoadDashboard = (queues: Queue[], basePath: string) => Promise<RequestHandler>;

type ApiModule = {
  createBullBoard(args: { queues: unknown[]; serverAdapter: unknown }): unknown;
};
type AdapterModule = { BullMQAdapter: new (queue: Queue) => unknown };
type ExpressModule = {
  ExpressAdapter: new () => { setBasePath(path: string): unknown; getRouter(): RequestHandler };
};

// Specifiers held in variables: bull-board is an optional runtime dependency, and a literal would
// make the type-check fail on machines that have not installed it.
const API = "@bull-board/api";
const ADAPTER = "@bull-board/api/bullMQAdapter";
const EXPRESS = "@bull-board/express";

/** bull-board (`@bull-board/api` + `@bull-board/express`), loaded on first use. */
export const loadBullBoard: LoadDashboard = async (queues, basePath) => {
  const [api, adapter, express] = await Promise.all([
    import(API).then((m) => namespace<ApiModule>(m)),
    import(ADAPTER).then((m) => namespace<AdapterModule>(m)),
    import(EXPRESS).then((m) => namespace<ExpressModule>(m)),
  ]);
  const serverAdapter = new express.ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  api.createBullBoard({ queues: queues.map((q) => new adapter.BullMQAdapter(q)), serverAdapter });
  return serverAdapter.getRouter();
};

/** CommonJS packages imported from ESM: named exports when Node detects them, else on `default`. */
function namespace<T>(mod: unknown): T {
  const m = mod as { default?: unknown };
  return (m.default && typeof m.default === "object" ? { ...m.default, ...m } : m) as T;
}
