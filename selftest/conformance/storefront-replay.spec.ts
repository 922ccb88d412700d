// Conformance of the storefront pages: each recorded Luma folder replayed in order against the
// emulator of its version (storefront-replay.ts), one step per exchange.
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { startEmulator } from '../../emulator/index.js';
import { pageSummary } from './page-summary.js';
import { StorefrontReplay } from './storefront-replay.js';
import { loadStorefrontFolder, STOREFRONT_FOLDERS } from './storefront-transcript.js';

/** Seven lower-case letters and digits, like the recorded run ids. */
const newRunId = (): string => `r${randomBytes(8).toString('hex').slice(0, 6)}`;

for (const entry of STOREFRONT_FOLDERS) {
  const folder = loadStorefrontFolder(entry);

  // The comparison is only as good as the summary reader: it must read real Luma as the recorder did.
  test(`${entry.folder}: the summary reader reads the recorded pages as the recorder did`, () => {
    const pages = folder.exchanges.filter((exchange) => exchange.summary !== undefined);
    expect(pages.length).toBeGreaterThan(10);
    for (const exchange of pages) {
      const { title, main_heading, forms, messages_in_html, password_strength_meter_markup } = pageSummary(exchange.response.body);
      const recorded = exchange.summary ?? {};
      expect.soft({ title, main_heading, forms, messages_in_html }, exchange.case).toEqual({
        title: recorded.title,
        main_heading: recorded.main_heading,
        forms: recorded.forms,
        messages_in_html: recorded.messages_in_html,
      });
      expect.soft(password_strength_meter_markup, exchange.case).toBe(recorded.password_strength_meter_markup);
    }
  });

  test(`${entry.folder}: the storefront answers as recorded`, async () => {
    const emulator = await startEmulator({ version: entry.version, port: 0, mail: { kind: 'capture' } });
    try {
      const replay = new StorefrontReplay(folder, emulator, newRunId());
      await test.step('prepare the stock store and its customers', () => replay.prepare());
      for (const exchange of folder.exchanges) {
        await test.step(exchange.case, async () => {
          const problems = await replay.replay(exchange);
          const request = `${exchange.request.method} ${exchange.request.path}`;
          expect.soft(problems, `${entry.folder}/${exchange.case} (${request})\n${problems.join('\n')}`).toEqual([]);
        });
      }
    } finally {
      await emulator.close();
    }
  });
}
