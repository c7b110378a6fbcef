// Renders a Preact element to a plain tree by calling function components (ours use no
// hooks) and keeping intrinsic elements (`s-text`, `s-banner`, ...). No DOM is installed.
import { isValidElement, type ComponentChild, type ComponentChildren, type FunctionComponent } from "preact";

export interface RenderedElement {
  readonly tag: string;
  readonly props: Readonly<Record<string, unknown>>;
  readonly children: readonly RenderedNode[];
}
export type RenderedNode = RenderedElement | string;

export function renderTree(node: ComponentChildren): RenderedNode[] {
  if (node === null || node === undefined || typeof node === "boolean") return [];
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint") return [String(node)];
  if (Array.isArray(node)) return node.flatMap((child: ComponentChild) => renderTree(child));
  if (!isValidElement(node)) throw new Error(`cannot render ${JSON.stringify(node)}`);
  const { type, props } = node as {
    type: unknown;
    props: Record<string, unknown> & { children?: ComponentChildren };
  };
  if (typeof type === "function") return renderTree((type as FunctionComponent)(props) as ComponentChildren);
  if (typeof type !== "string") throw new Error(`unknown element type ${String(type)}`);
  const { children, ...rest } = props;
  return [{ tag: type, props: rest, children: renderTree(children) }];
}

export function findAll(nodes: readonly RenderedNode[], tag: string): RenderedElement[] {
  return nodes.flatMap((node) => {
    if (typeof node === "string") return [];
    return [...(node.tag === tag ? [node] : []), ...findAll(node.children, tag)];
  });
}

export function textOf(node: RenderedNode | readonly RenderedNode[]): string {
  if (typeof node === "string") return node;
  if (Array.isArray(node)) return (node as readonly RenderedNode[]).map(textOf).join("");
  return textOf((node as RenderedElement).children);
}

/** Visible texts, one per `s-text`, in document order. */
export function visibleTexts(node: ComponentChildren): string[] {
  return findAll(renderTree(node), "s-text").map((element) => textOf(element));
}
