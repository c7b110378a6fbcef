import os from "node:os";
import { readFileSync } from "node:fs";

export type MachineInfo = {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  /** Load average at start: other work on the machine skews both columns, not the ratio. */
  loadAverage: number;
};

export function readMachineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}${debianVersion()}`,
    node: process.version,
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

function debianVersion(): string {
  try {
    return ` (Debian ${readFileSync("/etc/debian_version", "utf8").trim()})`;
  } catch {
    return "";
  }
}
