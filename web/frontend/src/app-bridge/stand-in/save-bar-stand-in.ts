import { standInText } from "./stand-in-strings.ts";
import { button, el, openDialog } from "./stand-in-dom.ts";

/**
 * `<ui-save-bar id>` as App Bridge defines it: hidden itself; when shown, a bar across the top with
 * Discard and Save that click the element's own buttons (the one with variant="primary" is Save).
 */
export class SaveBarElement extends HTMLElement {
  #bar: HTMLElement | null = null;
  #observer = new MutationObserver(() => this.#render());

  get showing(): boolean {
    return this.#bar !== null;
  }

  show(): Promise<void> {
    if (!this.#bar) {
      this.#bar = el("div", {
        class: "bh-ab-savebar",
        role: "region",
        "aria-label": standInText("unsavedChanges"),
      });
      document.body.append(this.#bar);
      this.#observer.observe(this, { subtree: true, childList: true, attributes: true, characterData: true });
      this.#render();
      this.dispatchEvent(new Event("show"));
    }
    return Promise.resolve();
  }

  hide(): Promise<void> {
    if (this.#bar) {
      this.#observer.disconnect();
      this.#bar.remove();
      this.#bar = null;
      this.dispatchEvent(new Event("hide"));
    }
    return Promise.resolve();
  }

  toggle(): Promise<void> {
    return this.showing ? this.hide() : this.show();
  }

  /** Draws the merchant's attention to the bar (a navigation was attempted with edits unsaved). */
  nudge(): void {
    this.#bar?.classList.remove("bh-ab-attention");
    void this.#bar?.offsetWidth;
    this.#bar?.classList.add("bh-ab-attention");
  }

  disconnectedCallback(): void {
    void this.hide();
  }

  #render(): void {
    if (!this.#bar) return;
    const children = [...this.querySelectorAll("button")];
    const save = children.find((b) => b.getAttribute("variant") === "primary");
    const discard = children.find((b) => b.getAttribute("variant") !== "primary");
    const mirror = (source: HTMLButtonElement | undefined, fallback: string, primary: boolean) => {
      const b = button(source?.textContent?.trim() || fallback, primary, () => source?.click());
      if (!source || source.disabled || source.hasAttribute("loading")) b.disabled = true;
      if (source?.hasAttribute("loading")) b.setAttribute("aria-busy", "true");
      return b;
    };
    this.#bar.replaceChildren(
      el("span", {}, [standInText("unsavedChanges")]),
      el("div", { class: "bh-ab-actions" }, [
        mirror(discard, standInText("discard"), false),
        mirror(save, standInText("save"), true),
      ]),
    );
  }
}

function saveBar(id: string): SaveBarElement | null {
  const found = document.getElementById(id);
  return found instanceof SaveBarElement ? found : null;
}

function shownSaveBars(): SaveBarElement[] {
  return [...document.querySelectorAll("ui-save-bar")].filter(
    (b): b is SaveBarElement => b instanceof SaveBarElement && b.showing,
  );
}

/**
 * Asks before a navigation that would lose edits: resolves at once when no save bar is shown, or
 * when the merchant chooses "Leave page"; never when they stay.
 */
function leaveConfirmation(): Promise<void> {
  const shown = shownSaveBars();
  if (shown.length === 0) return Promise.resolve();
  for (const bar of shown) bar.nudge();
  return new Promise((resolve) => {
    const close = openDialog(
      standInText("leaveTitle"),
      [el("p", {}, [standInText("leaveBody")])],
      [
        button(standInText("stay"), false, () => close()),
        button(standInText("leavePage"), true, () => {
          close();
          for (const bar of shown) void bar.hide();
          resolve();
        }),
      ],
      () => close(),
    );
  });
}

export const saveBarApi = {
  show: async (id: string) => saveBar(id)?.show(),
  hide: async (id: string) => saveBar(id)?.hide(),
  toggle: async (id: string) => saveBar(id)?.toggle(),
  leaveConfirmation,
};
