// Magento_TwoFactorAuth's provider catalogue as its REST routes list it (recorded tfa-installed-providers-admin):
// Google Authenticator, Duo Security, Authy and U2F, in that order; Duo and Authy disabled until configured.

export interface TwoFactorProvider {
  enabled: boolean;
  engine: { enabled: boolean };
  code: string;
  name: string;
  icon: string;
  reset_allowed: boolean;
  configure_action: string;
  auth_action: string;
  extra_actions: string[];
}

const provider = (
  code: string,
  name: string,
  route: string,
  enabled: boolean,
  resetAllowed: boolean,
  extraActions: string[],
): TwoFactorProvider => ({
  enabled,
  engine: { enabled },
  code,
  name,
  icon: `Magento_TwoFactorAuth::images/providers/${code}.png`,
  reset_allowed: resetAllowed,
  configure_action: `tfa/${route}/configure`,
  auth_action: `tfa/${route}/auth`,
  extra_actions: extraActions.map((action) => `tfa/${route}/${action}`),
});

export const INSTALLED_PROVIDERS: readonly TwoFactorProvider[] = [
  provider('google', 'Google Authenticator', 'google', true, true, ['qr', 'configurepost', 'authpost']),
  provider('duo_security', 'Duo Security', 'duo', false, false, ['authpost']),
  provider('authy', 'Authy', 'authy', false, true, [
    'configurepost',
    'configureverifypost',
    'verify',
    'authpost',
    'token',
    'onetouch',
    'verifyonetouch',
  ]),
  provider('u2fkey', 'U2F (Yubikey and others)', 'u2f', true, true, ['configurepost', 'authpost']),
];
