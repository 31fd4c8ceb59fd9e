// The plans' limits in one human line ("sandbox: 10 / second · 300 / minute · 5,000 / day; …"), when the config gives none (pure).
import type { CatalogEntry, Counts } from './build-catalog.js';
import type { Lang } from './i18n.js';
import type { Strings } from './strings.js';

export function formatCounts(counts: Counts, lang: Lang, strings: Pick<Strings, 'units' | 'noLimit'>): string {
  const number = new Intl.NumberFormat(lang);
  const parts: string[] = [];
  if (counts.perSecond !== undefined) parts.push(`${number.format(counts.perSecond)} / ${strings.units.second}`);
  if (counts.perMinute !== undefined) parts.push(`${number.format(counts.perMinute)} / ${strings.units.minute}`);
  if (counts.perDay !== undefined) parts.push(`${number.format(counts.perDay)} / ${strings.units.day}`);
  if (counts.perMonth !== undefined) parts.push(`${number.format(counts.perMonth)} / ${strings.units.month}`);
  return parts.length === 0 ? strings.noLimit : parts.join(' · ');
}

/** The configured summary wins: the producer knows best how to say it. */
export function limitsSummary(limits: CatalogEntry['limits'], lang: Lang, strings: Pick<Strings, 'units' | 'noLimit'>): string {
  if (limits.summary) return limits.summary;
  return limits.plans.map((plan) => `${plan.name}: ${formatCounts(plan, lang, strings)}`).join('; ');
}
