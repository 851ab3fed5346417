import { defineTable, entityLabelField, f, type RowOf } from '../field.ts'

export const RISK_RATINGS = ['low', 'medium', 'high'] as const

export const persons = defineTable(
  'persons',
  'PER',
  'Natural persons: customers of the banks and parties to communications, trades and travels.',
  {
    id: f.id(),
    firstName: f.text('Given name.'),
    lastName: f.text('Family name.'),
    fullName: f.text('Given and family name as printed on documents.'),
    gender: f.enum(['female', 'male', 'nonbinary'], 'Gender.'),
    dateOfBirth: f.date('Date of birth; the person is 18–100 at the end of the window.'),
    nationality: f.text('Nationality, ISO 3166-1 alpha-2.'),
    residenceCountry: f.text('Country of residence, ISO 3166-1 alpha-2.'),
    street: f.text('Street address in the residence country.'),
    city: f.text('City of residence (a city of the residence country).'),
    postalCode: f.text("Postal code in the residence country's format."),
    email: f.text(
      'E-mail address, undeliverable: at a free-mail look-alike under the reserved TLD .example (gmail.example, yahoo-fr.example, …). Fraud-ring members may share a provider.',
    ),
    phone: f.text(
      'Phone number, E.164 (+ country code and digits), never a real one: from the country’s range reserved for fiction (US/CA 555-01xx, UK 07700 900xxx, …) or, where none exists, a national number starting 00 that no plan assigns. Fraud-ring members may share one.',
    ),
    occupation: f.text('Occupation title.'),
    employerId: f.ref(
      'companies',
      'Employer, a generated company; empty when self-employed, retired, a student or unemployed.',
      { nullable: true },
    ),
    currency: f.text("Currency of income and net worth (the residence country's), ISO 4217."),
    annualIncome: f.money('currency', 'Gross annual income.'),
    netWorth: f.money('currency', 'Estimated net worth.'),
    riskRating: f.enum(RISK_RATINGS, 'Customer due-diligence risk rating.'),
    isPep: f.bool('Politically exposed person.'),
    pepPosition: f.text('Public function that makes the person a PEP.', { nullable: true }),
    isSanctioned: f.bool('Listed on a sanctions list.'),
    sanctionsList: f.text('Sanctions list naming the person.', { nullable: true }),
    customerSince: f.date(
      "Day the person became a customer of a bank in the data: at or before their first account's opened_at (by up to 8 years, for a relationship through products no longer held); empty for persons who hold no account.",
      { nullable: true },
    ),
    ...entityLabelField,
  },
)

export type Person = RowOf<typeof persons>
