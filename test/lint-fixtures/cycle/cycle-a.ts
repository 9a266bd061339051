// A deliberately bad fixture: cycle-a ↔ cycle-b import each other (test/unit/lint-rules.test.ts).
import { b } from './cycle-b.ts'

export const a = (): number => b() + 1
