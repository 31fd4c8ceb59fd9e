// zod fields of config/apis/<id>.yaml that only the catalogue reads (api.gouv.fr's and the Italian catalogue's fields).
// Spread into apiSchema, so they sit beside title, tagline, agency, access, themes and links in the same file.
import { z } from 'zod';

/** Only http(s): a `javascript:` or `data:` link in a config file must never become a clickable link. */
export const webUrl = z.url({ protocol: /^https?$/ });

const organisation = z.strictObject({
  name: z.string().min(1).describe('the body, e.g. "Direction interministérielle du numérique"'),
  url: webUrl.optional().describe('its web site'),
});

const reuse = z.strictObject({
  title: z.string().min(1).describe('name of the service that reuses the API'),
  url: webUrl.optional().describe('where to see it'),
  description: z.string().optional().describe('one or two sentences: what it does with the API'),
});

export const catalogFields = {
  language: z
    .enum(['it', 'fr', 'en'])
    .optional()
    .describe("language of this file's catalogue texts (title, tagline, description…), set as their lang attribute on the pages"),
  partners: z.array(organisation).default([]).describe('other bodies that co-produce the API or its data'),
  eligibility: z
    .array(z.string().min(1))
    .default([])
    .describe('who may use it in production, one line each, e.g. "Public administrations (article L114-8 CRPA)"'),
  requestAccess: z
    .strictObject({
      url: webUrl.optional().describe('the form or procedure to request production access (DataPass, PDND…)'),
      instructions: z.string().optional().describe('Markdown: the steps and what to prepare'),
    })
    .optional()
    .describe('how to get production access; not needed when access is open'),
  limitsSummary: z
    .string()
    .optional()
    .describe('the limits in one human line, e.g. "50 calls / second / IP"; generated from the plans when absent'),
  reuses: z.array(reuse).default([]).describe('services that reuse the API'),
  updated: z.iso.date().optional().describe('last update of the API or its document, YYYY-MM-DD'),
};
