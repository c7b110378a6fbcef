import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";

/** Email links: GET /subscriptions/confirm/:token, GET and POST /unsubscribe/:token (RFC 8058). */
export function emailLinkRoutes(_deps: AppDeps): Router {
  return express.Router();
}
