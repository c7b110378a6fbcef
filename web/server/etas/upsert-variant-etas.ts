import { Prisma } from "@prisma/client";
import type { EtaChange, EtaSetSource } from "./eta-change.ts";

const CHUNK = 1_000;

/**
 * Multi-row upsert of explicit ETAs (an import of thousands of rows is a few statements, not
 * thousands). Prisma's @default(uuid()) and @updatedAt are client-side, so SQL supplies both.
 * Changes that keep the message and those that set it go in separate statements. `onWritten` hears
 * the running count of rows written after each statement (an import's progress).
 */
export async function upsertVariantEtas(
  tx: Prisma.TransactionClient,
  shopId: string,
  changes: readonly EtaChange[],
  source: EtaSetSource,
  onWritten?: (rows: number) => Promise<void>,
): Promise<void> {
  let written = 0;
  const keep = changes.filter((c) => c.message === undefined);
  const set = changes.filter((c) => c.message !== undefined);
  for (const [group, setMessage] of [
    [keep, false],
    [set, true],
  ] as const) {
    for (let i = 0; i < group.length; i += CHUNK) {
      const values = group
        .slice(i, i + CHUNK)
        .map(
          (c) =>
            Prisma.sql`(gen_random_uuid()::text, ${shopId}, ${c.variantId}, ${c.eta}::date, ${c.message ?? null}, ${source}, now())`,
        );
      const message = setMessage ? Prisma.sql`, "message" = EXCLUDED."message"` : Prisma.empty;
      await tx.$executeRaw`
        INSERT INTO "VariantEta" ("id", "shopId", "variantId", "etaDate", "message", "source", "updatedAt")
        VALUES ${Prisma.join(values)}
        ON CONFLICT ("shopId", "variantId") DO UPDATE
        SET "etaDate" = EXCLUDED."etaDate", "source" = EXCLUDED."source", "updatedAt" = now() ${message}`;
      written += values.length;
      await onWritten?.(written);
    }
  }
}
