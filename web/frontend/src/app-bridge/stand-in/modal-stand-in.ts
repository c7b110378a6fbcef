import { mirrorButtons, openDialogParts } from "./stand-in-dom.ts";

/**
 * `<ui-modal id>` as App Bridge defines it: hidden itself; `show()` overlays a dialog whose title and
 * footer buttons come from its `<ui-title-bar title>` child (the `variant="primary"` button last,
 * like the admin's), and whose body is `content`, the element App Bridge's React `Modal` portals its
 * children into. Escape hides it; `show` and `hide` events fire as App Bridge's do.
 */
export class ModalElement extends HTMLElement {
  readonly content: HTMLElement = document.createElement("div");
  variant: "small" | "base" | "large" | "max" = "base";
  #open: ReturnType<typeof openDialogParts> | null = null;
  #observer = new MutationObserver(() => this.#render());
  #onKey = (event: KeyboardEvent) => {
    if (event.key === "Escape") void this.hide();
  };

  show(): Promise<void> {
    if (!this.#open) {
      this.#open = openDialogParts("", [this.content], [], () => undefined);
      const dialog = this.#open.heading.parentElement;
      dialog?.classList.add(`bh-ab-modal-${this.getAttribute("variant") ?? this.variant}`);
      this.#observer.observe(this, { subtree: true, childList: true, attributes: true, characterData: true });
      this.#render();
      // Escape anywhere closes it, as the admin's modal does; focus moves to its first visible control.
      document.addEventListener("keydown", this.#onKey);
      const controls = [...(dialog?.querySelectorAll<HTMLElement>("input, button, select, textarea") ?? [])];
      controls.find((c) => c.offsetParent !== null)?.focus();
      this.dispatchEvent(new Event("show"));
    }
    return Promise.resolve();
  }

  hide(): Promise<void> {
    if (this.#open) {
      this.#observer.disconnect();
      document.removeEventListener("keydown", this.#onKey);
      this.#open.close();
      this.#open = null;
      this.dispatchEvent(new Event("hide"));
    }
    return Promise.resolve();
  }

  toggle(): Promise<void> {
    return this.#open ? this.hide() : this.show();
  }

  disconnectedCallback(): void {
    void this.hide();
  }

  #render(): void {
    if (!this.#open) return;
    const titleBar = this.querySelector("ui-title-bar");
    this.#open.heading.textContent = titleBar?.getAttribute("title") ?? "";
    const buttons = [...(titleBar?.querySelectorAll("button") ?? [])];
    const primary = buttons.filter((b) => b.getAttribute("variant") === "primary");
    const others = buttons.filter((b) => b.getAttribute("variant") !== "primary");
    this.#open.footer.replaceChildren(...mirrorButtons([...others, ...primary]));
  }
}

function modal(id: string): ModalElement | null {
  const found = document.getElementById(id);
  return found instanceof ModalElement ? found : null;
}

export const modalApi = {
  show: async (id: string) => modal(id)?.show(),
  hide: async (id: string) => modal(id)?.hide(),
  toggle: async (id: string) => modal(id)?.toggle(),
};
