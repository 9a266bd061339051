import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

/*
 * jsdom's getComputedStyle, the same answers for less work. Role queries with a name ask for the
 * computed style of every element under every candidate (is it hidden?), and Testing Library and
 * user-event walk whole ancestor chains (display, visibility, pointer-events). For each element
 * jsdom matched all 110 rules of its default stylesheet whenever the document had changed since,
 * then resolved 17 properties, colours inherited down the whole tree: in a whole-app test that was
 * 30–40 % of the CPU time (profiled; docs/testing.md "Fast, honest tests"). Two changes:
 *
 * - The cascade tries only the default-stylesheet rules that can match the element: a rule whose
 *   every selector ends in another element type (`td, th { … }` for a <button>) or in an
 *   attribute the element lacks (`[hidden]…`) cannot. The rules that remain are matched, in
 *   order, by jsdom's own selector engine and applied exactly as jsdom does (style-rules.js,
 *   getDeclarationForElement, replaced on that module, so jsdom's own resolved values use it
 *   too). A document with style sheets of its own, or an element outside HTML, goes to jsdom.
 * - `display`, `visibility` and `pointer-events` are resolved by jsdom's function for that one
 *   property; reading anything else computes jsdom's whole declaration, once.
 *
 * An answer is kept until the document changes, as long as jsdom keeps its own cascade.
 * JSDOM_STYLE_CHECK=1 computes every cascade and every value read both ways and throws on any
 * difference (the whole dom project passed so). If jsdom's internals change shape, nothing is
 * replaced: slower, never different.
 */

interface StyleDeclaration {
  readonly length: number
  readonly cssText: string
  [index: number]: string
  getPropertyValue(name: string): string
  getPropertyPriority(name: string): string
  setProperty(name: string, value: string, priority?: string): void
  removeProperty(name: string): string
}

interface StyleRule {
  readonly selectorText?: string
  readonly style: StyleDeclaration
  readonly media?: ArrayLike<string>
  readonly cssRules?: ArrayLike<StyleRule>
  readonly styleSheet?: { cssRules: ArrayLike<StyleRule> } | null
}

interface ElementImpl {
  readonly _localName: string
  readonly _namespaceURI: string | null
  readonly style: StyleDeclaration
  readonly _ownerDocument: DocumentImpl
}

interface DocumentImpl {
  _styleCache: WeakMap<ElementImpl, StyleDeclaration> | null
  readonly styleSheets: { readonly _list: readonly unknown[] }
  readonly _domSelector: { check(selector: string, element: ElementImpl): { match: boolean; pseudoElement: string | null } }
}

interface Jsdom {
  implForWrapper(wrapper: object): unknown
  wrapperForImpl(impl: ElementImpl): Element
  rules: Record<string, unknown>
  getResolvedValue(elementImpl: unknown, property: string): string
  Declaration: new () => StyleDeclaration
  defaultRules: readonly StyleRule[]
}

const HTML = 'http://www.w3.org/1999/xhtml'
const CHECK = process.env.JSDOM_STYLE_CHECK === '1'
const INSTALLED = Symbol.for('telecomx.computedStyle')

/** Properties answered without computing the whole declaration, by the name they are read by. */
const SINGLE = new Map([
  ['display', 'display'],
  ['visibility', 'visibility'],
  ['pointer-events', 'pointer-events'],
  ['pointerEvents', 'pointer-events'],
])

