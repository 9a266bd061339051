import type { Database } from 'better-sqlite3'
import type { ConnectionType } from '../src/api/sip-account.ts'
import { DEMO_ACCOUNT_IDS, DEMO_CUSTOMER_IDS, DEMO_USER_LIST } from './demo-users.ts'
import { hashPassword, STRONG_SCRYPT, type ScryptCost } from './passwords.ts'
import { createRng, type Rng } from './prng.ts'
import { APP_MARKER, APPLICATION_ID, SCHEMA_VERSION, SEARCH_FIELD_SEPARATOR, createSchema, searchText, sortKey } from './schema.ts'

export const DEFAULT_ACCOUNTS = 2000
export const DEFAULT_SEED = 20_241_126

/*
 * voiceUsage covers 12 fixed months (not "the last 12 months from today") so the seed is
 * identical whenever it runs; every account shares these dates.
 */
export const USAGE_MONTHS: readonly string[] = Array.from({ length: 12 }, (_, i) => {
  const month = new Date(Date.UTC(2024, 10 + i, 1))
  return month.toISOString()
})

export const RATE_PLANS = [
  { id: '64a1f0c0000000000000b001', name: 'Standard SIP account' },
  { id: '64a1f0c0000000000000b002', name: 'SIP Flatrate Erhverv' },
  { id: '64a1f0c0000000000000b003', name: 'SIP Trunk Pro' },
  { id: '64a1f0c0000000000000b004', name: 'Hosted PBX trunk' },
  { id: '64a1f0c0000000000000b005', name: 'SIP Basis (forbrugsafregnet)' },
] as const
export const RATE_PLAN_NAMES: ReadonlyMap<string, string> = new Map(RATE_PLANS.map((plan) => [plan.id, plan.name]))

export interface SeedOptions {
  accounts?: number
  seed?: number
  scrypt?: ScryptCost
}

/** What the meta table records once a seed has completed; a file without it is not trusted. */
export interface SeedMarker {
  schemaVersion: number
  accounts: number
  seed: number
}

