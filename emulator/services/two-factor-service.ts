// Magento_TwoFactorAuth's REST services (TwoFactorAuth/etc/webapi.xml) for the Google provider and the
// provider lists, with the answers recorded in HARDENED.md §1.
import type { ServiceCall } from '../model/emulator-state.js';
import { internalError, unauthorized } from '../model/magento-errors.js';
import { INSTALLED_PROVIDERS, type TwoFactorProvider } from '../model/two-factor-providers.js';
import { authenticateAdmin, issueAdminToken } from './token-service.js';

const INVALID_TFAT = 'Invalid two-factor authorization token';

/** TfatActions::validateTfat json-decodes the token before checking it: an unreadable one is a masked 500. */
function tfatUserForLists(call: ServiceCall): number {
  const reading = call.state.twoFactor.readTfat(call.input.tfaToken as string);
  if (reading.kind === 'unreadable') throw internalError();
  if (reading.kind === 'invalid') throw unauthorized(INVALID_TFAT);
  return reading.userId;
}

/** UserConfigTokenManager::isValidFor: anything but a valid tfat is the 401. */
function tfatUser(call: ServiceCall): number {
  const reading = call.state.twoFactor.readTfat(call.input.tfaToken as string);
  if (reading.kind !== 'user') throw unauthorized(INVALID_TFAT);
  return reading.userId;
}

/** GET /V1/tfa/tfat-user-providers?tfaToken= */
export function tfatUserProviders(call: ServiceCall): TwoFactorProvider[] {
  tfatUserForLists(call);
  return call.state.twoFactor.userProviders();
}

/** GET /V1/tfa/tfat-providers-to-activate?tfaToken= */
export function tfatProvidersToActivate(call: ServiceCall): TwoFactorProvider[] {
  return call.state.twoFactor.providersToActivate(tfatUserForLists(call));
}

/** POST /V1/tfa/provider/google/configure: a new secret and its QR code. */
export function configureGoogle(call: ServiceCall): { qr_code_base64: string; secret_code: string } {
  const secret = call.state.twoFactor.configureGoogle(tfatUser(call));
  return { qr_code_base64: qrPlaceholderPng(), secret_code: secret };
}

/** POST /V1/tfa/provider/google/activate: `[]` once the code matches the configured secret. */
export function activateGoogle(call: ServiceCall): never[] {
  call.state.twoFactor.activateGoogle(tfatUser(call), call.input.otp as string, call.now);
  return [];
}

/** POST /V1/tfa/provider/google/authenticate: the admin token, for the right password and a current code. */
export function authenticateGoogle(call: ServiceCall): string {
  const userId = authenticateAdmin(call);
  call.state.twoFactor.assertGoogleCode(userId, call.input.otp as string, call.now);
  return issueAdminToken(call, userId);
}

export const installedProviders = (): readonly TwoFactorProvider[] => INSTALLED_PROVIDERS;
export const forcedProviders = (call: ServiceCall): TwoFactorProvider[] => call.state.twoFactor.userProviders();
export const userProviders = (call: ServiceCall): TwoFactorProvider[] => call.state.twoFactor.userProviders();
export const providersToActivate = (call: ServiceCall): TwoFactorProvider[] =>
  call.state.twoFactor.providersToActivate(call.input.userId as number);
/** No default provider is ever chosen over REST: `""`. */
export const defaultProviderCode = (): string => '';

/**
 * Magento renders the otpauth:// URI as a QR code (endroid/qr-code); the emulator sends a valid 1×1 PNG
 * instead: no client reads the picture, and the secret beside it is what configures an authenticator.
 */
function qrPlaceholderPng(): string {
  return 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABAQMAAAAl21bKAAAAA1BMVEX///+nxBvIAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==';
}
