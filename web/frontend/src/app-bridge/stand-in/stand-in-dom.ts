// Small DOM helpers of the App Bridge stand-in (no framework: it loads before the app's bundle).
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value !== undefined) node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

export function button(label: string, primary: boolean, onClick: () => void): HTMLButtonElement {
  const b = el("button", { type: "button", class: primary ? "bh-ab-button bh-ab-primary" : "bh-ab-button" }, [
    label,
  ]);
  b.addEventListener("click", onClick);
  return b;
}

/** A modal dialog over the page: focus moves into it, Escape runs `onEscape`. */
export function openDialog(title: string, body: Node[], footer: Node[], onEscape: () => void): () => void {
  return openDialogParts(title, body, footer, onEscape).close;
}

/** `openDialog`, with its heading and footer kept for a caller that updates them while it is open. */
export function openDialogParts(
  title: string,
  body: Node[],
  footer: Node[],
  onEscape: () => void,
): { close: () => void; heading: HTMLElement; footer: HTMLElement } {
  const heading = el("h2", { id: `bh-ab-${Math.random().toString(36).slice(2)}` }, [title]);
  const footerBox = el("div", { class: "bh-ab-footer" }, footer);
  const dialog = el("div", { class: "bh-ab-dialog", role: "dialog", "aria-modal": "true" }, [
    heading,
    el("div", { class: "bh-ab-body" }, body),
    footerBox,
  ]);
  dialog.setAttribute("aria-labelledby", heading.id);
  const backdrop = el("div", { class: "bh-ab-backdrop" }, [dialog]);
  backdrop.addEventListener("keydown", (event) => {
    if (event.key === "Escape") onEscape();
  });
  document.body.append(backdrop);
  const focusable = dialog.querySelector<HTMLElement>("input, button");
  focusable?.focus();
  return { close: () => backdrop.remove(), heading, footer: footerBox };
}

/**
 * Buttons that click the given App Bridge element's own `<button>` children (a title bar's or save
 * bar's): same label, the `variant="primary"` one styled primary, disabled or busy as they are.
 */
export function mirrorButtons(sources: HTMLButtonElement[]): HTMLButtonElement[] {
  return sources.map((source) => {
    const b = button(source.textContent?.trim() ?? "", source.getAttribute("variant") === "primary", () =>
      source.click(),
    );
    if (source.getAttribute("tone") === "critical") b.classList.add("bh-ab-critical");
    if (source.disabled || source.hasAttribute("loading")) b.disabled = true;
    if (source.hasAttribute("loading")) b.setAttribute("aria-busy", "true");
    return b;
  });
}
