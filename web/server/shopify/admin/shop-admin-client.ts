import { UnrecoverableError } from "bullmq";
import { createAdminClient, type AdminClient } from "./create-admin-client.ts";
import type { AppDeps } from "../../app-deps.ts";

/** A lazy Admin client for a shop id: jobs that turn out to need no call never load the session. */
export function shopAdminClient(deps: AppDeps, shopId: string): () => Promise<AdminClient> {
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
