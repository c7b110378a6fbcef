import { standInText } from "./stand-in-strings.ts";
import type { ProductsResponse, ShopProductView } from "../../../../contract/api-responses.ts";
import { button, el, openDialog } from "./stand-in-dom.ts";

type PickerOptions = {
  type: "product" | "variant" | "collection";
  action?: "add" | "select";
  multiple?: boolean | number;
  query?: string;
  selectionIds?: { id: string }[];
};
type PickedProduct = { id: string; title: string; handle: string; images: { originalSrc: string }[] };

const gid = (id: string) => `gid://shopify/Product/${id}`;

async function searchProducts(shop: string, query: string): Promise<ShopProductView[]> {
  const params = new URLSearchParams({ shop, query });
  const response = await fetch(`/dev/products?${params}`, { cache: "no-store" });
  if (!response.ok) throw new Error(standInText("productsFailed", { status: String(response.status) }));
  return ((await response.json()) as ProductsResponse).products;
}

/**
 * `shopify.resourcePicker({type: "product"})` over the shop's synced catalog: search by title, pick
 * up to `multiple` products, and get them back as App Bridge returns them (GraphQL ids), or
 * undefined when the merchant cancels. Variants and collections are not in the stand-in's catalog.
 */
export function resourcePicker(
  options: PickerOptions,
): Promise<(PickedProduct[] & { selection: PickedProduct[] }) | undefined> {
  if (options.type !== "product")
    return Promise.reject(new Error(`The App Bridge stand-in picks products only, not ${options.type}s`));
  const shop = new URLSearchParams(window.location.search).get("shop") ?? "";
  const limit =
    options.multiple === true ? Infinity : typeof options.multiple === "number" ? options.multiple : 1;
  const chosen = new Map<string, PickedProduct>(
    (options.selectionIds ?? []).map((s) => [s.id, { id: s.id, title: "", handle: "", images: [] }]),
  );

  return new Promise((resolve) => {
    const search = el("input", {
      type: "search",
      "aria-label": standInText("searchProducts"),
      placeholder: standInText("searchProducts"),
    });
    search.value = options.query ?? "";
    const list = el("ul", { class: "bh-ab-list", "aria-label": standInText("products") });
    const count = el("span", { class: "bh-ab-count" });
    const select = options.action === "select";
    const confirm = button(standInText(select ? "select" : "add"), true, () => {
      close();
      const selection = [...chosen.values()];
      resolve(Object.assign([...selection], { selection }));
    });
    const refreshCount = () => {
      count.textContent = standInText("selected", { count: chosen.size });
      confirm.disabled = chosen.size === 0;
    };
    const render = (products: ShopProductView[]) => {
      list.replaceChildren(
        ...products.map((p) => {
          const box = el("input", { type: limit === 1 ? "radio" : "checkbox", name: "bh-ab-product" });
          box.checked = chosen.has(gid(p.id));
          box.addEventListener("change", () => {
            if (limit === 1) chosen.clear();
            if (box.checked && chosen.size >= limit) box.checked = false;
            else if (box.checked)
              chosen.set(gid(p.id), {
                id: gid(p.id),
                title: p.title,
                handle: p.handle ?? "",
                images: p.imageUrl ? [{ originalSrc: p.imageUrl }] : [],
              });
            else chosen.delete(gid(p.id));
            refreshCount();
          });
          return el("li", {}, [el("label", {}, [box, p.title])]);
        }),
      );
      if (products.length === 0) list.replaceChildren(el("li", {}, [standInText("noProducts")]));
    };
    const load = () =>
      searchProducts(shop, search.value).then(render, (error: Error) =>
        list.replaceChildren(el("li", { role: "alert" }, [error.message])),
      );
    let timer: ReturnType<typeof setTimeout> | undefined;
    search.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(load, 200);
    });
    const cancel = () => {
      close();
      resolve(undefined);
    };
    const close = openDialog(
      standInText(select ? "selectProducts" : "addProducts"),
      [search, list],
      [count, button(standInText("cancel"), false, cancel), confirm],
      cancel,
    );
    refreshCount();
    void load();
  });
}
