// Reading Atom feeds back in unit tests. Test-only; nothing in the app imports this file.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

/** Elements that may repeat, so they always parse as lists. */
const REPEATED = ['entry', 'link', 'author', 'category'];

/** A feed `buildAtomFeed` or `buildCommentFeed` wrote: checked well-formed, then its `<feed>`, attributes unprefixed. */
export function parseAtomFeed<Feed>(xml: string): Feed {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    isArray: (name) => REPEATED.includes(name),
  });
  return (parser.parse(xml) as { feed: Feed }).feed;
}
