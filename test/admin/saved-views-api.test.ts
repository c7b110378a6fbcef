import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SavedViewResponse, SavedViewsResponse } from "../../web/contract/api-responses.ts";
import { startAdminApp, type AdminTestApp } from "./helpers/start-admin-app.ts";

const SHOP = "views-a.myshopify.com";
const OTHER = "views-b.myshopify.com";
const LIMIT_SHOP = "views-limit.myshopify.com";

type ErrorBody = { error: string; details: { fieldErrors: Record<string, string[]>; formErrors: string[] } };

describe("/api/saved-views", () => {
  let app: AdminTestApp;
  beforeAll(async () => {
    // 26 creates at once reach the server together (the admin's own limit is 4 in flight).
    app = await startAdminApp({ env: { API_MAX_IN_FLIGHT_PER_SHOP: "30" } });
    await app.installShop(SHOP);
    await app.installShop(OTHER);
    await app.installShop(LIMIT_SHOP);
  });
  afterAll(() => app?.close());

  const create = (list: string, body: unknown, domain = SHOP) =>
    app.api(domain, `/saved-views/${list}`, { method: "POST", body });
  const views = async (list: string, domain = SHOP) => {
    const res = await app.api(domain, `/saved-views/${list}`);
    expect(res.status).toBe(200);
    return (await res.json()) as SavedViewsResponse;
  };
  const created = async (list: string, body: unknown, domain = SHOP) => {
    const res = await create(list, body, domain);
    expect(res.status).toBe(201);
    return ((await res.json()) as SavedViewResponse).view;
  };

  it("creates, lists in tab order, renames, changes the query of and deletes a view", async () => {
    const late = await created("backorders", {
      name: "  Late hoodies ",
      query: { status: "OPEN", overdue: true, search: " hoodie ", product: "" },
    });
    expect(late).toMatchObject({
      list: "backorders",
      name: "Late hoodies",
      query: { status: "OPEN", overdue: true, search: "hoodie", product: "" },
      position: 0,
    });
    // The fields left out take the list's own defaults.
    const all = await created("backorders", { name: "Every line", query: { status: "" } });
    expect(all.query).toEqual({ status: "", overdue: false, search: "", product: "" });
    expect(all.position).toBe(1);
    const todo = await created("etas", { name: "To do", query: { filter: "no_eta" } });
    expect(todo.query).toEqual({ filter: "no_eta", search: "" });

    expect((await views("backorders")).views.map((v) => v.name)).toEqual(["Late hoodies", "Every line"]);
    expect(await views("etas")).toMatchObject({ views: [{ name: "To do" }], limit: 20 });

    const renamed = await app.api(SHOP, `/saved-views/backorders/${late.id}`, {
      method: "PATCH",
      body: { name: "Late" },
    });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as SavedViewResponse).view).toMatchObject({
      name: "Late",
      query: late.query,
    });
    const requery = await app.api(SHOP, `/saved-views/backorders/${late.id}`, {
      method: "PATCH",
      body: { query: { status: "READY", search: "SKU-1" } },
    });
    expect(((await requery.json()) as SavedViewResponse).view).toMatchObject({
      name: "Late",
      query: { status: "READY", overdue: false, search: "SKU-1", product: "" },
    });

    expect((await app.api(SHOP, `/saved-views/backorders/${all.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await views("backorders")).views.map((v) => v.name)).toEqual(["Late"]);
    expect((await app.api(SHOP, `/saved-views/backorders/${all.id}`, { method: "DELETE" })).status).toBe(404);
    // A view belongs to its list: the ETAs list does not know a Backorders view.
    expect(
      (await app.api(SHOP, `/saved-views/etas/${late.id}`, { method: "PATCH", body: { name: "X" } })).status,
    ).toBe(404);
  });

  it("refuses a name another view of the list has, whatever its case, on create and rename", async () => {
    const first = await created("etas", { name: "Suppliers", query: {} });
    const again = await create("etas", { name: "SUPPLIERS ", query: {} });
    expect(again.status).toBe(422);
    expect(((await again.json()) as ErrorBody).details.fieldErrors.name).toEqual([
      "A view named “SUPPLIERS” already exists. Choose another name.",
    ]);
    // The other list, and another shop, may use the name.
    await created("backorders", { name: "Suppliers", query: {} });
    await created("etas", { name: "suppliers", query: {} }, OTHER);
    const second = await created("etas", { name: "Suppliers 2", query: {} });
    const rename = await app.api(SHOP, `/saved-views/etas/${second.id}`, {
      method: "PATCH",
      body: { name: "suppliers" },
    });
    expect(rename.status).toBe(422);
    expect((await views("etas")).views.find((v) => v.id === second.id)?.name).toBe("Suppliers 2");
    // 40 characters whose lower case is longer ("İ" is "i" and a dot above) still make a name.
    const dotted = await created("etas", { name: "İ".repeat(40), query: {} });
    expect(dotted.name).toBe("İ".repeat(40));
    expect((await create("etas", { name: "İ".repeat(40), query: {} })).status).toBe(422);
    // A view may change the case of its own name.
    const recase = await app.api(SHOP, `/saved-views/etas/${first.id}`, {
      method: "PATCH",
      body: { name: "SUPPLIERS" },
    });
    expect(recase.status).toBe(200);
  });

  it("refuses bad input with the field's error, 400 when malformed and 422 when a rule is broken", async () => {
    const cases: [string, string, unknown, number, string, string][] = [
      ["POST", "/saved-views/backorders", { query: {} }, 400, "name", "Enter text"],
      ["POST", "/saved-views/backorders", { name: "", query: {} }, 422, "name", "Enter a value"],
      [
        "POST",
        "/saved-views/backorders",
        { name: "x".repeat(41), query: {} },
        422,
        "name",
        "Use at most 40 characters",
      ],
      ["POST", "/saved-views/backorders", { name: "A\nB", query: {} }, 422, "name", "Must be a single line"],
      ["POST", "/saved-views/backorders", { name: "A", query: "open" }, 400, "query", "Enter"],
      [
        "POST",
        "/saved-views/backorders",
        { name: "A", query: { status: "LATE" } },
        422,
        "query",
        "Choose one of",
      ],
      [
        "POST",
        "/saved-views/backorders",
        { name: "A", query: { product: "abc" } },
        422,
        "query",
        "Must be a numeric Shopify id",
      ],
      [
        "POST",
        "/saved-views/backorders",
        { name: "A", query: { search: "x".repeat(201) } },
        422,
        "query",
        "Use at most 200",
      ],
      ["POST", "/saved-views/etas", { name: "A", query: { filter: "late" } }, 422, "query", "Choose one of"],
      // A Backorders filter is not an ETAs one: the bodies are strict.
      [
        "POST",
        "/saved-views/etas",
        { name: "A", query: { status: "OPEN" } },
        422,
        "query",
        "Unknown field: status",
      ],
      [
        "POST",
        "/saved-views/etas",
        { name: "A", query: {}, position: 3 },
        422,
        "",
        "Unknown field: position",
      ],
    ];
    for (const [method, path, body, status, field, sentence] of cases) {
      const res = await app.api(SHOP, path, { method, body });
      const answer = (await res.json()) as ErrorBody;
      const said = field ? answer.details.fieldErrors[field] : answer.details.formErrors;
      expect({ body, status: res.status, said: said?.join(" ").startsWith(sentence) }).toEqual({
        body,
        status,
        said: true,
      });
    }
    expect((await app.api(SHOP, "/saved-views/orders")).status).toBe(400);
    expect((await app.api(SHOP, "/saved-views/etas/not-a-uuid", { method: "DELETE" })).status).toBe(400);
    const [view] = (await views("etas")).views;
    const empty = await app.api(SHOP, `/saved-views/etas/${view?.id}`, { method: "PATCH", body: {} });
    expect(empty.status).toBe(422);
    // Nothing half-written: none of the refused views exists.
    expect((await views("backorders")).views.some((v) => v.name === "A")).toBe(false);
    expect((await views("etas")).views.some((v) => v.name === "A")).toBe(false);
  });

  it("words the refusal in the admin's language", async () => {
    const res = await fetch(`${app.url}/api/saved-views/etas`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${await app.token(SHOP)}`,
        "Content-Type": "application/json",
        "Accept-Language": "fr",
      },
      body: JSON.stringify({ name: "suppliers", query: {} }),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).details.fieldErrors.name).toEqual([
      "Une vue nommée «\u00a0suppliers\u00a0» existe déjà. Choisissez un autre nom.",
    ]);
  });

  it("keeps at most 20 views per shop and list, even when they are created at once", async () => {
    const answers = await Promise.all(
      Array.from({ length: 26 }, (_, i) =>
        create("backorders", { name: `View ${i}`, query: {} }, LIMIT_SHOP),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 422)).toHaveLength(6);
    const refused = answers.find((r) => r.status === 422);
    expect(((await refused?.json()) as ErrorBody).details.formErrors).toEqual([
      "You can save up to 20 views on this list. Delete a view to save another.",
    ]);
    const list = await views("backorders", LIMIT_SHOP);
    expect(list.views).toHaveLength(20);
    expect(list.views.map((v) => v.position)).toEqual([...Array(20).keys()]);
    // The ETAs list has its own 20; deleting one Backorders view makes room for one more.
    await created("etas", { name: "View 0", query: {} }, LIMIT_SHOP);
    await app.api(LIMIT_SHOP, `/saved-views/backorders/${list.views[3]?.id}`, { method: "DELETE" });
    const last = await created("backorders", { name: "One more", query: {} }, LIMIT_SHOP);
    expect(last.position).toBe(20);
  });

  it("never shows, renames or deletes another shop's view", async () => {
    const mine = await created("backorders", { name: "Private to A", query: { search: "secret" } });
    expect((await views("backorders", OTHER)).views.map((v) => v.name)).not.toContain("Private to A");
    const path = `/saved-views/backorders/${mine.id}`;
    expect((await app.api(OTHER, path, { method: "PATCH", body: { name: "Taken by B" } })).status).toBe(404);
    expect((await app.api(OTHER, path, { method: "PATCH", body: { query: {} } })).status).toBe(404);
    expect((await app.api(OTHER, path, { method: "DELETE" })).status).toBe(404);
    const still = (await views("backorders")).views.find((v) => v.id === mine.id);
    expect(still).toEqual(mine);
  });

  it("goes with the shop when the shop's data is deleted", async () => {
    const shopId = await app.installShop("views-gone.myshopify.com");
    await created("etas", { name: "Soon gone", query: {} }, "views-gone.myshopify.com");
    await app.deps.db.shop.delete({ where: { id: shopId } });
    expect(await app.deps.db.savedView.count({ where: { shopId } })).toBe(0);
  });
});
