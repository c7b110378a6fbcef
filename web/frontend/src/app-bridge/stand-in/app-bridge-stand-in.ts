// The App Bridge stand-in: what https://cdn.shopify.com/shopifycloud/app-bridge.js gives a page
// inside the Shopify admin, for the playground and the browser tests outside it (docs/admin-app-bridge.md).
// The same global `shopify` with the same calls the admin uses: the save bar (`<ui-save-bar>`,
// shopify.saveBar), toasts, modals (`<ui-modal>`, shopify.modal), the page's title bar
// (`<ui-title-bar>`) and the product resource picker. No idToken: outside the admin the
// admin gets its tokens from the dev token endpoint (web/frontend/src/api/session-token.ts).
import { ModalElement, modalApi } from "./modal-stand-in.ts";
import { resourcePicker } from "./resource-picker-stand-in.ts";
import { SaveBarElement, saveBarApi } from "./save-bar-stand-in.ts";
import { STAND_IN_CSS } from "./stand-in-styles.ts";
import { standInLocale } from "./stand-in-strings.ts";
import { TitleBarElement } from "./title-bar-stand-in.ts";
import { toastApi } from "./toast-stand-in.ts";

const apiKey = document.querySelector<HTMLMetaElement>('meta[name="shopify-api-key"]')?.content ?? "";
const query = new URLSearchParams(window.location.search);
const shop = query.get("shop") ?? undefined;

if (!customElements.get("ui-save-bar")) customElements.define("ui-save-bar", SaveBarElement);
if (!customElements.get("ui-modal")) customElements.define("ui-modal", ModalElement);
if (!customElements.get("ui-title-bar")) customElements.define("ui-title-bar", TitleBarElement);
const style = document.createElement("style");
style.textContent = STAND_IN_CSS;
document.head.append(style);

Object.assign(window, {
  shopify: {
    config: { apiKey, shop, locale: standInLocale },
    environment: { embedded: false, mobile: false, pos: false },
    toast: toastApi,
    saveBar: saveBarApi,
    modal: modalApi,
    resourcePicker,
  },
});