function isFunction(value: unknown): value is (...args: never[]) => unknown {
  return typeof value === 'function'
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function loadJsdom(): Jsdom | undefined {
  try {
    const jsdomMain = createRequire(import.meta.url).resolve('jsdom')
    const fromJsdom = createRequire(jsdomMain)
    const utils: unknown = fromJsdom('./jsdom/living/generated/utils.js')
    const rules: unknown = fromJsdom('./jsdom/living/helpers/style-rules.js')
    const cssstyle: unknown = fromJsdom('cssstyle')
    const cssom: unknown = fromJsdom('@acemir/cssom')
    if (!isObject(utils) || !isObject(rules) || !isObject(cssstyle) || !isObject(cssom)) return undefined
    const { implForWrapper, wrapperForImpl } = utils
    const { getDeclarationForElement, getResolvedValue } = rules
    const { CSSStyleDeclaration } = cssstyle
    const { parse } = cssom
    if (![implForWrapper, wrapperForImpl, getDeclarationForElement, getResolvedValue, CSSStyleDeclaration, parse].every(isFunction))
      return undefined
    // The stylesheet jsdom matches every element against, parsed as jsdom parses it.
    const sheet: unknown = Reflect.apply(parse as (css: string) => unknown, cssom, [
      readFileSync(new URL('./jsdom/browser/default-stylesheet.css', pathToFileURL(jsdomMain)), 'utf8'),
    ])
    if (!isObject(sheet) || !isObject(sheet.cssRules)) return undefined
    return {
      implForWrapper: (wrapper) => Reflect.apply(implForWrapper as (w: object) => unknown, undefined, [wrapper]),
      wrapperForImpl: (impl) => Reflect.apply(wrapperForImpl as (i: unknown) => Element, undefined, [impl]),
      rules,
      getResolvedValue: (impl, property) =>
        String(Reflect.apply(getResolvedValue as (...args: unknown[]) => unknown, undefined, [impl, property])),
      Declaration: CSSStyleDeclaration as unknown as new () => StyleDeclaration,
      defaultRules: effectiveRules(sheet.cssRules as unknown as ArrayLike<StyleRule>),
    }
  } catch {
    return undefined
  }
}

/** The rules jsdom's forEachMatchingSheetRuleOfElement considers, in its order (@media only for screen). */
function effectiveRules(cssRules: ArrayLike<StyleRule>): StyleRule[] {
  const out: StyleRule[] = []
  for (const rule of Array.from(cssRules)) {
    if (!rule.media) out.push(rule)
    else if (rule.constructor.name === 'CSSImportRule') {
      const media = Array.from(rule.media)
      if (rule.styleSheet && (media.length === 0 || media.includes('screen'))) out.push(...Array.from(rule.styleSheet.cssRules))
    } else if (Array.from(rule.media).includes('screen')) out.push(...Array.from(rule.cssRules ?? []))
  }
  return out
}

/** The selector jsdom matches (style-rules.js: a workaround for a cssstyle issue). */
function selectorOf(rule: StyleRule): string {
  return (rule.selectorText ?? '').split(';').pop()?.trim() ?? ''
}

/** Splits at `separators` outside (), [] and quotes. */
function splitTopLevel(text: string, separators: RegExp): string[] {
  const parts: string[] = []
  let depth = 0
  let quote = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i)
    if (quote) {
      if (char === '\\') i++
      else if (char === quote) quote = ''
    } else if (char === '"' || char === "'") quote = char
    else if (char === '\\') i++
    else if (char === '(' || char === '[') depth++
    else if (char === ')' || char === ']') depth--
    else if (depth === 0 && separators.test(char)) {
      parts.push(text.slice(from, i))
      from = i + 1
    }
  }
  parts.push(text.slice(from))
  return parts.map((part) => part.trim()).filter(Boolean)
}

/** What an element needs for one selector to be able to match it; undefined: nothing known. */
interface Requirement {
  types?: ReadonlySet<string>
  attribute?: string
}

/**
 * What a selector's last compound says about the element it matches: it begins with the
 * element's type (`td`, `input:is(…)`, `dialog::backdrop`), with a list of types
 * (`:is(dir, menu, ul)`) or with an attribute the element must have (`[hidden]:not(…)`).
 */
