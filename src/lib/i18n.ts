import type { MessageKey } from '../locales/da.ts'

/*
 * The dashboard's two languages (docs/decisions/048). English is the source: a message's key is
 * its English text in ICU MessageFormat ("{count, plural, one {# row} other {# rows}}"), so the
 * English bundle carries no catalogue at all, and the Danish catalogue (src/locales/da.ts, a
 * lazy chunk) maps each key to its Danish text. `MessageKey` is typed from that catalogue: a
 * string that is not in it does not compile, which is what keeps Danish complete.
 */

export const LOCALES = ['en', 'da'] as const
export type Locale = (typeof LOCALES)[number]
export type { MessageKey }
export type Messages = Readonly<Record<string, string>>
export type MessageValues = Readonly<Record<string, string | number>>
export type Translate = (key: MessageKey, values?: MessageValues) => string

/** BCP 47 tags for Intl: British English (day month year, 24 h clock) and Danish. */
const INTL_TAGS: Record<Locale, string> = { en: 'en-GB', da: 'da-DK' }

/** "da", "da-DK", "DA" → Danish; anything else (or nothing) → English. */
export function toLocale(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith('da') ? 'da' : 'en'
}

/** For Intl formatters that take a tag. */
export function intlTag(locale: Locale): string {
  return INTL_TAGS[locale]
}

/** A key written where the text is shown later (a column label, a status word): typed, not yet translated. */
export function msg<K extends MessageKey>(key: K): K {
  return key
}

let active: { locale: Locale; messages: Messages | undefined } = { locale: 'en', messages: undefined }

/**
 * Sets the language of code outside React (formatters, the CSV export, notifications, the page
 * title). The app shell calls it before it renders in the new language; components read the same
 * thing through useI18n() so that they re-render.
 */
export function activate(locale: Locale, messages: Messages | undefined) {
  active = { locale, messages }
  for (const clear of caches) clear()
}

const caches = new Set<() => void>()

/** Empties a cache of translated text whenever the catalogue changes (the same locale may get new messages, e.g. a pseudo-locale in tests). */
export function clearOnActivate(clear: () => void) {
  caches.add(clear)
}

export function activeLocale(): Locale {
  return active.locale
}

export function activeMessages(): Messages | undefined {
  return active.messages
}

/** Translates with the active language: for code outside React. Components use useI18n().t. */
export function t(key: MessageKey, values?: MessageValues): string {
  return translator(active.locale, active.messages)(key, values)
}

export function translator(locale: Locale, messages: Messages | undefined): Translate {
  return (key, values) => formatMessage(messages?.[key] ?? key, values, locale)
}

/**
 * Intl formatters (or any set of them) built once per language, on first use: `make` gets the
 * language's Intl tag. Formatters are costly to build, so never per render or per row.
 */
export function perLocale<T>(make: (tag: string) => T): (locale?: Locale) => T {
  const built = new Map<Locale, T>()
  return (locale = active.locale) => {
    let value = built.get(locale)
    if (value === undefined) built.set(locale, (value = make(INTL_TAGS[locale])))
    return value
  }
}

const integerFormat = perLocale((tag) => new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }))
const pluralRules = perLocale((tag) => new Intl.PluralRules(tag))

/** Whole numbers with the language's grouping: "1,304" / "1.304". */
export function formatInteger(value: number, locale: Locale = active.locale): string {
  return integerFormat(locale).format(value)
}

/**
 * The ICU MessageFormat subset the catalogues use: `{name}` (numbers get the language's
 * grouping), `{n, plural, =0 {…} one {# …} other {# …}}` and `{x, select, a {…} other {…}}`.
 */
export function formatMessage(template: string, values: MessageValues | undefined, locale: Locale): string {
  if (!template.includes('{')) return template
  let out = ''
  let from = 0
  for (;;) {
    const open = template.indexOf('{', from)
    if (open < 0) return out + template.slice(from)
    const close = closingBrace(template, open)
    out += template.slice(from, open) + argument(template.slice(open + 1, close), values, locale)
    from = close + 1
  }
}

function closingBrace(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return i
  }
  return text.length
}

function argument(body: string, values: MessageValues | undefined, locale: Locale): string {
  const [name = '', kind, ...rest] = body.split(',')
  const value = values?.[name.trim()]
  if (kind === undefined) return typeof value === 'number' ? formatInteger(value, locale) : String(value ?? '')
  const branches = branchesOf(rest.join(','))
  let branch: string | undefined
  if (kind.trim() === 'plural') {
    const count = Number(value)
    branch = branches.get(`=${count}`) ?? branches.get(pluralRules(locale).select(count))
    if (branch !== undefined) branch = branch.replaceAll('#', formatInteger(count, locale))
  } else {
    branch = branches.get(String(value))
  }
  return formatMessage(branch ?? branches.get('other') ?? '', values, locale)
}

/** " one {# row} other {# rows}" → one → "# row", other → "# rows". */
function branchesOf(text: string): Map<string, string> {
  const branches = new Map<string, string>()
  let from = 0
  for (;;) {
    const open = text.indexOf('{', from)
    if (open < 0) return branches
    const close = closingBrace(text, open)
    branches.set(text.slice(from, open).trim(), text.slice(open + 1, close))
    from = close + 1
  }
}
