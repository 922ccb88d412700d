// Sends Magento's customer mails through the mail module, the way the emulated version would:
// over SMTP at `system/smtp/port` (a closed port makes sending fail), or into memory.
import type { CustomerRecord } from '../model/accounts.js';
import { returnPathBreaksSending, type Release } from '../model/release.js';
import type { FaultSwitches } from '../model/faults.js';
import { captureMailer, renderMail, smtpMailer } from './index.js';
import type { Mailer, MailTemplate, OutgoingMail } from './index.js';
import { renderTfaConfigurationMail } from './tfa-mail.js';
import type { Mailbox } from './types.js';
import { distortMail } from './mail-faults.js';
import type { StoreConfig } from '../model/store-config.js';

export type MailOptions = { kind: 'smtp'; host: string; port: number } | { kind: 'capture' };

export class MailDispatch {
  readonly #capture = captureMailer();

  constructor(
    private readonly options: MailOptions & { release: Release; storeBaseUrl: string },
    private readonly config: StoreConfig,
    private readonly faults: FaultSwitches,
  ) {}

  /** Mails kept in memory (capture mode). */
  get captured(): readonly OutgoingMail[] {
    return this.#capture.sent;
  }

  // Capture mode still honours an explicitly set system/smtp/port, so "SMTP unreachable" can be replayed.
  #mailer(): Mailer {
    const port = this.config.int('system/smtp/port');
    if (this.options.kind === 'smtp') return smtpMailer(this.options.host, port);
    return this.config.isOverridden('system/smtp/port') ? smtpMailer('127.0.0.1', port) : this.#capture;
  }

  /** The admin's 2FA configuration mail; a failure to send is logged and ignored, as Magento does. */
  async sendTfaConfiguration(admin: Mailbox, tfat: string, now: Date): Promise<void> {
    const mail = renderTfaConfigurationMail({ release: this.options.release, admin, tfat, storeBaseUrl: this.options.storeBaseUrl, now });
    await this.#mailer().send(mail).catch(() => undefined);
  }

  /** false when sending failed: Magento logs the MailException and carries on. */
  async send(template: MailTemplate, customer: CustomerRecord, token: string, now: Date): Promise<boolean> {
    const isReset = template === 'email_reset' || template === 'email_reminder';
    if (isReset && this.faults.isActive('mail-not-sent')) return true;
    // Option 2's own address is not modelled: any non-zero value sends the identity as Sender.
    const returnPath = this.config.get('system/smtp/set_return_path') !== '0';
    if (returnPath && returnPathBreaksSending(this.options.release)) return false; // Symfony's LogicException, logged
    const mail = renderMail(template, {
      release: this.options.release,
      customer: { id: customer.id, email: customer.email, firstname: customer.firstname, lastname: customer.lastname },
      token,
      storeBaseUrl: this.options.storeBaseUrl,
      now,
      returnPath,
    });
    try {
      await this.#mailer().send(isReset ? distortMail(mail, this.faults) : mail);
      return true;
    } catch {
      return false;
    }
  }
}
