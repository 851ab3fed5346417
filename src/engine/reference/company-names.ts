/**
 * Building blocks for fictional company names: "<Adjective> <Noun> <legal suffix>", e.g.
 * "Silver Harbor Logistics Inc.". Words are English on purpose: international trading and holding
 * companies almost always carry English names, whatever the jurisdiction, and the words must combine
 * freely. Adjectives include place-like words (Northgate, Bayview) because real firms are so often
 * named after geography.
 */
export const companyWords: { adjectives: readonly string[]; nouns: readonly string[] } = {
  adjectives: [
    'Silver', 'Golden', 'Apex', 'Summit', 'Harbor', 'Northgate', 'Bayview', 'Crescent', 'Evergreen', 'Meridian',
    'Pinnacle', 'Blue Ridge', 'Redwood', 'Ironbridge', 'Oakridge', 'Stonegate', 'Clearwater', 'Bright', 'Horizon', 'Windward',
    'Atlas', 'Keystone', 'Westbrook', 'Eastfield', 'Highland', 'Lakeside', 'Riverbend', 'Sterling', 'Granite', 'Cobalt',
    'Amber', 'Emerald', 'Sapphire', 'Crimson', 'Ivory', 'Onyx', 'Polar', 'Solar', 'Lunar', 'Coastal',
    'Pacific', 'Atlantic', 'Nordic', 'Alpine', 'Continental', 'Global', 'United', 'Premier', 'Prime', 'Royal',
    'Noble', 'Trusted', 'Swift', 'Rapid', 'Steady', 'True North', 'Ashford', 'Whitewater', 'Greenfield', 'Fairhaven',
    'Kingsway', 'Oakmont', 'Silverline', 'Bluepeak', 'Maplewood', 'Cedar', 'Falcon', 'Eagle', 'Phoenix', 'Orion',
    'Vertex', 'Zenith', 'Quantum', 'Nova', 'Stellar', 'Titan', 'Beacon', 'Lighthouse', 'Copperfield', 'Brightwater',
  ],
  nouns: [
    'Logistics', 'Holdings', 'Systems', 'Trading', 'Capital', 'Partners', 'Ventures', 'Industries', 'Solutions', 'Group',
    'Enterprises', 'Consulting', 'Technologies', 'Resources', 'Investments', 'Properties', 'Realty', 'Development', 'Energy', 'Power',
    'Shipping', 'Freight', 'Transport', 'Imports', 'Exports', 'Commodities', 'Metals', 'Minerals', 'Textiles', 'Apparel',
    'Foods', 'Farms', 'Agri', 'Pharma', 'Health', 'Medical', 'Labs', 'Software', 'Networks', 'Data',
    'Analytics', 'Digital', 'Media', 'Studios', 'Entertainment', 'Hospitality', 'Hotels', 'Restaurants', 'Construction', 'Builders',
    'Engineering', 'Manufacturing', 'Works', 'Machinery', 'Motors', 'Automotive', 'Electronics', 'Components', 'Supply', 'Distribution',
    'Wholesale', 'Retail', 'Advisors', 'Management', 'Asset Management', 'Finance', 'Securities', 'Trust', 'Estates', 'Marine',
  ],
}

/**
 * Legal-form suffixes by registration country, most common first. Offshore jurisdictions favour
 * "Ltd." and "Inc." regardless of language, which is part of why shells look alike.
 */
export const legalSuffixes: Readonly<Record<string, readonly string[]>> = {
  US: ['Inc.', 'LLC', 'Corp.', 'Co.', 'LP'],
  GB: ['Ltd', 'PLC', 'LLP'],
  DE: ['GmbH', 'AG', 'GmbH & Co. KG', 'UG (haftungsbeschränkt)'],
  FR: ['SAS', 'SARL', 'SA'],
  NL: ['B.V.', 'N.V.'],
  CH: ['AG', 'GmbH', 'SA', 'Sàrl'],
  LU: ['S.à r.l.', 'S.A.', 'SCSp'],
  IE: ['Limited', 'DAC', 'PLC'],
  ES: ['S.L.', 'S.A.'],
  IT: ['S.r.l.', 'S.p.A.'],
  BE: ['BV', 'NV', 'SRL', 'SA'],
  AT: ['GmbH', 'AG', 'KG'],
  SE: ['AB'],
  NO: ['AS', 'ASA'],
  DK: ['ApS', 'A/S'],
  PL: ['sp. z o.o.', 'S.A.'],
  JP: ['K.K.', 'G.K.'],
  SG: ['Pte. Ltd.', 'Ltd.'],
  HK: ['Limited', 'Ltd.'],
  CN: ['Co., Ltd.', 'Group Co., Ltd.'],
  IN: ['Pvt. Ltd.', 'Ltd.', 'LLP'],
  AU: ['Pty Ltd', 'Ltd'],
  CA: ['Inc.', 'Ltd.', 'Corp.'],
  NZ: ['Limited', 'Ltd'],
  BR: ['Ltda.', 'S.A.'],
  MX: ['S.A. de C.V.', 'S. de R.L. de C.V.'],
  ZA: ['(Pty) Ltd', 'Ltd'],
  AE: ['LLC', 'FZE', 'FZ-LLC'],
  SA: ['LLC', 'JSC'],
  TR: ['Ltd. Şti.', 'A.Ş.'],
  RU: ['OOO', 'AO', 'PAO'],
  KR: ['Co., Ltd.', 'Inc.'],
  KY: ['Ltd.', 'SPC', 'LP'],
  VG: ['Ltd.', 'Inc.', 'Corp.'],
  BM: ['Ltd.'],
  PA: ['S.A.', 'Inc.', 'Corp.'],
  BS: ['Ltd.', 'Limited'],
  CY: ['Ltd', 'Limited'],
  MT: ['Ltd', 'p.l.c.'],
  MU: ['Ltd', 'Ltée'],
}

/** Legal-form categories (sums to 1); trusts and holdings are rare but central to ownership chains. */
export const companyTypes: readonly { code: string; label: string; weight: number }[] = [
  { code: 'corporation', label: 'Corporation', weight: 0.38 },
  { code: 'llc', label: 'Limited liability company', weight: 0.3 },
  { code: 'partnership', label: 'Partnership', weight: 0.13 },
  { code: 'sole_proprietorship', label: 'Sole proprietorship', weight: 0.1 },
  { code: 'non_profit', label: 'Non-profit organisation', weight: 0.03 },
  { code: 'trust', label: 'Trust', weight: 0.02 },
  { code: 'holding', label: 'Holding company', weight: 0.04 },
]
