// Markdown from config files → safe HTML: marked renders, sanitize-html keeps a small allow-list (no raw HTML, no scripts,
// no images, links only to http(s)/mailto/same-site paths). Headings are pushed down so a description never outranks the page's h1/h2.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { trustedHtml, type SafeHtml } from './html.js';

const marked = new Marked({
  gfm: true,
  async: false,
  walkTokens: (token) => {
    if (token.type === 'heading') token.depth = Math.min(6, token.depth + 2);
  },
});

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'hr', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  // rel is set by transformTags below; it must be allowed for the attribute filter that runs after it.
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Text of dropped elements (e.g. <script>) is discarded, not shown as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed'],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
};

export function renderMarkdown(source: string): SafeHtml {
  const rendered = marked.parse(source) as string;
  return trustedHtml(sanitizeHtml(rendered, SANITIZE));
}

/** The text of a Markdown source without markup, for search and meta descriptions. */
export function markdownToText(source: string): string {
  const rendered = marked.parse(source) as string;
  return sanitizeHtml(rendered, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
