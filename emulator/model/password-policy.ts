// Magento's password rules (C/Model/AccountManagement::checkPasswordStrength,
// C/Model/Customer/CredentialsValidator): the checks, their order and their messages.
import type { FaultSwitches } from './faults.js';
import { badRequest } from './magento-errors.js';
import type { StoreConfig } from './store-config.js';

// AccountManagementInterface::MAX_PASSWORD_LENGTH; reported as the int 256, unlike the config values.
const MAX_PASSWORD_LENGTH = 256;

// PHP trim()'s default character list: space, \t, \n, \r, NUL, vertical tab.
const TRIMMED = ' \t\n\r\0\v';
export const phpTrim = (value: string): string => {
  let start = 0;
  let end = value.length;
  while (start < end && TRIMMED.includes(value.charAt(start))) start += 1;
  while (end > start && TRIMMED.includes(value.charAt(end - 1))) end -= 1;
  return value.slice(start, end);
};

// The four classes Magento counts (makeRequiredCharactersCheck).
const CHARACTER_CLASSES = [/[0-9]/, /[A-Z]/, /[a-z]/, /[^a-zA-Z0-9]/];

/** mb_strlen: Unicode code points, not UTF-16 units. */
const codePoints = (value: string): number => [...value].length;

/** strcasecmp against the email as sent: same letters, any case. */
export function assertDifferentFromEmail(email: string, password: string, faults: FaultSwitches): void {
  if (faults.isActive('password-equal-email-allowed')) return;
  if (email.toLowerCase() === password.toLowerCase()) {
    throw badRequest("The password can't be the same as the email address. Create a new password and try again.");
  }
}

export function assertPasswordStrength(password: string, config: StoreConfig, faults: FaultSwitches): void {
  const length = codePoints(password);
  if (length > MAX_PASSWORD_LENGTH) {
    throw badRequest('Please enter a password with at most %1 characters.', [MAX_PASSWORD_LENGTH]);
  }
  const minLength = config.get('customer/password/minimum_password_length');
  const enforcedMinimum = Number(minLength) - (faults.isActive('min-length-off-by-one') ? 1 : 0);
  if (length < enforcedMinimum) {
    throw badRequest('The password needs at least %1 characters. Create a new password and try again.', [minLength]);
  }
  if (!faults.isActive('spaces-allowed') && codePoints(phpTrim(password)) !== length) {
    throw badRequest("The password can't begin or end with a space. Verify the password and try again.");
  }
  const requiredClasses = config.get('customer/password/required_character_classes_number');
  const classes = CHARACTER_CLASSES.filter((pattern) => pattern.test(password)).length;
  if (!faults.isActive('character-classes-ignored') && classes < Number(requiredClasses)) {
    throw badRequest(
      'Minimum of different classes of characters in password is %1. ' +
        'Classes of characters: Lower Case, Upper Case, Digits, Special Characters.',
      [requiredClasses],
    );
  }
}
