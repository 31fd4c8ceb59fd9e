// The catalogue's 404 page, for an /apis/<id> that names no API (pure).
import { html } from './html.js';
import { renderLayout, type PageContext } from './render-layout.js';

export function renderNotFound(ctx: PageContext): string {
  const s = ctx.strings;
  const main = html`<div class="container my-5">
    <h1>${s.notFoundTitle}</h1>
    <p>${s.notFoundText}</p>
    <p><a class="btn btn-primary" href="/">${s.backHome}</a></p>
  </div>`;
  return renderLayout({ ctx, title: s.notFoundTitle, main });
}
