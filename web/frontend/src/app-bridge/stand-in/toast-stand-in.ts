import { standInText } from "./stand-in-strings.ts";
import type { ToastOptions } from "@shopify/app-bridge-react";
import { el } from "./stand-in-dom.ts";

let next = 0;
const timers = new Map<string, ReturnType<typeof setTimeout>>();

function container(): HTMLElement {
  const existing = document.querySelector<HTMLElement>(".bh-ab-toasts");
  if (existing) return existing;
  const created = el("div", { class: "bh-ab-toasts", "aria-live": "polite" });
  document.body.append(created);
  return created;
}

function hide(id: string): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  document.getElementById(id)?.remove();
}

/** `shopify.toast.show`: a message at the bottom of the page for `duration` ms (5 s), error-styled on request. */
function show(message: string, opts: ToastOptions = {}): string {
  const id = `bh-ab-toast-${++next}`;
  const dismiss = el("button", { type: "button", "aria-label": standInText("dismiss") }, ["×"]);
  dismiss.addEventListener("click", () => {
    hide(id);
    opts.onDismiss?.();
  });
  const parts: Node[] = [el("span", {}, [message])];
  if (opts.action) {
    const action = el("button", { type: "button" }, [opts.action]);
    action.addEventListener("click", () => opts.onAction?.());
    parts.push(action);
  }
  const toast = el(
    "div",
    { id, role: "status", class: opts.isError ? "bh-ab-toast bh-ab-error" : "bh-ab-toast" },
    [...parts, dismiss],
  );
  container().append(toast);
  timers.set(
    id,
    setTimeout(() => hide(id), opts.duration ?? 5000),
  );
  return id;
}

export const toastApi = { show, hide };
