import { defineTable, entityLabelField, f, type RowOf } from '../field.ts'
import { RISK_RATINGS } from './persons.ts'

export const companies = defineTable(
  'companies',
  'COM',
  'Legal entities: employers, merchants of B2B trade, listed issuers and shells.',
  {
    id: f.id(),
    legalName: f.text('Registered legal name with its legal-form suffix.'),
    companyType: f.text('Legal form (corporation, llc, partnership, …).'),
    industry: f.text('Industry code.'),
    registrationCountry: f.text('Country of incorporation, ISO 3166-1 alpha-2.'),
    registrationNumber: f.text('Company registry number.'),
    incorporatedOn: f.date('Date of incorporation.'),
    currency: f.text("Reporting currency (the registration country's), ISO 4217."),
    annualRevenue: f.money('currency', 'Annual revenue.'),
    employees: f.int('Head count.'),
    isListed: f.bool('Shares trade on an exchange (listed companies are what trades trade).'),
    ticker: f.text('Exchange ticker of a listed company.', { nullable: true }),
    exchange: f.text('Exchange of a listed company.', { nullable: true }),
    isShell: f.bool('No real operations: few or no employees, registered agent address.'),
    taxHavenLinks: f.list('Tax-haven jurisdictions the company operates in or through (;-joined ISO codes).'),
    website: f.text('Website URL, under the reserved TLD .example (name.country.example), so it reaches no real site.'),
    email: f.text('Contact e-mail address at the company domain (under .example, undeliverable).'),
    phone: f.text(
      'Contact phone number, E.164, never a real one: from the country’s range reserved for fiction (US/CA 555-01xx, UK drama numbers, …) or, where none exists, a national number starting 00 that no plan assigns.',
    ),
    street: f.text('Registered street address.'),
    city: f.text('City of the registered address.'),
    postalCode: f.text('Postal code of the registered address.'),
    riskRating: f.enum(RISK_RATINGS, 'Customer due-diligence risk rating.'),
    ...entityLabelField,
  },
)

export type Company = RowOf<typeof companies>
