import { escapeHtml } from './html-escape.js';
import { staticUrl } from './layout.js';

export interface AccountNewValues {
  customerName: string;
  customerEmail: string;
  storeName: string;
  storeBaseUrl: string;
  link: string;
}

/** One "When you sign in…" feature cell: Magento_Customer's icon and its caption. */
function featureCell(storeBaseUrl: string, icon: string, alt: string, caption: string, detail?: string): string {
  const src = escapeHtml(staticUrl(storeBaseUrl, `Magento_Customer/images/${icon}`));
  const detailLine = detail === undefined ? '' : `\n                        <p style="margin-top: 0; margin-bottom: 10px;">${detail}</p>`;
  return `        <td style="vertical-align: top; padding-bottom: 10px; width: 50%;">
            <table style="border-collapse: collapse;">
                <tr>
                    <td style="vertical-align: top; padding-right: 10px;">
                        <img src="${src}" height="30" width="30" alt="${alt}">
                    </td>
                    <td style="vertical-align: top;">
                        <h3 style="margin-top: 0; margin-bottom: 0;">${caption}</h3>${detailLine}
                    </td>
                </tr>
            </table>
        </td>`;
}

/** Content of Magento_Customer's account_new.html (welcome mail, password set at creation). */
export function accountNewContent(values: AccountNewValues): string {
  const base = values.storeBaseUrl;
  return `
<p class="greeting" style="margin-top: 0; margin-bottom: 10px;">${escapeHtml(values.customerName)},</p>
<p style="margin-top: 0; margin-bottom: 10px;">Welcome to ${escapeHtml(values.storeName)}.</p>
<p style="margin-top: 0; margin-bottom: 10px;">
    To sign in to our site, use these credentials during checkout or on the <a href="${escapeHtml(`${base}customer/account/`)}" style="color: #006bb4; text-decoration: none;">My Account</a> page:
</p>
<table class="email-credentials" style="border-collapse: collapse; margin-bottom: 20px;">
    <tr>
        <th style="text-align: left; padding: 0 10px 0 0;">Email:</th>
        <td style="vertical-align: top;">${escapeHtml(values.customerEmail)}</td>
    </tr>
    <tr>
        <th style="text-align: left; padding: 0 10px 0 0;">Password:</th>
        <td style="vertical-align: top;"><em>Password you set when creating account</em></td>
    </tr>
</table>
<p style="margin-top: 0; margin-bottom: 10px;">
    Forgot your account password? Click <a href="${escapeHtml(values.link)}" style="color: #006bb4; text-decoration: none;">here</a> to reset it.
</p>
<br>
<p style="margin-top: 0; margin-bottom: 10px;">When you sign in to your account, you will be able to:</p>
<table class="email-features" style="border-collapse: collapse; width: 100%;">
    <tr>
${featureCell(base, 'icn_checkout.png', 'Quick Checkout', 'Proceed through checkout faster')}
${featureCell(base, 'icn_status.png', 'Order Status', 'Check the status of orders')}
    </tr>
    <tr>
${featureCell(base, 'icn_address.png', 'Manage Addresses', 'Store alternative addresses', 'For shipping to multiple family members and friends')}
${featureCell(base, 'icn_history.png', 'Order History', 'View past orders')}
    </tr>
</table>
`;
}
