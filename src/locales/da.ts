import { app } from './da/app.ts'
import { auth } from './da/auth.ts'
import { changes } from './da/changes.ts'
import { columns } from './da/columns.ts'
import { components } from './da/components.ts'
import { drawer } from './da/drawer.ts'
import { exportMessages } from './da/export.ts'
import { list } from './da/list.ts'
import { scope } from './da/scope.ts'

/*
 * The Danish catalogue: every key is the English text (ICU MessageFormat) the code passes to t(),
 * every value its Danish. Loaded lazily, only for Danish users. Its keys are the type of what t()
 * accepts, so a string without a Danish translation does not compile; test/unit/catalogue.test.ts
 * checks the rest (placeholders, unused keys, one translation per key). Glossary: docs/glossary.md.
 */
export const da = { ...app, ...auth, ...changes, ...columns, ...components, ...drawer, ...exportMessages, ...list, ...scope }

export type MessageKey = keyof typeof da
