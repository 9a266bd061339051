import { t } from '../../../lib/i18n.ts'
import type { ChangeLog, ChangeNotifier, StatusChange } from './change-log.ts'
import { formatChangeTime } from './change-text.ts'

/*
 * Browser notifications for trunks that went down: the one place the dashboard touches the
 * browser's Notification API. Loaded with the Changes panel, where "Notify me" is: the list's first
 * load does not carry it.
 */

/** The browser's answer about notifications; 'unsupported' when it has no Notification API. */
export type NotifyPermission = 'unsupported' | NotificationPermission

/** Read at call time, so a browser (or a test's fake) that adds it later is seen. */
function api(): typeof Notification | undefined {
  return 'Notification' in window ? window.Notification : undefined
}

export function notificationPermission(): NotifyPermission {
  return api()?.permission ?? 'unsupported'
}

/**
 * "Notify me": asks the browser (call only from the user's click) and, when it allows, turns
 * notifications on for the log. Returns the browser's answer; nothing changes unless granted.
 */
export async function turnOnNotifications(log: ChangeLog): Promise<NotifyPermission> {
  const notification = api()
  if (!notification) return 'unsupported'
  let permission: NotifyPermission
  try {
    permission = await notification.requestPermission()
  } catch {
    permission = notification.permission
  }
  if (permission === 'granted') log.setNotifier(createNotifier())
  return permission
}

/**
 * The notification of one answer: its trunks that went down, by name only (every role sees
 * names), in the page's language when it is shown.
 */
function describeDown(down: readonly StatusChange[]): { title: string; body: string } {
  const [first] = down
  if (down.length === 1 && first) {
    return {
      title: t('{name} went down', { name: first.accountName }),
      body: t('Seen at {time} by the SIP accounts dashboard', { time: formatChangeTime(first.at) }),
    }
  }
  const names = down.slice(0, 5).map((change) => change.accountName)
  const more = down.length > 5 ? t(', and {count} more', { count: down.length - 5 }) : ''
  return { title: t('{count} trunks went down', { count: down.length }), body: `${names.join(', ')}${more}` }
}

function createNotifier(): ChangeNotifier {
  let shown: Notification | null = null
  return {
    notify: (batch) => {
      const down = batch.filter((change) => change.to === 'OFF')
      const notification = api()
      if (down.length === 0 || notification?.permission !== 'granted') return
      const { title, body } = describeDown(down)
      try {
        shown?.close()
        // One tag: a newer summary replaces an older one still on screen instead of piling up.
        const next = new notification(title, { body, tag: 'telecomx-sip-status' })
        next.onclick = () => {
          window.focus()
          next.close()
        }
        shown = next
      } catch {
        // Some mobile browsers allow the permission yet show notifications only from a service worker.
      }
    },
    stop: () => {
      shown?.close()
      shown = null
    },
  }
}
