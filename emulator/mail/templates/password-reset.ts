import { escapeHtml } from './html-escape.js';

export interface PasswordResetValues {
  customerName: string;
  link: string;
}

/**
 * Content of Magento_Customer's password_reset_confirmation.html (`email_reset`) and
 * password_new.html (`email_reminder`): the recorded mails of both are identical.
 */
export function passwordResetContent(values: PasswordResetValues): string {
  return `
<p class="greeting" style="margin-top: 0; margin-bottom: 10px;">${escapeHtml(values.customerName)},</p>
<p style="margin-top: 0; margin-bottom: 10px;">There was recently a request to change the password for your account.</p>
<p style="margin-top: 0; margin-bottom: 10px;">If you requested this change, set a new password here:</p>

<table class="button" width="100%" border="0" cellspacing="0" cellpadding="0" style="border-collapse: collapse;">
    <tr>
        <td style="vertical-align: top; padding-bottom: 10px;">
            <table class="inner-wrapper" border="0" cellspacing="0" cellpadding="0" align="center" style="border-collapse: collapse;">
                <tr>
                    <td align="center" style="vertical-align: top; border-radius: 3px; background-color: #1979c3;">
                        <a href="${escapeHtml(values.link)}" target="_blank" style="border-radius: 3px; border: 1px solid #1979c3; color: #fff; display: inline-block; font-size: 14px; padding: 7px 15px; text-decoration: none;">Set a New Password</a>
                    </td>
                </tr>
            </table>
        </td>
    </tr>
</table>

<p style="margin-top: 0; margin-bottom: 10px;">If you did not make this request, you can ignore this email and your password will remain the same.</p>
`;
}
