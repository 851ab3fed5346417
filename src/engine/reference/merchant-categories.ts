/**
 * Card merchant categories (ISO 18245 MCC) with fictional merchant brands.
 *
 * `weight` is the share of card transactions (sums to 1). A purchase amount in USD is lognormal with
 * median `medianUsd` and log-space standard deviation `sigma` (so mu = ln(medianUsd)); wide sigmas are
 * for categories where a basket can be a coffee or a television. Gambling and quasi-cash (6051, crypto
 * on-ramps) are rare in the background on purpose: typologies use them more, and they must still occur
 * among innocent customers so their mere presence is not a label.
 */
export interface MerchantCategory {
  mcc: string
  label: string
  weight: number
  medianUsd: number
  sigma: number
  merchants: readonly string[]
}

export const merchantCategories: readonly MerchantCategory[] = [
  {
    mcc: '5411', label: 'Grocery stores and supermarkets', weight: 0.2, medianUsd: 42, sigma: 0.8,
    merchants: ['Green Basket Market', 'Daily Larder', 'Hillside Grocers', 'Maple & Oak Foods', 'ValuCart', 'PantryPlus', 'Harvest Lane Market', 'Brightfield Supermarket', 'Corner Crate', 'Urban Pantry', 'FreshFold Foods', 'Meadowgate Market'],
  },
  {
    mcc: '5499', label: 'Convenience and specialty food stores', weight: 0.07, medianUsd: 11, sigma: 0.7,
    merchants: ['QuickNook', 'Lamplight Convenience', '24/Seven Corner', 'Bean & Bramble Deli', 'Nightowl Mart', 'Little Pantry Co.', 'Oliveto Delicatessen', 'Parkside Minimart', 'Dockside Provisions'],
  },
  {
    mcc: '5812', label: 'Restaurants', weight: 0.1, medianUsd: 38, sigma: 0.7,
    merchants: ['The Copper Ladle', 'Osteria Vento', 'Saffron House', 'Blue Heron Bistro', 'Kimchi & Co.', 'Le Petit Fourneau', 'The Salt Cellar', 'Casa Marisol', 'Golden Lantern', 'Ember & Ash Grill', 'Noodle Atelier', 'The Hungry Fox'],
  },
  {
    mcc: '5814', label: 'Fast food restaurants', weight: 0.09, medianUsd: 12, sigma: 0.5,
    merchants: ['Burger Barn', 'WrapStar', 'Crispy Coop', 'Slice Society', 'Taco Torrent', 'Bun & Done', 'Snackhaus', 'Noodle Dash', 'Kebab Korner', 'Cuppa Corner Café'],
  },
  {
    mcc: '5813', label: 'Bars, pubs and nightclubs', weight: 0.03, medianUsd: 28, sigma: 0.8,
    merchants: ['The Tipsy Anchor', 'Velvet Room', 'Hops & Hollow', 'The Crooked Fiddle', 'Neon Owl', 'Barrel & Brine', 'The Last Orders', 'Club Meridian'],
  },
  {
    mcc: '5541', label: 'Fuel stations', weight: 0.07, medianUsd: 45, sigma: 0.5,
    merchants: ['Petrolux', 'FuelPoint', 'Roadstar Energy', 'Greenmile Fuels', 'QuickFill', 'Highway Pump', 'Nordic Fuel', 'Sunline Petroleum', 'Crossroads Gas'],
  },
  {
    mcc: '4121', label: 'Taxis and ride-hailing', weight: 0.04, medianUsd: 18, sigma: 0.6,
    merchants: ['RideNest', 'TownHop Cabs', 'Zipr Rides', 'Yellowline Taxi', 'GoCarta', 'Crosstown Cabs', 'NightRider Cars', 'Swiftly Mobility'],
  },
  {
    mcc: '4111', label: 'Local and commuter transport', weight: 0.04, medianUsd: 3.5, sigma: 0.6,
    merchants: ['Central City Transit', 'CityLink Rail', 'Harbour Ferries', 'Regional Bus Lines', 'TramNet', 'Airport Express Rail', 'Valley Commuter Rail', 'Riverside Bus Co.'],
  },
  {
    mcc: '5311', label: 'Department stores', weight: 0.04, medianUsd: 58, sigma: 0.9,
    merchants: ['Hartwell & Finch', 'Grand Arcade Stores', 'Maison Belcourt', 'Kingsley Department Store', 'Everyday Emporium', 'Lindqvist Varuhus', 'Castellane Galleria', 'Union Square Stores'],
  },
  {
    mcc: '5691', label: 'Clothing stores', weight: 0.04, medianUsd: 62, sigma: 0.8,
    merchants: ['Threadline', 'Northbound Apparel', 'Linen & Loom', 'Urban Fable', 'Tailor Street', 'Modista', 'Fieldcoat Outfitters', 'Stitch Republic', 'Cobalt Denim', 'Atelier Noor'],
  },
  {
    mcc: '5732', label: 'Electronics stores', weight: 0.02, medianUsd: 120, sigma: 1.1,
    merchants: ['Circuit Haven', 'VoltMart', 'PixelPier', 'Gadget Grove', 'TechNest Store', 'Ohm Electronics', 'Bytewise', 'Signal & Sound'],
  },
  {
    mcc: '5912', label: 'Pharmacies', weight: 0.05, medianUsd: 21, sigma: 0.8,
    merchants: ['WellSpring Pharmacy', 'Greenleaf Chemist', 'Caremoor Pharmacy', 'Apotheke am Markt', 'Pharmacie du Parc', 'HealthFirst Drugstore', 'Farmacia Solana', 'MediCorner'],
  },
  {
    mcc: '4511', label: 'Airlines', weight: 0.01, medianUsd: 310, sigma: 0.8,
    merchants: ['Cirrusline', 'Halcyon Airways', 'Bluecrest Airlines', 'Solano Air', 'Coral Wings', 'Nordvinge Air', 'TransPacific Jet', 'Altura Airlines'],
  },
  {
    mcc: '7011', label: 'Hotels and lodging', weight: 0.015, medianUsd: 175, sigma: 0.7,
    merchants: ['Harbourview Hotel', 'The Lindenhof', 'Hotel Miramar Azul', 'Grandview Suites', 'Stayloft Apartments', 'The Cartwright Inn', 'Palazzo Serena', 'Riverside Lodge', 'Cityline Hotels'],
  },
  {
    mcc: '4900', label: 'Utilities', weight: 0.03, medianUsd: 95, sigma: 0.6,
    merchants: ['Metro Power & Light', 'Clearwater Utilities', 'Northgrid Energy', 'Citywide Water', 'Evergreen Gas', 'Solstice Energy', 'Valley Electric Co-op', 'Fernbrook Water & Sewer'],
  },
  {
    mcc: '4814', label: 'Telecommunication services', weight: 0.03, medianUsd: 45, sigma: 0.5,
    merchants: ['Telvio Mobile', 'Skyreach Telecom', 'Connecta', 'Parallax Mobile', 'Fibrewave Broadband', 'Orbiqo Telecom', 'Callisto Wireless', 'Nexa Telecom'],
  },
  {
    mcc: '5815', label: 'Digital media and subscriptions', weight: 0.04, medianUsd: 11, sigma: 0.8,
    merchants: ['StreamHaven', 'Tunely Music', 'PageTurn eBooks', 'Playvault Games', 'CloudLocker', 'Newsleaf Digital', 'Lumen Video', 'Appodrome'],
  },
  {
    mcc: '5942', label: 'Book stores', weight: 0.01, medianUsd: 22, sigma: 0.6,
    merchants: ['Dog-Eared Books', 'Paper Lantern Bookshop', 'Chapter & Verse', 'Inkwell Books', 'Libreria del Ponte', 'The Margin Bookstore', 'Buchhandlung Lesezeichen', 'Quire & Quill'],
  },
  {
    mcc: '7832', label: 'Cinemas', weight: 0.01, medianUsd: 24, sigma: 0.5,
    merchants: ['Starlight Cinemas', 'Marquee Lights Cinema', 'Lumière Screens', 'Reel Palace', 'Cine Aurora', 'Silverframe Theatres', 'The Projector Room', 'Mega Screen Multiplex'],
  },
  {
    mcc: '5993', label: 'Tobacco and vape shops', weight: 0.01, medianUsd: 14, sigma: 0.6,
    merchants: ['Smoke & Mirrors', 'Leaf & Ember', 'Vapour Lane', 'The Humidor Shop', 'Cloud Nine Vapes', 'Tabac du Coin', 'Corner Tobacconist', 'Ember Street Smokes'],
  },
  {
    mcc: '5999', label: 'Miscellaneous specialty retail', weight: 0.04, medianUsd: 33, sigma: 1,
    merchants: ['Odds & Ends Emporium', 'Gift Galaxy', 'Craftmoor', 'Pawprint Pet Supplies', 'Bloom & Twig Florist', 'The Hobby Cellar', 'Garden Gate Supplies', 'Party Parade', 'Homeward Goods', 'The Trinket Box'],
  },
  {
    mcc: '5944', label: 'Jewellery and watch stores', weight: 0.005, medianUsd: 240, sigma: 1.2,
    merchants: ['Aurelia Jewellers', 'Goldcrest & Sons', 'Maison Orfèvre', 'Timekeepers Boutique', 'Crown Facet', 'Gemline Jewellery', 'Silverlake Watches', 'The Diamond Loft'],
  },
  {
    mcc: '7995', label: 'Betting and casino gambling', weight: 0.005, medianUsd: 50, sigma: 1.2,
    merchants: ['LuckyRiver Casino', 'BetNorth', 'Royal Ace Gaming', 'Golden Reel Online', 'Wagerly', 'Pinnacle Point Casino', 'Jackpot Harbour', 'OddsMaker Sports'],
  },
  {
    mcc: '6051', label: 'Quasi-cash and crypto exchanges', weight: 0.005, medianUsd: 250, sigma: 1.3,
    merchants: ['CoinHarbor', 'BlockVault Exchange', 'Satoshi Arcade', 'Ledgerline Crypto', 'Bitfoundry', 'ChainQuay', 'NovaCoin Exchange', 'PrepaidPlus Cards'],
  },
]

export const merchantCategoryByMcc: Readonly<Record<string, MerchantCategory>> = Object.fromEntries(merchantCategories.map((m) => [m.mcc, m]))
