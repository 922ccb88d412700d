// The store configuration the emulated behaviour reads. Values are strings, as Magento's
// ScopeConfig returns them; that is why some error parameters are `["8"]`, not `[8]`.

const CONFIG_PATHS = [
  'customer/password/reset_link_expiration_period',
  'customer/password/minimum_password_length',
  'customer/password/required_character_classes_number',
  'customer/password/password_reset_protection_type',
  'customer/password/max_number_password_reset_requests',
  'customer/password/min_time_between_password_reset_requests',
  'customer/password/lockout_failures',
  'customer/password/lockout_threshold',
  'customer/create_account/confirm',
  'contact/email/recipient_email',
  'oauth/authentication_lock/max_failures_count',
  'oauth/authentication_lock/timeout',
  'webapi/jwtauth/customer_expiration',
  'webapi/jwtauth/admin_expiration',
  'system/smtp/port',
  'system/smtp/set_return_path', // release lines: 2.4.8 GA cannot send with it on, 2.4.8-p1 adds Sender
  // hardened stores (HARDENED.md, "Exact config paths")
  'twofactorauth/general/force_providers',
  'twofactorauth/google/leeway',
  'oauth/consumer/enable_integration_as_bearer',
  'recaptcha_frontend/type_for/customer_forgot_password',
  'recaptcha_frontend/type_for/customer_login',
  'recaptcha_frontend/type_for/customer_create',
  'recaptcha_frontend/type_for/customer_edit',
  'recaptcha_frontend/type_invisible/public_key',
  'recaptcha_frontend/type_invisible/private_key',
  'recaptcha_frontend/type_recaptcha/public_key',
  'recaptcha_frontend/type_recaptcha/private_key',
  'recaptcha_frontend/type_recaptcha_v3/public_key',
  'recaptcha_frontend/type_recaptcha_v3/private_key',
  'customer/captcha/enable',
  'customer/captcha/always_for/user_forgotpassword',
  'customer/captcha/case_sensitive',
] as const;

export type ConfigPath = (typeof CONFIG_PATHS)[number];

// Magento's own defaults (Customer, Security, Contact, Integration, JwtUserToken, TwoFactorAuth, ReCaptcha* etc/config.xml).
const MAGENTO_DEFAULTS: Readonly<Record<Exclude<ConfigPath, 'system/smtp/port'>, string>> = {
  'customer/password/reset_link_expiration_period': '2', // hours
  'customer/password/minimum_password_length': '8',
  'customer/password/required_character_classes_number': '3',
  'customer/password/password_reset_protection_type': '1', // 1 IP or email, 2 IP, 3 email, 0 none
  'customer/password/max_number_password_reset_requests': '5', // per sliding hour
  'customer/password/min_time_between_password_reset_requests': '10', // minutes
  'customer/password/lockout_failures': '10',
  'customer/password/lockout_threshold': '10', // minutes
  'customer/create_account/confirm': '0',
  'contact/email/recipient_email': 'hello@example.com',
  'oauth/authentication_lock/max_failures_count': '6',
  'oauth/authentication_lock/timeout': '1800', // seconds
  'webapi/jwtauth/customer_expiration': '60', // minutes
  'webapi/jwtauth/admin_expiration': '60', // minutes
  'system/smtp/set_return_path': '0', // Email/etc/config.xml: 0 no, 1 yes, 2 a specified address
  'twofactorauth/general/force_providers': '',
  'twofactorauth/google/leeway': '29', // seconds
  'oauth/consumer/enable_integration_as_bearer': '0',
  'recaptcha_frontend/type_for/customer_forgot_password': '', // empty: off
  'recaptcha_frontend/type_for/customer_login': '',
  'recaptcha_frontend/type_for/customer_create': '',
  'recaptcha_frontend/type_for/customer_edit': '',
  'recaptcha_frontend/type_invisible/public_key': '',
  'recaptcha_frontend/type_invisible/private_key': '',
  'recaptcha_frontend/type_recaptcha/public_key': '',
  'recaptcha_frontend/type_recaptcha/private_key': '',
  'recaptcha_frontend/type_recaptcha_v3/public_key': '',
  'recaptcha_frontend/type_recaptcha_v3/private_key': '',
  // Captcha etc/config.xml: on, and always on the forgot form (recorded: the form always had one).
  'customer/captcha/enable': '1',
  'customer/captcha/always_for/user_forgotpassword': '1',
  'customer/captcha/case_sensitive': '0',
};

// The stack turns the reset-request limiter off, as the Docker stack does, so parallel tests don't
// collide, and the storefront CAPTCHA off, as the Docker stack (and Magento's own MFTF tests) do.
const STACK_OVERRIDES: Partial<Record<ConfigPath, string>> = {
  'customer/password/password_reset_protection_type': '0',
  'customer/captcha/enable': '0',
};

export function isConfigPath(path: string): path is ConfigPath {
  return (CONFIG_PATHS as readonly string[]).includes(path);
}

export class StoreConfig {
  readonly #defaults: Readonly<Record<ConfigPath, string>>;
  readonly #overrides = new Map<ConfigPath, string>();

  /** `smtpPort` is the stack's SMTP port: `system/smtp/port` defaults to it. */
  constructor(smtpPort: number) {
    this.#defaults = { ...MAGENTO_DEFAULTS, 'system/smtp/port': String(smtpPort), ...STACK_OVERRIDES };
  }

  get(path: ConfigPath): string {
    return this.#overrides.get(path) ?? this.#defaults[path];
  }

  /** An integer setting; a non-numeric value reads as 0, as PHP's `(int)` cast does. */
  int(path: ConfigPath): number {
    const parsed = Number.parseInt(this.get(path), 10);
    return Number.isNaN(parsed) ? 0 : parsed;
  }

  isOverridden(path: ConfigPath): boolean {
    return this.#overrides.has(path);
  }

  /** `null` restores the stack default. */
  set(path: ConfigPath, value: string | null): void {
    if (value === null) this.#overrides.delete(path);
    else this.#overrides.set(path, value);
  }

  snapshot(): Record<ConfigPath, string> {
    return Object.fromEntries(CONFIG_PATHS.map((path) => [path, this.get(path)])) as Record<ConfigPath, string>;
  }
}