function requirementOf(selector: string): Requirement | undefined {
  const last = splitTopLevel(selector, /[\s>+~]/).at(-1) ?? ''
  const type = /^([a-z][a-z0-9-]*)(?![a-z0-9-|\\])/i.exec(last)?.[1]
  if (type !== undefined) return { types: new Set([type.toLowerCase()]) }
  const list = /^:is\(([a-z0-9,\s-]+)\)(?![a-z0-9-|\\])/i.exec(last)?.[1]
  if (list !== undefined) return { types: new Set(list.split(',').map((name) => name.trim().toLowerCase())) }
  const attribute = /^\[\s*([a-z][a-z0-9-]*)\s*(?:[~|^$*]?=|\])/i.exec(last)?.[1]
  if (attribute !== undefined) return { attribute: attribute.toLowerCase() }
  return undefined
}

/** Per selector of the rule; undefined when a selector could match any element. */
function requirementsOf(rule: StyleRule): readonly Requirement[] | undefined {
  const requirements: Requirement[] = []
  for (const selector of splitTopLevel(selectorOf(rule), /,/)) {
    const requirement = requirementOf(selector)
    if (requirement === undefined) return undefined
    requirements.push(requirement)
  }
  return requirements.length > 0 ? requirements : undefined
}

/** jsdom's getDeclarationForElement with the rules that cannot match left out. */
function fastCascade(jsdom: Jsdom, original: (impl: ElementImpl) => StyleDeclaration): (impl: ElementImpl) => StyleDeclaration {
  const rules = jsdom.defaultRules.map((rule) => ({ rule, selector: selectorOf(rule), requirements: requirementsOf(rule) }))
  const mayMatch = (requirements: readonly Requirement[] | undefined, element: Element): boolean =>
    requirements === undefined ||
    requirements.some(({ types, attribute }) =>
      types ? types.has(element.localName) : attribute !== undefined && element.hasAttribute(attribute),
    )
  const candidates = (impl: ElementImpl) => {
    const element = jsdom.wrapperForImpl(impl)
    return rules.filter(({ requirements }) => mayMatch(requirements, element))
  }
  const compute = (impl: ElementImpl): StyleDeclaration => {
    const declaration = new jsdom.Declaration()
    const handleProperty = (style: StyleDeclaration, property: string) => {
      const value = style.getPropertyValue(property)
      if (value === 'unset') declaration.removeProperty(property)
      else declaration.setProperty(property, value, style.getPropertyPriority(property))
    }
    for (const { rule, selector } of candidates(impl)) {
      if (!matches(rule, selector, impl)) continue
      for (let i = 0; i < rule.style.length; i++) handleProperty(rule.style, rule.style[i] ?? '')
    }
    for (let i = 0; i < impl.style.length; i++) handleProperty(impl.style, impl.style[i] ?? '')
    return declaration
  }
  return (impl) => {
    const doc = impl._ownerDocument
    if (impl._namespaceURI !== HTML || doc.styleSheets._list.length > 0) return original(impl)
    const cache = (doc._styleCache ??= new WeakMap())
    const known = cache.get(impl)
    if (known) return known
    const declaration = compute(impl)
    if (CHECK) {
      doc._styleCache = new WeakMap()
      const expected = original(impl).cssText
      doc._styleCache = cache
      if (declaration.cssText !== expected)
        throw new Error(`test/computed-style.ts: cascade of <${impl._localName}> "${declaration.cssText}", jsdom "${expected}"`)
    }
    cache.set(impl, declaration)
    return declaration
  }
}

/** jsdom's matches() (style-rules.js), with the selector taken from the rule as it does. */
function matches(rule: StyleRule, selector: string, impl: ElementImpl): boolean {
  try {
    if (rule.selectorText) {
      const { match, pseudoElement } = impl._ownerDocument._domSelector.check(selector, impl)
      return pseudoElement ? false : match
    }
  } catch {
    // As jsdom: a selector it cannot match matches nothing.
  }
  return false
}

