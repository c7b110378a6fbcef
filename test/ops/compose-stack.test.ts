// docker-compose.yml and .env.example, checked without a Docker engine: the services the issue asks
// for, their settings, and that each app service's resolved environment boots the app's config.
import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../web/server/config.ts";
import { envSchema } from "../../web/server/config-env-schema.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

type Service = {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  env_file?: { path: string; required: boolean }[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  deploy?: { replicas?: number };
  ports?: string[];
  volumes?: string[];
};
const compose = parse(read("docker-compose.yml")) as { services: Record<string, Service> };
const services = compose.services;
const service = (name: string): Service => {
  const s = services[name];
  if (!s) throw new Error(`no service ${name}`);
  return s;
};
const exampleEnv = parseEnv(read(".env.example"));
/** The names the config reads: its zod schema's keys, taken from the schema itself. */
const knownKeys = new Set(Object.keys(envSchema.shape));

/** What a container of this service sees: env files in order, then `environment` (which wins). */
function resolvedEnv(s: Service): Record<string, string> {
  const files = (s.env_file ?? []).filter((f) => f.required).map((f) => parseEnv(read(f.path)));
  return Object.assign({}, ...files, s.environment) as Record<string, string>;
}

const APP_SERVICES = ["migrate", "web", "worker"];

describe("docker-compose.yml", () => {
  it("runs PostgreSQL 18 with a health check and a volume", () => {
    const pg = service("postgres");
    expect(pg.image).toBe("postgres:18");
    expect(pg.healthcheck?.test).toContain("pg_isready");
    expect(pg.volumes).toContain("postgres-data:/var/lib/postgresql");
  });

  it("runs Redis 7 with noeviction (BullMQ loses jobs otherwise) and AOF persistence", () => {
    const redis = service("redis");
    expect(redis.image).toMatch(/^redis:7(\b|$)/);
    const cmd = redis.command!.join(" ");
    expect(cmd).toMatch(/--maxmemory-policy noeviction\b/);
    expect(cmd).toMatch(/--appendonly yes\b/);
    expect(redis.healthcheck?.test.join(" ")).toMatch(/redis-cli ping/);
    expect(redis.volumes).toContain("redis-data:/data");
  });

  it("runs a mail catcher the app sends to", () => {
    expect(service("mailpit").image).toMatch(/^axllent\/mailpit/);
    for (const name of ["web", "worker"])
      expect(resolvedEnv(service(name)).SMTP_URL).toBe("smtp://mailpit:1025");
  });

  it("runs the web process, two workers and a release migration, all from this repository's image", () => {
    const images = new Set(APP_SERVICES.map((n) => service(n).image));
    expect(images.size).toBe(1);
    for (const name of APP_SERVICES) expect(service(name).build).toBe(".");
    expect(service("web").command).toEqual(["node", "web/server/main-web.ts"]);
    expect(service("web").ports).toContain("3000:3000");
    expect(service("worker").command).toEqual(["node", "--max-semi-space-size=16", "jobs/main-worker.ts"]);
    expect(service("worker").deploy?.replicas).toBe(2);
    expect(service("migrate").command).toEqual(["node", "prisma/migrate.ts"]);
  });

  it("starts the app only once the databases are healthy and migrations have completed", () => {
    for (const name of ["web", "worker"]) {
      expect(service(name).depends_on).toMatchObject({
        postgres: { condition: "service_healthy" },
        redis: { condition: "service_healthy" },
        migrate: { condition: "service_completed_successfully" },
      });
    }
    expect(service("migrate").depends_on).toMatchObject({ postgres: { condition: "service_healthy" } });
  });

  it("checks each worker's health on its own METRICS_PORT listener", () => {
    const worker = service("worker");
    const port = resolvedEnv(worker).METRICS_PORT;
    expect(port).toMatch(/^\d+$/);
    expect(worker.healthcheck?.test.join(" ")).toContain(`127.0.0.1:${port}/healthz`);
  });

  it.each(APP_SERVICES)("gives %s an environment that passes production config validation", (name) => {
    const env = resolvedEnv(service(name));
    for (const key of Object.keys(env))
      expect(knownKeys, `${key} is a setting config.ts reads`).toContain(key);
    const config = loadConfig(env);
    expect(config.env).toBe("production");
    expect(config.databaseUrl).toMatch(/@postgres:5432\//);
    expect(config.redisUrl).toBe("redis://redis:6379");
  });
});

describe(".env.example", () => {
  it("names only settings config.ts reads, and loads as a production config on a plain machine", () => {
    expect(knownKeys.size).toBeGreaterThan(10);
    for (const key of Object.keys(exampleEnv)) expect(knownKeys).toContain(key);
    const config = loadConfig(exampleEnv);
    expect(config).toMatchObject({
      env: "production",
      databaseUrl: "postgresql://backorder:backorder@127.0.0.1:5432/backorder_hub",
      redisUrl: "redis://127.0.0.1:6379",
      mailFrom: "Backorder Hub <no-reply@localhost>",
      ops: { user: "operator" },
    });
  });
});
