import path from "node:path";
import { forkLoadChild } from "./fork-load-child.ts";
import type { LoadResult, LoadSpec } from "./load-spec.ts";

const GENERATOR = path.join(import.meta.dirname, "load-generator.ts");

/** Runs one bounded load against `spec.url` from a separate process. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return forkLoadChild(GENERATOR, spec, spec.warmupMs + spec.durationMs + 30_000);
}
