/** Danish for the session's change log (Changes button and panel, row marks, notifications) and Down by customer (see ../da.ts). */
export const changes = {
  // The Changes button and the rows' marks.
  Changes: 'Ændringer',
  '{count} went down': '{count} gik ned',
  '{count} came up': '{count} kom op',
  'Went down': 'Gik ned',
  'Came up': 'Kom op',
  // The polite announcement of a refresh that changed statuses.
  '{name} is now up': '{name} er nu oppe',
  '{name} is now down': '{name} er nu nede',
  ', and {count} more': ' og {count} flere',
  'Status changed: {changes}.': 'Status ændret: {changes}.',
  // The Changes panel.
  'Status changes': 'Statusændringer',
  'Mark all as seen': 'Markér alle som set',
  'What this dashboard saw change since you signed in: the list on screen refreshes every 30 s, and pages you visit and accounts you open count too. Trunks on other pages are not watched. The log is cleared when you sign out.':
    'Det, oversigten har set ændre sig, siden du loggede ind: listen på skærmen opdateres hvert 30. sekund, og sider, du besøger, og konti, du åbner, tæller også med. Trunks på andre sider holdes der ikke øje med. Loggen ryddes, når du logger ud.',
  'No status changes seen yet.': 'Ingen statusændringer set endnu.',
  'Status changes, newest first': 'Statusændringer, nyeste først',
  'Seen at': 'Set',
  Account: 'Konto',
  Change: 'Ændring',
  New: 'Ny',
  // Notify me, and the notifications themselves.
  'This browser cannot show notifications.': 'Denne browser kan ikke vise notifikationer.',
  'Notifications are on: one for each refresh that finds trunks that went down, with their names only. They are shown only while this dashboard is open in a tab (it keeps refreshing in the background while they are on).':
    'Notifikationer er slået til: én for hver opdatering, der finder trunks, som er gået ned, kun med deres navne. De vises kun, mens oversigten er åben i en fane (den bliver ved med at opdatere i baggrunden, så længe de er slået til).',
  'Stop notifications': 'Stop notifikationer',
  'Notifications are blocked for this site in your browser. Allow them in the browser’s site settings to use them here.':
    'Notifikationer er blokeret for dette websted i din browser. Tillad dem i browserens indstillinger for webstedet for at bruge dem her.',
  'Get a browser notification when a trunk goes down. Shown only while this dashboard is open in a tab; nothing is sent anywhere.':
    'Få en notifikation i browseren, når en trunk går ned. Vises kun, mens oversigten er åben i en fane; intet sendes nogen steder hen.',
  'Notify me': 'Giv mig besked',
  '{name} went down': '{name} gik ned',
  'Seen at {time} by the SIP accounts dashboard': 'Set kl. {time} af oversigten over SIP-konti',
  '{count} trunks went down': '{count} trunks gik ned',

  // Down by customer.
  'Down by customer': 'Nede pr. kunde',
  'Back to list': 'Tilbage til listen',
  'Down trunks in {scope}, counted over all of them. Hosted-PBX trunks have no status and are not counted. Each customer opens the list of that customer’s down trunks, inactive ones included.':
    'Nede trunks i {scope}, talt over dem alle. Hostede PBX-trunks har ingen status og tælles ikke med. Hver kunde åbner listen over kundens nede trunks, inaktive medregnet.',
  'your own customer': 'din egen kunde',
  'all your customers': 'alle dine kunder',
  'reseller {name}’s customers': 'kunderne hos forhandleren {name}',
  'Active only': 'Kun aktive',
  'Computed {ago}': 'Beregnet {ago}',
  Refresh: 'Opdatér',
  'Counting down trunks…': 'Tæller nede trunks…',
  'Counting cancelled. The counts shown are from before.': 'Optællingen blev annulleret. De viste tal er fra før.',
  'Counting cancelled. Nothing was counted; Refresh counts again.': 'Optællingen blev annulleret. Intet blev talt; Opdatér tæller igen.',
  '{trunks} down trunks at {customers, plural, one {# customer} other {# customers}}.':
    '{trunks, plural, one {# nede trunk} other {# nede trunks}} hos {customers, plural, one {# kunde} other {# kunder}}.',
  '{trunks} active down trunks at {customers, plural, one {# customer} other {# customers}}.':
    '{trunks, plural, one {# aktiv nede trunk} other {# aktive nede trunks}} hos {customers, plural, one {# kunde} other {# kunder}}.',
  '{count} more came without a customer.': 'Yderligere {count} havde ingen kunde.',
  'Down by customer could not be counted.': 'Nede pr. kunde kunne ikke tælles op.',
  'It stopped after {done} of {total} down trunks.': 'Den stoppede efter {done} af {total} nede trunks.',
  'Something went wrong while counting.': 'Noget gik galt under optællingen.',
  '{done} of {total} down trunks': '{done} af {total} nede trunks',
  'No customer has a down trunk.': 'Ingen kunder har en nede trunk.',
  'Down trunks': 'Nede trunks',
} as const
