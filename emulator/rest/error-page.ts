// Magento's generic error page (pub/errors/default), served with HTTP 500 when no REST renderer
// matches the Accept header: the 406 is thrown before the error renderer exists (recorded live); the
// storefront serves it for an uncaught exception (recorded: a reCAPTCHA response Google cannot verify).
import { randomBytes } from 'node:crypto';

// Escaper::escapeHtmlAttr: everything but [A-Za-z0-9,._-] as an upper-case hex entity.
function escapeHtmlAttr(value: string): string {
  return value.replace(/[^A-Za-z0-9,._-]/g, (char) => `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`);
}

/** The page as recorded, pointing at our own base URL; the log record number is random. */
export function errorPage(storeBaseUrl: string): string {
  const base = escapeHtmlAttr(`${storeBaseUrl}errors/default/`);
  const record = randomBytes(32).toString('hex');
  return `<!doctype html>
<html xmlns="http://www.w3.org/1999/xhtml" >
<head>
    <title>There has been an error processing your request</title>
    <base href="${base}" />
    <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
    <meta name="robots" content="*"/>
    <link rel="stylesheet" href="css/styles.css" type="text/css" />
    <link rel="icon" href="images/favicon.ico" type="image/x-icon" />
    <link rel="shortcut icon" href="images/favicon.ico" type="image/x-icon" />
</head>
<body>
    <main class="page-main">
        
<h1>There has been an error processing your request</h1>
    <p><em>Exception printing is disabled by default for security reasons.</em></p>

    <p>Error log record number: ${record}</p>
    </main>
</body>
</html>
`;
}
