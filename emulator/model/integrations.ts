// The integration table and its OAuth access tokens (Magento_Integration): an active integration's
// token, sent as `Authorization: Bearer`, acts for the integration only while
// `oauth/consumer/enable_integration_as_bearer` is 1; otherwise it is ignored and the caller is a guest
// (recorded int-bearer-off-*). Magento stores `Magento_Backend::admin` beside the granted resources.
import type { StoreConfig } from './store-config.js';

export interface Integration {
  readonly id: number;
  readonly name: string;
  readonly resources: ReadonlySet<string>;
}

/** What the recorded integration `lab-hardened-test` was granted: enough to create, read and delete customers. */
export const CUSTOMER_RESOURCES = ['Magento_Customer::customer', 'Magento_Customer::manage', 'Magento_Customer::delete'] as const;

export class Integrations {
  readonly #byToken = new Map<string, Integration>();
  #lastId = 0;

  constructor(private readonly config: StoreConfig) {}

  /** An active integration with an access token (the lab's make-integration.php). */
  add(name: string, token: string, resources: readonly string[]): Integration {
    this.#lastId += 1;
    const integration = { id: this.#lastId, name, resources: new Set(['Magento_Backend::admin', ...resources]) };
    this.#byToken.set(token, integration);
    return integration;
  }

  /** The integration a bearer token acts for, if the bearer option lets it. */
  bearer(token: string): Integration | undefined {
    if (this.config.get('oauth/consumer/enable_integration_as_bearer') !== '1') return undefined;
    return this.#byToken.get(token);
  }
}
