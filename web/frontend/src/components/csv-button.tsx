import { Button } from "@shopify/polaris";
import { ExportIcon } from "@shopify/polaris-icons";
import { useState } from "react";
import { errorMessage, useApiClient } from "../api/use-api.ts";
import { useToast } from "./toast.tsx";

/**
 * Downloads a file (CSV, JSON) through the API (the token travels in a header, so a plain link
 * cannot); a failure is a toast. `busy` while the file is on its way.
 */
export function useDownload(): {
  busy: boolean;
  download: (path: string, filename: string) => Promise<void>;
} {
  const api = useApiClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const download = async (path: string, filename: string) => {
    setBusy(true);
    try {
      await api.download(path, filename);
    } catch (error) {
      toast(errorMessage(error), { error: true });
    } finally {
      setBusy(false);
    }
  };
  return { busy, download };
}

/** A button that downloads a file through the API (`useDownload`). */
export function CsvButton({
  path,
  filename,
  children,
}: {
  path: string;
  filename: string;
  children: string;
}) {
  const { busy, download } = useDownload();
  return (
    <Button icon={ExportIcon} loading={busy} onClick={() => void download(path, filename)}>
      {children}
    </Button>
  );
}
