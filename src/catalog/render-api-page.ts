// One API's page: every catalogue field, the plans' limits, the "Try it" token box and the technical documentation
// (the self-hosted Scalar renderer, framed from /apis/:id/reference). Pure: data in, an HTML string out.
import type { CatalogEntry, Counts } from './build-catalog.js';
import { html, jsonForScript, safeHref, type SafeHtml } from './html.js';
import { limitsSummary } from './limits-summary.js';
import { renderMarkdown } from './markdown.js';
import { accessBadge } from './render-home.js';
import { icon, renderLayout, type PageContext } from './render-layout.js';
import type { Strings } from './strings.js';

export interface ApiPageInput {
  entry: CatalogEntry;
  /** Public base URL shown in the base URL and the no-JavaScript curl (e.g. http://localhost:8080). */
  publicUrl: string;
  /** Hours a sandbox token lives, for the label. */
  sandboxTokenHours: number;
}

/** A link when the URL is safe, plain text otherwise (a `javascript:` URL from a config file stays inert text). */
function link(url: string | undefined, text: string | SafeHtml, external = true): SafeHtml {
  const href = safeHref(url);
  if (href === undefined) return html`${text}`;
  return external ? html`<a href="${href}" rel="noopener noreferrer">${text}</a>` : html`<a href="${href}">${text}</a>`;
}

function contact(value: string | undefined): SafeHtml | string {
  if (!value) return '';
  if (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value)) return link(`mailto:${value}`, value, false);
  return link(value, value);
}

function count(value: number | undefined, lang: string, s: Strings): string {
  return value === undefined ? s.noLimit : new Intl.NumberFormat(lang).format(value);
}

function limitsTable(entry: CatalogEntry, ctx: PageContext): SafeHtml {
  const s = ctx.strings;
  const row = (name: SafeHtml, counts: Counts): SafeHtml => html`<tr>
    <th scope="row">${name}</th>
    <td>${count(counts.perSecond, ctx.lang, s)}</td><td>${count(counts.perMinute, ctx.lang, s)}</td>
    <td>${count(counts.perDay, ctx.lang, s)}</td><td>${count(counts.perMonth, ctx.lang, s)}</td>
  </tr>`;
  const { plans, ceiling } = entry.limits;
  return html`<div class="table-responsive">
    <table class="table">
      <caption class="visually-hidden">${s.limits}</caption>
      <thead><tr><th scope="col">${s.plan}</th><th scope="col">${s.perSecond}</th><th scope="col">${s.perMinute}</th><th scope="col">${s.perDay}</th><th scope="col">${s.perMonth}</th></tr></thead>
      <tbody>
        ${plans.map((plan) => row(html`<code>${plan.name}</code>${plan.description ? html`<br><small class="fw-normal">${plan.description}</small>` : ''}`, plan))}
        ${ceiling ? row(html`${s.ceiling}<br><small class="fw-normal">${s.ceilingExplained}</small>`, ceiling) : ''}
      </tbody>
    </table>
  </div>`;
}

function accessSection(entry: CatalogEntry, ctx: PageContext, lang: SafeHtml | string): SafeHtml {
  const s = ctx.strings;
  const { access } = entry;
  const request = access.request;
  return html`<section class="mb-5" aria-labelledby="access-title">
    <h2 id="access-title">${s.access}</h2>
    <p>${accessBadge(access.mode, s)}</p>
    <p>${s.accessExplained[access.mode]}</p>
    ${access.eligibility.length > 0
      ? html`<h3 class="h5">${s.whoMayUse}</h3><ul${lang}>${access.eligibility.map((who) => html`<li>${who}</li>`)}</ul>`
      : ''}
    ${access.mode === 'open'
      ? ''
      : html`<h3 class="h5">${s.howToRequest}</h3>
          ${request?.instructions ? html`<div class="portico-markdown"${lang}>${renderMarkdown(request.instructions)}</div>` : html`<p>${s.askTheAgency}</p>`}
          ${safeHref(request?.url) ? html`<p><a class="btn btn-outline-primary" href="${safeHref(request?.url)}" rel="noopener noreferrer">${s.requestAccess}${icon('it-external-link', 'icon-sm icon-primary ms-1')}</a></p>` : ''}`}
  </section>`;
}

