export type DevArgs = {
  /** Delete the data directory (embedded database, simulator state, caught mail) first. */
  reset: boolean;
  /** Set by the supervisor on the child it starts; the child runs the playground. */
  supervised: boolean;
  /** When `npm run dev` started (ms since the epoch), to report the time to ready. */
  startedAt: number;
};

export function parseDevArgs(argv: readonly string[], now = Date.now()): DevArgs {
  const startedArg = argv.find((a) => a.startsWith("--started-at="));
  const started = startedArg ? Number(startedArg.slice("--started-at=".length)) : NaN;
  return {
    reset: argv.includes("--reset"),
    supervised: argv.includes("--supervised"),
    startedAt: Number.isFinite(started) ? started : now,
  };
}

export type DevPorts = { app: number; simulator: number; mailWeb: number; smtp: number };

export type Env = Record<string, string | undefined>;

/** Credentials (a real app secret) mean `shopify app dev`: no simulator, the real Shopify. */
export function hasShopifyCredentials(env: Env): boolean {
  return Boolean(env.SHOPIFY_API_SECRET?.trim());
}

/** Preferred ports; any that is taken is replaced by a free one at start. */
export function preferredPorts(env: Env): DevPorts {
  const num = (value: string | undefined, fallback: number) =>
    value && /^\d+$/.test(value) ? Number(value) : fallback;
  return {
    app: num(env.PORT ?? env.BACKEND_PORT, 3000),
    simulator: num(env.SIMULATOR_PORT, 3001),
    mailWeb: num(env.MAIL_PORT, 3002),
    smtp: num(env.SMTP_PORT, 2525),
  };
}

/**
 * The configuration source of the dev process: the environment, plus what the playground runs
 * (the simulator as Shopify, the mail catcher as SMTP) unless the environment says otherwise.
 * The Shopify CLI passes the tunnel URL as HOST or APP_URL (older versions) or SHOPIFY_APP_URL.
 */
export function buildDevEnv(
  env: Env,
  run: { appPort: number; simulatorOrigin?: string; smtpUrl?: string },
): Env {
  const credentials = hasShopifyCredentials(env);
  return {
    ...env,
    NODE_ENV: env.NODE_ENV ?? "development",
    PORT: String(run.appPort),
    SHOPIFY_APP_URL: env.SHOPIFY_APP_URL ?? env.HOST ?? env.APP_URL ?? `http://localhost:${run.appPort}`,
    SHOPIFY_ADMIN_ORIGIN: credentials ? env.SHOPIFY_ADMIN_ORIGIN : run.simulatorOrigin,
    SMTP_URL: env.SMTP_URL || run.smtpUrl,
  };
}
