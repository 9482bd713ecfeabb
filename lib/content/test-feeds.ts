// Reading Atom feeds back in unit tests. Test-only; nothing in the app imports this file.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

/** An element with attributes and text, such as `<title type="html">`. */
export interface AtomText {
  '#text': string;
  type: string;
}

/** An entry as the posts feed and the comment feeds write them (only posts have summary and labels). */
export interface AtomEntry {
  id: string;
  title: AtomText;
  link: { href: string }[];
  updated: string;
  published: string;
  summary?: AtomText;
  content: AtomText;
  author: { name: string }[];
  category?: { term: string; label: string; scheme: string }[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  updated: string;
  link: { rel: string; href: string }[];
  entry?: AtomEntry[];
}

/** Elements that may repeat, so they always parse as lists. */
const REPEATED = ['entry', 'link', 'author', 'category'];

/** A feed `buildAtomFeed` or `buildCommentFeed` wrote: checked well-formed, then its `<feed>`, attributes unprefixed. */
export function parseFeed(xml: string): AtomFeed {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    isArray: (name) => REPEATED.includes(name),
  });
  return (parser.parse(xml) as { feed: AtomFeed }).feed;
}