function tryItSection(input: ApiPageInput, ctx: PageContext): SafeHtml {
  const s = ctx.strings;
  const { entry } = input;
  const tokenCurl = `curl -s -X POST ${input.publicUrl}/sandbox/tokens -H 'Content-Type: application/json' -d '{"apis": ["${entry.id}"]}'`;
  if (!entry.access.sandbox) {
    return html`<section class="mb-5" id="try-it" aria-labelledby="try-it-title"><h2 id="try-it-title">${s.tryIt}</h2><p>${s.noSandbox}</p></section>`;
  }
  const basePath = `/${entry.id}/${entry.version.major}`;
  const strings = { copy: s.copy, copied: s.copied, tokenError: s.tokenError, tokenLabel: s.tokenLabel(999).replace('999', '{h}'), response: s.response };
  return html`<section class="mb-5 portico-try" id="try-it" aria-labelledby="try-it-title"
      data-api-id="${entry.id}" data-base-path="${basePath}" data-try-path="${entry.tryIt?.path ?? ''}" data-token-url="/sandbox/tokens">
    <h2 id="try-it-title">${s.tryIt}</h2>
    <p>${s.tryItIntro}</p>
    <script type="application/json" id="try-it-strings">${jsonForScript(strings)}</script>
    <button type="button" class="btn btn-primary" id="get-token" hidden>${icon('it-key', 'icon-sm icon-white me-1')}${s.getToken}</button>
    <noscript><p>${s.noScriptToken}</p><pre class="portico-code"><code>${tokenCurl}</code></pre></noscript>
    <p id="token-error" class="text-danger fw-semibold" role="alert" hidden></p>
    <div id="token-result" class="mt-4" hidden>
      <div class="form-group mb-2">
        <label for="token-value" class="active" id="token-label">${s.tokenLabel(input.sandboxTokenHours)}</label>
        <textarea id="token-value" class="form-control font-monospace" rows="4" readonly></textarea>
      </div>
      <button type="button" class="btn btn-outline-primary btn-sm mb-4" data-copy="token-value">${icon('it-copy', 'icon-sm icon-primary me-1')}<span class="copy-label">${s.copy}</span></button>
      ${entry.tryIt
        ? html`<div class="form-group mb-2">
              <label for="curl-value" class="active">${s.curlLabel} — <code>GET ${entry.tryIt.path}</code>${entry.tryIt.summary ? html` (${entry.tryIt.summary})` : ''}</label>
              <textarea id="curl-value" class="form-control font-monospace" rows="4" readonly></textarea>
            </div>
            <div class="d-flex flex-wrap gap-2 mb-4">
              <button type="button" class="btn btn-outline-primary btn-sm" data-copy="curl-value">${icon('it-copy', 'icon-sm icon-primary me-1')}<span class="copy-label">${s.copy}</span></button>
              <button type="button" class="btn btn-primary btn-sm" id="send-request">${icon('it-arrow-right', 'icon-sm icon-white me-1')}${s.send}</button>
            </div>
            <div id="try-response" hidden>
              <h3 class="h5">${s.response} <span id="try-status" class="badge portico-status"></span></h3>
              <pre class="portico-code" tabindex="0" aria-labelledby="try-status"><code id="try-body"></code></pre>
            </div>`
        : ''}
    </div>
    <p id="try-live" class="visually-hidden" role="status" aria-live="polite"></p>
  </section>`;
}

