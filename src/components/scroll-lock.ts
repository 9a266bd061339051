/*
 * While any modal is open the page behind must not scroll: a wheel over the drawer's header or a
 * dialog's backdrop would otherwise scroll the list the user is about to return to. One counter
 * for the whole document, because modals nest (a dialog opened from the drawer): the lock goes on
 * with the first and comes off with the last, and what the page had before comes back.
 */
let locks = 0
let saved: { html: string; body: string; paddingRight: string } | null = null

export function lockPageScroll(): () => void {
  if (locks === 0) {
    const html = document.documentElement
    const body = document.body
    saved = { html: html.style.overflow, body: body.style.overflow, paddingRight: body.style.paddingRight }
    // Hiding a classic scrollbar widens the page; pad by its width so nothing behind jumps.
    const scrollbar = window.innerWidth - html.clientWidth
    if (scrollbar > 0) body.style.paddingRight = `${scrollbar}px`
    html.style.overflow = 'hidden'
    body.style.overflow = 'hidden'
  }
  locks += 1
  let released = false
  return () => {
    // Idempotent: React may run a cleanup twice in development (StrictMode).
    if (released) return
    released = true
    locks -= 1
    if (locks > 0 || !saved) return
    document.documentElement.style.overflow = saved.html
    document.body.style.overflow = saved.body
    document.body.style.paddingRight = saved.paddingRight
    saved = null
  }
}
