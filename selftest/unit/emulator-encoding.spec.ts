import { expect, test } from '@playwright/test';
import { chooseRenderer } from '../../emulator/rest/content-negotiation.js';
import { phpJsonEncode } from '../../emulator/rest/php-json.js';
import { parseQueryString } from '../../emulator/rest/query-string.js';
import { renderXml } from '../../emulator/rest/xml-renderer.js';

test('json_encode escapes slashes and non-ASCII like PHP', () => {
  expect(phpJsonEncode({ firstname: 'Zoë', taxvat: '12/34', ok: true, n: [256] })).toBe(
    '{"firstname":"Zo\\u00eb","taxvat":"12\\/34","ok":true,"n":[256]}',
  );
  expect(phpJsonEncode('"%fieldName"')).toBe('"\\"%fieldName\\""');
});

test('the XML renderer wraps in <response> and lists as <item>', () => {
  expect(renderXml({ message: 'A & B', parameters: ['hello@example.com'], addresses: [] })).toBe(
    '<?xml version="1.0"?>\n<response>\n  <message>A &amp; B</message>\n  <parameters>\n    <item>hello@example.com</item>\n' +
      '  </parameters>\n  <addresses/>\n</response>\n',
  );
  expect(renderXml(true)).toBe('<?xml version="1.0"?>\n<response>true</response>\n');
});

test('Accept negotiation follows q, then order; no renderer means none', () => {
  expect(chooseRenderer('application/json;q=0.5, application/xml;q=0.9')).toBe('xml');
  expect(chooseRenderer('text/xml, application/json')).toBe('xml');
  expect(chooseRenderer('application/json, text/xml')).toBe('json');
  expect(chooseRenderer('*/*')).toBe('json');
  expect(chooseRenderer('text/html')).toBeUndefined();
});

test('a query string reads as PHP parses it: brackets nest, [] appends', () => {
  const parsed = parseQueryString(new URLSearchParams('searchCriteria[pageSize]=1&searchCriteria[currentPage]=2&tfaToken=t&a[]=x&a[]=y'));
  expect(parsed).toEqual({ searchCriteria: { pageSize: '1', currentPage: '2' }, tfaToken: 't', a: { 0: 'x', 1: 'y' } });
});
