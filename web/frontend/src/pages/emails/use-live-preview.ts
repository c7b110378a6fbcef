import { useEffect, useState } from "react";
import { ApiError } from "../../api/api-client.ts";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import {
  liquidErrors,
  liquidWarnings,
  type LiquidError,
  type LiquidWarning,
  type Preview,
  type TemplateSource,
} from "./emails-contract.ts";

/** Re-renders on the server 500 ms after the last keystroke; keeps the last good preview while the source is invalid. */
export function useLivePreview(kind: string, locale: string, source: TemplateSource | null) {
  const api = useApiClient();
  const [preview, setPreview] = useState<TemplateSource | null>(null);
  const [errors, setErrors] = useState<LiquidError[]>([]);
  const [warnings, setWarnings] = useState<LiquidWarning[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!source) return;
    setPending(true);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .request<Preview>("/emails/preview", {
          method: "POST",
          body: { kind, locale, ...source },
          signal: controller.signal,
        })
        .then(
          (result) => {
            setPreview(result.preview);
            setErrors([]);
            setWarnings(result.warnings ?? []);
            setFailure(null);
            setPending(false);
          },
          (error: unknown) => {
            if (controller.signal.aborted) return;
            const parsed =
              error instanceof ApiError && error.status === 422 ? liquidErrors(error.body?.details) : null;
            setErrors(parsed ?? []);
            if (error instanceof ApiError && error.status === 422)
              setWarnings(liquidWarnings(error.body?.details));
            setFailure(parsed ? null : errorMessage(error));
            setPending(false);
          },
        );
    }, 500);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, kind, locale, source]);
  return { preview, errors, warnings, failure, pending };
}
