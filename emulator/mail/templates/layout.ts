import { escapeHtml } from './html-escape.js';

/** Luma's static asset URL under the store base URL (the deploy version is not modelled). */
export function staticUrl(storeBaseUrl: string, asset: string): string {
  return `${storeBaseUrl}static/version1/frontend/Magento/luma/en_US/${asset}`;
}

/**
 * Magento_Email's html header/footer wrapped around a template's content: the tables and
 * classes of the recorded mails, without their large inline CSS.
 */
export function emailLayout(storeBaseUrl: string, storeName: string, content: string): string {
  const base = escapeHtml(storeBaseUrl);
  const logo = escapeHtml(staticUrl(storeBaseUrl, 'Magento_Email/logo_email.png'));
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
    <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
    <meta name="viewport" content="initial-scale=1.0, width=device-width">
    <meta http-equiv="X-UA-Compatible" content="IE=edge">
</head>
<body style="margin: 0; padding: 0; color: #333; font-size: 14px; background-color: #f5f5f5;">


<!-- Begin wrapper table -->
<table class="wrapper" width="100%" style="border-collapse: collapse; margin: 0 auto;">
    <tr>
        <td class="wrapper-inner" align="center" style="vertical-align: top; padding-bottom: 30px; width: 100%;">
            <table class="main" align="center" style="border-collapse: collapse; margin: 0 auto; text-align: left; width: 660px;">
                <tr>
                    <td class="header" style="vertical-align: top; background-color: #f5f5f5; padding: 25px;">
                        <a class="logo" href="${base}" style="color: #006bb4; text-decoration: none;">
                            <img width="180" src="${logo}" alt="${escapeHtml(storeName)}" border="0">
                        </a>
                    </td>
                </tr>
                <tr>
                    <td class="main-content" style="vertical-align: top; background-color: #fff; padding: 25px;">
                    <!-- Begin Content -->
${content}
<!-- End Content -->
                    </td>
                </tr>
                <tr>
                    <td class="footer" style="vertical-align: top; background-color: #f5f5f5; padding: 25px;">
                        <table style="border-collapse: collapse; width: 100%;">
                            <tr>
                                <td style="vertical-align: top; padding-bottom: 25px; width: 33%;"></td>
                                <td style="vertical-align: top; padding-bottom: 25px; width: 33%;"></td>
                                <td style="vertical-align: top; padding-bottom: 25px; width: 33%;">
                                    <p class="address" style="margin-top: 0; margin-bottom: 0;">
                                        <br>
<br>
  <br>

                                    </p>
                                </td>
                            </tr>
                        </table>
                    </td>
                </tr>
            </table>
        </td>
    </tr>
</table>
<!-- End wrapper table -->
</body></html>`;
}
