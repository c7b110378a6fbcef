import { useEffect, type RefObject } from "react";
import { ApiError } from "./api-client.ts";

/** Field name -> sentences, as a refused /api request carries them (docs/api-errors.md). */
export type ApiFieldErrors = Record<string, string[]>;

/** The field errors of a 400/422 answer, or null when the failure was not about fields. */
export function fieldErrorsOf(error: unknown): ApiFieldErrors | null {
  if (!(error instanceof ApiError)) return null;
  const fields = (error.body?.details as { fieldErrors?: ApiFieldErrors } | undefined)?.fieldErrors;
  return fields && Object.keys(fields).length > 0 ? fields : null;
}

/**
 * After a refused save has drawn its errors (`errors` is the new, non-empty set), moves focus to the
 * first field in error inside `container`, in document order: the one the merchant meets first.
 * Polaris marks such fields aria-invalid. An effect, so it runs once React has committed them.
 */
export function useFocusFirstError(container: RefObject<HTMLElement | null>, errors: object | null): void {
  useEffect(() => {
    if (!errors || Object.keys(errors).length === 0) return;
    const field = container.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
    field?.scrollIntoView({ block: "center" });
  }, [container, errors]);
}
