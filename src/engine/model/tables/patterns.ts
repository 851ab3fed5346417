import { defineTable, f, type RowOf } from '../field.ts'

export const patterns = defineTable(
  'patterns',
  'PAT',
  'Ground truth: one row per injected instance, suspicious (a crime pattern) or a benign look-alike of one.',
  {
    id: f.id(),
    kind: f.text('Pattern kind (the config key, e.g. structuring, or a look-alike such as cashBusiness).'),
    isSuspicious: f.bool('True for a crime-pattern instance; false for a benign look-alike (a false-positive source).'),
    resembles: f.text(
      'For a look-alike: the pattern kind it resembles (whose classic rule it trips); empty otherwise.',
      {
        nullable: true,
      },
    ),
    subtype: f.text('Variant of the typology.'),
    start: f.timestamp('First event of the instance (UTC).'),
    end: f.timestamp('Last event of the instance (UTC).'),
    currency: f.text('Currency of total_amount.', { nullable: true }),
    totalAmount: f.money('currency', "Money the instance moved (see the pattern's description for what is summed).", {
      nullable: true,
    }),
    memberCount: f.int('Rows in pattern_members for this instance.'),
    eventCount: f.int(
      'Event rows (all tables) of this instance, its camouflage (pattern_role camouflage) not counted.',
    ),
    params: f.text('Parameters used, as JSON.'),
    narrative: f.text('One sentence a person can read aloud, naming the key ids and amounts.'),
  },
)

export type PatternRow = RowOf<typeof patterns>

export const patternMembers = defineTable(
  'pattern_members',
  '',
  'Ground truth: entities that take part in a pattern instance, with their role.',
  {
    patternId: f.ref('patterns', 'Pattern instance.'),
    entityType: f.enum(['person', 'company', 'account'], 'Table of entity_id.'),
    entityId: f.ref(['persons', 'companies', 'accounts'], 'The member.', { typeField: 'entityType' }),
    role: f.text('Role in the instance (smurf, collector, mule, insider, tipper, victim, attacker, shell, …).'),
    isSuspicious: f.bool(
      "Whether this membership makes the entity a detection target: true for the scheme's own entities and the accounts it compromised in a suspicious instance; false for unwitting parties (a victim who paid, a bystander business paid, staff whose pay came from laundered funds) and for every member of a look-alike.",
    ),
  },
)

export type PatternMember = RowOf<typeof patternMembers>
