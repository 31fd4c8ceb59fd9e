// Instant search and filters on the home page: the same rule as the server (src/catalog/filter-catalog.ts), applied to
// the cards' data-* attributes; the form keeps working as a plain GET form without this script.
(() => {
  const form = document.getElementById('catalog-filters');
  const list = document.getElementById('api-list');
  if (!form || !list) return;
  const items = Array.from(list.children);
  const count = document.getElementById('results-count');
  const none = document.getElementById('no-results');
  const normalise = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

  function apply() {
    const data = new FormData(form);
    const words = normalise(String(data.get('q') || '')).split(' ').filter(Boolean);
    const agency = String(data.get('agency') || '');
    const theme = String(data.get('theme') || '');
    const access = String(data.get('access') || '');
    let shown = 0;
    for (const item of items) {
      const themes = JSON.parse(item.dataset.themes || '[]');
      const search = item.dataset.search || '';
      const visible =
        (!agency || item.dataset.agency === agency) &&
        (!theme || themes.includes(theme)) &&
        (!access || item.dataset.access === access) &&
        words.every((word) => search.includes(word));
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    if (count) count.textContent = shown === 1 ? count.dataset.templateOne : String(count.dataset.templateMany).replace('{n}', String(shown));
    if (none) none.hidden = shown !== 0;

    // The address reflects the filters, so it can be shared or reloaded (the server renders the same list).
    const params = new URLSearchParams();
    for (const [key, value] of data) if (typeof value === 'string' && value !== '') params.set(key, value);
    const qs = params.toString();
    history.replaceState(null, '', qs ? `${location.pathname}?${qs}` : location.pathname);
    for (const link of document.querySelectorAll('.portico-lang a[hreflang]')) {
      const next = new URLSearchParams(params);
      next.set('lang', link.getAttribute('hreflang') || 'en');
      link.setAttribute('href', `${location.pathname}?${next.toString()}`);
    }
  }

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
})();
