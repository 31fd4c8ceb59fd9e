// The page shell shared by every catalogue page: Bootstrap Italia header (brand, language switch), skip link, main, footer.
// Pure: data in, an HTML string out; scripts are external files carrying the response's CSP nonce.
import { html, type SafeHtml } from './html.js';
import { LANGS, type Lang } from './i18n.js';
import { STRINGS, type Strings } from './strings.js';

export const ASSETS = {
  css: '/assets/bootstrap-italia/css/bootstrap-italia.min.css',
  sprites: '/assets/bootstrap-italia/svg/sprites.svg',
  catalogCss: '/assets/catalog/catalog.css',
  scalar: '/assets/scalar/standalone.js',
} as const;

export interface PageContext {
  lang: Lang;
  strings: Strings;
  /** Path of the page, without the query string. */
  path: string;
  /** The query string's parameters (the language switch keeps them). */
  query: URLSearchParams;
  /** CSP nonce of this response, set on every script element. */
  nonce: string;
}

export function icon(name: string, extra = ''): SafeHtml {
  return html`<svg class="icon ${extra}" aria-hidden="true" focusable="false"><use href="${ASSETS.sprites}#${name}"></use></svg>`;
}

/** The same page in another language: `?lang=` is the switch, other parameters (search, filters) are kept. */
export function switchHref(path: string, query: URLSearchParams, lang: Lang): string {
  const next = new URLSearchParams(query);
  next.set('lang', lang);
  return `${path}?${next.toString()}`;
}

function languageSwitch(ctx: PageContext): SafeHtml {
  return html`<nav class="portico-lang" aria-label="${ctx.strings.languageNav}">
    <ul class="list-inline mb-0">
      ${LANGS.map(
        (lang) => html`<li class="list-inline-item">
          <a href="${switchHref(ctx.path, ctx.query, lang)}" lang="${lang}" hreflang="${lang}"${lang === ctx.lang ? html` aria-current="true"` : ''}
            ><span class="visually-hidden">${STRINGS[lang].languageName} </span><span aria-hidden="true">${lang.toUpperCase()}</span></a
          >
        </li>`,
      )}
    </ul>
  </nav>`;
}

export interface LayoutInput {
  ctx: PageContext;
  title: string;
  description?: string;
  main: SafeHtml;
  scripts?: readonly string[];
  /** Attributes for <main>, e.g. data the page script reads. */
  mainAttributes?: SafeHtml;
}

export function renderLayout(input: LayoutInput): string {
  const { ctx } = input;
  const s = ctx.strings;
  return `<!doctype html>\n${html`<html lang="${ctx.lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${input.title} — ${s.siteName}</title>
  ${input.description ? html`<meta name="description" content="${input.description}">` : ''}
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${ASSETS.css}">
  <link rel="stylesheet" href="${ASSETS.catalogCss}">
  <link rel="alternate" type="application/json" href="/catalog.json" title="${s.machineReadable}">
  ${(input.scripts ?? []).map((src) => html`<script src="${src}" nonce="${ctx.nonce}" defer></script>`)}
</head>
<body>
  <div class="skiplinks"><a class="visually-hidden-focusable" href="#main">${s.skipToContent}</a></div>
  <header class="it-header-wrapper">
    <div class="it-header-slim-wrapper">
      <div class="container">
        <div class="row"><div class="col-12">
          <div class="it-header-slim-wrapper-content">
            <a class="navbar-brand" href="/">Portico</a>
            <div class="it-header-slim-right-zone">${languageSwitch(ctx)}</div>
          </div>
        </div></div>
      </div>
    </div>
    <div class="it-header-center-wrapper">
      <div class="container">
        <div class="row"><div class="col-12">
          <div class="it-header-center-content-wrapper">
            <div class="it-brand-wrapper">
              <a href="/">
                ${icon('it-pa')}
                <div class="it-brand-text">
                  <div class="it-brand-title">${s.siteName}</div>
                  <div class="it-brand-tagline d-none d-md-block">${s.brandTagline}</div>
                </div>
              </a>
            </div>
          </div>
        </div></div>
      </div>
    </div>
  </header>
  <main id="main" tabindex="-1"${input.mainAttributes ?? ''}>
    ${input.main}
  </main>
  <footer class="it-footer">
    <div class="it-footer-main">
      <div class="container">
        <div class="row"><div class="col-12 py-4">
          <p class="mb-0">${s.poweredBy}</p>
        </div></div>
      </div>
    </div>
    <div class="it-footer-small-prints clearfix">
      <div class="container">
        <ul class="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
          <li class="list-inline-item"><a href="/">${s.catalogue}</a></li>
          <li class="list-inline-item"><a href="/catalog.json">${s.machineReadable}</a></li>
          <li class="list-inline-item"><a href="/status">${s.gatewayStatus}</a></li>
        </ul>
      </div>
    </div>
  </footer>
</body>
</html>`}`;
}
