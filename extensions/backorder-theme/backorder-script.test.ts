// Drives assets/backorder.js in a VM against a small, strict fake of the DOM the blocks render:
// no DOM library is installed, and the script only touches the elements faked here.
import { readFile } from "node:fs/promises";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

const SCRIPT = await readFile(new URL("./assets/backorder.js", import.meta.url), "utf8");
const ID_INPUT = 'form[action*="/cart/add"] [name="id"]';
const [BACKORDERED, IN_STOCK, SOLD_OUT] = ["9007199254740995", "9007199254740997", "9007199254740999"];

class FakeElement {
  dataset: Record<string, string> = {};
  hidden = false;
  textContent = "";
  value = "";
  disabled = false;
  attributes = new Map<string, string>();
  selectors: string[];
  children: Record<string, FakeElement>;
  parent: FakeElement | undefined;
  constructor(selectors: string[] = [], children: Record<string, FakeElement> = {}, parent?: FakeElement) {
    this.selectors = selectors;
    this.children = children;
    this.parent = parent;
  }
  matches = (selector: string) => this.selectors.includes(selector);
  closest = (selector: string): FakeElement | null =>
    this.matches(selector) ? this : (this.parent?.closest(selector) ?? null);
  querySelector = (selector: string) => {
    const child = this.children[selector];
    if (!child) throw new Error(`unexpected querySelector(${selector})`);
    return child;
  };
  setAttribute = (name: string, value: string) => this.attributes.set(name, value);
  removeAttribute = (name: string) => this.attributes.delete(name);
}

