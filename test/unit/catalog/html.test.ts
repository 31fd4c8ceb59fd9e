// The html template escapes by default; safeHref lets only http(s), mailto and same-site paths through.
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, jsonForScript, safeHref, trustedHtml } from '../../../src/catalog/html.js';

describe('html template', () => {
  it('escapes every interpolated string, in text and attributes', () => {
    const title = `<script>alert("x")</script>' & \``;
    expect(html`<p title="${title}">${title}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; &amp; &#96;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; &amp; &#96;</p>',
    );
  });

  it('keeps SafeHtml, joins arrays, and renders nothing for null, undefined and false', () => {
    const items = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
    expect(html`${trustedHtml('<em>ok</em>')}`.value).toBe('<em>ok</em>');
  });

  it('escapeHtml covers the five HTML specials and the backtick', () => {
    expect(escapeHtml(`&<>"'\``)).toBe('&amp;&lt;&gt;&quot;&#39;&#96;');
  });
});

describe('safeHref', () => {
  it.each([
    ['javascript:alert(1)'],
    [' JavaScript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['//evil.example/x'],
    ['/\\evil.example'],
    ['not a url'],
  ])('refuses %j', (url) => {
    expect(safeHref(url)).toBeUndefined();
  });

  it('accepts http(s), mailto and same-site paths', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('http://example.org')).toBe('http://example.org/');
    expect(safeHref('mailto:api@example.org')).toBe('mailto:api@example.org');
    expect(safeHref('/apis/imprese')).toBe('/apis/imprese');
    expect(safeHref(undefined)).toBeUndefined();
  });
});

describe('jsonForScript', () => {
  it('cannot close its script element nor open a comment, and still parses to the same value', () => {
    const value = { title: '</script><script>alert(1)</script><!-- & \u2028' };
    const out = jsonForScript(value).value;
    expect(out).not.toMatch(/<|>|&/);
    expect(JSON.parse(out)).toEqual(value);
  });
});
