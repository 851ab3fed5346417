/**
 * Occupations of generated persons.
 *
 * `medianIncomeUsd` is a US-level annual gross median; multiply by the residence country's
 * `incomeLevel` (countries.ts) for other countries. Retired and unemployed incomes are pensions and
 * benefits, student incomes part-time work, homemaker incomes occasional side earnings (never 0, so
 * log-scale sampling works). `weight` is the share among adults (sums to 1). `employed` is false where
 * there is no employer company to link (self-employed, farmers, retired, students, unemployed, homemakers).
 */
export interface Occupation {
  title: string
  medianIncomeUsd: number
  weight: number
  employed: boolean
}

export const occupations: readonly Occupation[] = [
  { title: 'Retired', medianIncomeUsd: 32000, weight: 0.17, employed: false },
  { title: 'Student', medianIncomeUsd: 9000, weight: 0.06, employed: false },
  { title: 'Unemployed', medianIncomeUsd: 12000, weight: 0.04, employed: false },
  { title: 'Homemaker', medianIncomeUsd: 3000, weight: 0.03, employed: false },
  { title: 'Self-employed', medianIncomeUsd: 52000, weight: 0.05, employed: false },
  { title: 'Office administrator', medianIncomeUsd: 44000, weight: 0.05, employed: true },
  { title: 'Sales associate', medianIncomeUsd: 33000, weight: 0.05, employed: true },
  { title: 'Customer service representative', medianIncomeUsd: 39000, weight: 0.03, employed: true },
  { title: 'Warehouse worker', medianIncomeUsd: 37000, weight: 0.025, employed: true },
  { title: 'Truck driver', medianIncomeUsd: 54000, weight: 0.02, employed: true },
  { title: 'Delivery driver', medianIncomeUsd: 38000, weight: 0.015, employed: true },
  { title: 'Cook', medianIncomeUsd: 34000, weight: 0.015, employed: true },
  { title: 'Waiter', medianIncomeUsd: 31000, weight: 0.015, employed: true },
  { title: 'Cashier', medianIncomeUsd: 29000, weight: 0.02, employed: true },
  { title: 'Cleaner', medianIncomeUsd: 32000, weight: 0.015, employed: true },
  { title: 'Security guard', medianIncomeUsd: 36000, weight: 0.01, employed: true },
  { title: 'Electrician', medianIncomeUsd: 61000, weight: 0.012, employed: true },
  { title: 'Plumber', medianIncomeUsd: 60000, weight: 0.01, employed: true },
  { title: 'Carpenter', medianIncomeUsd: 56000, weight: 0.01, employed: true },
  { title: 'Construction worker', medianIncomeUsd: 46000, weight: 0.025, employed: true },
  { title: 'Mechanic', medianIncomeUsd: 48000, weight: 0.012, employed: true },
  { title: 'Machine operator', medianIncomeUsd: 42000, weight: 0.015, employed: true },
  { title: 'Registered nurse', medianIncomeUsd: 86000, weight: 0.025, employed: true },
  { title: 'Nursing assistant', medianIncomeUsd: 38000, weight: 0.015, employed: true },
  { title: 'Physician', medianIncomeUsd: 230000, weight: 0.006, employed: true },
  { title: 'Dentist', medianIncomeUsd: 170000, weight: 0.003, employed: true },
  { title: 'Pharmacist', medianIncomeUsd: 135000, weight: 0.004, employed: true },
  { title: 'Teacher', medianIncomeUsd: 63000, weight: 0.035, employed: true },
  { title: 'University lecturer', medianIncomeUsd: 84000, weight: 0.006, employed: true },
  { title: 'Software engineer', medianIncomeUsd: 130000, weight: 0.02, employed: true },
  { title: 'Data analyst', medianIncomeUsd: 82000, weight: 0.01, employed: true },
  { title: 'IT support technician', medianIncomeUsd: 59000, weight: 0.01, employed: true },
  { title: 'Accountant', medianIncomeUsd: 79000, weight: 0.015, employed: true },
  { title: 'Financial analyst', medianIncomeUsd: 99000, weight: 0.008, employed: true },
  { title: 'Bank teller', medianIncomeUsd: 37000, weight: 0.006, employed: true },
  { title: 'Investment banker', medianIncomeUsd: 180000, weight: 0.002, employed: true },
  { title: 'Portfolio manager', medianIncomeUsd: 160000, weight: 0.002, employed: true },
  { title: 'Compliance officer', medianIncomeUsd: 76000, weight: 0.004, employed: true },
  { title: 'Lawyer', medianIncomeUsd: 145000, weight: 0.006, employed: true },
  { title: 'Paralegal', medianIncomeUsd: 60000, weight: 0.004, employed: true },
  { title: 'Marketing manager', medianIncomeUsd: 140000, weight: 0.006, employed: true },
  { title: 'Project manager', medianIncomeUsd: 98000, weight: 0.01, employed: true },
  { title: 'Human resources specialist', medianIncomeUsd: 67000, weight: 0.008, employed: true },
  { title: 'Civil engineer', medianIncomeUsd: 95000, weight: 0.006, employed: true },
  { title: 'Mechanical engineer', medianIncomeUsd: 99000, weight: 0.006, employed: true },
  { title: 'Architect', medianIncomeUsd: 93000, weight: 0.003, employed: true },
  { title: 'Graphic designer', medianIncomeUsd: 58000, weight: 0.005, employed: true },
  { title: 'Journalist', medianIncomeUsd: 57000, weight: 0.003, employed: true },
  { title: 'Real estate agent', medianIncomeUsd: 56000, weight: 0.005, employed: true },
  { title: 'Police officer', medianIncomeUsd: 74000, weight: 0.006, employed: true },
  { title: 'Civil servant', medianIncomeUsd: 62000, weight: 0.025, employed: true },
  { title: 'Pilot', medianIncomeUsd: 170000, weight: 0.002, employed: true },
  { title: 'Chief executive', medianIncomeUsd: 210000, weight: 0.003, employed: true },
  { title: 'Operations manager', medianIncomeUsd: 105000, weight: 0.01, employed: true },
  { title: 'Logistics coordinator', medianIncomeUsd: 50000, weight: 0.008, employed: true },
  { title: 'Hairdresser', medianIncomeUsd: 35000, weight: 0.006, employed: true },
  { title: 'Farmer', medianIncomeUsd: 45000, weight: 0.008, employed: false },
]
