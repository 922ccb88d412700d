// Magento's image CAPTCHA on the forgot form (M/Captcha/Model/DefaultModel::isRequired, isCorrect),
// as the store config switches it; the image is an SVG of the session's word.
import type { StoreConfig } from '../model/store-config.js';
import type { Sessions, StorefrontSession } from '../model/sessions.js';
import type { CaptchaView } from './pages.js';

export const FORGOT_FORM = 'user_forgotpassword';

/** enable and always_for/<form>; the after_fail mode never applies to the forgot form. */
export const captchaRequired = (config: StoreConfig): boolean =>
  config.get('customer/captcha/enable') === '1' && config.get('customer/captcha/always_for/user_forgotpassword') === '1';

/** Draws the word a render shows. */
export function captchaView(sessions: Sessions, session: StorefrontSession): CaptchaView {
  const word = sessions.drawCaptcha(session, FORGOT_FORM);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><rect width="200" height="50" fill="#fff"/>` +
    `<text x="20" y="35" font-family="serif" font-size="28" letter-spacing="4" fill="#000">${word}</text></svg>`;
  return { formId: FORGOT_FORM, imageSrc: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}
