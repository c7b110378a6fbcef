/* global document, location, addEventListener, requestAnimationFrame, URLSearchParams, FormData, fetch */
// Backorder Hub storefront script (loaded with `defer` by the app blocks' schema).
// Switches the ETA and notify-me blocks when the shopper picks another variant, from the per-variant
// JSON each block embeds: no request to the app. The only request is the notify-me sign-up.
// For a backordered variant it also keeps a hidden line item property in the product form, and
// announces the new ETA text to screen readers through the block's live region.
(() => {
  const ID_INPUT = 'form[action*="/cart/add"] [name="id"]';
  let shown = null;

  const variants = (root) => {
    if (!root.boVariants) {
      try {
        root.boVariants = JSON.parse(root.querySelector("[data-bo-variants]").textContent);
      } catch {
        root.boVariants = {};
      }
    }
    return root.boVariants;
  };

  // Dawn and most themes update the cart form's `id` input (firing `change`) and the `?variant=` param.
  const selectedId = (target) => {
    if (target && target.matches && target.matches(ID_INPUT)) return target.value;
    const fromUrl = new URLSearchParams(location.search).get("variant");
    if (fromUrl) return fromUrl;
    const input = document.querySelector(ID_INPUT);
    return input && input.value;
  };

  const showEta = (root, v, announce) => {
    const d = root.dataset;
    const state = v ? v.s : "";
    let text = "";
    if (state === "backordered") text = v.d ? d.tplUntil.replace("[date]", v.d) : d.tplBackordered;
    else if (state === "in_stock") text = d.tplInStock;
    else if (state === "sold_out" && v.d) text = d.tplRestock.replace("[date]", v.d);
    const message = state === "backordered" || state === "sold_out" ? v.m : "";
    root.dataset.state = state;
    root.querySelector("[data-bo-text]").textContent = text;
    const messageEl = root.querySelector("[data-bo-message]");
    messageEl.textContent = message;
    messageEl.hidden = !message;
    root.hidden = !text && !message;
    setProperty(root, state === "backordered" ? v : null);
    const live = announce && document.getElementById(d.announce);
    if (live) live.textContent = [text, message].filter(Boolean).join(". ");
  };

  // `properties[Name]` in every cart form: Shopify keeps it on the line through checkout to the order.
  const setProperty = (root, v) => {
    const d = root.dataset;
    const name = (d.propertyName || "").replace(/[[\]]/g, "");
    const value = name && v ? (v.d ? d.tplPropertyUntil.replace("[date]", v.d) : d.tplProperty) : "";
    document.querySelectorAll(ID_INPUT).forEach((idInput) => {
      const form = idInput.form;
      let input = form && form.querySelector("[data-bo-property]");
      if (!form || (!value && !input)) return;
      if (!value) return input.remove();
      if (!input) {
        input = document.createElement("input");
        input.type = "hidden";
        input.setAttribute("data-bo-property", "");
        form.appendChild(input);
      }
      input.name = "properties[" + name + "]";
      input.value = value;
    });
  };

  const showNotify = (root, v, id) => {
    root.hidden = !(v && v.s === "sold_out");
    root.querySelector('[name="variant_id"]').value = id;
    setStatus(root, "", "");
  };

  const sync = (target) => {
    const id = selectedId(target);
    if (!id || id === shown) return;
    const changed = shown !== null;
    shown = id;
    document.querySelectorAll("[data-bo-block]").forEach((root) => {
      const v = variants(root)[id];
      if (root.dataset.boBlock === "eta") showEta(root, v, changed);
      else if (root.dataset.boBlock === "notify") showNotify(root, v, id);
    });
  };

  const setStatus = (root, text, kind) => {
    const status = root.querySelector("[data-bo-status]");
    status.textContent = text;
    status.dataset.kind = kind;
  };

  const RESULT = { 201: "Success", 200: "Already", 422: "Invalid", 429: "Limited" };

  const submit = async (form) => {
    const root = form.closest("[data-bo-block]");
    const { email, phone, sms_consent: consent } = form.elements;
    const button = form.querySelector("[type=submit]");
    const data = new FormData(form);
    const mail = email ? email.value.trim() : "";
    const tel = phone ? phone.value.trim() : "";
    let result = "Invalid";
    // A phone number goes only with the SMS consent box ticked (the app refuses it otherwise).
    if (tel && !consent.checked) result = "Consent";
    else if ((mail || tel) && (!mail || email.validity.valid)) {
      const body = {
        email: mail || undefined,
        variant_id: data.get("variant_id"),
        locale: data.get("locale") || undefined,
        marketing_consent: data.get("marketing_consent") === "on",
      };
      if (tel) {
        body.phone = tel;
        body.sms_consent = true;
        body.sms_consent_text = root.querySelector("[data-bo-sms-text]").textContent.trim();
        body.country = data.get("country") || undefined;
      }
      // Only bots fill the honeypot; forward it so the app can drop the request quietly.
      if (data.get("website")) body.website = data.get("website");
      button.disabled = true;
      form.setAttribute("aria-busy", "true");
      try {
        const response = await fetch(form.action, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify(body),
        });
        result = RESULT[response.status] || "Error";
      } catch {
        result = "Error";
      }
      button.disabled = false;
      form.removeAttribute("aria-busy");
    }
    for (const input of [email, phone]) {
      if (!input) continue;
      input.setAttribute("aria-invalid", String(result === "Invalid"));
      if (result === "Success" || result === "Already") input.value = "";
    }
    setStatus(root, root.dataset["msg" + result], result.toLowerCase());
  };

  document.addEventListener("submit", (event) => {
    const form = event.target.closest && event.target.closest("[data-bo-form]");
    if (!form) return;
    event.preventDefault();
    submit(form);
  });
  document.addEventListener("change", (event) => sync(event.target));
  // Themes that only rewrite the URL announce it with their own events; read the URL a frame later.
  ["variant:change", "variant:update"].forEach((name) =>
    document.addEventListener(name, () => requestAnimationFrame(() => sync())),
  );
  addEventListener("popstate", () => sync());
  sync();
})();
