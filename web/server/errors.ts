import type { ErrorRequestHandler } from "express";
import { requestLanguage, type AdminLanguage } from "./admin-language.ts";
import type { Logger } from "./logger.ts";

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Expected failures with a code; the single error middleware maps the code to an HTTP status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** In English; `detailsIn` words them in another language when the request asks for one. */
  readonly details: unknown;
  readonly detailsIn: ((language: AdminLanguage) => unknown) | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    details?: unknown,
    detailsIn?: (language: AdminLanguage) => unknown,
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
    this.detailsIn = detailsIn;
  }
}

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof AppError) {
      // The admin sends its language; any other client gets English (docs/api-errors.md).
      const language = requestLanguage(req);
      const details = err.detailsIn && language !== "en" ? err.detailsIn(language) : err.details;
      res.status(ERROR_STATUS[err.code]).json({ error: err.code, message: err.message, details });
      return;
    }
    // body-parser errors carry a status (malformed JSON 400, too large 413).
    const status =
      typeof err?.status === "number" && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error({ err, path: req.path }, "unhandled error");
    res.status(status).json({ error: status === 500 ? "internal" : (err.type ?? "bad_request") });
  };
}
