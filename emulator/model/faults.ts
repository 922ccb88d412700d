// Named, realistic regressions the emulator can be told to have (mutation testing of the suite).
// Each is one small switch at the place where the real bug would live.

export const FAULTS = {
  'token-not-cleared-after-reset': 'a successful reset leaves rp_token in place, so the link works again',
  'token-not-rotated': 'a reset request keeps the existing rp_token instead of generating a new one',
  'token-not-rotated-before-template-check': 'an invalid template is rejected before the token is rotated',
  'expiry-not-enforced': 'rp_token_created_at is never compared with reset_link_expiration_period',
  'expiry-off-by-one-hour': 'a token lives one hour longer than reset_link_expiration_period',
  'token-compare-case-insensitive': 'the reset token is compared ignoring case',
  'token-prefix-match': 'any non-empty prefix of the stored token is accepted',
  'foreign-token-accepted': "another customer's valid token is accepted",
  'min-length-off-by-one': 'a password one character shorter than the minimum is accepted',
  'character-classes-ignored': 'required_character_classes_number is not checked',
  'spaces-allowed': 'leading or trailing whitespace in a password is accepted',
  'password-equal-email-allowed': 'a password equal to the email address is accepted',
  'reset-does-not-change-password': 'a reset answers true but keeps the old password',
  'old-password-still-accepted': 'after a reset or change the previous password still signs in',
  'unknown-email-returns-true': 'a reset request for an unknown email answers true instead of 404',
  'template-not-validated': 'any template value is accepted (answers true, sends no mail)',
  'messages-rendered-with-values': 'error messages have their placeholders filled in and no parameters',
  'parameters-missing': 'error bodies lose their `parameters`',
  'bad-request-as-500': 'every 400 is answered as a masked 500 Internal Error',
  'mail-not-sent': 'a reset request answers true but sends no mail',
  'mail-to-wrong-address': 'the reset mail goes to another address',
  'link-without-id': 'the reset link lacks the id query parameter',
  'wrong-subject': 'the reset mail has another subject',
  'wrong-sender': 'the reset mail comes from the general contact instead of customer support',
  'reset-unlock-missing': 'a successful reset does not clear the account lockout',
  'throttle-ignored': 'the 2.4.8 reset-request limiter never refuses a request',
  'login-throttle-ignored': 'the customer/admin token throttle never refuses a sign-in',
  // GraphQL
  'graphql-reset-skips-token-check': 'GraphQL resetPassword sets the new password without checking the reset token',
  'graphql-unknown-email-returns-true': 'GraphQL requestPasswordResetEmail answers true for an unknown email',
  'graphql-category-lost': 'GraphQL errors lose extensions.category',
  'graphql-statuses-flattened': 'GraphQL on 2.4.8 answers HTTP 200 to authentication and authorization errors',
  'graphql-locked-account-allowed': 'GraphQL lets a locked account request and reset its password and read `customer`',
  // storefront
  'storefront-forgot-tells-unknown-email': 'the forgot form answers an unknown email with an error instead of the usual message',
  'storefront-success-message-missing': 'the forgot form shows no message after a request',
  'storefront-reused-link-opens-form': 'a link whose token a reset has used opens the Set a New Password form',
  'storefront-mismatched-confirmation-accepted': 'the set-password form accepts a confirmation that differs from the password',
  'storefront-recaptcha-not-enforced': 'a forgot-form post without a reCAPTCHA response is taken where reCAPTCHA is on',
} as const satisfies Record<string, string>;

export type FaultName = keyof typeof FAULTS;

function isFaultName(name: string): name is FaultName {
  return Object.hasOwn(FAULTS, name);
}

/** The active faults of one emulator instance; replaced as a whole through the control surface. */
export class FaultSwitches {
  #active = new Set<FaultName>();

  constructor(initial: readonly string[] = []) {
    this.replace(initial);
  }

  /** Throws on an unknown name, so a typo cannot silently test nothing. */
  replace(names: readonly string[]): void {
    const unknown = names.filter((name) => !isFaultName(name));
    if (unknown.length > 0) throw new Error(`unknown fault(s): ${unknown.join(', ')}`);
    this.#active = new Set(names.filter(isFaultName));
  }

  isActive(name: FaultName): boolean {
    return this.#active.has(name);
  }

  list(): FaultName[] {
    return [...this.#active];
  }
}
