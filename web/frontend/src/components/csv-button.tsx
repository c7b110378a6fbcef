import { Button } from "@shopify/polaris";
import { ExportIcon } from "@shopify/polaris-icons";
import { useState } from "react";
import { errorMessage, useApiClient } from "../api/use-api.ts";
import { useToast } from "./toast.tsx";

/** Downloads a file (CSV, JSON) through the API (the token travels in a header, so a plain link cannot). */
export function CsvButton({
  path,
  filename,
  children,
}: {
  path: string;
  filename: string;
  children: string;
}) {
  const api = useApiClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={ExportIcon}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await api.download(path, filename);
        } catch (error) {
          toast(errorMessage(error), { error: true });
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </Button>
  );
}
