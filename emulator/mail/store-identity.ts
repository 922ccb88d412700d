import type { Mailbox } from './types.js';

// A default install's store group name, which `$store.frontend_name` falls back to (Store/Model/Store.php).
export const STORE_NAME = 'Main Website Store';

// `customer/password/forgot_email_identity` = support (Email/etc/config.xml); both reset templates use it.
export const SUPPORT_SENDER: Mailbox = { name: 'CustomerSupport', address: 'support@example.com' };

// `customer/create_account/email_identity` = general, which resolves to Owner (recorded account_new mails).
export const GENERAL_SENDER: Mailbox = { name: 'Owner', address: 'owner@example.com' };
