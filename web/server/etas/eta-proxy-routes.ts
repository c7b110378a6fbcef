import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";

/** GET /proxy/eta, behind the app proxy signature check; the shop is res.locals.proxy.shop. */
export function etaProxyRoutes(_deps: AppDeps): Router {
  return express.Router();
}
