import { expect, type APIRequestContext } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element as fast-xml-parser gives it: attributes prefixed with "@_", text under "#text". */
export type XmlNode = { [key: string]: unknown };

const alwaysLists = new Set(['entry', 'link', 'category', 'url', 'author']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => alwaysLists.has(name),
});

/** Fetch `path`, check it answers 200 with a content type matching `type`, and parse it as well-formed XML. */
export async function fetchXml(request: APIRequestContext, path: string, type: RegExp): Promise<XmlNode> {
  const response = await request.get(path);
  expect(response.status(), `status of ${path}`).toBe(200);
  expect(response.headers()['content-type'], `content type of ${path}`).toMatch(type);
  const xml = await response.text();
  expect(XMLValidator.validate(xml), `${path} is well-formed XML`).toBe(true);
  return parser.parse(xml) as XmlNode;
}

/** The text of an element that may carry attributes (Atom's `<title type="html">`). */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node) return String((node as XmlNode)['#text']);
  return '';
}

export function listOf(node: unknown): XmlNode[] {
  return Array.isArray(node) ? (node as XmlNode[]) : [];
}
