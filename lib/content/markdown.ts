import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeHighlight from 'rehype-highlight';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const attributionMark = /^\s*(?:—|--|―)\s*/;

function isElement(node: ElementContent | undefined, tagName: string): node is Element {
  return node?.type === 'element' && node.tagName === tagName;
}

/**
 * A quote whose last paragraph starts with an em dash is a pull quote with its attribution:
 *
 *     > Russia is not happy about the current world order
 *     >
 *     > — Wang Xianju, State Council’s Development Research Centre
 *
 * becomes <figure class="pull-quote"><blockquote>…</blockquote><figcaption>Wang Xianju, …</figcaption></figure>,
 * so the attribution is marked up as one rather than read as a second line of the quote.
 */
export function rehypePullQuote() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'blockquote' || index === undefined || !parent) return;
      const paragraphs = node.children.filter((child) => isElement(child, 'p'));
      const last = paragraphs.at(-1);
      if (paragraphs.length < 2 || !last || !attributionMark.test(toString(last))) return;

      const first = last.children[0];
      if (first?.type === 'text') first.value = first.value.replace(attributionMark, '');
      // Trim the quote in place: the walk goes on into its children, so a nested pull quote gets its figure too.
      node.children = node.children.filter((child) => child !== last);
      const caption: Element = { type: 'element', tagName: 'figcaption', properties: {}, children: last.children };
      parent.children[index] = {
        type: 'element',
        tagName: 'figure',
        properties: { className: ['pull-quote'] },
        children: [node, caption],
      };
    });
  };
}

/**
 * Heading ids share the post page with the page's own anchors (`#content`, `#comments`,
 * `#post-a-comment`, `#c12`, `#reply-12`, `#post-title`…). None of those starts with this prefix, so
 * a post heading named "Comments" cannot capture the comment count's link or a comment's return address.
 */
const HEADING_ID_PREFIX = 'h-';

const postProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypePullQuote)
  .use(rehypeSlug, { prefix: HEADING_ID_PREFIX })
  .use(rehypeAutolinkHeadings, {
    behavior: 'append',
    properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
    content: { type: 'text', value: '#' },
  })
  .use(rehypeHighlight, { detect: false });

/**
 * A paragraph as a listing shows it: without its footnote references. Their footnotes are not on
 * the home, label or archive page, and two previews with a first footnote would repeat its id.
 */
function withoutFootnoteReferences(paragraph: Element): Element {
  const preview = structuredClone(paragraph);
  visit(preview, 'element', (node, index, parent) => {
    if (!parent || index === undefined || !isFootnoteReference(node)) return;
    parent.children.splice(index, 1);
    return index;
  });
  return preview;
}

/** GFM writes a footnote reference as <sup><a data-footnote-ref …>1</a></sup>. */
function isFootnoteReference(node: Element): boolean {
  return (
    node.tagName === 'sup' &&
    node.children.some((child) => isElement(child, 'a') && child.properties.dataFootnoteRef !== undefined)
  );
}

export interface RenderedPost {
  html: string;
  /** The first paragraphs, for home and archive pages when the post has no summary. */
  excerptHtml: string;
  /** The first paragraph as plain text, for meta descriptions. */
  lead: string;
}

/**
 * A post body as HTML. Posts are the owner's own files, yet raw HTML in them is still dropped rather
 * than trusted (remark-rehype leaves it out unless told otherwise).
 */
export async function renderPostMarkdown(markdown: string, excerptParagraphs = 2): Promise<RenderedPost> {
  const tree = await postProcessor.run(postProcessor.parse(markdown));
  const paragraphs = tree.children
    .filter((node): node is Element => node.type === 'element' && node.tagName === 'p')
    .map(withoutFootnoteReferences);
  return {
    html: toHtml(tree),
    excerptHtml: toHtml({ type: 'root', children: paragraphs.slice(0, excerptParagraphs) }),
    lead: paragraphs[0] ? toString(paragraphs[0]).trim() : '',
  };
}
