/**
 * Industries of generated companies.
 *
 * `weight` is the share of companies (sums to 1). `revenuePerEmployeeUsd` is a typical annual figure;
 * revenue is derived from head count with it so that a shell with two staff and a large turnover stands
 * out. `cashIntensive` marks sectors where large cash takings are normal, the classic cover for placing
 * cash. `goods` are the goods.ts codes the sector buys or sells on invoices (empty for pure services,
 * which invoice fees instead).
 */
export interface Industry {
  code: string
  label: string
  weight: number
  revenuePerEmployeeUsd: number
  cashIntensive: boolean
  goods: readonly string[]
}

export const industries: readonly Industry[] = [
  {
    code: 'technology', label: 'Technology', weight: 0.12, revenuePerEmployeeUsd: 260000, cashIntensive: false,
    goods: ['laptops', 'smartphones', 'computer_monitors', 'processors', 'electronic_components'],
  },
  { code: 'financial_services', label: 'Financial services', weight: 0.09, revenuePerEmployeeUsd: 320000, cashIntensive: false, goods: [] },
  {
    code: 'healthcare', label: 'Healthcare', weight: 0.08, revenuePerEmployeeUsd: 200000, cashIntensive: false,
    goods: ['pharmaceuticals', 'medical_devices', 'medical_gloves'],
  },
  {
    code: 'retail', label: 'Retail', weight: 0.09, revenuePerEmployeeUsd: 160000, cashIntensive: true,
    goods: ['smartphones', 'television_sets', 'cotton_tshirts', 'cotton_trousers', 'sports_footwear', 'leather_handbags', 'luxury_watches', 'wine', 'wooden_furniture'],
  },
  {
    code: 'manufacturing', label: 'Manufacturing', weight: 0.08, revenuePerEmployeeUsd: 190000, cashIntensive: false,
    goods: ['industrial_machinery', 'steel_coils', 'aluminium_ingots', 'copper_cathodes', 'polyethylene', 'electronic_components', 'auto_parts', 'cotton_fabric', 'lithium_batteries'],
  },
  { code: 'real_estate', label: 'Real estate', weight: 0.06, revenuePerEmployeeUsd: 380000, cashIntensive: false, goods: [] },
  {
    code: 'energy', label: 'Energy and utilities', weight: 0.04, revenuePerEmployeeUsd: 650000, cashIntensive: false,
    goods: ['crude_oil', 'diesel', 'lng', 'coal', 'solar_panels'],
  },
  {
    code: 'telecommunications', label: 'Telecommunications', weight: 0.03, revenuePerEmployeeUsd: 350000, cashIntensive: false,
    goods: ['smartphones', 'electronic_components'],
  },
  {
    code: 'transportation', label: 'Transportation and logistics', weight: 0.05, revenuePerEmployeeUsd: 170000, cashIntensive: false,
    goods: ['diesel', 'tyres', 'auto_parts'],
  },
  {
    code: 'hospitality', label: 'Hospitality and food service', weight: 0.05, revenuePerEmployeeUsd: 75000, cashIntensive: true,
    goods: ['wine', 'frozen_beef', 'frozen_shrimp', 'green_coffee', 'rice'],
  },
  {
    code: 'agriculture', label: 'Agriculture', weight: 0.03, revenuePerEmployeeUsd: 120000, cashIntensive: false,
    goods: ['wheat', 'soybeans', 'rice', 'green_coffee', 'cocoa_beans', 'sugar', 'bananas', 'palm_oil', 'raw_cotton', 'natural_rubber', 'urea_fertilizer', 'frozen_beef'],
  },
  {
    code: 'construction', label: 'Construction', weight: 0.06, revenuePerEmployeeUsd: 190000, cashIntensive: true,
    goods: ['cement', 'sawn_timber', 'ceramic_tiles', 'steel_coils', 'excavators', 'diesel'],
  },
  {
    code: 'wholesale_trade', label: 'Wholesale trade', weight: 0.05, revenuePerEmployeeUsd: 600000, cashIntensive: false,
    goods: [
      'laptops', 'smartphones', 'television_sets', 'refrigerators', 'air_conditioners', 'passenger_cars', 'used_cars', 'tyres',
      'gold_bars', 'silver_bars', 'rough_diamonds', 'scrap_metal', 'sugar', 'rice', 'frozen_shrimp', 'cotton_tshirts',
      'sports_footwear', 'leather_handbags', 'luxury_watches', 'pharmaceuticals', 'medical_gloves', 'wooden_furniture',
    ],
  },
  {
    code: 'mining', label: 'Mining and metals', weight: 0.02, revenuePerEmployeeUsd: 480000, cashIntensive: false,
    goods: ['coal', 'copper_cathodes', 'aluminium_ingots', 'gold_bars', 'silver_bars', 'rough_diamonds', 'scrap_metal'],
  },
  {
    code: 'automotive', label: 'Automotive', weight: 0.02, revenuePerEmployeeUsd: 420000, cashIntensive: false,
    goods: ['passenger_cars', 'used_cars', 'auto_parts', 'tyres', 'steel_coils', 'lithium_batteries'],
  },
  { code: 'consulting', label: 'Professional services and consulting', weight: 0.05, revenuePerEmployeeUsd: 180000, cashIntensive: false, goods: [] },
  { code: 'legal', label: 'Legal services', weight: 0.02, revenuePerEmployeeUsd: 250000, cashIntensive: false, goods: [] },
  {
    code: 'entertainment', label: 'Entertainment and gaming', weight: 0.02, revenuePerEmployeeUsd: 210000, cashIntensive: true,
    goods: ['television_sets'],
  },
  { code: 'education', label: 'Education', weight: 0.02, revenuePerEmployeeUsd: 90000, cashIntensive: false, goods: ['laptops'] },
  {
    code: 'consumer_electronics', label: 'Consumer electronics and appliances', weight: 0.02, revenuePerEmployeeUsd: 330000, cashIntensive: false,
    goods: ['television_sets', 'refrigerators', 'air_conditioners', 'smartphones', 'laptops', 'lithium_batteries'],
  },
]

export const industryByCode: Readonly<Record<string, Industry>> = Object.fromEntries(industries.map((i) => [i.code, i]))
