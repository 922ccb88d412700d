import { expect, test } from '@playwright/test';
import { loadTheme, luma, parseTheme } from '../../fixtures/storefront/theme.js';

test.describe('storefront theme selectors', () => {
  test('without a theme file it is Luma', () => {
    expect(loadTheme(undefined)).toBe(luma);
  });

  test('a theme file names only what differs; the rest stays Luma', () => {
    const theme = parseTheme('hyva.json', JSON.stringify({ heading: 'h1', login: { submit: '#login-form button.primary' } }));
    expect(theme.heading).toBe('h1');
    expect(theme.login).toStrictEqual({ ...luma.login, submit: '#login-form button.primary' });
    expect(theme.forgot).toStrictEqual(luma.forgot);
  });

  for (const [title, text, error] of [
    ['not JSON', '{heading:', /^storefront theme t\.json is not valid JSON \(/],
    ['an unknown group', '{"checkout":{}}', /^storefront theme t\.json: /],
    ['an unknown key in a group', '{"login":{"button":"x"}}', /^storefront theme t\.json: login: /],
    ['an empty selector', '{"heading":""}', /^storefront theme t\.json: heading: /],
  ] as const) {
    test(`${title} is refused in one line naming the file`, () => {
      expect(() => parseTheme('t.json', text)).toThrow(error);
    });
  }

  test('an unreadable file is one line naming it', () => {
    expect(() => loadTheme('/nonexistent/theme.json')).toThrow(/^storefront theme \/nonexistent\/theme\.json cannot be read \(ENOENT\)$/);
  });
});
