// "Try it" on an API page: gets a sandbox token from POST /sandbox/tokens, shows it with a ready-to-copy curl,
// sends that request from the page, and reloads the framed documentation so its console uses the token too.
(() => {
  const section = document.getElementById('try-it');
  const button = document.getElementById('get-token');
  if (!section || !button || !section.dataset.apiId) return;
  const strings = JSON.parse(document.getElementById('try-it-strings')?.textContent || '{}');
  const { apiId, basePath = '', tryPath = '', tokenUrl = '/sandbox/tokens' } = section.dataset;
  const storageKey = `portico:sandbox-token:${apiId}`;
  const $ = (id) => document.getElementById(id);
  const result = $('token-result');
  const tokenValue = $('token-value');
  const label = $('token-label');
  const curl = $('curl-value');
  const error = $('token-error');
  const live = $('try-live');

  function show(token, expiresInSeconds) {
    tokenValue.value = token;
    label.textContent = String(strings.tokenLabel).replace('{h}', String(Math.max(1, Math.round(expiresInSeconds / 3600))));
    if (curl) curl.value = `curl -s '${location.origin}${basePath}${tryPath}' -H 'Authorization: Bearer ${token}'`;
    result.hidden = false;
  }

  function stored() {
    try {
      const value = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
      return value && value.expiresAt > Date.now() ? value : null;
    } catch {
      return null;
    }
  }

  function reloadReference() {
    const frame = $('api-reference');
    if (frame && frame.contentWindow) frame.contentWindow.location.reload();
  }

  async function getToken() {
    button.disabled = true;
    error.hidden = true;
    try {
      const response = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ apis: [apiId], label: 'catalogue' }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok || typeof body.access_token !== 'string') throw new Error(body.detail || body.title || `HTTP ${response.status}`);
      const expiresIn = Number(body.expires_in) || 3600;
      try {
        sessionStorage.setItem(storageKey, JSON.stringify({ token: body.access_token, expiresAt: Date.now() + expiresIn * 1000 }));
      } catch {
        /* storage unavailable: the token is still shown */
      }
      show(body.access_token, expiresIn);
      live.textContent = label.textContent;
      tokenValue.focus();
      tokenValue.select();
      reloadReference();
    } catch (err) {
      error.textContent = `${strings.tokenError}: ${err instanceof Error ? err.message : String(err)}`;
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  }

  async function send() {
    const status = $('try-status');
    const body = $('try-body');
    const response = await fetch(`${basePath}${tryPath}`, { headers: { Authorization: `Bearer ${tokenValue.value}`, Accept: 'application/json' } });
    const text = await response.text();
    let pretty = text;
    try {
      pretty = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      /* not JSON: shown as received */
    }
    status.textContent = `${response.status} ${response.statusText}`.trim();
    body.textContent = pretty;
    $('try-response').hidden = false;
    live.textContent = `${strings.response}: ${status.textContent}`;
  }

  async function copy(target, source) {
    const field = $(source);
    if (!field) return;
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      field.select();
      document.execCommand('copy');
    }
    live.textContent = strings.copied;
    const text = target.querySelector('.copy-label');
    if (text) {
      text.textContent = strings.copied;
      setTimeout(() => (text.textContent = strings.copy), 2000);
    }
  }

  button.hidden = false;
  button.addEventListener('click', getToken);
  $('send-request')?.addEventListener('click', () => void send());
  for (const target of section.querySelectorAll('[data-copy]')) {
    target.addEventListener('click', () => void copy(target, target.getAttribute('data-copy')));
  }
  const existing = stored();
  if (existing) show(existing.token, (existing.expiresAt - Date.now()) / 1000);
})();
