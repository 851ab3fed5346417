import type { Account } from './tables/accounts.ts'

/**
 * How low an account's balance may go: minus its arranged overdraft (checking) or facility (business), minus its
 * credit limit (credit card) or principal (loan); zero for savings and investment accounts.
 */
export function floorOf(a: Pick<Account, 'accountType' | 'overdraftLimit' | 'creditLimit'>): number {
  switch (a.accountType) {
    case 'checking':
    case 'business':
      return -(a.overdraftLimit ?? 0)
    case 'credit_card':
    case 'loan':
      return -(a.creditLimit ?? 0)
    default:
      return 0
  }
}
