/** Danish for the scope pickers: Customer and Reseller, their listing and the ways back (see ../da.ts). */
export const scope = {
  'All customers': 'Alle kunder',
  'All resellers': 'Alle forhandlere',
  '(yours)': '(din)',
  'Show all my customers': 'Vis alle mine kunder',
  'Looking up this id…': "Slår id'et op…",
  'Showing {shown} of {total}': 'Viser {shown} af {total}',
  'Searching…': 'Søger…',
  '{what, select, customer {No customer has this id.} other {No reseller has this id.}}':
    '{what, select, customer {Ingen kunde har dette id.} other {Ingen forhandler har dette id.}}',
  '{what, select, customer {You have no access to this customer.} other {You have no access to this reseller.}}':
    '{what, select, customer {Du har ikke adgang til denne kunde.} other {Du har ikke adgang til denne forhandler.}}',
  '{what, select, customer {Could not look up this customer.} other {Could not look up this reseller.}}':
    '{what, select, customer {Kunden kunne ikke slås op.} other {Forhandleren kunne ikke slås op.}}',
  '{what, select, customer {No customer matches “{term}”.} other {No reseller matches “{term}”.}}':
    '{what, select, customer {Ingen kunde passer til »{term}«.} other {Ingen forhandler passer til »{term}«.}}',
  '{what, select, customer {You have no customers to choose from.} other {You have no resellers to choose from.}}':
    '{what, select, customer {Du har ingen kunder at vælge imellem.} other {Du har ingen forhandlere at vælge imellem.}}',
  '{what, select, customer {Could not load more customers.} other {Could not load more resellers.}}':
    '{what, select, customer {Flere kunder kunne ikke hentes.} other {Flere forhandlere kunne ikke hentes.}}',
  '{what, select, customer {Could not load the customers.} other {Could not load the resellers.}}':
    '{what, select, customer {Kunderne kunne ikke hentes.} other {Forhandlerne kunne ikke hentes.}}',
  '{what, select, customer {Loading customers…} other {Loading resellers…}}':
    '{what, select, customer {Henter kunder…} other {Henter forhandlere…}}',
} as const
