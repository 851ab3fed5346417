/**
 * Fictional banks, two to four per country of countries.ts. Names are invented. Other national bank codes
 * are invented too but not checked against each national register (none publishes a test range for most),
 * so one may coincide with a real code; IBANs built on them still reach no real account holder's data.
 *
 * `bic` is an 8-character BIC: 4 letters + country + 2-character location whose second character is `0`,
 * which SWIFT reserves for test and training BICs: no generated BIC addresses a live institution.
 *
 * `bankCode` is the national bank identifier:
 * - IBAN countries: exactly the `b` characters of the country's `bbanPattern` (countries.ts). GB, IE,
 *   NL, MT and VG use the BIC's first four letters, MU those letters plus two digits; DE the 8-digit
 *   Bankleitzahl, FR the 5-digit code banque, IT the 5-digit ABI, PL the 8-digit sort number, BR the
 *   8-digit ISPB, others the registry's digits.
 * - Elsewhere a routing-style code: US 9-digit ABA routing number (valid check digit) with the prefix 5x,
 *   which the ABA leaves unassigned (real ones start 00–12, 21–32, 61–72 or 80), CA 3-digit
 *   institution number, AU 6-digit BSB, NZ 2-digit bank number, JP 4-digit Zengin code, CN 12-digit CNAPS
 *   code, IN 11-character IFSC of the head office, SG 4-digit and HK/KR/MX 3-digit clearing codes, ZA
 *   6-digit universal branch code, RU 9-digit BIK; offshore centres without a national scheme get a
 *   3-digit local clearing code.
 */
export interface Bank {
  name: string
  country: string
  bic: string
  bankCode: string
}

