// Markdown from config files is rendered, then sanitised: no raw HTML, no script, no dangerous links, headings demoted.
import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from '../../../src/catalog/markdown.js';
import { HOSTILE } from './catalog-fixtures.js';

describe('renderMarkdown', () => {
  const out = renderMarkdown(HOSTILE.description).value;

  it('keeps ordinary Markdown', () => {
    expect(out).toContain('<strong>bold</strong>');
  });

  it('drops script elements with their text, and raw HTML with event handlers', () => {
    expect(out).not.toMatch(/<script|alert\("description"\)|onerror|<img/i);
  });

  it('keeps no javascript: or data: link', () => {
    expect(out).not.toMatch(/javascript:|data:/i);
    expect(out).toContain('click me');
  });

  it('demotes headings below the page h1/h2', () => {
    expect(out).toContain('<h3>Big heading</h3>');
    expect(renderMarkdown('###### six').value).toContain('<h6>six</h6>');
  });

  it('marks links noopener noreferrer and keeps their http(s) href', () => {
    expect(renderMarkdown('[site](https://example.org)').value).toBe('<p><a href="https://example.org" rel="noopener noreferrer">site</a></p>\n');
  });

  it('drops iframes and their content', () => {
    expect(renderMarkdown('<iframe src="https://evil.example">x</iframe>ok').value).not.toMatch(/iframe|evil/);
  });
});

describe('markdownToText', () => {
  it('gives the words without markup, for search', () => {
    expect(markdownToText('**Sirene** `847312253` — [INSEE](https://insee.fr) & co')).toBe('Sirene 847312253 — INSEE & co');
  });
});
