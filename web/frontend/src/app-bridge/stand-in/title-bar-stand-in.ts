import { STAND_IN_TITLE_BAR_CSS } from "./stand-in-styles.ts";
import { el, mirrorButtons } from "./stand-in-dom.ts";

/**
 * `<ui-title-bar title>` outside a modal: inside the admin, the page's title and its actions in the
 * admin's own bar above the app; here, a bar drawn where the element is (in its shadow root, so the
 * app's `<button>` children stay hidden and are clicked through mirrors). Inside a `<ui-modal>` it
 * draws nothing: the modal reads it (modal-stand-in.ts).
 */
export class TitleBarElement extends HTMLElement {
  #observer = new MutationObserver(() => this.#render());
  #bar: HTMLElement | null = null;

  connectedCallback(): void {
    if (this.closest("ui-modal")) return;
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: "open" });
      const style = el("style", {}, [STAND_IN_TITLE_BAR_CSS]);
      this.#bar = el("div", { class: "bar" });
      root.append(style, this.#bar);
    }
    this.#observer.observe(this, { subtree: true, childList: true, attributes: true, characterData: true });
    this.#render();
  }

  disconnectedCallback(): void {
    this.#observer.disconnect();
  }

  #render(): void {
    if (!this.#bar) return;
    const buttons = [...this.querySelectorAll(":scope > button, :scope > a")].filter(
      (b): b is HTMLButtonElement => b instanceof HTMLButtonElement,
    );
    const primary = buttons.filter((b) => b.getAttribute("variant") === "primary");
    const others = buttons.filter((b) => b.getAttribute("variant") !== "primary");
    this.#bar.replaceChildren(
      el("h1", {}, [this.getAttribute("title") ?? document.title]),
      el("div", { class: "actions" }, mirrorButtons([...others, ...primary])),
    );
  }
}
