import { escapeHtml } from './html-escape.js';

export interface PasswordChangedValues {
  customerName: string;
  storeName: string;
  storeEmail: string;
}

/**
 * Content of Magento_Customer's password_reset.html (`customer/password/reset_password_template`),
 * the "password has been changed" mail EmailNotification::credentialsChanged sends (recorded
 * after GraphQL changeCustomerPassword).
 */
export function passwordChangedContent(values: PasswordChangedValues): string {
  const email = escapeHtml(values.storeEmail);
  return `
<p class="greeting" style="margin-top: 0; margin-bottom: 10px;">${escapeHtml(values.customerName)},</p>
<p style="margin-top: 0; margin-bottom: 10px;">
    We have received a request to change the following information associated with your account at ${escapeHtml(values.storeName)}: password.
    If you have not authorized this action, please contact us immediately at <a href="mailto:${email}" style="color: #006bb4; text-decoration: none;">${email}</a>.
</p>
`;
}
