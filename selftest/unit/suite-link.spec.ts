import { expect, test } from '@playwright/test';
import { decodeHtmlEntities, findResetLinks } from '../../fixtures/link.js';

const PATH = 'customer/account/createPassword/';
const button = (href: string) => `<td><a href="${href}" target="_blank" style="color: #fff;">Set a New Password</a></td>`;

test.describe('reset link parsing', () => {
  test('2.4.8: email, id and token, with &amp; between them', () => {
    const html = `<p>Fid a,</p>${button(
      'http://127.0.0.1:8089/customer/account/createPassword/?email=fid.a.mwyjruke%40example.com&amp;id=2&amp;token=VzD0qQ38aLGZ9R1NIBm8kXP0KhUYrYbi',
    )}`;
    expect(findResetLinks(html, PATH)).toStrictEqual([
      {
        href: 'http://127.0.0.1:8089/customer/account/createPassword/?email=fid.a.mwyjruke%40example.com&id=2&token=VzD0qQ38aLGZ9R1NIBm8kXP0KhUYrYbi',
        target: 'http://127.0.0.1:8089/customer/account/createPassword/',
        keys: ['email', 'id', 'token'],
        id: '2',
        token: 'VzD0qQ38aLGZ9R1NIBm8kXP0KhUYrYbi',
        email: 'fid.a.mwyjruke@example.com',
      },
    ]);
  });

  test('2.4.7: id and token, raw &, single quotes', () => {
    const [link] = findResetLinks(`<a href='http://shop.test/customer/account/createPassword/?id=8&token=xEazsSbOFdiGebNhJklmRa6UB43p9MPW'>x</a>`, PATH);
    expect(link).toMatchObject({ keys: ['id', 'token'], id: '8', token: 'xEazsSbOFdiGebNhJklmRa6UB43p9MPW', email: undefined });
  });

  test('a + in the address is decoded from %2B', () => {
    const [link] = findResetLinks(button('http://s/customer/account/createPassword/?email=a%2Bb%40example.com&amp;id=1&amp;token=t'), PATH);
    expect(link?.email).toBe('a+b@example.com');
  });

  test('other links and unparsable hrefs are ignored', () => {
    const html = `<a href="http://s/customer/account/">account</a><a href="mailto:support@example.com">mail</a><a href="::">bad</a>`;
    expect(findResetLinks(html, PATH)).toStrictEqual([]);
  });

  test('a path given with a leading slash still matches', () => {
    expect(findResetLinks(button('http://s/customer/account/createPassword/?id=1&amp;token=t'), `/${PATH}`)).toHaveLength(1);
  });

  test('numeric and named entities are decoded; unknown ones kept', () => {
    expect(decodeHtmlEntities('a&#x3D;b&#61;c&amp;d&quot;&nbsp;')).toBe('a=b=c&d"&nbsp;');
  });
});
