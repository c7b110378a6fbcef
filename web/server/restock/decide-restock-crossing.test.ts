import { describe, expect, it } from "vitest";
import { decideRestockCrossing, type RestockCrossing } from "./decide-restock-crossing.ts";

describe("decideRestockCrossing", () => {
  it.each<[string, boolean, number, number, boolean, RestockCrossing]>([
    ["sold out -> 2 units", false, 2, 0, true, "up"],
    ["sold out -> still 0", false, 0, 0, true, "none"],
    ["backordered -> 0", false, 0, 0, true, "none"],
    ["backordered -> 1", false, 1, 0, true, "up"],
    ["in stock -> more stock (duplicate trigger)", true, 5, 0, true, "none"],
    ["in stock -> sold out", true, 0, 0, true, "down"],
    ["in stock -> negative", true, -3, 0, true, "down"],
    ["threshold 5: rises to 5 is not a restock", false, 5, 5, true, "none"],
    ["threshold 5: rises to 6 is", false, 6, 5, true, "up"],
    ["threshold 5: falls to 5 is sold out", true, 5, 5, true, "down"],
    ["untracked variants never cross", false, 10, 0, false, "none"],
  ])("%s", (_name, wasAbove, available, threshold, tracked, expected) => {
    expect(decideRestockCrossing({ wasAbove, available, threshold, tracked })).toBe(expected);
  });
});
