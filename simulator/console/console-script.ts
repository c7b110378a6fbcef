/**
 * The console's only script: every form posts JSON to the simulator's /_sim endpoints (ids stay
 * strings, so no digit is lost), then the page reloads to show the new state.
 */
export const CONSOLE_SCRIPT = `
(() => {
  const status = document.querySelector("[data-status]");
  const show = (text, kind) => { status.textContent = text; status.dataset.kind = kind; };
  const bodies = {
    order: (f) => ({
      email: f.elements.email.value.trim(),
      firstName: f.elements.firstName.value.trim() || undefined,
      lines: [{ variantId: f.elements.variant.value, quantity: Number(f.elements.quantity.value) }],
    }),
    fulfill: () => ({}),
    drop: (f) => ({
      shop: f.dataset.shop,
      topic: f.elements.topic.value,
      count: f.elements.count.value,
    }),
    "deliver-late": () => ({}),
    "clear-drops": () => ({}),
    cancel: (f) => ({ restock: f.elements.restock.checked }),
    inventory: (f, submitter) => {
      const value = Number(f.elements.value.value);
      const base = { inventoryItemId: f.dataset.item, locationId: f.dataset.location };
      return submitter && submitter.value === "adjust" ? { ...base, delta: value } : { ...base, available: value };
    },
  };
  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-kind]");
    if (!form) return;
    event.preventDefault();
    const body = bodies[form.dataset.kind](form, event.submitter);
    form.querySelectorAll("button").forEach((b) => (b.disabled = true));
    try {
      const res = await fetch(form.dataset.endpoint, {
        method: form.dataset.method || "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(answer.error || "HTTP " + res.status);
      show(form.dataset.done || "Done", "ok");
      sessionStorage.setItem("console-status", form.dataset.done || "Done");
      location.reload();
    } catch (error) {
      show(error.message, "error");
      form.querySelectorAll("button").forEach((b) => (b.disabled = false));
    }
  });
  const last = sessionStorage.getItem("console-status");
  if (last) { show(last, "ok"); sessionStorage.removeItem("console-status"); }
})();
`;