function glance(input: ApiPageInput, ctx: PageContext, lang: SafeHtml | string): SafeHtml {
  const s = ctx.strings;
  const { entry } = input;
  const { agency } = entry;
  const item = (term: string, value: SafeHtml | string | false | undefined): SafeHtml | string =>
    value ? html`<dt>${term}</dt><dd>${value}</dd>` : '';
  return html`<aside class="col-lg-4 mb-5" aria-labelledby="glance-title">
    <div class="card card-bg no-after portico-glance"><div class="card-body">
      <h2 id="glance-title" class="h5">${s.atAGlance}</h2>
      <dl>
        ${item(s.producer, html`<span${lang}>${agency.name}</span>${agency.acronym ? html` (<abbr title="${agency.name}">${agency.acronym}</abbr>)` : ''}`)}
        ${item(s.website, agency.url && link(agency.url, agency.url))}
        ${item(s.contact, contact(agency.contact))}
        ${item(s.partners, entry.partners.length > 0 && html`<ul class="list-unstyled mb-0">${entry.partners.map((p) => html`<li>${link(p.url, p.name)}</li>`)}</ul>`)}
        ${item(s.version, html`${entry.version.major}${entry.version.document ? html` (${entry.version.document})` : ''}`)}
        ${item(s.updated, entry.updated && html`<time datetime="${entry.updated}">${new Intl.DateTimeFormat(ctx.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${entry.updated}T00:00:00Z`))}</time>`)}
        ${item(s.baseUrl, html`<code>${input.publicUrl}/${entry.id}/${entry.version.major}</code>`)}
        ${item(s.themes, entry.themes.length > 0 && html`<span${lang}>${entry.themes.join(', ')}</span>`)}
        ${item(s.keywords, entry.keywords.length > 0 && html`<span${lang}>${entry.keywords.join(', ')}</span>`)}
      </dl>
      <ul class="list-unstyled mb-0 portico-links">
        ${entry.links.documentation ? html`<li>${link(entry.links.documentation, s.documentation)}</li>` : ''}
        ${entry.links.status ? html`<li>${link(entry.links.status, s.status)}</li>` : ''}
        <li><a href="${entry.links.openapiJson}" download="${entry.id}-openapi.json">${icon('it-download', 'icon-sm icon-primary me-1')}${s.downloadJson}</a></li>
        <li><a href="${entry.links.openapiYaml}" download="${entry.id}-openapi.yaml">${icon('it-download', 'icon-sm icon-primary me-1')}${s.downloadYaml}</a></li>
        <li><a href="${entry.links.entry}">${icon('it-file-json', 'icon-sm icon-primary me-1')}${s.jsonEntry}</a></li>
      </ul>
    </div></div>
  </aside>`;
}

export function renderApiPage(ctx: PageContext, input: ApiPageInput): string {
  const s = ctx.strings;
  const { entry } = input;
  const lang = entry.language ? html` lang="${entry.language}"` : '';
  const main = html`<div class="container my-4">
    <nav class="breadcrumb-container" aria-label="breadcrumb">
      <ol class="breadcrumb">
        <li class="breadcrumb-item"><a href="/">${s.catalogue}</a><span class="separator">/</span></li>
        <li class="breadcrumb-item active" aria-current="page"${lang}>${entry.title}</li>
      </ol>
    </nav>
    <div class="row">
      <div class="col-lg-8">
        <p class="category-top mb-1"${lang}>${entry.agency.name}</p>
        <h1${lang}>${entry.title}</h1>
        ${entry.tagline ? html`<p class="lead"${lang}>${entry.tagline}</p>` : ''}
        <p>${accessBadge(entry.access.mode, s)}${entry.access.sandbox ? html` <span class="badge portico-sandbox">${s.sandboxBadge}</span>` : ''}</p>
        <section class="mb-5" aria-labelledby="description-title">
          <h2 id="description-title">${s.description}</h2>
          <div class="portico-markdown"${lang}>${renderMarkdown(entry.description)}</div>
        </section>
        ${accessSection(entry, ctx, lang)}
        <section class="mb-5" aria-labelledby="limits-title">
          <h2 id="limits-title">${s.limits}</h2>
          <p class="fw-semibold"${entry.limits.summary ? lang : ''}>${limitsSummary(entry.limits, ctx.lang, s)}</p>
          ${limitsTable(entry, ctx)}
        </section>
      </div>
      ${glance(input, ctx, lang)}
    </div>
    ${tryItSection(input, ctx)}
    <section class="mb-5" aria-labelledby="docs-title">
      <h2 id="docs-title">${s.docs}</h2>
      <p>${s.docsIntro}</p>
      <p><a href="${entry.links.reference}">${icon('it-fullscreen', 'icon-sm icon-primary me-1')}${s.openDocs}</a></p>
      <iframe id="api-reference" class="portico-reference" src="${entry.links.reference}" title="${s.docsFrameTitle(entry.title)}"></iframe>
    </section>
    <section class="mb-5" aria-labelledby="reuses-title">
      <h2 id="reuses-title">${s.reuses}</h2>
      ${entry.reuses.length === 0
        ? html`<p>${s.noReuses}</p>`
        : html`<ul class="list-unstyled row">${entry.reuses.map(
            (r) => html`<li class="col-12 col-md-6 mb-3"><div class="card card-bg no-after h-100"><div class="card-body">
              <h3 class="card-title h5"${lang}>${link(r.url, r.title)}</h3>
              ${r.description ? html`<p class="card-text"${lang}>${r.description}</p>` : ''}
            </div></div></li>`,
          )}</ul>`}
    </section>
  </div>`;
  return renderLayout({ ctx, title: entry.title, description: entry.tagline ?? entry.title, main, scripts: ['/assets/catalog/api-page.js'] });
}
