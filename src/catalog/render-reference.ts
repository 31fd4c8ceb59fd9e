// The technical documentation page: the self-hosted Scalar bundle on the API's OpenAPI document, framed by the API page.
// Scalar's configuration travels as a JSON data block (never executed); public/reference.js adds the sandbox token.
import type { JsonObject } from '../registry/types.js';
import type { CatalogEntry } from './build-catalog.js';
import { html, jsonForScript } from './html.js';
import { ASSETS, type PageContext } from './render-layout.js';

/** The configuration handed to Scalar.createApiReference: offline, no telemetry, calls on the gateway's own URLs. */
export function scalarConfiguration(entry: CatalogEntry): Record<string, unknown> {
  return {
    url: entry.links.openapiJson,
    // The console calls the gateway, production and sandbox alike: the token decides which answers.
    servers: [{ url: `/${entry.id}/${entry.version.major}`, description: 'Portico' }],
    layout: 'modern',
    theme: 'default',
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    hideClientButton: true,
    showDeveloperTools: 'never',
    documentDownloadType: 'none',
    hideDarkModeToggle: true,
    forceDarkModeState: 'light',
    defaultHttpClient: { targetKey: 'shell', clientKey: 'curl' },
    metaData: { title: entry.title },
  };
}

/** Names of the document's HTTP bearer security schemes: the ones the sandbox token is handed to. */
export function bearerSchemeNames(document: JsonObject): string[] {
  const schemes = (document.components as { securitySchemes?: Record<string, { type?: unknown; scheme?: unknown }> } | undefined)?.securitySchemes ?? {};
  return Object.entries(schemes)
    .filter(([, scheme]) => scheme?.type === 'http' && typeof scheme.scheme === 'string' && scheme.scheme.toLowerCase() === 'bearer')
    .map(([name]) => name);
}

export function renderReference(ctx: PageContext, entry: CatalogEntry, bearerSchemes: readonly string[]): string {
  const lang = entry.language ?? ctx.lang;
  return `<!doctype html>\n${html`<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${ctx.strings.docsFrameTitle(entry.title)}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/assets/catalog/reference.css">
  <script type="application/json" id="scalar-configuration" data-api-id="${entry.id}" data-bearer-schemes="${JSON.stringify(bearerSchemes)}">${jsonForScript(scalarConfiguration(entry))}</script>
  <script src="${ASSETS.scalar}" nonce="${ctx.nonce}" defer></script>
  <script src="/assets/catalog/reference.js" nonce="${ctx.nonce}" defer></script>
</head>
<body>
  <div id="api-reference-app"></div>
</body>
</html>`}`;
}
