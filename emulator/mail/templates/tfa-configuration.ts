import { escapeHtml } from './html-escape.js';

export interface TfaConfigurationValues {
  userName: string;
  storeName: string;
  link: string;
}

/** Magento_TwoFactorAuth's tfa_admin_user_config_required mail body (recorded tfa-admin-token-unconfigured-user.eml). */
export function tfaConfigurationContent(values: TfaConfigurationValues): string {
  return `<p>${escapeHtml(values.userName)},</p>
<p>
    You are required to configure personal Two-Factor Authorization in order to login to ${escapeHtml(values.storeName)}
    <br/>
    To do that please <a href="${escapeHtml(values.link)}">Click here</a>
</p>
<p>Thank you, ${escapeHtml(values.storeName)}</p>
`;
}
