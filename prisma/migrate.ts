// npm run db:migrate: applies prisma/migrations to DATABASE_URL (or the embedded database).
import { loadConfig } from "../web/server/config.ts";
import { resolveDatabase } from "../web/server/db/resolve-database.ts";
import { migrateDatabase } from "../web/server/db/migrate-database.ts";

const config = loadConfig();
const database = await resolveDatabase(config, { migrate: false });
try {
  const result = await migrateDatabase(database.url);
  console.log(
    result.applied.length
      ? `applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`
      : `database is up to date (${result.alreadyApplied} migration(s))`,
  );
} finally {
  await database.stop();
}
