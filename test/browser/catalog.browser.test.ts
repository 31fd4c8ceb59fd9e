// The catalogue as a person uses it, in Debian's Chromium driven by playwright-core: home, search and filters (with and
// without JavaScript), an API page, a test token, a sandbox call from the page and from the documentation's console.
// Screenshots land in test-results/. Without /usr/bin/chromium the suite is skipped with one loud line, except in CI.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startCatalogGateway, type ListeningCatalogGateway } from '../helpers/catalog-gateway.js';

const CHROMIUM = '/usr/bin/chromium';
const RESULTS = path.join(ROOT, 'test-results');
const missing = !existsSync(CHROMIUM);
const skip = missing && !process.env.CI;
if (skip) console.warn(`\n*** SKIPPED browser tests: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it) ***\n`);

const SLOW = 120_000; // Scalar renders slowly on a 2-core machine busy with the other suites
let gateway: ListeningCatalogGateway;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Console errors of every page and frame, CSP refusals included: the suite ends by asserting there were none. */
const consoleErrors: string[] = [];

const shot = (name: string, target: Page = page, fullPage = true) => target.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage });
const visibleCards = (target: Page = page) => target.locator('#api-list > li:visible');

async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const created = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', ...options });
  created.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.location().url}: ${message.text()}`);
  });
  created.on('weberror', (error) => consoleErrors.push(`page error: ${error.error().message}`));
  return created;
}

describe.skipIf(skip)('the catalogue in a browser', () => {
  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    gateway = await startCatalogGateway();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    context = await newContext();
    page = await context.newPage();
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it('Chromium is installed (CI installs the Debian package)', () => {
    expect(existsSync(CHROMIUM)).toBe(true);
  });

  it('the home page lists every API with its agency, tagline, access mode and themes', async () => {
    await page.goto(`${gateway.url}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('APIs');
    expect(await visibleCards().count()).toBe(3);
    const imprese = page.locator('#api-list > li', { hasText: 'Répertoire des entreprises' });
    expect(await imprese.textContent()).toMatch(/ADEMO[\s\S]*Agence de démonstration[\s\S]*par SIREN ou SIRET[\s\S]*Token required[\s\S]*entreprises/);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('header').count()).toBeGreaterThan(0);
    expect(await page.locator('footer').count()).toBe(1);
    // The design system's stylesheet and font are really applied (a public-sector page, not bare HTML).
    expect(await page.evaluate<string>('getComputedStyle(document.body).fontFamily')).toContain('Titillium Web');
    await page.evaluate('document.fonts.ready.then(() => true)');
    expect(await page.evaluate<boolean>(`document.fonts.check('16px "Titillium Web"')`)).toBe(true);
    await shot('catalog-home');
  }, SLOW);

  it('searching filters instantly, accents ignored, and the address follows', async () => {
    await page.getByLabel('Search', { exact: true }).fill('geocodage');
    await expect.poll(() => visibleCards().count()).toBe(1);
    expect(await visibleCards().textContent()).toContain("Recherche d'adresses");
    expect(await page.locator('#results-count').textContent()).toBe('1 API');
    expect(new URL(page.url()).searchParams.get('q')).toBe('geocodage');
    await page.getByLabel('Search', { exact: true }).fill('');
    await page.getByLabel('Access', { exact: true }).selectOption('enrolment');
    await expect.poll(() => visibleCards().count()).toBe(1);
    expect(await visibleCards().textContent()).toContain('Anagrafe dei residenti');
    await page.getByLabel('Agency', { exact: true }).selectOption('Agence de démonstration');
    await expect.poll(() => visibleCards().count()).toBe(0);
    expect(await page.locator('#no-results').isVisible()).toBe(true);
    await shot('catalog-filter-empty');
    await page.getByLabel('Access', { exact: true }).selectOption('');
    await expect.poll(() => visibleCards().count()).toBe(2);
    await shot('catalog-filter-agency');
  }, SLOW);

  it('search and filters also work without JavaScript (a plain GET form)', async () => {
    const noJs = await newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${gateway.url}/`);
    await plain.getByLabel('Theme', { exact: true }).selectOption('entreprises');
    await plain.getByLabel('Search', { exact: true }).fill('siret');
    await Promise.all([plain.waitForURL(/theme=entreprises/), plain.getByRole('button', { name: 'Apply' }).click()]);
    expect(new URL(plain.url()).searchParams.get('q')).toBe('siret');
    expect(await visibleCards(plain).count()).toBe(1);
    expect(await visibleCards(plain).textContent()).toContain('Répertoire des entreprises');
    await shot('catalog-no-javascript', plain);
    await noJs.close();
  }, SLOW);

  it('the skip link is the first stop of the keyboard and leads to the main content', async () => {
    await page.goto(`${gateway.url}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('main');
  }, SLOW);

  it('opens an API page with every catalogue field', async () => {
    await page.getByRole('link', { name: 'Répertoire des entreprises (démo)' }).click();
    await page.waitForURL(/\/apis\/imprese$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Répertoire des entreprises (démo)');
    for (const heading of ['Description', 'Access', 'Rate limits', 'Try it', 'Technical documentation', 'Services that reuse it', 'At a glance']) {
      expect(await page.getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
    }
    expect(await page.getByRole('link', { name: 'Request access' }).getAttribute('href')).toBe('https://example.org/demande-acces/imprese');
    expect(await page.getByRole('link', { name: 'OpenAPI document (YAML)' }).getAttribute('href')).toBe('/apis/imprese/openapi.yaml');
    const download = await page.request.get(`${gateway.url}/apis/imprese/openapi.json`);
    expect((await download.json()).openapi).toBe('3.0.3');
    await shot('catalog-api-page');
  }, SLOW);

  it('gets a test token and shows it with a ready-to-copy curl', async () => {
    await page.getByRole('button', { name: 'Get a test token' }).click();
    const token = page.getByLabel(/Your test token/);
    await expect.poll(() => token.inputValue()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const jwt = await token.inputValue();
    const curl = await page.getByLabel(/Ready-to-copy curl/).inputValue();
    expect(curl).toBe(`curl -s '${gateway.url}/imprese/v1/unites-legales/847312253' -H 'Authorization: Bearer ${jwt}'`);
    await shot('catalog-token', page, false);
  }, SLOW);

  it('calls the sandbox from the page and shows its JSON answer', async () => {
    const answered = page.waitForResponse((r) => r.url().endsWith('/imprese/v1/unites-legales/847312253'));
    await page.getByRole('button', { name: 'Send this request' }).click();
    expect((await answered).status()).toBe(200);
    await expect.poll(() => page.locator('#try-status').textContent()).toBe('200 OK');
    const body = JSON.parse((await page.locator('#try-body').textContent()) ?? '{}') as { siren?: string; denomination?: string };
    expect(body.siren).toBe('847312253');
    expect(body.denomination).toBeTruthy();
    await page.locator('#try-it').scrollIntoViewIfNeeded();
    await page.locator('#try-it').screenshot({ path: path.join(RESULTS, 'catalog-try-it.png') });
  }, SLOW);

  it("the documentation's console calls the sandbox with that token, on the production URL", async () => {
    const docs = page.frameLocator('#api-reference');
    // Scalar renders operations lazily: open the tag from its sidebar, as a reader would, so the operation is on screen.
    const tag = docs.getByRole('link', { name: 'Unités légales' }).or(docs.getByRole('button', { name: 'Unités légales' }));
    await tag.first().click({ timeout: 90_000 });
    await docs.getByRole('button', { name: /Test Request/ }).first().click({ timeout: 90_000 });
    const answered = page.waitForResponse((r) => r.url().endsWith('/imprese/v1/unites-legales/847312253') && r.request().headers().authorization !== undefined);
    await docs.getByRole('button', { name: /^Send/ }).first().click();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(response.request().headers().authorization).toBe(`Bearer ${await page.getByLabel(/Your test token/).inputValue()}`);
    expect(((await response.json()) as { siren?: string }).siren).toBe('847312253');
    await expect.poll(() => docs.getByText('200 OK').first().isVisible()).toBe(true);
    await page.locator('#api-reference').scrollIntoViewIfNeeded();
    // The answer's body, as the console shows it (the last copy on the page: the documentation's example comes first).
    await docs.getByText('NUMERIQUE EXEMPLE SERVICES').last().scrollIntoViewIfNeeded();
    await shot('catalog-docs-console', page, false);
  }, SLOW);

  it('switches language and remembers the choice; Accept-Language chooses for a newcomer', async () => {
    await page.goto(`${gateway.url}/apis/imprese`);
    await page.getByRole('link', { name: /Italiano/ }).click();
    await page.waitForURL(/lang=it/);
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    expect(await page.getByRole('button', { name: 'Ottieni un token di prova' }).count()).toBe(1);
    await page.goto(`${gateway.url}/`);
    expect(await page.getByRole('heading', { level: 2, name: 'Cerca e filtra' }).count()).toBe(1);
    await shot('catalog-home-it');

    const french = await newContext({ locale: 'fr-FR' });
    const fr = await french.newPage();
    await fr.goto(`${gateway.url}/`);
    expect(await fr.locator('html').getAttribute('lang')).toBe('fr');
    expect(await fr.getByLabel('Producteur', { exact: true }).count()).toBe(1);
    await french.close();
  }, SLOW);

  it('fits a phone screen', async () => {
    const phone = await newContext({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    await small.goto(`${gateway.url}/`);
    expect(await small.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await shot('catalog-home-phone', small);
    await small.goto(`${gateway.url}/apis/anagrafe`);
    expect(await small.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await shot('catalog-api-page-phone', small);
    await phone.close();
  }, SLOW);

  it('no page or frame logged an error or a refused Content-Security-Policy', () => {
    expect(consoleErrors).toEqual([]);
  });
});