function setup(search: string, respond: () => Promise<{ status: number }> = async () => ({ status: 201 })) {
  const el = (text = "") => Object.assign(new FakeElement(), { textContent: text });
  const states = { [BACKORDERED]: "backordered", [IN_STOCK]: "in_stock", [SOLD_OUT]: "sold_out" };
  const etaVariants = {
    [BACKORDERED]: { s: "backordered", d: "12 Dec", m: "Knitted to order" },
    [IN_STOCK]: { s: "in_stock", d: "", m: "" },
    [SOLD_OUT]: { s: "sold_out", d: "", m: "" },
  };
  const eta = new FakeElement(["[data-bo-block]"], {
    "[data-bo-variants]": el(JSON.stringify(etaVariants)),
    "[data-bo-text]": el(),
    "[data-bo-message]": el(),
  });
  Object.assign(eta.dataset, {
    boBlock: "eta",
    announce: "bo-eta-live-1",
    propertyName: "Backorder",
    tplPropertyUntil: "ships by [date]",
    tplProperty: "ships when back in stock",
    tplUntil: "Backordered: ships by [date]",
    tplBackordered: "Backordered",
    tplRestock: "Sold out: back by [date]",
    tplInStock: "In stock",
  });
  const notifyJson = Object.fromEntries(Object.entries(states).map(([id, s]) => [id, { s }]));
  const notify = new FakeElement(["[data-bo-block]"]);
  const email = Object.assign(el(), { validity: { valid: true } });
  const button = el();
  const form = new FakeElement(["[data-bo-form]"], { "[type=submit]": button }, notify);
  const fields: Record<string, string> = {
    variant_id: "",
    locale: "fr",
    marketing_consent: "on",
    website: "",
  };
  Object.assign(form, { action: "https://shop.test/apps/backorder/subscriptions", elements: { email } });
  const variantId = Object.assign(el(), { value: "" });
  notify.children = {
    "[data-bo-variants]": el(JSON.stringify(notifyJson)),
    '[name="variant_id"]': variantId,
    "[data-bo-status]": el(),
  };
  Object.assign(notify.dataset, {
    boBlock: "notify",
    msgSuccess: "Thanks!",
    msgAlready: "Already on the list.",
    msgInvalid: "Enter a valid email.",
    msgLimited: "Too many attempts.",
    msgError: "Something went wrong.",
  });
  const idInput = new FakeElement([ID_INPUT]);
  idInput.value = IN_STOCK;
  const live = el();
  // The product form: the script may add, update and remove one hidden property input in it.
  const cartForm = {
    added: [] as Array<Record<string, unknown>>,
    querySelector: (s: string) => {
      if (s !== "[data-bo-property]") throw new Error(`unexpected querySelector(${s})`);
      return cartForm.added[0] ?? null;
    },
    appendChild: (input: Record<string, unknown>) => cartForm.added.push(input),
  };
  Object.assign(idInput, { form: cartForm });
  const createElement = (tag: string) => {
    if (tag !== "input") throw new Error(`unexpected createElement(${tag})`);
    const input: Record<string, unknown> = { attributes: new Map<string, string>() };
    input.setAttribute = (name: string, value: string) =>
      (input.attributes as Map<string, string>).set(name, value);
    input.remove = () => cartForm.added.splice(cartForm.added.indexOf(input), 1);
    return input;
  };

  const listeners: Record<string, Array<(event: unknown) => void>> = {};
  const listen = (type: string, fn: (event: unknown) => void) => (listeners[type] ??= []).push(fn);
  const requests: Array<{ url: string; init: { body: string; headers: Record<string, string> } }> = [];
  runInNewContext(SCRIPT, {
    document: {
      addEventListener: listen,
      querySelectorAll: (s: string) =>
        s === "[data-bo-block]" ? [eta, notify] : s === ID_INPUT ? [idInput] : [],
      querySelector: (s: string) => (s === ID_INPUT ? idInput : null),
      getElementById: (id: string) => (id === "bo-eta-live-1" ? live : null),
      createElement,
    },
    location: { search },
    addEventListener: listen,
    requestAnimationFrame: (fn: () => void) => fn(),
    URLSearchParams,
    FormData: class {
      get = (name: string) => (name === "variant_id" ? variantId.value : (fields[name] ?? null));
    },
    fetch: (url: string, init: { body: string; headers: Record<string, string> }) => {
      requests.push({ url, init });
      return respond();
    },
  });
  const fire = (type: string, target: unknown) =>
    listeners[type]?.forEach((fn) => fn({ target, preventDefault: () => {} }));
  const pick = (id: string) => {
    idInput.value = id;
    fire("change", idInput);
  };
  const submit = async (value: string) => {
    email.value = value;
    fire("submit", form);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { eta, notify, email, fields, variantId, pick, submit, requests, fire, live, cartForm };
}

describe("backorder.js variant switching", () => {
  it("renders the variant from ?variant= on load", () => {
    const { eta, notify } = setup(`?variant=${BACKORDERED}`);
    expect(eta.querySelector("[data-bo-text]").textContent).toBe("Backordered: ships by 12 Dec");
    expect(eta.querySelector("[data-bo-message]")).toMatchObject({
      textContent: "Knitted to order",
      hidden: false,
    });
    expect([eta.hidden, notify.hidden, eta.dataset.state]).toEqual([false, true, "backordered"]);
  });

  it.each([
    [IN_STOCK, "In stock", false, true],
    [SOLD_OUT, "", true, false],
    [BACKORDERED, "Backordered: ships by 12 Dec", false, true],
    ["123", "", true, true],
  ])("picking %s from the cart form's id input", (id, text, etaHidden, notifyHidden) => {
    const page = setup("");
    page.pick(SOLD_OUT === id ? BACKORDERED : SOLD_OUT);
    page.pick(id);
    expect(page.eta.querySelector("[data-bo-text]").textContent).toBe(text);
    expect([page.eta.hidden, page.notify.hidden]).toEqual([etaHidden, notifyHidden]);
    expect(page.variantId.value).toBe(id);
  });

  it("keeps a line item property in the product form only while a backordered variant is chosen", () => {
    const page = setup(`?variant=${BACKORDERED}`);
    const props = () => page.cartForm.added.map((i) => ({ type: i.type, name: i.name, value: i.value }));
    expect(props()).toEqual([{ type: "hidden", name: "properties[Backorder]", value: "ships by 12 Dec" }]);
    page.pick(IN_STOCK);
    expect(props()).toEqual([]);
    page.pick(BACKORDERED);
    page.pick(BACKORDERED);
    expect(props()).toEqual([{ type: "hidden", name: "properties[Backorder]", value: "ships by 12 Dec" }]);
  });

  it("adds no property when the merchant turned it off (no property name)", () => {
    const page = setup("");
    page.eta.dataset.propertyName = "";
    page.pick(BACKORDERED);
    expect(page.cartForm.added).toEqual([]);
  });

  it("announces the ETA text in the live region when the variant changes, not on load", () => {
    const page = setup(`?variant=${BACKORDERED}`);
    expect(page.live.textContent).toBe("");
    page.pick(IN_STOCK);
    expect(page.live.textContent).toBe("In stock");
    page.pick(BACKORDERED);
    expect(page.live.textContent).toBe("Backordered: ships by 12 Dec. Knitted to order");
  });

  it("ignores changes that keep the same variant (e.g. typing in the email field)", () => {
    const page = setup(`?variant=${SOLD_OUT}`);
    page.notify.querySelector("[data-bo-status]").textContent = "Thanks!";
    page.fire("change", page.email);
    expect(page.notify.querySelector("[data-bo-status]").textContent).toBe("Thanks!");
  });
});

describe("backorder.js notify-me submission", () => {
  it.each([
    [201, "Thanks!", "success"],
    [200, "Already on the list.", "already"],
    [422, "Enter a valid email.", "invalid"],
    [429, "Too many attempts.", "limited"],
    [503, "Something went wrong.", "error"],
  ])("HTTP %i -> %s", async (status, message, kind) => {
    const page = setup(`?variant=${SOLD_OUT}`, async () => ({ status }));
    await page.submit(" shopper@example.com ");
    expect(page.requests).toHaveLength(1);
    expect(page.requests[0]?.url).toBe("https://shop.test/apps/backorder/subscriptions");
    expect(page.requests[0]?.init.headers["Content-Type"]).toBe("application/json");
    expect(JSON.parse(page.requests[0]?.init.body ?? "")).toEqual({
      email: "shopper@example.com",
      variant_id: SOLD_OUT,
      locale: "fr",
      marketing_consent: true,
    });
    expect(page.notify.querySelector("[data-bo-status]")).toMatchObject({ textContent: message });
    expect(page.notify.querySelector("[data-bo-status]").dataset.kind).toBe(kind);
    expect(page.email.attributes.get("aria-invalid")).toBe(String(kind === "invalid"));
  });

  it("reports a network failure as an error", async () => {
    const page = setup(`?variant=${SOLD_OUT}`, () => Promise.reject(new TypeError("offline")));
    await page.submit("shopper@example.com");
    expect(page.notify.querySelector("[data-bo-status]").textContent).toBe("Something went wrong.");
  });

  it("does not post an invalid email", async () => {
    const page = setup(`?variant=${SOLD_OUT}`);
    Object.assign(page.email, { validity: { valid: false } });
    await page.submit("not-an-email");
    expect(page.requests).toEqual([]);
    expect(page.notify.querySelector("[data-bo-status]").textContent).toBe("Enter a valid email.");
  });

  it("forwards a filled honeypot so the app can drop the bot", async () => {
    const page = setup(`?variant=${SOLD_OUT}`);
    page.fields.website = "http://spam.example";
    await page.submit("bot@example.com");
    expect(JSON.parse(page.requests[0]?.init.body ?? "")).toMatchObject({ website: "http://spam.example" });
  });
});
