import { defineTable, entityLabelField, f, type RowOf } from '../field.ts'
import { OWNER_TYPES } from './ownership.ts'

export const ACCOUNT_TYPES = ['checking', 'savings', 'credit_card', 'investment', 'business', 'loan'] as const
export const ACCOUNT_STATUSES = ['active', 'dormant', 'closed'] as const

export const accounts = defineTable('accounts', 'ACC', 'Bank accounts of persons and companies.', {
  id: f.id(),
  ownerId: f.ref(['persons', 'companies'], 'Account holder (see owner_type).', { typeField: 'ownerType' }),
  ownerType: f.enum(OWNER_TYPES, 'Entity type of owner_id.'),
  jointOwnerId: f.ref('persons', 'Second holder of a joint personal account.', { nullable: true }),
  accountType: f.enum(ACCOUNT_TYPES, 'Product type.'),
  currency: f.text("Account currency, ISO 4217 (the owner's country's)."),
  country: f.text('Country of the bank branch, ISO 3166-1 alpha-2.'),
  bankName: f.text('Bank name.'),
  bic: f.text('Bank identifier code (SWIFT/BIC, 8 characters).'),
  iban: f.text('IBAN with a valid ISO 13616 check sum; empty where the country does not use IBAN.', { nullable: true }),
  accountNumber: f.text('Domestic account number.'),
  openedAt: f.date('Date the account was opened; no transaction uses it earlier.'),
  closedAt: f.date('Date the account was closed; no transaction uses it later.', { nullable: true }),
  status: f.enum(ACCOUNT_STATUSES, 'Status at the end of the window.'),
  openingBalance: f.money('currency', 'Balance at the later of opening and the window start.'),
  creditLimit: f.money('currency', 'Credit limit of credit-card and loan accounts.', { nullable: true }),
  ...entityLabelField,
})

export type Account = RowOf<typeof accounts>
