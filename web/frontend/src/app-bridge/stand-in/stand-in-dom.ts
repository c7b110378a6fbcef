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
  const heading = el("h2", { id: `bh-ab-${Math.random().toString(36).slice(2)}` }, [title]);
  const dialog = el("div", { class: "bh-ab-dialog", role: "dialog", "aria-modal": "true" }, [
    heading,
    el("div", { class: "bh-ab-body" }, body),
    el("div", { class: "bh-ab-footer" }, footer),
  ]);
  dialog.setAttribute("aria-labelledby", heading.id);
  const backdrop = el("div", { class: "bh-ab-backdrop" }, [dialog]);
  backdrop.addEventListener("keydown", (event) => {
    if (event.key === "Escape") onEscape();
  });
  document.body.append(backdrop);
  const focusable = dialog.querySelector<HTMLElement>("input, button");
  focusable?.focus();
  return () => backdrop.remove();
}
