import { defineTable, f, labelFields, type RowOf } from '../field.ts'

export const OWNER_TYPES = ['person', 'company'] as const
export const OWNERSHIP_ROLES = ['shareholder', 'director', 'officer'] as const

export const ownership = defineTable(
  'ownership',
  'OWN',
  'Who owns or runs which company: shareholdings with percentages, directorships and officer roles.',
  {
    id: f.id(),
    ownerId: f.ref(['persons', 'companies'], 'The owner or officer: a person or a company (see owner_type).', {
      typeField: 'ownerType',
    }),
    ownerType: f.enum(OWNER_TYPES, 'Entity type of owner_id.'),
    companyId: f.ref('companies', 'The company owned or run.'),
    sharePct: f.decimal(2, 'Percentage of shares held; 0 for pure directors and officers.', { unit: 'percent' }),
    role: f.enum(
      OWNERSHIP_ROLES,
      'shareholder, director or officer (officers and directors of listed companies are insiders).',
    ),
    title: f.text('Job title for officers and directors (CEO, CFO, Director, …).', { nullable: true }),
    since: f.date('Date the holding or role began.'),
    ...labelFields,
  },
)

export type Ownership = RowOf<typeof ownership>
