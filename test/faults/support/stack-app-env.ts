import { TEST_API_KEY, TEST_API_SECRET } from "../../helpers/start-test-app.ts";
import type { FaultStack } from "./start-fault-stack.ts";

/** The environment of a stack's processes, for a web process a test adds beside them on `port`. */
export function stackAppEnv(
  stack: FaultStack,
  port: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    SHOPIFY_API_KEY: TEST_API_KEY,
    SHOPIFY_API_SECRET: TEST_API_SECRET,
    SHOPIFY_APP_URL: stack.webUrl,
    SHOPIFY_ADMIN_ORIGIN: stack.sim.origin,
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redis.url,
    SMTP_URL: stack.smtp.url,
    PORT: String(port),
    LOG_LEVEL: "info",
    ...extra,
  };
}
