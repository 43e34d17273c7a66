import { parse } from 'parse5';
import { h, s } from 'hastscript';

/** A node of the page's tree, as the HTML reader walks it (hast's shape, the fields read). */
export interface HNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

interface P5Node {
  nodeName: string;
  tagName?: string;
  namespaceURI?: string;
  value?: string;
  attrs?: { name: string; value: string; prefix?: string }[];
  childNodes?: P5Node[];
  sourceCodeLocation?: { startOffset: number; endOffset: number } | null;
}

const SVG = 'http://www.w3.org/2000/svg';
const HTML = 'http://www.w3.org/1999/xhtml';

/** The hast node for one parse5 node, without its children; undefined for what the reader never reads. */
function convert(node: P5Node): HNode | undefined {
  let out: HNode;
  if (node.nodeName === '#text') out = { type: 'text', value: node.value };
  else if (node.nodeName === '#comment' || node.nodeName === '#documentType') return undefined;
  else if (node.nodeName === '#document' || node.nodeName === '#document-fragment') out = { type: 'root', children: [] };
  else {
    const properties: Record<string, string> = {};
    for (const a of node.attrs ?? []) {
      const name = (a.prefix ? `${a.prefix}:` : '') + a.name;
      if (!Object.prototype.hasOwnProperty.call(Object.prototype, name)) properties[name] = a.value;
    }
    // hastscript turns attributes into properties as hast-util-from-parse5 does (className, dateTime, hidden: true…).
    out = (node.namespaceURI === SVG ? s : h)(node.tagName!, properties, []) as HNode;
    out.children ??= [];
  }
  const loc = node.sourceCodeLocation;
  if (loc) out.position = { start: { offset: loc.startOffset }, end: { offset: loc.endOffset } };
  return out;
}

/**
 * An HTML page as a hast tree, built without recursion: parse5 parses with a stack of open
 * elements, and the tree is converted here with a stack of its own, so a page nested 100,000 deep
 * (a scraper's broken markup) is read like any other. The same tree as rehype-parse builds for
 * the fields the reader uses; an HTML `<template>`'s content is left out, as hast keeps it apart.
 */
export function parseHtmlTree(source: string): HNode {
  const doc = parse(source, { sourceCodeLocationInfo: true, scriptingEnabled: false }) as unknown as P5Node;
  const root = convert(doc)!;
  root.position = { start: { offset: 0 }, end: { offset: source.length } };
  const stack: [P5Node, HNode][] = [[doc, root]];
  while (stack.length) {
    const [p5, node] = stack.pop()!;
    if (p5.nodeName === 'template' && p5.namespaceURI === HTML) continue;
    for (const c of p5.childNodes ?? []) {
      const child = convert(c);
      if (!child) continue;
      node.children!.push(child);
      if (child.children) stack.push([c, child]);
    }
  }
  return root;
}
