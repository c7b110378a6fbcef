export interface LaterLine {
  readonly laterUnits: number;
  /** usable ETA of the line, undefined when unknown */
  readonly eta: string | undefined;
}

export interface LaterSummary {
  readonly units: number;
  /** latest ETA, undefined if any later line has no ETA: then "the last by" is unknown */
  readonly lastEta: string | undefined;
}

export function summarizeLaterLines(lines: readonly LaterLine[]): LaterSummary | undefined {
  const later = lines.filter((line) => line.laterUnits > 0);
  if (later.length === 0) return undefined;
  const units = later.reduce((sum, line) => sum + line.laterUnits, 0);
  let lastEta: string | undefined = "";
  for (const { eta } of later) {
    if (eta === undefined) {
      lastEta = undefined;
      break;
    }
    // ISO calendar dates order the same as strings.
    if (eta > lastEta) lastEta = eta;
  }
  return { units, lastEta };
}
