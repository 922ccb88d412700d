// Magento_ReCaptchaCustomer on the storefront's forms (HARDENED.md §4), over the model's one reCAPTCHA rule
// (model/recaptcha.ts). Recorded on a 2.4.8 store with the invisible type: the forgot and login pages carry the
// widget's container and its x-magento-init script inside the form, and their submit button is disabled until
// Google's script loads (which never happens without Google). A forgot post without `g-recaptcha-response` goes
// back to the form with the technical-failure message; with one, the store cannot verify it and answers its
// 500 error page.
import { recaptchaOf, recaptchaVerdict, type RecaptchaForm, type RecaptchaVerdict } from '../model/recaptcha.js';
import type { StoreConfig } from '../model/store-config.js';
import type { StorefrontRequest } from './http.js';

/** recaptcha_frontend/failure_messages/technical_failure_message's default, as recorded. */
export const RECAPTCHA_TECHNICAL_FAILURE = 'Something went wrong with reCAPTCHA. Please contact the store owner.';

/** The recorded widget id: the same on the forgot and the login page. */
const WIDGET_ID = 'recaptcha-f979c2ff515d921c34af9bd2aee8ef076b719d03';

export interface RecaptchaWidget {
  siteKey: string;
  invisible: boolean;
}

/** What a page shows of the form's reCAPTCHA, or null where it is off. */
export function recaptchaWidget(config: StoreConfig, form: RecaptchaForm): RecaptchaWidget | null {
  const on = recaptchaOf(config, form);
  return on === undefined ? null : { siteKey: on.siteKey, invisible: on.type === 'invisible' };
}

/** The container and its component, as Luma renders them (the checkbox types, not recorded, get size "normal"). */
export function recaptchaWidgetHtml(widget: RecaptchaWidget): string {
  const rendering = { sitekey: widget.siteKey, badge: 'inline', size: widget.invisible ? 'invisible' : 'normal', theme: 'light', hl: '' };
  const component = { settings: { rendering, invisible: widget.invisible }, component: 'Magento_ReCaptchaFrontendUi/js/reCaptcha', reCaptchaId: WIDGET_ID };
  // PHP's json_encode writes `/` as `\/`
  const init = JSON.stringify({ components: { [WIDGET_ID]: component } }).replace(/\//g, '\\/');
  return `<div
    class="field-recaptcha"
    id="${WIDGET_ID}-container"
    data-bind="scope:'${WIDGET_ID}'"
>
    <!-- ko template: getTemplate() --><!-- /ko -->
</div>

<script type="text/x-magento-init">
{
    "#${WIDGET_ID}-container": {
        "Magento_Ui/js/core/app": ${init}    }
}
</script>`;
}

/** What the submit button's tag holds after its id (recorded: ` >`, and ` disabled` while the widget waits for Google's script). */
export const disabledUntilRecaptcha = (widget: RecaptchaWidget | null): string => (widget === null ? ' ' : '  disabled="disabled" ');

/** The form post's verdict: a shopper is never an integration caller. */
export const storefrontRecaptchaVerdict = (config: StoreConfig, form: RecaptchaForm, request: StorefrontRequest): RecaptchaVerdict =>
  recaptchaVerdict(config, form, { isIntegration: false, response: request.post.get('g-recaptcha-response') ?? undefined });
