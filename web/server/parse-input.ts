import { z } from "zod";
import { AppError } from "./errors.ts";

/** Validates request input at the edge; a failure becomes an AppError carrying zod's field errors. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code: "bad_request" | "unprocessable" = "unprocessable",
): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    throw new AppError(code, "Invalid request", {
      fieldErrors: flat.fieldErrors,
      formErrors: flat.formErrors,
    });
  }
  return parsed.data;
}
