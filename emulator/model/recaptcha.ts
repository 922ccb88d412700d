// Magento_ReCaptcha* on the web APIs (ReCaptchaWebapiRest / ReCaptchaWebapiGraphQl, HARDENED.md §3).
// A form is protected when `recaptcha_frontend/type_for/<form>` names a type and both keys of that type
// are configured (IsCaptchaEnabled). A protected call passes only for an integration caller (the
// ValidationOverrider plugins); anyone else without an `X-ReCaptcha` value gets the 400, and with one
// the emulated store fails like the recorded lab, which could not reach Google (a masked 500).
// A pure check, so every front (REST, GraphQL, the storefront's forms) calls the same rule.
import { badRequest, internalError, type MagentoError } from './magento-errors.js';
import type { ConfigPath, StoreConfig } from './store-config.js';

export const RECAPTCHA_FORMS = ['customer_forgot_password', 'customer_login', 'customer_create', 'customer_edit'] as const;
export type RecaptchaForm = (typeof RECAPTCHA_FORMS)[number];

export const isRecaptchaForm = (name: string): name is RecaptchaForm => (RECAPTCHA_FORMS as readonly string[]).includes(name);

export const RECAPTCHA_FAILED = 'ReCaptcha validation failed, please try again';

/** recaptcha_frontend/type_for values and the group holding their keys. */
const TYPE_GROUPS: Readonly<Record<string, string>> = {
  invisible: 'type_invisible',
  recaptcha: 'type_recaptcha',
  recaptcha_v3: 'type_recaptcha_v3',
};

/** Google's published test keys, the ones the recording configured. */
export const GOOGLE_TEST_KEYS = {
  public_key: '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI',
  private_key: '6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe',
} as const;

/** The form's reCAPTCHA type and site key where it is on (type named, both keys set), else undefined. */
export function recaptchaOf(config: StoreConfig, form: RecaptchaForm): { type: string; siteKey: string } | undefined {
  const type = config.get(`recaptcha_frontend/type_for/${form}`);
  const group = TYPE_GROUPS[type];
  if (group === undefined) return undefined;
  const key = (name: string): string => config.get(`recaptcha_frontend/${group}/${name}` as ConfigPath);
  return key('public_key') !== '' && key('private_key') !== '' ? { type, siteKey: key('public_key') } : undefined;
}

export const isRecaptchaOn = (config: StoreConfig, form: RecaptchaForm): boolean => recaptchaOf(config, form) !== undefined;

/** Who is asking, as far as reCAPTCHA cares. */
export interface RecaptchaRequest {
  readonly isIntegration: boolean;
  /** The `X-ReCaptcha` header (REST and GraphQL use the same one) or the form's `g-recaptcha-response`, if sent. */
  readonly response: string | undefined;
}

/**
 * What reCAPTCHA makes of a request to a form: it passes (off, or an integration caller), it has no response
 * (phpfui/recaptcha answers missing-input-response without calling Google), or its response cannot be verified
 * (the emulated store, like the recorded lab, cannot reach Google).
 */
export type RecaptchaVerdict = 'pass' | 'no-response' | 'unverifiable';

export function recaptchaVerdict(config: StoreConfig, form: RecaptchaForm, request: RecaptchaRequest): RecaptchaVerdict {
  if (!isRecaptchaOn(config, form) || request.isIntegration) return 'pass';
  return request.response === undefined || request.response === '' ? 'no-response' : 'unverifiable';
}

/** The web APIs' refusal for a call to a form's API (a masked 500 where Google is unreachable), or undefined when the call may go on. */
export function recaptchaRefusal(config: StoreConfig, form: RecaptchaForm, request: RecaptchaRequest): MagentoError | undefined {
  const verdict = recaptchaVerdict(config, form, request);
  if (verdict === 'pass') return undefined;
  return verdict === 'no-response' ? badRequest(RECAPTCHA_FAILED) : internalError();
}
