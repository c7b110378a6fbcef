import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";

/** POST /proxy/subscriptions, behind the app proxy signature check; the shop is res.locals.proxy.shop. */
export function subscriptionProxyRoutes(_deps: AppDeps): Router {
  return express.Router();
}
