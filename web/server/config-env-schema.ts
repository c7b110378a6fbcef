// The environment variables the app reads, each with its type, default and rule, and the rules that
// tie several together (production requirements). config.ts turns the parsed result into Config.
import crypto from "node:crypto";
import os from "node:os";
import { z } from "zod";
import { clusterUrlOfNodes, isRedisUrl } from "./queues/redis-connection.ts";
import { parseWebConcurrency } from "./cluster/web-concurrency.ts";
import { readPoolerUrl } from "./db/pooler-url.ts";
import { DEV_TOKEN_ENCRYPTION_KEY, parseEncryptionKey } from "./encryption-key.ts";
import { parseTrustProxy } from "./parse-trust-proxy.ts";

/** shopify.app.toml's `access_scopes.scopes`, which is the source (test/foundation/app-scopes.test.ts). */
export const DEFAULT_SCOPES =
  "read_products,write_products,read_inventory,read_orders,write_orders,write_discounts,write_app_proxy,unauthenticated_read_product_inventory";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

export const DEMO_API_KEY = "backorder-hub-demo-key";
export const DEMO_API_SECRET = "backorder-hub-demo-secret";

function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** A PEM key may come on one line with `\n` escapes (as .env files and container settings keep it). */
export function pemOf(value: string): string {
  return value.includes("\\n") ? value.replaceAll("\\n", "\n") : value;
}

