// The one place that reads the environment. Parsed once at boot into a frozen, typed object;
// every bad or missing key is reported together.
import { clusterUrlOfNodes } from "./queues/redis-connection.ts";
import { DEV_TOKEN_ENCRYPTION_KEY, parseEncryptionKey, type EncryptionKey } from "./encryption-key.ts";
import type { TrustProxy } from "./parse-trust-proxy.ts";
import { DEMO_API_KEY, DEMO_API_SECRET, envSchema, pemOf } from "./config-env-schema.ts";

export type Config = Readonly<{
  env: "development" | "test" | "production";
  port: number;
  apiKey: string;
  /** Current secret first, then the previous one while a rotation is under way. */
  apiSecrets: readonly string[];
  appUrl: string;
  scopes: readonly string[];
  databaseUrl: string | undefined;
  /** PostgreSQL itself when DATABASE_URL is a pooler (migrations, session locks, LISTEN). */
  directDatabaseUrl: string | undefined;
  /** A single server, or a cluster (`redis+cluster://...`, also built from REDIS_CLUSTER_NODES). */
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  klaviyoBaseUrl: string;
  /** Signs outgoing email with DKIM when set. */
  dkim: Readonly<{ domain: string; selector: string; privateKey: string }> | undefined;
  adminOrigin: string | undefined;
  logLevel: string;
  dataDir: string;
  workerConcurrency: number;
  /** Web processes `npm start` runs (WEB_CONCURRENCY; 1: this process serves, no cluster primary). */
  webConcurrency: number;
  /** Operator credentials for /admin/queues (basic auth); unset = the dashboard is off (404). */
  ops: Readonly<{ user: string; password: string }> | undefined;
  /**
   * Proxies trusted to name the client in X-Forwarded-For (express's `trust proxy`): a hop count
   * or a list of addresses and CIDR ranges. The shopper's address keys the signup rate limits.
   */
  trustProxy: TrustProxy;
  /** The ops listener (/metrics, /healthz) of the web process and of each worker; unset = none. */
  metricsPort: number | undefined;
  /** Offline access tokens are encrypted with `current`; `previous` still decrypts during a rotation. */
  tokenKeys: Readonly<{ current: EncryptionKey; previous: EncryptionKey | undefined }>;
  /** Requests per window; see docs/operations.md (Rate limits). */
  limits: Readonly<{
    apiPerShopPerMinute: number;
    apiInFlightPerShop: number;
    /** /api/v1 requests of one merchant API key per minute, all web processes together. */
    apiKeyPerMinute: number;
    proxyEtaPerShopPerMinute: number;
    proxyEtaPerClientPerMinute: number;
  }>;
  /** True when running with the demo credentials (the offline playground). */
  demo: boolean;
}>;

export class ConfigError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid configuration:\n  - ${issues.join("\n  - ")}`);
    this.name = "ConfigError";
    this.issues = issues;
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`));
  }
  const env = parsed.data;
  const apiSecret = env.SHOPIFY_API_SECRET ?? DEMO_API_SECRET;
  return Object.freeze({
    env: env.NODE_ENV,
    port: env.PORT,
    apiKey: env.SHOPIFY_API_KEY ?? DEMO_API_KEY,
    apiSecrets: Object.freeze(
      [apiSecret, env.SHOPIFY_API_SECRET_PREVIOUS].filter((s): s is string => Boolean(s)),
    ),
    appUrl: (env.SHOPIFY_APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    scopes: Object.freeze(
      env.SCOPES.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    databaseUrl: env.DATABASE_URL,
    directDatabaseUrl: env.DIRECT_URL,
    redisUrl:
      env.REDIS_URL ?? (env.REDIS_CLUSTER_NODES ? clusterUrlOfNodes(env.REDIS_CLUSTER_NODES) : undefined),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    klaviyoBaseUrl: env.KLAVIYO_BASE_URL.replace(/\/+$/, ""),
    dkim:
      env.DKIM_DOMAIN && env.DKIM_SELECTOR && env.DKIM_PRIVATE_KEY
        ? Object.freeze({
            domain: env.DKIM_DOMAIN.toLowerCase(),
            selector: env.DKIM_SELECTOR,
            privateKey: pemOf(env.DKIM_PRIVATE_KEY),
          })
        : undefined,
    adminOrigin: env.SHOPIFY_ADMIN_ORIGIN,
    logLevel: env.LOG_LEVEL,
    dataDir: env.DATA_DIR,
    workerConcurrency: env.WORKER_CONCURRENCY,
    webConcurrency: env.WEB_CONCURRENCY,
    ops:
      env.OPS_USER && env.OPS_PASSWORD
        ? Object.freeze({ user: env.OPS_USER, password: env.OPS_PASSWORD })
        : undefined,
    trustProxy: env.TRUST_PROXY,
    metricsPort: env.METRICS_PORT,
    tokenKeys: Object.freeze({
      current: parseEncryptionKey(env.TOKEN_ENCRYPTION_KEY ?? DEV_TOKEN_ENCRYPTION_KEY)!,
      previous: env.TOKEN_ENCRYPTION_KEY_PREVIOUS
        ? parseEncryptionKey(env.TOKEN_ENCRYPTION_KEY_PREVIOUS)
        : undefined,
    }),
    limits: Object.freeze({
      apiPerShopPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
      apiInFlightPerShop: env.API_MAX_IN_FLIGHT_PER_SHOP,
      apiKeyPerMinute: env.API_KEY_RATE_LIMIT_PER_MINUTE,
      proxyEtaPerShopPerMinute: env.PROXY_ETA_LIMIT_PER_SHOP_PER_MINUTE,
      proxyEtaPerClientPerMinute: env.PROXY_ETA_LIMIT_PER_CLIENT_PER_MINUTE,
    }),
    demo: !env.SHOPIFY_API_SECRET,
  });
}