export function installComputedStyle(win: typeof globalThis): void {
  // Setup files run again for every test file, in the same window when the files share one.
  if (Reflect.get(win.document, INSTALLED) === true) return
  const jsdom = loadJsdom()
  const documentImpl = jsdom?.implForWrapper(win.document)
  const original = jsdom?.rules.getDeclarationForElement
  if (!jsdom || !isObject(documentImpl) || !('_styleCache' in documentImpl) || !isFunction(original)) {
    console.warn('test/computed-style.ts: jsdom internals not found; getComputedStyle is left as it is (slower)')
    return
  }
  Reflect.set(win.document, INSTALLED, true)
  const styleCache = documentImpl as unknown as Pick<DocumentImpl, '_styleCache'>
  // Once per process: jsdom's module is shared by every window of it.
  if (!Reflect.get(jsdom.rules, INSTALLED)) {
    const callOriginal = (impl: ElementImpl) => Reflect.apply(original, undefined, [impl]) as StyleDeclaration
    jsdom.rules.getDeclarationForElement = fastCascade(jsdom, callOriginal)
    Reflect.set(jsdom.rules, INSTALLED, true)
  }
  const cascade = jsdom.rules.getDeclarationForElement as (impl: unknown) => StyleDeclaration
  const jsdomComputedStyle = win.getComputedStyle.bind(win)

  /**
   * What jsdom's getComputedStyle gives `property`: it copies the element's cascaded values, then
   * sets each of its 17 resolved values over them (Window.js). These three are no shorthand's part,
   * and a resolved value is a cascaded (already parsed) or an initial one.
   */
  const single = (element: Element, property: string): string => jsdom.getResolvedValue(jsdom.implForWrapper(element), property)

  const lazy = (element: Element): CSSStyleDeclaration => {
    let whole: CSSStyleDeclaration | undefined
    const full = (): CSSStyleDeclaration => (whole ??= jsdomComputedStyle(element))
    const known = new Map<string, string>()
    const read = (property: string): string => {
      let value = known.get(property)
      if (value === undefined) known.set(property, (value = whole ? whole.getPropertyValue(property) : single(element, property)))
      if (CHECK && value !== jsdomComputedStyle(element).getPropertyValue(property)) {
        throw new Error(`test/computed-style.ts: ${property} of <${element.localName}> differs from jsdom's`)
      }
      return value
    }
    const getPropertyValue = (name: string): string => (SINGLE.get(name) === name ? read(name) : full().getPropertyValue(name))
    return new Proxy(Object.create(win.CSSStyleDeclaration.prototype) as CSSStyleDeclaration, {
      get(_target, key) {
        if (key === 'getPropertyValue') return getPropertyValue
        const property = typeof key === 'string' ? SINGLE.get(key) : undefined
        if (property !== undefined) return read(property)
        const target = full()
        const value: unknown = Reflect.get(target, key, target)
        return isFunction(value) ? value.bind(target) : value
      },
      has: (_target, key) => Reflect.has(full(), key),
      ownKeys: () => Reflect.ownKeys(full()),
      getOwnPropertyDescriptor: (_target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(full(), key)
        return descriptor && { ...descriptor, configurable: true }
      },
      set: (_target, key, value) => Reflect.set(full(), key, value),
    })
  }

  let generation: object | null = null
  let answers = new WeakMap<Element, CSSStyleDeclaration>()
  win.getComputedStyle = (element: Element, pseudoElement?: string | null): CSSStyleDeclaration => {
    if (pseudoElement || !element.isConnected) return jsdomComputedStyle(element, pseudoElement)
    if (styleCache._styleCache === null || styleCache._styleCache !== generation) {
      // The document changed: jsdom starts a new cascade cache, and these answers go with the old one.
      cascade(jsdom.implForWrapper(element))
      generation = styleCache._styleCache
      answers = new WeakMap()
    }
    let style = answers.get(element)
    if (!style) answers.set(element, (style = lazy(element)))
    return style
  }
}