function isPrivateKey(pem: string): boolean {
  try {
    crypto.createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    SHOPIFY_API_KEY: optionalString,
    SHOPIFY_API_SECRET: optionalString,
    SHOPIFY_API_SECRET_PREVIOUS: optionalString,
    SHOPIFY_APP_URL: z
      .url()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    SCOPES: z.string().default(DEFAULT_SCOPES),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
        .optional(),
    ),
    // Migrations, session advisory locks and LISTEN bypass a transaction-mode pooler through it.
    DIRECT_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
        .optional(),
    ),
    REDIS_URL: optionalString.pipe(
      z
        .string()
        .refine(isRedisUrl, "must be a redis://, rediss:// or redis+cluster://host:port,host:port URL")
        .optional(),
    ),
    REDIS_CLUSTER_NODES: optionalString.pipe(
      z
        .string()
        .refine((v) => isRedisUrl(clusterUrlOfNodes(v)), "must be host:port,host:port,...")
        .optional(),
    ),
    SMTP_URL: optionalString.pipe(
      z
        .string()
        .regex(/^smtps?:\/\//, "must be an smtp:// URL")
        .optional(),
    ),
    MAIL_FROM: z.string().default("Backorder Hub <no-reply@localhost>"),
    // Klaviyo's API origin (docs/integrations.md); tests point it at a local fake.
    KLAVIYO_BASE_URL: z.url().default("https://a.klaviyo.com"),
    // DKIM signing (docs/operations.md): the three go together.
    DKIM_DOMAIN: optionalString.pipe(
      z
        .string()
        .regex(
          /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
          "must be a domain name",
        )
        .optional(),
    ),
    DKIM_SELECTOR: optionalString.pipe(
      z
        .string()
        .regex(/^[a-z0-9](?:[a-z0-9._-]{0,62})$/i, "must be a DNS label")
        .optional(),
    ),
    DKIM_PRIVATE_KEY: optionalString,
    SHOPIFY_ADMIN_ORIGIN: optionalString.pipe(z.url().optional()),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATA_DIR: z.string().default(".data"),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(10),
    WEB_CONCURRENCY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const parsed = parseWebConcurrency(value, os.availableParallelism());
        if (parsed.ok) return parsed.processes;
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }),
    OPS_USER: optionalString,
    OPS_PASSWORD: optionalString,
    // Shopify's app proxy is always one hop in front of the app: docs/operations.md has the rest.
    TRUST_PROXY: optionalString.transform((v, ctx) => {
      const parsed = parseTrustProxy(v ?? "1");
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }),
    TOKEN_ENCRYPTION_KEY: optionalString,
    TOKEN_ENCRYPTION_KEY_PREVIOUS: optionalString,
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    API_MAX_IN_FLIGHT_PER_SHOP: z.coerce.number().int().min(1).default(4),
    API_KEY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    PROXY_ETA_LIMIT_PER_SHOP_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
    PROXY_ETA_LIMIT_PER_CLIENT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    METRICS_PORT: optionalString
      .transform((v) => (v === undefined ? undefined : Number(v)))
      .pipe(z.number().int().min(0).max(65535).optional()),
  })
  .superRefine((env, ctx) => {
    // Half a credential pair would leave the queue dashboard open or silently off: refuse both.
    if (Boolean(env.OPS_USER) !== Boolean(env.OPS_PASSWORD)) {
      ctx.addIssue({
        code: "custom",
        path: ["OPS_PASSWORD"],
        message: "OPS_USER and OPS_PASSWORD go together",
      });
    }
    if (env.DATABASE_URL && readPoolerUrl(env.DATABASE_URL).pgbouncer && !env.DIRECT_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DIRECT_URL"],
        message:
          "is required when DATABASE_URL is a pooler (pgbouncer=true): migrations, session locks and LISTEN need PostgreSQL itself",
      });
    }
    if (env.REDIS_URL && env.REDIS_CLUSTER_NODES) {
      ctx.addIssue({
        code: "custom",
        path: ["REDIS_CLUSTER_NODES"],
        message: "set REDIS_URL or REDIS_CLUSTER_NODES, not both",
      });
    }
    const dkim = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY].filter(Boolean).length;
    if (dkim !== 0 && dkim !== 3) {
      ctx.addIssue({
        code: "custom",
        path: ["DKIM_PRIVATE_KEY"],
        message: "DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY go together",
      });
    } else if (env.DKIM_PRIVATE_KEY && !isPrivateKey(pemOf(env.DKIM_PRIVATE_KEY))) {
      ctx.addIssue({ code: "custom", path: ["DKIM_PRIVATE_KEY"], message: "must be a PEM private key" });
    }
    if (env.OPS_PASSWORD && env.OPS_PASSWORD.length < 12) {
      ctx.addIssue({ code: "custom", path: ["OPS_PASSWORD"], message: "must be at least 12 characters" });
    }
    for (const key of ["TOKEN_ENCRYPTION_KEY", "TOKEN_ENCRYPTION_KEY_PREVIOUS"] as const) {
      const value = env[key];
      if (value !== undefined && !parseEncryptionKey(value)) {
        ctx.addIssue({ code: "custom", path: [key], message: "must be <key id>:<32 bytes in base64>" });
      }
    }
    // The demo secret is public: an app reachable from elsewhere must not accept what it signs.
    const secret = env.SHOPIFY_API_SECRET ?? DEMO_API_SECRET;
    if (secret === DEMO_API_SECRET && env.SHOPIFY_APP_URL && !isLocalUrl(env.SHOPIFY_APP_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["SHOPIFY_API_SECRET"],
        message: "the published demo secret only runs on a local SHOPIFY_APP_URL (localhost, 127.0.0.1)",
      });
    }
    if (env.NODE_ENV !== "production") return;
    if (!env.TOKEN_ENCRYPTION_KEY) {
      ctx.addIssue({ code: "custom", path: ["TOKEN_ENCRYPTION_KEY"], message: "is required in production" });
    }
    for (const key of ["TOKEN_ENCRYPTION_KEY", "TOKEN_ENCRYPTION_KEY_PREVIOUS"] as const) {
      if (env[key] === DEV_TOKEN_ENCRYPTION_KEY) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "the published development key is refused in production",
        });
      }
    }
    for (const key of ["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "SHOPIFY_APP_URL", "DATABASE_URL"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required in production" });
    }
    if (env.SHOPIFY_ADMIN_ORIGIN) {
      ctx.addIssue({
        code: "custom",
        path: ["SHOPIFY_ADMIN_ORIGIN"],
        message: "is for development and tests only",
      });
    }
  });
