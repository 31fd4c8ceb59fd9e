// Mounts the self-hosted Scalar renderer on the API's OpenAPI document, with the sandbox token the API page obtained
// (kept in this tab's sessionStorage), so its console calls the sandbox on the gateway's production URLs.
(() => {
  const element = document.getElementById('scalar-configuration');
  if (!element || !window.Scalar) return;
  const configuration = JSON.parse(element.textContent || '{}');
  const apiId = element.dataset.apiId;
  const schemes = JSON.parse(element.dataset.bearerSchemes || '[]');
  try {
    const stored = JSON.parse(sessionStorage.getItem(`portico:sandbox-token:${apiId}`) || 'null');
    if (stored && typeof stored.token === 'string' && stored.expiresAt > Date.now() && schemes.length > 0) {
      const securitySchemes = {};
      for (const name of schemes) securitySchemes[name] = { token: stored.token };
      configuration.authentication = { preferredSecurityScheme: schemes[0], securitySchemes };
    }
  } catch {
    /* storage unavailable (privacy mode): the console still works, without a token */
  }
  window.Scalar.createApiReference('#api-reference-app', configuration);
})();
