export type RestockCrossing = "up" | "down" | "none";

/**
 * Pure edge detection: a restock is stock rising from at or below the threshold to above it.
 * The previous side is stored on the variant (aboveThreshold) and changed under a row lock, so
 * duplicate or reordered triggers see the edge once. Untracked variants never sell out.
 */
export function decideRestockCrossing(input: {
  wasAbove: boolean;
  available: number;
  threshold: number;
  tracked: boolean;
}): RestockCrossing {
  if (!input.tracked) return "none";
  const above = input.available > input.threshold;
  if (above === input.wasAbove) return "none";
  return above ? "up" : "down";
}
