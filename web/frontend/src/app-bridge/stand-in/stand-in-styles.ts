// The stand-in's look: close to the Shopify admin's own save bar, toasts, modals, title bar and resource picker.
const BUTTON_CSS = `
.bh-ab-button { font: 600 13px/20px inherit; font-family: inherit; border-radius: 8px; padding: 4px 12px; cursor: pointer;
  border: 1px solid #8a8a8a; background: #fff; color: #303030; }
.bh-ab-button[disabled] { opacity: .5; cursor: default; }
.bh-ab-primary { background: #303030; color: #fff; border-color: #000; }
.bh-ab-critical { color: #8e1f0b; }
.bh-ab-primary.bh-ab-critical { background: #c70a24; color: #fff; border-color: #8e1f0b; }
`;

/** The page's title bar, drawn in the `<ui-title-bar>` element's shadow root. */
export const STAND_IN_TITLE_BAR_CSS = `${BUTTON_CSS}
.bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: space-between;
  padding: 12px 16px 0; font: 400 14px/20px -apple-system, BlinkMacSystemFont, "Segoe UI", sans-serif; }
h1 { margin: 0; font-size: 20px; line-height: 24px; font-weight: 700; color: #303030; }
.actions { display: flex; gap: 8px; }
`;

export const STAND_IN_CSS = `${BUTTON_CSS}
ui-save-bar, ui-modal, ui-modal ui-title-bar { display: none; }
ui-title-bar { display: block; }
.bh-ab-savebar { position: fixed; top: 0; left: 0; right: 0; z-index: 600; display: flex; gap: 8px;
  align-items: center; justify-content: space-between; padding: 10px 16px; background: #1a1a1a; color: #fff;
  font: 600 14px/20px -apple-system, BlinkMacSystemFont, "Segoe UI", sans-serif; box-shadow: 0 2px 6px rgba(0,0,0,.3); }
.bh-ab-savebar.bh-ab-attention { animation: bh-ab-shake .4s; }
@keyframes bh-ab-shake { 25% { transform: translateX(-6px); } 75% { transform: translateX(6px); } }
.bh-ab-actions { display: flex; gap: 8px; }
.bh-ab-savebar .bh-ab-button { background: #303030; color: #fff; border-color: #616161; }
.bh-ab-savebar .bh-ab-primary { background: #fff; color: #303030; }
.bh-ab-toasts { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%); z-index: 700;
  display: flex; flex-direction: column; gap: 8px; align-items: center; }
.bh-ab-toast { display: flex; gap: 12px; align-items: center; padding: 10px 14px; border-radius: 10px;
  background: #1a1a1a; color: #fff; font: 500 14px/20px -apple-system, BlinkMacSystemFont, "Segoe UI", sans-serif; }
.bh-ab-toast.bh-ab-error { background: #8e1f0b; }
.bh-ab-toast button { background: none; border: 0; color: inherit; cursor: pointer; font-size: 16px; }
.bh-ab-backdrop { position: fixed; inset: 0; z-index: 650; background: rgba(0,0,0,.5); display: flex;
  align-items: center; justify-content: center; padding: 16px; }
.bh-ab-dialog { background: #fff; color: #303030; border-radius: 12px; width: min(620px, 100%); max-height: 80vh;
  display: flex; flex-direction: column; font: 400 14px/20px -apple-system, BlinkMacSystemFont, "Segoe UI", sans-serif; }
.bh-ab-dialog.bh-ab-modal-small { width: min(380px, 100%); }
.bh-ab-dialog.bh-ab-modal-large { width: min(980px, 100%); }
.bh-ab-dialog.bh-ab-modal-max { width: 100%; max-height: 100vh; }
.bh-ab-dialog h2 { margin: 0; padding: 14px 16px; font-size: 15px; font-weight: 650; border-bottom: 1px solid #e3e3e3; }
.bh-ab-body { padding: 12px 16px; overflow: auto; }
.bh-ab-body input[type=search] { width: 100%; box-sizing: border-box; padding: 6px 10px; border: 1px solid #8a8a8a; border-radius: 8px; font: inherit; }
.bh-ab-list { list-style: none; margin: 8px 0 0; padding: 0; }
.bh-ab-list li label { display: flex; gap: 10px; align-items: center; padding: 10px 4px; border-bottom: 1px solid #ebebeb; cursor: pointer; }
.bh-ab-footer { display: flex; gap: 8px; align-items: center; justify-content: flex-end; padding: 12px 16px; border-top: 1px solid #e3e3e3; }
.bh-ab-footer .bh-ab-count { margin-right: auto; color: #616161; }
`;
