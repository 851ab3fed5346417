import { defineTable, f, labelFields, type RowOf } from '../field.ts'

export const ACCESS_KINDS = [
  'login_success',
  'login_failed',
  'logout',
  'password_change',
  'phone_change',
  'email_change',
  'device_added',
] as const

export const accessEvents = defineTable(
  'access_events',
  'LOG',
  'Online-banking access events: logins, failures, credential and contact changes. Ordered by timestamp.',
  {
    id: f.id(),
    timestamp: f.timestamp('When it happened (UTC).'),
    accountId: f.ref('accounts', 'Account accessed.'),
    personId: f.ref('persons', "Holder the session claims to be (the account's owner or joint owner).", {
      nullable: true,
    }),
    kind: f.enum(ACCESS_KINDS, 'Event type.'),
    channel: f.enum(['web', 'mobile_app'], 'Where the session came from.'),
    deviceId: f.text('Device fingerprint.'),
    ipAddress: f.text(
      'Client IP address, never a real one: IPv4 from the private ranges 10.0.0.0/8 and 172.16.0.0/12, IPv6 (about a third) from the documentation prefix 2001:db8::/32 with the country letters as third group.',
    ),
    country: f.text('Country the IP address geolocates to.'),
    ...labelFields,
  },
  { time: 'timestamp' },
)

export type AccessEvent = RowOf<typeof accessEvents>
