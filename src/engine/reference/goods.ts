/**
 * Traded goods for invoices and trade documents.
 *
 * Trade-based money laundering is detected by comparing an invoice's unit price with what the goods
 * normally cost, so every good carries a typical price and how much legitimate prices scatter around it:
 * a legitimate unit price is lognormal-ish around `typicalUnitPriceUsd` with relative standard deviation
 * `priceSpread`; over/under-invoicing sits far outside that band. Prices are rough 2025 wholesale/export
 * levels in USD per `unit`. Commodities have tight spreads, branded and differentiated goods wide ones.
 *
 * `hsCode` is the 6-digit Harmonized System subheading (HS 2022 edition).
 */
export interface Good {
  code: string
  description: string
  hsCode: string
  unit: string
  typicalUnitPriceUsd: number
  priceSpread: number
}

export const goods: readonly Good[] = [
  // electronics
  { code: 'laptops', description: 'Laptop computers', hsCode: '847130', unit: 'unit', typicalUnitPriceUsd: 850, priceSpread: 0.3 },
  { code: 'smartphones', description: 'Smartphones', hsCode: '851713', unit: 'unit', typicalUnitPriceUsd: 380, priceSpread: 0.4 },
  { code: 'computer_monitors', description: 'Computer monitors', hsCode: '852852', unit: 'unit', typicalUnitPriceUsd: 180, priceSpread: 0.3 },
  { code: 'television_sets', description: 'Colour television sets', hsCode: '852872', unit: 'unit', typicalUnitPriceUsd: 320, priceSpread: 0.35 },
  { code: 'processors', description: 'Integrated-circuit processors and controllers', hsCode: '854231', unit: 'unit', typicalUnitPriceUsd: 45, priceSpread: 0.6 },
  { code: 'electronic_components', description: 'Integrated circuits, other', hsCode: '854239', unit: 'unit', typicalUnitPriceUsd: 3.2, priceSpread: 0.6 },
  { code: 'solar_panels', description: 'Photovoltaic modules', hsCode: '854143', unit: 'unit', typicalUnitPriceUsd: 110, priceSpread: 0.25 },
  { code: 'lithium_batteries', description: 'Lithium-ion accumulators', hsCode: '850760', unit: 'kg', typicalUnitPriceUsd: 18, priceSpread: 0.3 },
  { code: 'refrigerators', description: 'Combined refrigerator-freezers', hsCode: '841810', unit: 'unit', typicalUnitPriceUsd: 450, priceSpread: 0.25 },
  { code: 'air_conditioners', description: 'Wall-mounted air conditioning units', hsCode: '841510', unit: 'unit', typicalUnitPriceUsd: 340, priceSpread: 0.25 },
  { code: 'medical_devices', description: 'Medical instruments and appliances', hsCode: '901890', unit: 'unit', typicalUnitPriceUsd: 1200, priceSpread: 0.7 },

  // machinery and vehicles
  { code: 'industrial_machinery', description: 'Industrial machines, other', hsCode: '847989', unit: 'unit', typicalUnitPriceUsd: 45000, priceSpread: 0.45 },
  { code: 'excavators', description: 'Tracked excavators', hsCode: '842952', unit: 'unit', typicalUnitPriceUsd: 150000, priceSpread: 0.25 },
  { code: 'passenger_cars', description: 'Passenger cars, 1,500–3,000 cc, new', hsCode: '870323', unit: 'unit', typicalUnitPriceUsd: 24000, priceSpread: 0.3 },
  { code: 'used_cars', description: 'Passenger cars, 1,000–1,500 cc, used', hsCode: '870322', unit: 'unit', typicalUnitPriceUsd: 7000, priceSpread: 0.5 },
  { code: 'auto_parts', description: 'Motor vehicle parts and accessories', hsCode: '870899', unit: 'kg', typicalUnitPriceUsd: 12, priceSpread: 0.4 },
  { code: 'tyres', description: 'New pneumatic tyres for cars', hsCode: '401110', unit: 'unit', typicalUnitPriceUsd: 70, priceSpread: 0.25 },

  // energy and metals
  { code: 'crude_oil', description: 'Crude petroleum oil', hsCode: '270900', unit: 'barrel', typicalUnitPriceUsd: 72, priceSpread: 0.08 },
  { code: 'diesel', description: 'Gas oil (diesel fuel)', hsCode: '271019', unit: 'tonne', typicalUnitPriceUsd: 700, priceSpread: 0.1 },
  { code: 'lng', description: 'Liquefied natural gas', hsCode: '271111', unit: 'tonne', typicalUnitPriceUsd: 560, priceSpread: 0.2 },
  { code: 'coal', description: 'Bituminous coal', hsCode: '270112', unit: 'tonne', typicalUnitPriceUsd: 110, priceSpread: 0.15 },
  { code: 'copper_cathodes', description: 'Refined copper cathodes', hsCode: '740311', unit: 'tonne', typicalUnitPriceUsd: 9600, priceSpread: 0.06 },
  { code: 'aluminium_ingots', description: 'Unwrought aluminium, not alloyed', hsCode: '760110', unit: 'tonne', typicalUnitPriceUsd: 2550, priceSpread: 0.07 },
  { code: 'steel_coils', description: 'Hot-rolled steel in coils', hsCode: '720839', unit: 'tonne', typicalUnitPriceUsd: 620, priceSpread: 0.12 },
  { code: 'scrap_metal', description: 'Ferrous waste and scrap', hsCode: '720449', unit: 'tonne', typicalUnitPriceUsd: 360, priceSpread: 0.2 },
  { code: 'gold_bars', description: 'Gold, unwrought, non-monetary', hsCode: '710812', unit: 'kg', typicalUnitPriceUsd: 105000, priceSpread: 0.04 },
  { code: 'silver_bars', description: 'Silver, unwrought', hsCode: '710691', unit: 'kg', typicalUnitPriceUsd: 1100, priceSpread: 0.06 },
  { code: 'rough_diamonds', description: 'Rough diamonds, non-industrial', hsCode: '710231', unit: 'carat', typicalUnitPriceUsd: 140, priceSpread: 0.7 },

  // agriculture and food
  { code: 'wheat', description: 'Wheat', hsCode: '100199', unit: 'tonne', typicalUnitPriceUsd: 230, priceSpread: 0.1 },
  { code: 'soybeans', description: 'Soya beans', hsCode: '120190', unit: 'tonne', typicalUnitPriceUsd: 410, priceSpread: 0.1 },
  { code: 'rice', description: 'Milled rice', hsCode: '100630', unit: 'tonne', typicalUnitPriceUsd: 520, priceSpread: 0.15 },
  { code: 'green_coffee', description: 'Green coffee beans', hsCode: '090111', unit: 'kg', typicalUnitPriceUsd: 6.5, priceSpread: 0.2 },
  { code: 'cocoa_beans', description: 'Cocoa beans', hsCode: '180100', unit: 'tonne', typicalUnitPriceUsd: 8000, priceSpread: 0.25 },
  { code: 'sugar', description: 'Cane or beet sugar', hsCode: '170199', unit: 'tonne', typicalUnitPriceUsd: 500, priceSpread: 0.12 },
  { code: 'palm_oil', description: 'Refined palm oil', hsCode: '151190', unit: 'tonne', typicalUnitPriceUsd: 1000, priceSpread: 0.1 },
  { code: 'bananas', description: 'Fresh bananas', hsCode: '080390', unit: 'tonne', typicalUnitPriceUsd: 800, priceSpread: 0.15 },
  { code: 'frozen_shrimp', description: 'Frozen shrimps and prawns', hsCode: '030617', unit: 'kg', typicalUnitPriceUsd: 8.5, priceSpread: 0.25 },
  { code: 'frozen_beef', description: 'Frozen boneless beef', hsCode: '020230', unit: 'kg', typicalUnitPriceUsd: 6.2, priceSpread: 0.2 },
  { code: 'wine', description: 'Bottled wine', hsCode: '220421', unit: 'litre', typicalUnitPriceUsd: 6, priceSpread: 0.7 },
  { code: 'urea_fertilizer', description: 'Urea fertilizer', hsCode: '310210', unit: 'tonne', typicalUnitPriceUsd: 380, priceSpread: 0.15 },
  { code: 'natural_rubber', description: 'Technically specified natural rubber', hsCode: '400122', unit: 'tonne', typicalUnitPriceUsd: 1750, priceSpread: 0.1 },

  // textiles, apparel and consumer goods
  { code: 'raw_cotton', description: 'Raw cotton, not carded', hsCode: '520100', unit: 'tonne', typicalUnitPriceUsd: 1600, priceSpread: 0.1 },
  { code: 'cotton_fabric', description: 'Woven cotton fabric, unbleached', hsCode: '520812', unit: 'm2', typicalUnitPriceUsd: 2.4, priceSpread: 0.3 },
  { code: 'cotton_tshirts', description: 'Knitted cotton T-shirts', hsCode: '610910', unit: 'unit', typicalUnitPriceUsd: 4.5, priceSpread: 0.35 },
  { code: 'cotton_trousers', description: "Men's cotton trousers", hsCode: '620342', unit: 'unit', typicalUnitPriceUsd: 12, priceSpread: 0.35 },
  { code: 'sports_footwear', description: 'Sports footwear with textile uppers', hsCode: '640411', unit: 'pair', typicalUnitPriceUsd: 24, priceSpread: 0.45 },
  { code: 'leather_handbags', description: 'Leather handbags', hsCode: '420221', unit: 'unit', typicalUnitPriceUsd: 65, priceSpread: 0.8 },
  { code: 'luxury_watches', description: 'Wrist-watches with precious-metal case', hsCode: '910121', unit: 'unit', typicalUnitPriceUsd: 8500, priceSpread: 0.6 },
  { code: 'wooden_furniture', description: 'Wooden furniture', hsCode: '940360', unit: 'unit', typicalUnitPriceUsd: 180, priceSpread: 0.45 },
  { code: 'pharmaceuticals', description: 'Packaged medicaments', hsCode: '300490', unit: 'kg', typicalUnitPriceUsd: 140, priceSpread: 0.6 },
  { code: 'medical_gloves', description: 'Medical examination gloves (box of 100)', hsCode: '401512', unit: 'unit', typicalUnitPriceUsd: 6, priceSpread: 0.3 },

  // construction materials and chemicals
  { code: 'cement', description: 'Portland cement', hsCode: '252329', unit: 'tonne', typicalUnitPriceUsd: 90, priceSpread: 0.15 },
  { code: 'sawn_timber', description: 'Sawn pine timber', hsCode: '440711', unit: 'm3', typicalUnitPriceUsd: 260, priceSpread: 0.15 },
  { code: 'ceramic_tiles', description: 'Porcelain floor and wall tiles', hsCode: '690721', unit: 'm2', typicalUnitPriceUsd: 9, priceSpread: 0.35 },
  { code: 'polyethylene', description: 'Polyethylene granules', hsCode: '390110', unit: 'tonne', typicalUnitPriceUsd: 1150, priceSpread: 0.1 },
]

export const goodByCode: Readonly<Record<string, Good>> = Object.fromEntries(goods.map((g) => [g.code, g]))