export const banks: readonly Bank[] = [
  { name: 'Harborstone National Bank', country: 'US', bic: 'HBSNUS30', bankCode: '526104736' },
  { name: 'Prairie Crest Bank', country: 'US', bic: 'PRCBUS40', bankCode: '571903283' },
  { name: 'Ledgerwood Trust Company', country: 'US', bic: 'LDWTUS60', bankCode: '512304595' },
  { name: 'Bluewater Federal Savings', country: 'US', bic: 'BWFSUS30', bankCode: '521187062' },

  { name: 'Harbourline Bank', country: 'GB', bic: 'HRBLGB20', bankCode: 'HRBL' },
  { name: 'Thamesgate Bank', country: 'GB', bic: 'TMGBGB20', bankCode: 'TMGB' },
  { name: 'Northmoor Building Society', country: 'GB', bic: 'NMBSGB20', bankCode: 'NMBS' },

  { name: 'Rheintaler Kreditbank', country: 'DE', bic: 'RTKBDEF0', bankCode: '37040266' },
  { name: 'Hanseatische Merkurbank', country: 'DE', bic: 'HMKBDEH0', bankCode: '20030417' },
  { name: 'Alpenland Volksbank eG', country: 'DE', bic: 'ALVBDEM0', bankCode: '70190612' },

  { name: 'Banque Lumière', country: 'FR', bic: 'BLUMFRP0', bankCode: '17829' },
  { name: 'Crédit Rhodanien', country: 'FR', bic: 'CRRHFR20', bankCode: '16734' },
  { name: 'Banque du Val de Loire', country: 'FR', bic: 'BVLRFR20', bankCode: '14962' },

  { name: 'Grachtenbank', country: 'NL', bic: 'GRCHNL20', bankCode: 'GRCH' },
  { name: 'Polderzee Bank', country: 'NL', bic: 'PLDZNL20', bankCode: 'PLDZ' },
  { name: 'Lindeboom Spaarbank', country: 'NL', bic: 'LDBMNL20', bankCode: 'LDBM' },

  { name: 'Bank Alpenrose AG', country: 'CH', bic: 'ALRSCHZ0', bankCode: '08417' },
  { name: 'Banque Privée Lémanique', country: 'CH', bic: 'BPLMCHG0', bankCode: '08652' },
  { name: 'Zürcher Merkantilbank', country: 'CH', bic: 'ZMKBCHZ0', bankCode: '08739' },

  { name: 'Banque Moselle Privée', country: 'LU', bic: 'BMSPLUL0', bankCode: '047' },
  { name: 'Ardennes Capital Bank', country: 'LU', bic: 'ARCBLUL0', bankCode: '083' },
  { name: 'Kirchberg Trust Bank S.A.', country: 'LU', bic: 'KTBKLUL0', bankCode: '091' },

  { name: 'Liffey Bank', country: 'IE', bic: 'LIFYIE20', bankCode: 'LIFY' },
  { name: 'Shannonside Bank', country: 'IE', bic: 'SHSBIE20', bankCode: 'SHSB' },
  { name: 'Corrib Credit Bank', country: 'IE', bic: 'CRRBIE20', bankCode: 'CRRB' },

  { name: 'Banco Meseta', country: 'ES', bic: 'BMESESM0', bankCode: '3187' },
  { name: 'Caja Levante Mar', country: 'ES', bic: 'CJLMESB0', bankCode: '3214' },
  { name: 'Banco Sierra Azul', country: 'ES', bic: 'BSAZESM0', bankCode: '1573' },

  { name: 'Banca Lagunare', country: 'IT', bic: 'BLGNITV0', bankCode: '03418' },
  { name: 'Credito Appennino', country: 'IT', bic: 'CDAPITR0', bankCode: '05629' },
  { name: 'Banca Ligure Orientale', country: 'IT', bic: 'BLGOITG0', bankCode: '06871' },

  { name: 'Banque Sambre-Meuse', country: 'BE', bic: 'BSMBBEB0', bankCode: '718' },
  { name: 'Scheldebank', country: 'BE', bic: 'SCHBBE20', bankCode: '652' },

  { name: 'Donautal Bank AG', country: 'AT', bic: 'DNTBATW0', bankCode: '19870' },
  { name: 'Tiroler Bergbank', country: 'AT', bic: 'TRBBAT20', bankCode: '36214' },

  { name: 'Fjällbanken', country: 'SE', bic: 'FJLBSES0', bankCode: '927' },
  { name: 'Skärgårds Sparbank', country: 'SE', bic: 'SKGSSES0', bankCode: '938' },
  { name: 'Norrsken Bank', country: 'SE', bic: 'NRSKSE20', bankCode: '964' },

  { name: 'Fjordkyst Sparebank', country: 'NO', bic: 'FJKSNOK0', bankCode: '4318' },
  { name: 'Nordlys Bank ASA', country: 'NO', bic: 'NRLYNO20', bankCode: '9762' },

  { name: 'Øresund Andelsbank', country: 'DK', bic: 'ORSADKK0', bankCode: '6873' },
  { name: 'Limfjord Bank', country: 'DK', bic: 'LMFJDK20', bankCode: '7219' },

  { name: 'Bank Wiślany', country: 'PL', bic: 'BWSLPLP0', bankCode: '19204518' },
  { name: 'Bałtycki Bank Spółdzielczy', country: 'PL', bic: 'BBSPPLP0', bankCode: '83720006' },
  { name: 'Mazurski Bank Kredytowy', country: 'PL', bic: 'MZBKPLP0', bankCode: '17603104' },

  { name: 'Sakurazaka Bank', country: 'JP', bic: 'SKRZJPJ0', bankCode: '0537' },
  { name: 'Kaido Trust Bank', country: 'JP', bic: 'KAIDJPJ0', bankCode: '0294' },
  { name: 'Setouchi Shinkin Bank', country: 'JP', bic: 'SETOJPJ0', bankCode: '1687' },

  { name: 'Merlion Harbour Bank', country: 'SG', bic: 'MHBKSGS0', bankCode: '7493' },
  { name: 'Straits Meridian Bank', country: 'SG', bic: 'SMRBSGS0', bankCode: '7528' },
  { name: 'Orchid Bay Bank', country: 'SG', bic: 'ORBBSGS0', bankCode: '9361' },

  { name: 'Victoria Peak Bank', country: 'HK', bic: 'VPKBHKH0', bankCode: '386' },
  { name: 'Pearl Delta Bank', country: 'HK', bic: 'PRDBHKH0', bankCode: '392' },
  { name: 'Kowloon Harbour Savings Bank', country: 'HK', bic: 'KHSBHKH0', bankCode: '417' },

  { name: 'Jade River Commercial Bank', country: 'CN', bic: 'JDRCCNB0', bankCode: '318100000017' },
  { name: 'Eastern Lotus Bank', country: 'CN', bic: 'ELTBCNS0', bankCode: '325290000012' },
  { name: 'Silk Road Trust Bank', country: 'CN', bic: 'SLRTCNB0', bankCode: '317791000025' },

  { name: 'Deccan Plateau Bank', country: 'IN', bic: 'DCPBINB0', bankCode: 'DCPB0000001' },
  { name: 'Ganges Valley Bank', country: 'IN', bic: 'GVBKINB0', bankCode: 'GVBK0000001' },
  { name: 'Malabar Coast Co-operative Bank', country: 'IN', bic: 'MLCBINB0', bankCode: 'MLCB0000001' },

  { name: 'Southern Cross Mutual Bank', country: 'AU', bic: 'SCMUAU20', bankCode: '638070' },
  { name: 'Coral Coast Bank', country: 'AU', bic: 'CCBKAU30', bankCode: '704236' },
  { name: 'Banksia Bank', country: 'AU', bic: 'BNKSAU20', bankCode: '656180' },

  { name: 'Maple Ridge Bank', country: 'CA', bic: 'MPRBCAT0', bankCode: '827' },
  { name: 'Northern Pine Trust', country: 'CA', bic: 'NPNTCAT0', bankCode: '846' },
  { name: 'Caisse Boréale', country: 'CA', bic: 'CBORCAM0', bankCode: '869' },

  { name: 'Kauri Bank', country: 'NZ', bic: 'KAURNZ20', bankCode: '27' },
  { name: 'Southern Alps Bank', country: 'NZ', bic: 'SALBNZ20', bankCode: '29' },

  { name: 'Banco Ipê Amarelo', country: 'BR', bic: 'BIPABRS0', bankCode: '31872046' },
  { name: 'Banco Serra Verde', country: 'BR', bic: 'BSVRBRR0', bankCode: '42915308' },
  { name: 'Banco Cerrado Capital', country: 'BR', bic: 'BCCPBRS0', bankCode: '38164927' },

  { name: 'Banco Sierra Madre', country: 'MX', bic: 'BSMDMXM0', bankCode: '163' },
  { name: 'Banco Mezquital', country: 'MX', bic: 'BMZQMXM0', bankCode: '171' },
  { name: 'Banca Jacaranda', country: 'MX', bic: 'BJCRMXM0', bankCode: '158' },

  { name: 'Highveld Bank', country: 'ZA', bic: 'HVBKZAJ0', bankCode: '683104' },
  { name: 'Protea Mutual Bank', country: 'ZA', bic: 'PRMBZAJ0', bankCode: '691205' },
  { name: 'Karoo Capital Bank', country: 'ZA', bic: 'KRCBZAC0', bankCode: '712408' },

  { name: 'Gulf Pearl Bank', country: 'AE', bic: 'GPRLAEA0', bankCode: '087' },
  { name: 'Desert Falcon Islamic Bank', country: 'AE', bic: 'DFIBAEA0', bankCode: '094' },
  { name: 'Creekside Commercial Bank', country: 'AE', bic: 'CSCBAEA0', bankCode: '112' },

  { name: 'Najd Investment Bank', country: 'SA', bic: 'NJDISAR0', bankCode: '92' },
  { name: 'Red Sea Commercial Bank', country: 'SA', bic: 'RSCBSAJ0', bankCode: '94' },

  { name: 'Boğaziçi Katılım Bankası', country: 'TR', bic: 'BGZKTRI0', bankCode: '00213' },
  { name: 'Kapadokya Bankası', country: 'TR', bic: 'KPDBTRI0', bankCode: '00187' },
  { name: 'Ege Liman Bankası', country: 'TR', bic: 'EGLBTRI0', bankCode: '00229' },

  { name: 'Volga Commerce Bank', country: 'RU', bic: 'VLGCRUM0', bankCode: '044525873' },
  { name: 'Ural Mining Credit Bank', country: 'RU', bic: 'URMCRU20', bankCode: '046577904' },
  { name: 'Baikal Trust Bank', country: 'RU', bic: 'BKLTRU20', bankCode: '042520916' },

  { name: 'Hangang Bank', country: 'KR', bic: 'HGNGKRS0', bankCode: '057' },
  { name: 'Jeju Ocean Savings Bank', country: 'KR', bic: 'JOSBKRS0', bankCode: '059' },
  { name: 'Namsan Trust Bank', country: 'KR', bic: 'NMSTKRS0', bankCode: '062' },

  { name: 'Seven Mile Bank & Trust', country: 'KY', bic: 'SMBTKYK0', bankCode: '214' },
  { name: 'Stingray Private Bank', country: 'KY', bic: 'STPBKYK0', bankCode: '227' },
  { name: 'Caribbean Reef Trust', country: 'KY', bic: 'CRFTKYK0', bankCode: '238' },

  { name: 'Tortola Harbour Bank', country: 'VG', bic: 'TTHBVGV0', bankCode: 'TTHB' },
  { name: 'Virgin Gorda Trust Company', country: 'VG', bic: 'VGTCVGV0', bankCode: 'VGTC' },

  { name: 'Coral Reef Bank of Bermuda', country: 'BM', bic: 'CRBBBMH0', bankCode: '312' },
  { name: 'Gibbs Hill Trust', country: 'BM', bic: 'GHTBBMH0', bankCode: '318' },

  { name: 'Banco Istmeño', country: 'PA', bic: 'BITMPAP0', bankCode: '417' },
  { name: 'Canal Capital Bank', country: 'PA', bic: 'CNCBPAP0', bankCode: '426' },
  { name: 'Banco Bahía de Balboa', country: 'PA', bic: 'BBDBPAP0', bankCode: '433' },

  { name: 'Exuma Private Bank', country: 'BS', bic: 'EXPBBSN0', bankCode: '521' },
  { name: 'Lucayan Trust Bank', country: 'BS', bic: 'LCTBBSN0', bankCode: '534' },

  { name: 'Aphrodite Bank', country: 'CY', bic: 'APHBCY20', bankCode: '018' },
  { name: 'Troodos Co-operative Bank', country: 'CY', bic: 'TRCBCY20', bankCode: '027' },

  { name: 'Grand Harbour Bank', country: 'MT', bic: 'GHBKMTM0', bankCode: 'GHBK' },
  { name: 'Mdina Private Bank', country: 'MT', bic: 'MDPBMTM0', bankCode: 'MDPB' },

  { name: 'Île Maurice Banque Commerciale', country: 'MU', bic: 'IMBCMUM0', bankCode: 'IMBC01' },
  { name: 'Le Morne Bank', country: 'MU', bic: 'LMBKMUM0', bankCode: 'LMBK03' },
]
