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
  openingBalance: f.money(
    'currency',
    "Balance at the later of opening and the window start; a loan's is minus its outstanding principal. " +
      'Transactions run it forward (their balance columns); where the drawn payments would take it below what the ' +
      'account allows, it is the balance that keeps the account within its limit.',
  ),
  creditLimit: f.money(
    'currency',
    'Credit limit of a credit card (its balance goes down to minus this) or the principal of a loan (its balance ' +
      'starts at minus what is outstanding and rises with the instalments, never below minus this).',
    { nullable: true },
  ),
  overdraftLimit: f.money(
    'currency',
    'Arranged overdraft of a checking account or facility of a business account: the balance never goes below ' +
      'minus this; empty where there is none (savings and investment accounts never go below zero).',
    { nullable: true },
  ),
  ...entityLabelField,
})

export type Account = RowOf<typeof accounts>
