import type { AccessLevel } from '../src/api/access-level.ts'

/*
 * The fixed demo sign-ins and ids of the reference server's seed. Ids are constants (not drawn
 * from the PRNG) so tests, the start banner and the README can name them without opening the DB.
 * Everything else in the seed is random but deterministic.
 */

/** One password for every demo user: this is a local demo, not a secret. */
export const DEMO_PASSWORD = 'telecomx-demo'
/** The SMS code the `sms@` user must send as `smsKey`. */
export const DEMO_SMS_KEY = '123456'
/** The authenticator (TOTP) code the `totp@` user must send as `authenticatorToken`. */
export const DEMO_AUTHENTICATOR_TOKEN = '654321'

/**
 * Customers with a role in the demo. The hierarchy:
 * Telecom X (direct, ADMIN's customer) · Nordisk Telefoni Partner (reseller)
 *   ├─ Fjordvej Tømrer & Snedker (the demo customer: owner/manager/viewer/…)
 *   └─ Østjysk IT & Tele (sub-reseller) └─ Hedegaard Vognmænd (customer of the sub-reseller)
 * Vestkyst Kommunikation (another reseller) └─ Kattegat Shipping (foreign to the demo users)
 * Bornholm Røgeri (a direct customer without reseller: only ADMIN sees it)
 */
export const DEMO_CUSTOMER_IDS = {
  telecomX: '64a1f0c0000000000000c001',
  reseller: '64a1f0c0000000000000c010',
  subReseller: '64a1f0c0000000000000c011',
  otherReseller: '64a1f0c0000000000000c020',
  demoCustomer: '64a1f0c0000000000000c100',
  subCustomer: '64a1f0c0000000000000c110',
  foreignCustomer: '64a1f0c0000000000000c200',
  directCustomer: '64a1f0c0000000000000c300',
} as const
export type DemoCustomerKey = keyof typeof DEMO_CUSTOMER_IDS

/** Hand-placed SIP accounts that tests (and the dashboard's tests) look for. */
export const DEMO_ACCOUNT_IDS = {
  /** Demo customer; numbers include +4580808080, IP 77.66.100.10, notes, failover. */
  primaryTrunk: '64a1f0c000000000000a0001',
  /** Demo customer; hosted-PBX trunk (pbx 2): no connection fields. */
  pbxTrunk: '64a1f0c000000000000a0002',
  /** Demo customer; name, notes and custom data hold HTML/script markup. */
  markupTrunk: '64a1f0c000000000000a0003',
  /** Demo customer; a 10,000-character name. */
  longNameTrunk: '64a1f0c000000000000a0004',
  /** Demo customer; usage-blocked and down. */
  blockedTrunk: '64a1f0c000000000000a0005',
  /** Demo customer; right-to-left text and emoji in the name. */
  rtlTrunk: '64a1f0c000000000000a0006',
  /** Customer of the sub-reseller. */
  subCustomerTrunk: '64a1f0c000000000000a0010',
  /** Foreign customer (other reseller): nobody but ADMIN and that reseller may open it. */
  foreignTrunk: '64a1f0c000000000000a0020',
} as const

export interface DemoUser {
  email: string
  password: string
  accessLevel: AccessLevel
  name: string
  /** What login and validateToken (extend=true) answer as `language`. */
  language: string
  employeeId: string
  customer: DemoCustomerKey
  customerId: string
  /** Set when login needs an SMS code. */
  smsKey?: string
  /** Set when login needs an authenticator code. */
  authenticatorToken?: string
  /** One line for the start banner and the README. */
  description: string
}

function user(
  n: number,
  email: string,
  accessLevel: AccessLevel,
  name: string,
  customer: DemoCustomerKey,
  description: string,
  extra: Partial<Pick<DemoUser, 'smsKey' | 'authenticatorToken' | 'language'>> = {},
): DemoUser {
  return {
    email,
    password: DEMO_PASSWORD,
    accessLevel,
    name,
    // English unless said otherwise: one Danish user (dansk@) is enough to test the Danish UI, and
    // every other test can keep reading English.
    language: 'en',
    employeeId: `64a1f0c0000000000000e${n.toString(16).padStart(3, '0')}`,
    customer,
    customerId: DEMO_CUSTOMER_IDS[customer],
    ...extra,
    description,
  }
}

export const DEMO_USERS = {
  admin: user(1, 'admin@telecomx.test', 'ADMIN', 'Astrid Admin', 'telecomX', 'Telecom X staff: every customer, notes and sipServer'),
  resellerAdmin: user(
    2,
    'reseller-admin@telecomx.test',
    'RESELLER_ADMIN',
    'Rasmus Reseller-Admin',
    'reseller',
    'Same SIP access as RESELLER',
  ),
  reseller: user(3, 'reseller@telecomx.test', 'RESELLER', 'Rikke Reseller', 'reseller', 'Own customers and the sub-reseller’s; sees notes'),
  subReseller: user(4, 'subreseller@telecomx.test', 'RESELLER', 'Søren Sub-reseller', 'subReseller', 'Sub-reseller: only its own subtree'),
  owner: user(5, 'owner@telecomx.test', 'OWNER', 'Ole Owner', 'demoCustomer', 'One customer; no notes'),
  manager: user(6, 'manager@telecomx.test', 'MANAGER', 'Mette Manager', 'demoCustomer', 'One customer; no notes'),
  viewer: user(7, 'viewer@telecomx.test', 'VIEWER', 'Villads Viewer', 'demoCustomer', 'One customer; no notes'),
  personal: user(8, 'personal@telecomx.test', 'PERSONAL', 'Pia Personal', 'demoCustomer', 'No SIP access (403)'),
  noLogin: user(9, 'nologin@telecomx.test', 'NO_LOGIN', 'Niels No-login', 'demoCustomer', 'No SIP access (403)'),
  sms: user(10, 'sms@telecomx.test', 'VIEWER', 'Sofie SMS', 'demoCustomer', `VIEWER; needs SMS code ${DEMO_SMS_KEY}`, {
    smsKey: DEMO_SMS_KEY,
  }),
  totp: user(
    11,
    'totp@telecomx.test',
    'OWNER',
    'Tobias TOTP',
    'demoCustomer',
    `OWNER; needs authenticator code ${DEMO_AUTHENTICATOR_TOKEN}`,
    {
      authenticatorToken: DEMO_AUTHENTICATOR_TOKEN,
    },
  ),
  subCustomer: user(
    12,
    'subcustomer@telecomx.test',
    'OWNER',
    'Sine Sub-customer',
    'subCustomer',
    'OWNER of a customer of the sub-reseller',
  ),
  dansk: user(13, 'dansk@telecomx.test', 'RESELLER', 'Dorthe Dansk', 'reseller', 'RESELLER like reseller@, language da (Danish)', {
    language: 'da',
  }),
} as const satisfies Record<string, DemoUser>

export type DemoUserKey = keyof typeof DEMO_USERS
export const DEMO_USER_LIST: readonly DemoUser[] = Object.values(DEMO_USERS)
