// The home page: every API as a card, with a search box and filters that work as a plain GET form (server-rendered)
// and instantly with public/catalog.js, which toggles the same cards by their data-* attributes.
import type { AccessMode, CatalogEntry } from './build-catalog.js';
import { buildFacets, matchesQuery, searchText, type CatalogQuery, type Facet } from './filter-catalog.js';
import { html, type SafeHtml } from './html.js';
import { icon, renderLayout, type PageContext } from './render-layout.js';
import type { Strings } from './strings.js';

const ACCESS_ICON: Record<AccessMode, string> = { open: 'it-unlocked', token: 'it-key', enrolment: 'it-locked' };

export function accessBadge(mode: AccessMode, strings: Strings): SafeHtml {
  return html`<span class="badge portico-access portico-access-${mode}">${icon(ACCESS_ICON[mode], 'icon-xs icon-white me-1')}${strings.accessMode[mode]}</span>`;
}

function select(id: string, label: string, all: string, facets: Facet[], chosen: string | undefined): SafeHtml {
  return html`<div class="select-wrapper mb-4">
    <label for="${id}">${label}</label>
    <select id="${id}" name="${id}">
      <option value="">${all}</option>
      ${facets.map((f) => html`<option value="${f.value}"${f.value === chosen ? html` selected` : ''}>${f.label} (${f.count})</option>`)}
    </select>
  </div>`;
}

function card(entry: CatalogEntry, strings: Strings, visible: boolean): SafeHtml {
  const lang = entry.language ? html` lang="${entry.language}"` : '';
  return html`<li class="col-12 col-md-6 mb-4 portico-api" data-search="${searchText(entry)}" data-agency="${entry.agency.name}"
      data-themes="${JSON.stringify(entry.themes)}" data-access="${entry.access.mode}"${visible ? '' : html` hidden`}>
    <article class="card-wrapper card-space h-100">
      <div class="card card-bg no-after h-100">
        <div class="card-body">
          <p class="category-top mb-2"${lang}>${entry.agency.acronym ? html`<abbr title="${entry.agency.name}">${entry.agency.acronym}</abbr> — ` : ''}${entry.agency.name}</p>
          <h2 class="card-title h4"${lang}><a href="${entry.links.page}">${entry.title}</a></h2>
          ${entry.tagline ? html`<p class="card-text"${lang}>${entry.tagline}</p>` : ''}
          <p class="mb-2">${accessBadge(entry.access.mode, strings)}${entry.access.sandbox ? html` <span class="badge portico-sandbox">${strings.sandboxBadge}</span>` : ''}</p>
          ${entry.themes.length > 0
            ? html`<ul class="list-inline mb-0" aria-label="${strings.themes}">${entry.themes.map((t) => html`<li class="list-inline-item"><span class="chip chip-simple chip-primary"><span class="chip-label"${lang}>${t}</span></span></li>`)}</ul>`
            : ''}
        </div>
      </div>
    </article>
  </li>`;
}

export function renderHome(ctx: PageContext, entries: readonly CatalogEntry[], query: CatalogQuery): string {
  const s = ctx.strings;
  const facets = buildFacets(entries, (mode) => s.accessMode[mode]);
  const visible = entries.map((entry) => matchesQuery(entry, query));
  const count = visible.filter(Boolean).length;
  const main = html`<div class="container my-4">
    <h1>${s.homeTitle}</h1>
    <p class="lead">${s.homeIntro}</p>
    <div class="row">
      <div class="col-lg-4 col-xl-3 mb-4">
        <form method="get" action="/" role="search" aria-labelledby="filters-title" id="catalog-filters" class="portico-filters">
          <h2 id="filters-title" class="h5 mb-4">${s.filters}</h2>
          <div class="form-group">
            <label for="q" class="active">${s.search}</label>
            <input type="search" id="q" name="q" value="${query.q}" class="form-control" aria-describedby="q-hint" autocomplete="off">
            <small id="q-hint" class="form-text">${s.searchHint}</small>
          </div>
          ${select('agency', s.agency, s.all, facets.agencies, query.agency)}
          ${select('theme', s.theme, s.all, facets.themes, query.theme)}
          ${select('access', s.access, s.all, facets.access, query.access)}
          <div class="d-flex flex-wrap gap-2">
            <button type="submit" class="btn btn-primary">${icon('it-search', 'icon-sm icon-white me-1')}${s.apply}</button>
            <a href="/" class="btn btn-outline-primary">${s.reset}</a>
          </div>
        </form>
      </div>
      <div class="col-lg-8 col-xl-9">
        <p id="results-count" class="fw-semibold" role="status" aria-live="polite" data-template-one="${s.results(1)}" data-template-many="${s.results(2).replace('2', '{n}')}">${s.results(count)}</p>
        <p id="no-results" class="callout-text"${count === 0 ? '' : html` hidden`}>${s.noResults}</p>
        <ul class="list-unstyled row" id="api-list">
          ${entries.map((entry, i) => card(entry, s, visible[i] ?? true))}
        </ul>
      </div>
    </div>
  </div>`;
  return renderLayout({ ctx, title: s.homeTitle, description: s.homeIntro, main, scripts: ['/assets/catalog/catalog.js'] });
}
