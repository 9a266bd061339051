/** Danish for auth: the sign-in page, its messages, sign out everywhere (see ../da.ts). */
export const auth = {
  // Sign-in page.
  'Sign in': 'Log ind',
  'SIP accounts dashboard': 'Oversigt over SIP-konti',
  'Sign in with API token': 'Log ind med API-token',
  'Sign in with email and password': 'Log ind med e-mail og adgangskode',
  'You are signed out.': 'Du er logget ud.',
  'Your session has ended. Sign in again to continue where you left off.':
    'Din session er udløbet. Log ind igen for at fortsætte, hvor du slap.',
  'You are signed out on all your devices.': 'Du er logget ud på alle dine enheder.',

  // Email and password, then a code.
  Email: 'E-mail',
  Password: 'Adgangskode',
  'Signing in…': 'Logger ind…',
  Code: 'Kode',
  Back: 'Tilbage',
  'Enter the code we sent to your phone by SMS.': 'Indtast koden, vi har sendt til din telefon som sms.',
  'Enter the code from your authenticator app.': 'Indtast koden fra din godkendelsesapp.',

  // API token.
  'API token': 'API-token',
  'A machine-to-machine token created for your user. It is kept only for this browser tab.':
    'Et maskine-til-maskine-token, der er oprettet til din bruger. Det gemmes kun i denne browserfane.',
  'Checking…': 'Tjekker…',
  'Sign in with token': 'Log ind med token',

  // Why signing in failed (the network and 5xx texts are shared: ./components.ts).
  'Sign-in failed. Try again.': 'Login mislykkedes. Prøv igen.',
  'Too many sign-in attempts. Wait a minute, then try again.': 'For mange loginforsøg. Vent et minut, og prøv så igen.',
  'That code is not correct. Check it and try again.': 'Koden er ikke korrekt. Tjek den, og prøv igen.',
  'That API token is not valid or has expired.': 'API-tokenet er ikke gyldigt eller er udløbet.',
  'Wrong email or password.': 'Forkert e-mail eller adgangskode.',

  // Sign out everywhere.
  'Sign out everywhere': 'Log ud overalt',
  'Sign out everywhere?': 'Log ud overalt?',
  'Sign out on all devices': 'Log ud på alle enheder',
  'Signing out…': 'Logger ud…',
  'This ends your sessions on all devices, including this one. Everyone signed in as you must sign in again.':
    'Det afslutter dine sessioner på alle enheder, også denne. Alle, der er logget ind som dig, skal logge ind igen.',
  'Signing out everywhere failed. Try again.': 'Du kunne ikke logges ud overalt. Prøv igen.',
} as const
