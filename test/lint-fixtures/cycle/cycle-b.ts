// A deliberately bad fixture: cycle-b ↔ cycle-a import each other (test/unit/lint-rules.test.ts).
import { a } from './cycle-a.ts'

export const b = (): number => (Math.random() > 2 ? a() : 0)
