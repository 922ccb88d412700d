// The customer_entity table: customers of the one website (id 1) and its store `default` (id 1).
import { magentoDateTime } from './magento-time.js';
import type { StoreConfig } from './store-config.js';

export const DEFAULT_WEBSITE_ID = 1;
const DEFAULT_STORE_ID = 1;
const DEFAULT_GROUP_ID = 1; // General
const DEFAULT_STORE_NAME = 'Default Store View';

/** Optional CustomerInterface fields, in the order Magento's getters (and so its JSON) list them. */
export const OPTIONAL_STRING_FIELDS = ['dob', 'middlename', 'prefix', 'suffix'] as const;
type OptionalStringField = (typeof OPTIONAL_STRING_FIELDS)[number];

export interface CustomerRecord {
  readonly id: number;
  email: string;
  firstname: string;
  lastname: string;
  optional: Partial<Record<OptionalStringField | 'taxvat', string>>;
  gender: number | null;
  groupId: number;
  storeId: number;
  websiteId: number;
  createdAt: Date;
  updatedAt: Date;
  passwordHash: string | null;
  /** Hashes a password change replaced (only read by the `old-password-still-accepted` fault). */
  replacedPasswordHashes: string[];
  rpToken: string | null;
  rpTokenCreatedAt: Date | null;
  failuresNum: number;
  firstFailure: Date | null;
  lockExpires: Date | null;
  /** Set while the account awaits email confirmation. */
  confirmation: string | null;
}

export type NewCustomer = Pick<CustomerRecord, 'email' | 'firstname' | 'lastname' | 'optional' | 'gender'> &
  Partial<Pick<CustomerRecord, 'groupId' | 'storeId' | 'websiteId'>>;

// MySQL's default `_general_ci` collation: case-insensitive, trailing spaces ignored.
const collate = (email: string): string => email.toLowerCase().replace(/ +$/, '');

export class Accounts {
  readonly #customers = new Map<number, CustomerRecord>();
  #lastId = 0;

  get(id: number): CustomerRecord | undefined {
    return this.#customers.get(id);
  }

  all(): CustomerRecord[] {
    return [...this.#customers.values()];
  }

  findByEmail(email: string, websiteId: number): CustomerRecord | undefined {
    const wanted = collate(email);
    return this.all().find((customer) => customer.websiteId === websiteId && collate(customer.email) === wanted);
  }

  add(input: NewCustomer, passwordHash: string | null, now: Date): CustomerRecord {
    this.#lastId += 1;
    const customer: CustomerRecord = {
      id: this.#lastId,
      email: input.email,
      firstname: input.firstname,
      lastname: input.lastname,
      optional: input.optional,
      gender: input.gender,
      groupId: input.groupId ?? DEFAULT_GROUP_ID,
      storeId: input.storeId ?? DEFAULT_STORE_ID,
      websiteId: input.websiteId ?? DEFAULT_WEBSITE_ID,
      createdAt: now,
      updatedAt: now,
      passwordHash,
      replacedPasswordHashes: [],
      rpToken: null,
      rpTokenCreatedAt: null,
      failuresNum: 0,
      firstFailure: null,
      lockExpires: null,
      confirmation: null,
    };
    this.#customers.set(customer.id, customer);
    return customer;
  }

  delete(id: number): boolean {
    return this.#customers.delete(id);
  }
}

/** Magento's ACCOUNT_CONFIRMATION_REQUIRED: unconfirmed while the store asks new accounts to confirm. */
export function awaitsConfirmation(customer: CustomerRecord, config: StoreConfig): boolean {
  return customer.confirmation !== null && config.get('customer/create_account/confirm') === '1';
}

/** The customer as REST returns it: snake_case, Magento's getter order, null fields left out. */
export function customerData(customer: CustomerRecord): Record<string, unknown> {
  const { dob, middlename, prefix, suffix, taxvat } = customer.optional;
  const data: Record<string, unknown> = {
    id: customer.id,
    group_id: customer.groupId,
    created_at: magentoDateTime(customer.createdAt),
    updated_at: magentoDateTime(customer.updatedAt),
    created_in: DEFAULT_STORE_NAME,
    dob,
    email: customer.email,
    firstname: customer.firstname,
    lastname: customer.lastname,
    middlename,
    prefix,
    suffix,
    gender: customer.gender ?? undefined,
    store_id: customer.storeId,
    taxvat,
    website_id: customer.websiteId,
    addresses: [],
    disable_auto_group_change: 0,
    extension_attributes: { is_subscribed: false },
  };
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}
