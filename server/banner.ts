import { DEMO_USER_LIST } from './demo-users.ts'

/** The demo sign-ins, one line each, for the terminal (npm start, npm run server). */
export function demoSignInLines(): string[] {
  const width = Math.max(...DEMO_USER_LIST.map((u) => u.email.length))
  return DEMO_USER_LIST.map((u) => {
    const code = u.smsKey ? `  + SMS code ${u.smsKey}` : u.authenticatorToken ? `  + authenticator code ${u.authenticatorToken}` : ''
    const language = u.language === 'en' ? '' : `  (language ${u.language})`
    return `  ${u.accessLevel.padEnd(14)} ${u.email.padEnd(width)}  ${u.password}${code}${language}`
  })
}
