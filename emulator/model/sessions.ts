// The storefront's PHP sessions (PHPSESSID): what Magento keeps there for this slice: the form key,
// the CAPTCHA word, the reset token moved out of the link, the signed-in customer, and messages
// not yet handed to the browser. No HTTP here; the storefront front reads and writes them.
import { randomBytes, randomInt } from 'node:crypto';

export type MessageType = 'success' | 'error';
export interface StoreMessage {
  type: MessageType;
  /** As Magento hands it to the browser: HTML-escaped (`didn&#039;t`). */
  text: string;
}

export interface StorefrontSession {
  id: string;
  formKey: string;
  captchaWords: Map<string, string>;
  rpToken: string | null;
  rpCustomerId: number | null;
  customerId: number | null;
  forgottenEmail: string | null;
  /** The username of a failed sign-in, shown once in the login form. */
  loginUsername: string | null;
  /** Session messages the next rendered result moves into the `mage-messages` cookie. */
  messages: StoreMessage[];
}

// PHP's default session id: 26 characters of 0-9a-v (sid_bits_per_character = 5).
const SID_ALPHABET = '0123456789abcdefghijklmnopqrstuv';
// Math\Random::getRandomString(16) for the form key.
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Captcha etc/config.xml: symbols and a length of 4-5.
const CAPTCHA_ALPHABET = 'ABCDEFGHJKMnpqrstuvwxyz23456789';

const randomString = (alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet.charAt(randomInt(alphabet.length))).join('');

export const newPrivateContentVersion = (): string => randomBytes(16).toString('hex');

export class Sessions {
  readonly #byId = new Map<string, StorefrontSession>();

  /** The session of a PHPSESSID, or a fresh one (an unknown id is not adopted). */
  open(id: string | undefined): StorefrontSession {
    const known = id === undefined ? undefined : this.#byId.get(id);
    if (known) return known;
    const session: StorefrontSession = {
      id: this.#newId(),
      formKey: randomString(KEY_ALPHABET, 16),
      captchaWords: new Map(),
      rpToken: null,
      rpCustomerId: null,
      customerId: null,
      forgottenEmail: null,
      loginUsername: null,
      messages: [],
    };
    this.#byId.set(session.id, session);
    return session;
  }

  get(id: string): StorefrontSession | undefined {
    return this.#byId.get(id);
  }

  /** session_regenerate_id: same data, new id; the old id stops working. */
  regenerate(session: StorefrontSession): void {
    this.#byId.delete(session.id);
    session.id = this.#newId();
    this.#byId.set(session.id, session);
  }

  /** A new CAPTCHA word for a form, drawn at each render. */
  drawCaptcha(session: StorefrontSession, formId: string): string {
    const word = randomString(CAPTCHA_ALPHABET, 4 + randomInt(2));
    session.captchaWords.set(formId, word);
    return word;
  }

  /** Checks a CAPTCHA answer; the word is cleared by every check, right or wrong. */
  checkCaptcha(session: StorefrontSession, formId: string, answer: string, caseSensitive: boolean): boolean {
    const word = session.captchaWords.get(formId);
    session.captchaWords.delete(formId);
    if (word === undefined || answer === '') return false;
    return caseSensitive ? word === answer : word.toLowerCase() === answer.toLowerCase();
  }

  #newId(): string {
    let id = randomString(SID_ALPHABET, 26);
    while (this.#byId.has(id)) id = randomString(SID_ALPHABET, 26);
    return id;
  }
}
