import { LiquidError } from "liquidjs";
import { liquidSentence, type LiquidSentence } from "./liquid-sentence.ts";
import type { TemplatePart } from "./template-kinds.ts";

/**
 * Why a template did not render: `too_slow` and `too_large` are the budget of one render (time,
 * memory, source length), `invalid` is the Liquid itself (syntax, unknown filter, missing file).
 */
export type RenderFailureCode = "too_slow" | "too_large" | "invalid";

export type RenderFailure = {
  code: RenderFailureCode;
  /** The part being rendered; `layout` for the shared wrapper. */
  part: TemplatePart | "layout";
  line: number;
  column: number;
  /** In English, for logs and API clients. */
  message: string;
  /** The same, for the admin to word in the merchant's language. */
  sentence: LiquidSentence;
};

/** A render that failed in a render thread, with what the editor needs to point at it. */
export class TemplateRenderError extends Error {
  readonly failure: RenderFailure;
  constructor(failure: RenderFailure) {
    super(`${failure.part}: ${failure.message}`);
    this.name = "TemplateRenderError";
    this.failure = failure;
  }
}

/** The render pool could not start the render in time: every render thread is busy. */
export class RenderPoolBusyError extends Error {
  constructor() {
    super("Every email render thread is busy; try again shortly");
    this.name = "RenderPoolBusyError";
  }
}

export function tooSlow(part: RenderFailure["part"], budgetMs: number, line = 1, column = 1): RenderFailure {
  return {
    code: "too_slow",
    part,
    line,
    column,
    message: `Too slow: the template takes longer than ${budgetMs} ms to render; use fewer or shorter loops`,
    sentence: { key: "tooSlow", values: { ms: budgetMs } },
  };
}

// liquidjs' DoS limits (`renderLimit`, `memoryLimit`, `parseLimit`) fail with these messages.
const LIMIT_MESSAGES: [RegExp, RenderFailureCode][] = [
  [/template render limit exceeded/, "too_slow"],
  [/memory alloc limit exceeded/, "too_large"],
  [/parse length limit exceeded/, "too_large"],
];

/** liquidjs' error (or the budget's) as a failure of `part`, with its line and column. */
export function toRenderFailure(
  part: RenderFailure["part"],
  error: unknown,
  budgetMs: number,
): RenderFailure {
  const raw = error instanceof Error ? error.message : String(error);
  const [line = 1, column = 1] = error instanceof LiquidError ? error.token.getPosition() : [];
  switch (LIMIT_MESSAGES.find(([pattern]) => pattern.test(raw))?.[1]) {
    case "too_slow":
      return tooSlow(part, budgetMs, line, column);
    case "too_large":
      return {
        code: "too_large",
        part,
        line,
        column,
        message: "Too large: the template builds too much text (long loops or big ranges); make it smaller",
        sentence: { key: "tooLarge", values: {} },
      };
    default: {
      // liquidjs appends the position to the message; the editor shows it separately.
      const message = raw.replace(/, line:\d+, col:\d+$/, "");
      return { code: "invalid", part, line, column, message, sentence: liquidSentence(message) };
    }
  }
}
