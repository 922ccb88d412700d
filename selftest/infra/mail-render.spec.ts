// renderMailPng with the system Chromium: a PNG comes back, and the mail's remote images and CSS
// are never fetched (a loopback server stands in for the store and counts requests).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '@playwright/test';
import { renderMailPng } from '../../fixtures/mail-render.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test('a mail renders to a PNG without one network request', async () => {
  let requests = 0;
  const store = createServer((_, res) => {
    requests += 1;
    res.end();
  });
  await new Promise<void>((done) => store.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(store.address() as AddressInfo).port}`;
  try {
    const rendered = await renderMailPng(
      `<html><head><link rel="stylesheet" href="${origin}/email.css"></head>` +
        `<body><img src="${origin}/logo.png" alt="Main Website Store"><p>Set a New Password</p></body></html>`,
    );
    if (!Buffer.isBuffer(rendered)) {
      console.log(`skipped "a mail renders to a PNG": ${rendered.skipped}`);
      test.skip(true, rendered.skipped);
      return;
    }
    expect(rendered.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(requests).toBe(0);
  } finally {
    store.close();
  }
});

test('no browser gives a one-line reason instead of an error', async () => {
  const previous = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = '/nonexistent/chromium';
  try {
    const rendered = await renderMailPng('<p>x</p>');
    expect(rendered).toEqual({ skipped: expect.stringContaining('/nonexistent/chromium') as unknown });
  } finally {
    if (previous === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = previous;
  }
});
