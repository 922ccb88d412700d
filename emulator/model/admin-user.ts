// The emulated store's one admin user (admin_user row 1), as the lab installed it: its name and e-mail
// are where Magento_TwoFactorAuth mails the configuration link (recorded tfa-admin-token-unconfigured-user.eml).
export const ADMIN_USER_ID = 1;
export const ADMIN_MAILBOX = { name: 'Example User', address: 'exampleuser@example.com' } as const;
