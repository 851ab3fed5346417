import { defineTable, f, labelFields, type RowOf } from '../field.ts'

export const COMMUNICATION_CHANNELS = ['email', 'sms', 'call', 'chat', 'video'] as const

export const communications = defineTable(
  'communications',
  'MSG',
  'Messages and calls between persons. Ordered by timestamp.',
  {
    id: f.id(),
    timestamp: f.timestamp('When it was sent or the call started (UTC).'),
    channel: f.enum(COMMUNICATION_CHANNELS, 'Medium.'),
    senderId: f.ref('persons', 'Sender or caller.'),
    recipientId: f.ref('persons', 'Recipient or callee.'),
    subject: f.text('Subject line (e-mail only).', { nullable: true }),
    body: f.text('Text of the message; a summary line for calls.'),
    language: f.text('Language, ISO 639-1.'),
    durationSeconds: f.int('Length of calls and video calls.', { nullable: true, unit: 'seconds' }),
    isEncrypted: f.bool('Sent over an end-to-end encrypted app.'),
    ...labelFields,
  },
  { time: 'timestamp' },
)

export type Communication = RowOf<typeof communications>
