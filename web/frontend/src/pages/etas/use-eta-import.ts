import { useTranslation } from "react-i18next";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api/api-client.ts";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import type { EtaImportResponse } from "../../../../contract/api-responses.ts";
import type { ImportReport } from "./etas-contract.ts";

const POLL_MS = 400;

export type EtaImportState = {
  file: string | null;
  /** The import as last polled, while it runs. */
  running: EtaImportResponse | null;
  report: ImportReport | null;
  error: string | null;
};

const IDLE: EtaImportState = { file: null, running: null, report: null, error: null };

/**
 * One CSV import (docs/csv-files.md, Import progress): the file goes up once with a request key made
 * for it (the client's retries reuse it, so nothing applies twice), then the import is polled for
 * its rows done until it finishes with its report. Unmounting stops the polling, not the import.
 */
export function useEtaImport(onImported: () => void) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [state, setState] = useState<EtaImportState>(IDLE);
  // Made in the effect, so StrictMode's mount, unmount and mount again leaves a live one.
  const stopped = useRef<AbortController | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    stopped.current = controller;
    return () => controller.abort();
  }, []);

  const follow = useCallback(
    async (file: string, first: EtaImportResponse) => {
      let view = first;
      const signal = stopped.current?.signal;
      while (view.status === "checking" || view.status === "applying") {
        setState({ ...IDLE, file, running: view });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (signal?.aborted) return;
        view = await api.request<EtaImportResponse>(`/etas/imports/${view.id}`, { signal });
      }
      if (view.status === "interrupted" || !view.report) {
        setState({ ...IDLE, file, error: t("etaImport.interrupted") });
        return;
      }
      setState({ ...IDLE, file, report: view.report });
      if (view.report.applied) onImported();
    },
    [api, onImported, t],
  );

  const upload = useCallback(
    async (file: File) => {
      setState({ ...IDLE, file: file.name });
      try {
        const requestKey = crypto.randomUUID();
        const first = await api.request<EtaImportResponse>(`/etas/imports?requestKey=${requestKey}`, {
          method: "POST",
          rawBody: await file.text(),
          contentType: "text/csv",
        });
        await follow(file.name, first);
      } catch (e) {
        if (stopped.current?.signal.aborted) return;
        const error =
          e instanceof ApiError && e.isMissingRoute
            ? t("etas.importUnavailable")
            : e instanceof ApiError && e.status === 409
              ? t("etaImport.anotherRunning")
              : e instanceof ApiError && e.status === 413
                ? t("etaImport.tooLarge", { file: file.name })
                : errorMessage(e);
        setState({ ...IDLE, file: file.name, error });
      }
    },
    [api, follow, t],
  );

  const busy = state.file !== null && !state.report && !state.error;
  return { ...state, busy, upload };
}
