import fs from "node:fs";
import { LOG_DIR } from "./support/spawn-app-process.ts";

/** Logs of an earlier run must not be scanned (or blamed) in this one. */
export default function setup() {
  fs.rmSync(LOG_DIR, { recursive: true, force: true });
  fs.mkdirSync(LOG_DIR, { recursive: true });
}
