import { Toast } from "@shopify/polaris";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { shopifyUi } from "../app-bridge/shopify-ui.ts";

type ShowToast = (message: string, opts?: { error?: boolean }) => void;
const ToastContext = createContext<ShowToast>(() => undefined);

export function useToast(): ShowToast {
  return useContext(ToastContext);
}

/**
 * App Bridge's toast (`shopify.toast.show`) when the page has App Bridge; else Polaris' Toast, one
 * at a time, inside Polaris' Frame (Toast needs it).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<{ message: string; error: boolean; id: number } | null>(null);
  const show = useCallback<ShowToast>((message, opts) => {
    const ui = shopifyUi();
    if (ui) ui.toast.show(message, { isError: Boolean(opts?.error) });
    else setToast({ message, error: Boolean(opts?.error), id: Date.now() });
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      {toast ? (
        <Toast key={toast.id} content={toast.message} error={toast.error} onDismiss={() => setToast(null)} />
      ) : null}
    </ToastContext.Provider>
  );
}
