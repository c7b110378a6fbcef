import crypto from "node:crypto";
import { Prisma } from "@prisma/client";
import type { Request, RequestHandler, Response } from "express";
import type { AppDeps } from "../app-deps.ts";
import { AppError } from "../errors.ts";
import { apiKeyOf } from "./require-api-key.ts";

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

function requestHash(req: Request): string {
  return crypto
    .createHash("sha256")
    .update(`${req.method} ${req.baseUrl}${req.path}\n${JSON.stringify(req.body ?? null)}`)
    .digest("hex");
}

/** 5xx and 429 are not the request's answer, only this attempt's: the key is freed for a retry. */
function isStorable(status: number): boolean {
  return status < 500 && status !== 429;
}

/**
 * `Idempotency-Key` on a write (optional, up to 255 printable characters), per API key and shop, for
 * 24 h. The first request claims the key (a unique row, so two processes cannot both run it); its
 * answer is stored before it is sent. A repeat with the same body replays that answer with
 * `Idempotent-Replayed: true`; with another body it is a 422; while the first still runs, a 409.
 */
export function idempotent(deps: Pick<AppDeps, "db" | "logger" | "now">): RequestHandler {
  return async (req, res, next) => {
    const key = req.get("idempotency-key");
    if (key === undefined) return next();
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new AppError("bad_request", "Idempotency-Key must be 1 to 255 printable ASCII characters");
    }
    const { id: apiKeyId, shopId } = apiKeyOf(res);
    const hash = requestHash(req);
    const where = { shopId_apiKeyId_key: { shopId, apiKeyId, key } };
    for (;;) {
      const now = deps.now();
      const [claimed] = await deps.db.apiIdempotencyKey.createManyAndReturn({
        data: [
          {
            shopId,
            apiKeyId,
            key,
            requestHash: hash,
            createdAt: now,
            expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
          },
        ],
        skipDuplicates: true,
        select: { id: true },
      });
      if (claimed) {
        storeAnswerBeforeSending(deps, res, claimed.id);
        return next();
      }
      const existing = await deps.db.apiIdempotencyKey.findUnique({ where });
      if (!existing) continue; // freed (a 5xx) between the two statements: claim again
      if (existing.expiresAt <= now) {
        await deps.db.apiIdempotencyKey.deleteMany({ where: { id: existing.id, expiresAt: { lte: now } } });
        continue;
      }
      if (existing.requestHash !== hash) {
        throw new AppError("unprocessable", "This Idempotency-Key was used with another request");
      }
      if (existing.responseStatus === null) {
        throw new AppError("conflict", "A request with this Idempotency-Key is still in progress");
      }
      res.set("Idempotent-Replayed", "true");
      res.status(existing.responseStatus).json(existing.responseBody);
      return;
    }
  };
}

function storeAnswerBeforeSending(deps: Pick<AppDeps, "db" | "logger">, res: Response, rowId: string): void {
  const send = res.json.bind(res);
  res.json = (body: unknown) => {
    const status = res.statusCode;
    const write = isStorable(status)
      ? deps.db.apiIdempotencyKey.update({
          where: { id: rowId },
          data: {
            responseStatus: status,
            responseBody: body == null ? Prisma.JsonNull : (body as Prisma.InputJsonValue),
          },
        })
      : deps.db.apiIdempotencyKey.delete({ where: { id: rowId } });
    write.then(
      () => send(body),
      async (error: unknown) => {
        // Not stored: free the key (a retry runs again) rather than leave it "in progress" for 24 h.
        deps.logger.error({ err: error }, "idempotency answer not stored");
        await deps.db.apiIdempotencyKey.deleteMany({ where: { id: rowId } }).catch((e: unknown) => {
          deps.logger.error({ err: e }, "idempotency key not freed");
        });
        send(body);
      },
    );
    return res;
  };
}

/** Drops the answers past their 24 h (the hourly retention job). */
export async function pruneIdempotencyKeys(deps: Pick<AppDeps, "db" | "logger" | "now">): Promise<number> {
  const { count } = await deps.db.apiIdempotencyKey.deleteMany({ where: { expiresAt: { lt: deps.now() } } });
  if (count > 0) deps.logger.info({ count }, "pruned expired API idempotency keys");
  return count;
}
