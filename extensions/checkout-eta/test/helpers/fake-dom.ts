// The few DOM operations Preact's render() performs, so entry wiring (render + signals +
// the stock store) can run in Node without jsdom. Elements keep attributes, not styles.

export class FakeNode {
  parentNode: FakeElement | null = null;
  readonly nodeType: number;
  constructor(nodeType: number) {
    this.nodeType = nodeType;
  }
  get nextSibling(): FakeNode | null {
    const siblings = this.parentNode?.childNodes ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
}

export class FakeText extends FakeNode {
  data: string;
  constructor(data: string) {
    super(3);
    this.data = data;
  }
}

export class FakeElement extends FakeNode {
  readonly childNodes: FakeNode[] = [];
  readonly attributes = new Map<string, string>();
  readonly namespaceURI = "http://www.w3.org/1999/xhtml";
  readonly localName: string;
  constructor(localName: string) {
    super(1);
    this.localName = localName;
  }
  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  insertBefore(node: FakeNode, before: FakeNode | null): FakeNode {
    node.parentNode?.removeChild(node);
    const index = before === null ? -1 : this.childNodes.indexOf(before);
    if (index < 0) this.childNodes.push(node);
    else this.childNodes.splice(index, 0, node);
    node.parentNode = this;
    return node;
  }
  appendChild(node: FakeNode): FakeNode {
    return this.insertBefore(node, null);
  }
  removeChild(node: FakeNode): FakeNode {
    const index = this.childNodes.indexOf(node);
    if (index < 0) throw new Error("removeChild: not a child");
    this.childNodes.splice(index, 1);
    node.parentNode = null;
    return node;
  }
  setAttribute(name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  addEventListener(): void {}
  removeEventListener(): void {}
}

export const fakeDocument = {
  createElement: (tag: string) => new FakeElement(tag),
  createElementNS: (_namespace: string | null, tag: string) => new FakeElement(tag),
  createTextNode: (data: string) => new FakeText(String(data)),
};

/** Texts of the `tag` elements under `root`, in document order. */
export function textsOf(root: FakeElement, tag = "s-text"): string[] {
  const texts: string[] = [];
  const visit = (node: FakeNode): string => {
    if (node instanceof FakeText) return node.data;
    if (!(node instanceof FakeElement)) return "";
    const text = node.childNodes.map(visit).join("");
    if (node.localName === tag) texts.push(text);
    return text;
  };
  visit(root);
  return texts;
}