interface CustomerRow {
  id: string
  name: string
  parent: string | null
  reseller: boolean
  features: string[]
  address: string
  accounts: number
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
type FullAccount = Record<string, Json>

interface AccountRow {
  id: string
  customer: string
  status: 'ON' | 'OFF' | null
  pbx: number
  full: FullAccount
  usage: number[]
}

const PLACES = [
  'København',
  'Århus',
  'Odense',
  'Aalborg',
  'Esbjerg',
  'Randers',
  'Kolding',
  'Horsens',
  'Vejle',
  'Roskilde',
  'Næstved',
  'Helsingør',
  'Sønderborg',
  'Frederikshavn',
  'Holstebro',
  'Skælskør',
  'Hjørring',
  'Ærøskøbing',
  'Køge',
  'Nørresundby',
  'Svendborg',
  'Viborg',
  'Hillerød',
  'Fåborg',
  'Løgstør',
  'Rønne',
  'Tønder',
  'Æbeltoft',
]
const ROLES = [
  'Hovedkontor',
  'Lager',
  'Butik',
  'Filial',
  'Kontor',
  'Reception',
  'Værksted',
  'Kundeservice',
  'Salg',
  'Support',
  'Trunk',
  'Omstilling',
  'Mødelokale',
  'Kantine',
  'Døgnvagt',
  'Økonomi',
  'Produktion',
  'Showroom',
  'Klinik',
]
const COMPANY_WORDS = [
  'Bager',
  'Tømrer',
  'Revision',
  'Advokat',
  'Tandlæge',
  'Auto',
  'Ejendomme',
  'Rengøring',
  'Logistik',
  'Vinduespuds',
  'Blomster',
  'Murer',
  'Elektro',
  'VVS',
  'Fysioterapi',
  'Dyreklinik',
  'Køreskole',
  'Byggemarked',
  'Gartneri',
  'Smed',
]
const COMPANY_SUFFIX = ['ApS', 'A/S', 'I/S', '& Søn', 'IVS', 'K/S']
const SURNAMES = [
  'Jensen',
  'Nielsen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Møller',
  'Kjær',
  'Lund',
  'Holm',
  'Østergaard',
  'Bækgaard',
]
const NOTES = [
  'Kunden har egen firewall – åbn 5060/UDP og RTP 10000-20000',
  'Skift til ny router aftalt med Jens (uge 12)',
  'Migreret fra gammel platform i 2021',
  'Kontakt it@kunden.dk ved nedbrud, ikke receptionen',
  'Nummerportering i gang – afventer OCH',
  'Faktureres via moderselskabet',
  'Spærret for udland efter misbrug i juli; genåbnet efter aftale',
  'Bruger Teams Direct Routing via SBC',
  'Failover til mobil i weekenden',
  'Husk: kunden vil ringes op før ændringer',
]
const USER_AGENTS = [
  'Asterisk 18.20.0',
  'FPBX-16.0.40(18.20.0)',
  '3CX Phone System 18.0.9',
  'Grandstream UCM6302 1.0.21.9',
  'Yealink SIP-T54W 96.86.0.70',
  'Cisco-CUCM14.0',
  'snom D785 10.1.159.12',
  'Panasonic KX-NS1000',
  'AudioCodes-Sip-Gateway-Mediant 800/v.7.40A',
  'Microsoft.RTC/7.0 (Teams Direct Routing)',
  'FRITZ!Box 7590 154.07.57',
]
const SIP_SERVERS = ['77.66.96.10', '77.66.96.11', '77.66.97.10', '77.66.97.11']
const NUMBER_PREFIXES = [
  '33',
  '35',
  '38',
  '43',
  '44',
  '45',
  '46',
  '48',
  '56',
  '59',
  '62',
  '65',
  '66',
  '69',
  '70',
  '72',
  '75',
  '76',
  '78',
  '86',
  '87',
  '89',
  '96',
  '97',
  '98',
  '99',
]
const COUNTRY_SETS = ['DK', 'DK,SE', 'DK,DE', 'DK,NO,SE', 'DK,GB', 'DK,ES']
const IP_RANGES = ['77.66.100', '185.20.108', '93.160.12', '212.130.55', '80.62.117', '5.186.60', '87.49.33', '194.239.8']

/** The markup seeded into names/notes so the dashboard's XSS tests have something to render. */
export const MARKUP_NAME = '<img src=x onerror=alert(1)>'
export const MARKUP_NOTES = '<script>alert("notes")</script><b>bold?</b>'

function objectId(rng: Rng): string {
  return rng.hex(24)
}

function danishNumber(rng: Rng): number {
  return Number(rng.pick(NUMBER_PREFIXES) + String(rng.int(0, 999_999)).padStart(6, '0'))
}

function e164(n: number): string {
  return `+45${String(n).padStart(8, '0')}`
}

function publicIp(rng: Rng): string {
  return `${rng.pick(IP_RANGES)}.${rng.int(2, 254)}`
}

function pickConnection(rng: Rng): ConnectionType {
  const x = rng.next()
  if (x < 0.4) return 'IP_AUTH_REG'
  if (x < 0.65) return 'IP_AUTH'
  if (x < 0.8) return 'IP'
  return 'COUNTRY_AUTH_REG'
}

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'
const MIXED_ALNUM = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

interface AccountOverrides {
  id?: string
  name?: string
  numbers?: string[]
  pbx?: number
  status?: 'ON' | 'OFF'
  connection?: ConnectionType
  ipAddress?: string
  notes?: string
  failover?: string
  usageBlock?: boolean
  custom?: { [key: string]: Json }
  active?: boolean
}

function makeAccount(
  rng: Rng,
  customer: CustomerRow,
  previous: string | null,
  billingPool: readonly string[],
  o: AccountOverrides = {},
): AccountRow {
  const id = o.id ?? objectId(rng)
  const pbx = o.pbx ?? (rng.chance(0.07) ? rng.int(1, 3) : 0)
  const active = o.active ?? rng.chance(0.95)
  const status: 'ON' | 'OFF' | null = pbx > 0 ? null : (o.status ?? (active && rng.chance(0.87) ? 'ON' : 'OFF'))
  const count = rng.chance(0.5) ? 1 : rng.int(2, 6)
  const base = danishNumber(rng)
  const numbers = o.numbers ?? Array.from({ length: count }, (_, i) => e164(base + i))
  const firstNumber = numbers[0] ?? e164(base)
  const name =
    o.name ?? (rng.chance(0.15) ? firstNumber : `${rng.pick(ROLES)} ${rng.pick(PLACES)}${rng.chance(0.3) ? ` ${rng.int(1, 12)}` : ''}`)
  const usageBlock = o.usageBlock ?? rng.chance(0.03)
  const ratePlan = pbx > 0 ? RATE_PLANS[3].id : rng.pick(RATE_PLANS.filter((plan) => plan.id !== RATE_PLANS[3].id)).id

  // Insertion order below is the documented field order of the full object.
  const full: FullAccount = { _id: id, customer: customer.id, active, name, type: 'SIP', numbers }
  full.highRate = !usageBlock && rng.chance(0.3)
  full.international = !usageBlock && rng.chance(0.6)
  full.address = customer.address
  full.ratePlan = ratePlan
  if (rng.chance(0.05)) full.newRatePlan = rng.pick(RATE_PLANS).id
  if (previous && rng.chance(0.02)) full.parentSipAccount = previous
  full.pbx = pbx
  const notes = o.notes ?? (rng.chance(0.3) ? rng.pick(NOTES) : undefined)
  if (notes) full.notes = notes
  const custom = o.custom ?? (rng.chance(0.08) ? { crmId: `CRM-${rng.int(10000, 99999)}`, site: rng.pick(PLACES) } : undefined)
  if (custom) full.custom = custom

  let ipAddress: string | undefined
  if (pbx === 0) {
    const connection = o.connection ?? pickConnection(rng)
    const username = rng.chars(LOWER_ALNUM, 16)
    ipAddress = connection === 'COUNTRY_AUTH_REG' ? undefined : (o.ipAddress ?? publicIp(rng))
    if (status) full.status = status
    full.sipServer = rng.pick(SIP_SERVERS)
    const registers = connection === 'IP_AUTH_REG' || connection === 'COUNTRY_AUTH_REG'
    if (status === 'ON' || rng.chance(0.5)) full.userAgent = rng.pick(USER_AGENTS)
    if (registers && status === 'ON') full.contact = `${username}@${ipAddress ?? publicIp(rng)}:5060`
    full.connection = connection
    full.username = username
    full.password = rng.chars(MIXED_ALNUM, 16)
    if (ipAddress) full.ipAddress = ipAddress
    if (connection === 'IP' || connection === 'IP_AUTH') full.port = rng.chance(0.9) ? 5060 : rng.pick([5062, 5080, 5160])
    if (connection === 'COUNTRY_AUTH_REG') full.countries = rng.pick(COUNTRY_SETS)
    full.clipSA = rng.chance(0.2)
    full.stripDkCountryCode = rng.chance(0.4)
    full.prefixMobileOriginated = rng.chance(0.1)
    const failover =
      o.failover ??
      (rng.chance(0.25) ? rng.pick([e164(danishNumber(rng)), publicIp(rng), `${e164(danishNumber(rng))}@${publicIp(rng)}`]) : undefined)
    if (failover) full.failover = failover
    full.alwaysFailover = failover !== undefined && rng.chance(0.05)
  }
  full.invoicedUntil = rng.pick(['2025-11-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'])
  full.usageBlock = usageBlock
  if (pbx === 0) full.defaultNumber = rng.pick(numbers)
  full.alwaysDefaultNumber = rng.chance(0.1)
  full.alwaysSecretNumber = rng.chance(0.03)
  if (rng.chance(0.02)) full.billingCustomer = rng.pick(billingPool)

  const scale = rng.int(0, 60_000)
  const usage = USAGE_MONTHS.map(() => (active ? Math.round(scale * (0.6 + rng.next() * 0.8)) : 0))
  return { id, customer: customer.id, status, pbx, full, usage }
}

function companyName(rng: Rng): string {
  return `${rng.pick(SURNAMES)}s ${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_SUFFIX)}`
}

/** Creates the schema and fills it; the completion marker is written last, in the same transaction. */
export function seedDatabase(db: Database, options: SeedOptions = {}): SeedMarker {
  const total = Math.max(100, Math.floor(options.accounts ?? DEFAULT_ACCOUNTS))
  const seed = options.seed ?? DEFAULT_SEED
  const rng = createRng(seed)
  // Ownership first, so even a seed that dies halfway leaves a file we recognise as ours.
  db.pragma(`application_id = ${APPLICATION_ID}`)
  createSchema(db)
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(APP_MARKER.key, APP_MARKER.value)

  const ids = DEMO_CUSTOMER_IDS
  const special = (
    id: string,
    name: string,
    parent: string | null,
    reseller: boolean,
    accounts: number,
    features: string[],
  ): CustomerRow => ({
    id,
    name,
    parent,
    reseller,
    features,
    address: objectId(rng),
    accounts,
  })
  const customers: CustomerRow[] = [
    special(ids.telecomX, 'Telecom X A/S', null, false, 6, ['SIP', 'PBX', 'MVNO']),
    special(ids.reseller, 'Nordisk Telefoni Partner A/S', null, true, 5, ['SIP', 'PBX']),
    special(ids.subReseller, 'Østjysk IT & Tele ApS', ids.reseller, true, 3, ['SIP']),
    special(ids.otherReseller, 'Vestkyst Kommunikation A/S', null, true, 4, ['SIP', 'MVNO']),
    special(ids.demoCustomer, 'Fjordvej Tømrer & Snedker ApS', ids.reseller, false, Math.max(60, Math.round(total * 0.06)), ['SIP', 'PBX']),
    special(ids.subCustomer, 'Hedegaard Vognmænd I/S', ids.subReseller, false, Math.max(12, Math.round(total * 0.01)), ['SIP']),
    special(ids.foreignCustomer, 'Kattegat Shipping A/S', ids.otherReseller, false, Math.max(12, Math.round(total * 0.02)), ['SIP']),
    special(ids.directCustomer, 'Bornholm Røgeri ApS', null, false, 8, ['SIP']),
  ]
  const specialAccounts = customers.reduce((sum, c) => sum + c.accounts, 0)
  const generatedCustomers = Math.max(6, Math.round(total / 33) - customers.length)
  const remaining = Math.max(0, total - specialAccounts)
  // Skewed sizes (a few big customers, many small ones), as real customer bases are.
  const weights = Array.from({ length: generatedCustomers }, (_, i) => 1 / (i + 1) ** 0.7)
  const weightSum = weights.reduce((a, b) => a + b, 0)
  let assigned = 0
  for (let i = 0; i < generatedCustomers; i++) {
    const x = rng.next()
    const parent = x < 0.45 ? ids.reseller : x < 0.55 ? ids.subReseller : x < 0.85 ? ids.otherReseller : null
    const share = i === generatedCustomers - 1 ? remaining - assigned : Math.floor((remaining * (weights[i] ?? 0)) / weightSum)
    assigned += share
    customers.push({
      id: objectId(rng),
      name: companyName(rng),
      parent,
      reseller: false,
      features: rng.chance(0.3) ? ['SIP', 'PBX'] : ['SIP'],
      address: objectId(rng),
      accounts: share,
    })
  }
  const customerIds = customers.map((c) => c.id)
  const demo = customers[4]
  const sub = customers[5]
  const foreign = customers[6]
  if (!demo || !sub || !foreign) throw new Error('seed: special customers missing')

  const insertCustomer = db.prepare(
    'INSERT INTO customers (id, name, sort_key, parent_reseller, is_reseller, features) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const insertEmployee = db.prepare(
    `INSERT INTO employees (id, email, name, language, access_level, customer, password_hash, sms_key, authenticator_token)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertAccount = db.prepare(
    `INSERT INTO sip_accounts (id, customer, sort_key, status, pbx, full_json, usage, search_pub, search_notes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insert = (account: AccountRow): void => {
    const full = account.full
    const strings = (value: Json | undefined): string[] =>
      typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
    const pub = [...strings(full.name), ...strings(full.numbers), ...strings(full.ipAddress), ...strings(full.username)]
    insertAccount.run(
      account.id,
      account.customer,
      sortKey(typeof full.name === 'string' ? full.name : ''),
      account.status,
      account.pbx,
      JSON.stringify(full),
      JSON.stringify(account.usage),
      searchText(pub.join(SEARCH_FIELD_SEPARATOR)),
      searchText(strings(full.notes).join(SEARCH_FIELD_SEPARATOR)),
    )
  }

  const hashes = new Map<string, string>()
  const passwordCost = options.scrypt ?? STRONG_SCRYPT

  db.transaction(() => {
    for (const c of customers) {
      insertCustomer.run(c.id, c.name, sortKey(c.name), c.parent, c.reseller ? 1 : 0, JSON.stringify(c.features))
    }
    for (const user of DEMO_USER_LIST) {
      // One hash per distinct password+cost would reuse salts; every user gets its own salt.
      const hash = hashPassword(user.password, passwordCost)
      hashes.set(user.email, hash)
      insertEmployee.run(
        user.employeeId,
        user.email,
        user.name,
        user.language,
        user.accessLevel,
        user.customerId,
        hash,
        user.smsKey ?? null,
        user.authenticatorToken ?? null,
      )
    }

    // Hand-placed accounts first: the demo customer's showcase, and one per special customer.
    const a = DEMO_ACCOUNT_IDS
    const placed: AccountRow[] = [
      makeAccount(rng, demo, null, customerIds, {
        id: a.primaryTrunk,
        name: 'Hovedtrunk København',
        numbers: ['+4570305050', '+4570305051', '+4570305052', '+4580808080'],
        status: 'ON',
        active: true,
        pbx: 0,
        connection: 'IP_AUTH_REG',
        ipAddress: '77.66.100.10',
        failover: '+4588888888@77.66.100.123',
        notes: 'Primær trunk – kontakt Jens Østergaard ved nedbrud',
        usageBlock: false,
      }),
      makeAccount(rng, demo, null, customerIds, { id: a.pbxTrunk, name: 'Hosted PBX – Fjordvej', pbx: 2, active: true }),
      makeAccount(rng, demo, null, customerIds, {
        id: a.markupTrunk,
        name: MARKUP_NAME,
        notes: MARKUP_NOTES,
        custom: { html: '<b onmouseover=alert(2)>hover</b>', crmId: '"><svg onload=alert(3)>' },
        pbx: 0,
      }),
      makeAccount(rng, demo, null, customerIds, {
        id: a.longNameTrunk,
        name: `Meget langt navn ${'Ærø Østerbro Åbenrå '.repeat(500)}`.slice(0, 10_000),
        pbx: 0,
      }),
      makeAccount(rng, demo, null, customerIds, {
        id: a.blockedTrunk,
        name: 'Lager Kolding (spærret)',
        usageBlock: true,
        status: 'OFF',
        pbx: 0,
      }),
      makeAccount(rng, demo, null, customerIds, { id: a.rtlTrunk, name: 'مكتب الدوحة 📞 Kontor 🚀 Århus', pbx: 0 }),
      makeAccount(rng, sub, null, customerIds, { id: a.subCustomerTrunk, name: 'Vognmand Hedegaard – kontor', pbx: 0 }),
      makeAccount(rng, foreign, null, customerIds, {
        id: a.foreignTrunk,
        name: 'Kattegat Shipping – bro',
        pbx: 0,
        ipAddress: '77.66.100.200',
      }),
    ]
    // Every connection type appears in the demo customer, whatever the PRNG draws.
    for (const connection of ['IP_AUTH', 'IP', 'COUNTRY_AUTH_REG'] as const) {
      placed.push(makeAccount(rng, demo, null, customerIds, { connection, pbx: 0, status: 'ON', active: true }))
    }
    const placedPer = new Map<string, number>()
    for (const account of placed) {
      insert(account)
      placedPer.set(account.customer, (placedPer.get(account.customer) ?? 0) + 1)
    }

    for (const customer of customers) {
      let previous: string | null = null
      const count = customer.accounts - (placedPer.get(customer.id) ?? 0)
      for (let i = 0; i < count; i++) {
        const account = makeAccount(rng, customer, previous, customerIds)
        insert(account)
        previous = account.id
      }
    }
    db.exec('ANALYZE')
    const marker: SeedMarker = { schemaVersion: SCHEMA_VERSION, accounts: total, seed }
    db.prepare("INSERT INTO meta (key, value) VALUES ('seed', ?)").run(JSON.stringify(marker))
  })()
  return { schemaVersion: SCHEMA_VERSION, accounts: total, seed }
}
