import { defineTable, f, labelFields, type RowOf } from '../field.ts'

export const travels = defineTable(
  'travels',
  'TRV',
  'Trips of persons between countries. Ordered by departure.',
  {
    id: f.id(),
    personId: f.ref('persons', 'Traveller.'),
    fromCountry: f.text('Departure country, ISO 3166-1 alpha-2.'),
    toCountry: f.text('Arrival country, ISO 3166-1 alpha-2.'),
    departureAt: f.timestamp('Departure (UTC).'),
    arrivalAt: f.timestamp('Arrival (UTC); after departure.'),
    purpose: f.text('Declared purpose.'),
    mode: f.enum(['air', 'rail', 'road', 'sea'], 'Means of transport.'),
    ...labelFields,
  },
  { time: 'departureAt', until: 'arrivalAt' },
)

export type Travel = RowOf<typeof travels>
