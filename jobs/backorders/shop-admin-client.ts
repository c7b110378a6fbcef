import { UnrecoverableError } from "bullmq";
import { createAdminClient, type AdminClient } from "../../web/server/shopify/admin/create-admin-client.ts";
import type { WorkerDeps } from "../worker-deps.ts";

/** A lazy Admin client for a shop id: jobs that turn out to need no call never load the session. */
export function shopAdminClient(deps: WorkerDeps, shopId: string): () => Promise<AdminClient> {
  let client: Promise<AdminClient> | null = null;
  return () => {
    client ??= (async () => {
      const shop = await deps.db.shop.findUnique({
        where: { id: shopId },
        select: { domain: true, uninstalledAt: true },
      });
      if (!shop || shop.uninstalledAt) throw new UnrecoverableError(`shop ${shopId} is not installed`);
      return createAdminClient(deps, shop.domain);
    })();
    return client;
  };
}
