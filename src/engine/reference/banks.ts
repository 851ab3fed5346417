/**
 * Fictional banks, two to four per country of countries.ts. Names are invented; any resemblance of a
 * BIC to a real institution's is accidental (BIC space is dense), which is harmless for synthetic data.
 *
 * `bic` is an 8-character BIC: 4 letters + country + 2-character location (never `0`/`1` in the second
 * location position, which SWIFT reserves for test and passive BICs).
 *
 * `bankCode` is the national bank identifier:
 * - IBAN countries: exactly the `b` characters of the country's `bbanPattern` (countries.ts). GB, IE,
 *   NL, MT and VG use the BIC's first four letters, MU those letters plus two digits; DE the 8-digit
 *   Bankleitzahl, FR the 5-digit code banque, IT the 5-digit ABI, PL the 8-digit sort number, BR the
 *   8-digit ISPB, others the registry's digits.
 * - Elsewhere a routing-style code: US 9-digit ABA routing number (valid check digit), CA 3-digit
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
  { name: 'Harborstone National Bank', country: 'US', bic: 'HBSNUS33', bankCode: '026104731' },
  { name: 'Prairie Crest Bank', country: 'US', bic: 'PRCBUS44', bankCode: '071903288' },
  { name: 'Ledgerwood Trust Company', country: 'US', bic: 'LDWTUS6S', bankCode: '112304597' },
  { name: 'Bluewater Federal Savings', country: 'US', bic: 'BWFSUS3N', bankCode: '321187068' },

  { name: 'Harbourline Bank', country: 'GB', bic: 'HRBLGB2L', bankCode: 'HRBL' },
  { name: 'Thamesgate Bank', country: 'GB', bic: 'TMGBGB2L', bankCode: 'TMGB' },
  { name: 'Northmoor Building Society', country: 'GB', bic: 'NMBSGB2N', bankCode: 'NMBS' },

  { name: 'Rheintaler Kreditbank', country: 'DE', bic: 'RTKBDEFF', bankCode: '37040266' },
  { name: 'Hanseatische Merkurbank', country: 'DE', bic: 'HMKBDEHH', bankCode: '20030417' },
  { name: 'Alpenland Volksbank eG', country: 'DE', bic: 'ALVBDEMM', bankCode: '70190612' },

  { name: 'Banque Lumière', country: 'FR', bic: 'BLUMFRPP', bankCode: '17829' },
  { name: 'Crédit Rhodanien', country: 'FR', bic: 'CRRHFR2L', bankCode: '16734' },
  { name: 'Banque du Val de Loire', country: 'FR', bic: 'BVLRFR2N', bankCode: '14962' },

  { name: 'Grachtenbank', country: 'NL', bic: 'GRCHNL2A', bankCode: 'GRCH' },
  { name: 'Polderzee Bank', country: 'NL', bic: 'PLDZNL2U', bankCode: 'PLDZ' },
  { name: 'Lindeboom Spaarbank', country: 'NL', bic: 'LDBMNL2R', bankCode: 'LDBM' },

  { name: 'Bank Alpenrose AG', country: 'CH', bic: 'ALRSCHZZ', bankCode: '08417' },
  { name: 'Banque Privée Lémanique', country: 'CH', bic: 'BPLMCHGG', bankCode: '08652' },
  { name: 'Zürcher Merkantilbank', country: 'CH', bic: 'ZMKBCHZZ', bankCode: '08739' },

  { name: 'Banque Moselle Privée', country: 'LU', bic: 'BMSPLULL', bankCode: '047' },
  { name: 'Ardennes Capital Bank', country: 'LU', bic: 'ARCBLULL', bankCode: '083' },
  { name: 'Kirchberg Trust Bank S.A.', country: 'LU', bic: 'KTBKLULL', bankCode: '091' },

  { name: 'Liffey Bank', country: 'IE', bic: 'LIFYIE2D', bankCode: 'LIFY' },
  { name: 'Shannonside Bank', country: 'IE', bic: 'SHSBIE2D', bankCode: 'SHSB' },
  { name: 'Corrib Credit Bank', country: 'IE', bic: 'CRRBIE2G', bankCode: 'CRRB' },

  { name: 'Banco Meseta', country: 'ES', bic: 'BMESESMM', bankCode: '3187' },
  { name: 'Caja Levante Mar', country: 'ES', bic: 'CJLMESBB', bankCode: '3214' },
  { name: 'Banco Sierra Azul', country: 'ES', bic: 'BSAZESMM', bankCode: '1573' },

  { name: 'Banca Lagunare', country: 'IT', bic: 'BLGNITVV', bankCode: '03418' },
  { name: 'Credito Appennino', country: 'IT', bic: 'CDAPITRR', bankCode: '05629' },
  { name: 'Banca Ligure Orientale', country: 'IT', bic: 'BLGOITGG', bankCode: '06871' },

  { name: 'Banque Sambre-Meuse', country: 'BE', bic: 'BSMBBEBB', bankCode: '718' },
  { name: 'Scheldebank', country: 'BE', bic: 'SCHBBE22', bankCode: '652' },

  { name: 'Donautal Bank AG', country: 'AT', bic: 'DNTBATWW', bankCode: '19870' },
  { name: 'Tiroler Bergbank', country: 'AT', bic: 'TRBBAT2I', bankCode: '36214' },

  { name: 'Fjällbanken', country: 'SE', bic: 'FJLBSESS', bankCode: '927' },
  { name: 'Skärgårds Sparbank', country: 'SE', bic: 'SKGSSESS', bankCode: '938' },
  { name: 'Norrsken Bank', country: 'SE', bic: 'NRSKSE22', bankCode: '964' },

  { name: 'Fjordkyst Sparebank', country: 'NO', bic: 'FJKSNOKK', bankCode: '4318' },
  { name: 'Nordlys Bank ASA', country: 'NO', bic: 'NRLYNO22', bankCode: '9762' },

  { name: 'Øresund Andelsbank', country: 'DK', bic: 'ORSADKKK', bankCode: '6873' },
  { name: 'Limfjord Bank', country: 'DK', bic: 'LMFJDK22', bankCode: '7219' },

  { name: 'Bank Wiślany', country: 'PL', bic: 'BWSLPLPW', bankCode: '19204518' },
  { name: 'Bałtycki Bank Spółdzielczy', country: 'PL', bic: 'BBSPPLPW', bankCode: '83720006' },
  { name: 'Mazurski Bank Kredytowy', country: 'PL', bic: 'MZBKPLPW', bankCode: '17603104' },

  { name: 'Sakurazaka Bank', country: 'JP', bic: 'SKRZJPJT', bankCode: '0537' },
  { name: 'Kaido Trust Bank', country: 'JP', bic: 'KAIDJPJT', bankCode: '0294' },
  { name: 'Setouchi Shinkin Bank', country: 'JP', bic: 'SETOJPJS', bankCode: '1687' },

  { name: 'Merlion Harbour Bank', country: 'SG', bic: 'MHBKSGSG', bankCode: '7493' },
  { name: 'Straits Meridian Bank', country: 'SG', bic: 'SMRBSGSG', bankCode: '7528' },
  { name: 'Orchid Bay Bank', country: 'SG', bic: 'ORBBSGSG', bankCode: '9361' },

  { name: 'Victoria Peak Bank', country: 'HK', bic: 'VPKBHKHH', bankCode: '386' },
  { name: 'Pearl Delta Bank', country: 'HK', bic: 'PRDBHKHH', bankCode: '392' },
  { name: 'Kowloon Harbour Savings Bank', country: 'HK', bic: 'KHSBHKHH', bankCode: '417' },

  { name: 'Jade River Commercial Bank', country: 'CN', bic: 'JDRCCNBJ', bankCode: '318100000017' },
  { name: 'Eastern Lotus Bank', country: 'CN', bic: 'ELTBCNSH', bankCode: '325290000012' },
  { name: 'Silk Road Trust Bank', country: 'CN', bic: 'SLRTCNBJ', bankCode: '317791000025' },

  { name: 'Deccan Plateau Bank', country: 'IN', bic: 'DCPBINBB', bankCode: 'DCPB0000001' },
  { name: 'Ganges Valley Bank', country: 'IN', bic: 'GVBKINBB', bankCode: 'GVBK0000001' },
  { name: 'Malabar Coast Co-operative Bank', country: 'IN', bic: 'MLCBINBB', bankCode: 'MLCB0000001' },

  { name: 'Southern Cross Mutual Bank', country: 'AU', bic: 'SCMUAU2S', bankCode: '638070' },
  { name: 'Coral Coast Bank', country: 'AU', bic: 'CCBKAU3M', bankCode: '704236' },
  { name: 'Banksia Bank', country: 'AU', bic: 'BNKSAU2S', bankCode: '656180' },

  { name: 'Maple Ridge Bank', country: 'CA', bic: 'MPRBCATT', bankCode: '827' },
  { name: 'Northern Pine Trust', country: 'CA', bic: 'NPNTCATT', bankCode: '846' },
  { name: 'Caisse Boréale', country: 'CA', bic: 'CBORCAMM', bankCode: '869' },

  { name: 'Kauri Bank', country: 'NZ', bic: 'KAURNZ2A', bankCode: '27' },
  { name: 'Southern Alps Bank', country: 'NZ', bic: 'SALBNZ22', bankCode: '29' },

  { name: 'Banco Ipê Amarelo', country: 'BR', bic: 'BIPABRSP', bankCode: '31872046' },
  { name: 'Banco Serra Verde', country: 'BR', bic: 'BSVRBRRJ', bankCode: '42915308' },
  { name: 'Banco Cerrado Capital', country: 'BR', bic: 'BCCPBRSP', bankCode: '38164927' },

  { name: 'Banco Sierra Madre', country: 'MX', bic: 'BSMDMXMM', bankCode: '163' },
  { name: 'Banco Mezquital', country: 'MX', bic: 'BMZQMXMM', bankCode: '171' },
  { name: 'Banca Jacaranda', country: 'MX', bic: 'BJCRMXMM', bankCode: '158' },

  { name: 'Highveld Bank', country: 'ZA', bic: 'HVBKZAJJ', bankCode: '683104' },
  { name: 'Protea Mutual Bank', country: 'ZA', bic: 'PRMBZAJJ', bankCode: '691205' },
  { name: 'Karoo Capital Bank', country: 'ZA', bic: 'KRCBZACC', bankCode: '712408' },

  { name: 'Gulf Pearl Bank', country: 'AE', bic: 'GPRLAEAD', bankCode: '087' },
  { name: 'Desert Falcon Islamic Bank', country: 'AE', bic: 'DFIBAEAD', bankCode: '094' },
  { name: 'Creekside Commercial Bank', country: 'AE', bic: 'CSCBAEAD', bankCode: '112' },

  { name: 'Najd Investment Bank', country: 'SA', bic: 'NJDISARI', bankCode: '92' },
  { name: 'Red Sea Commercial Bank', country: 'SA', bic: 'RSCBSAJE', bankCode: '94' },

  { name: 'Boğaziçi Katılım Bankası', country: 'TR', bic: 'BGZKTRIS', bankCode: '00213' },
  { name: 'Kapadokya Bankası', country: 'TR', bic: 'KPDBTRIS', bankCode: '00187' },
  { name: 'Ege Liman Bankası', country: 'TR', bic: 'EGLBTRIS', bankCode: '00229' },

  { name: 'Volga Commerce Bank', country: 'RU', bic: 'VLGCRUMM', bankCode: '044525873' },
  { name: 'Ural Mining Credit Bank', country: 'RU', bic: 'URMCRU2E', bankCode: '046577904' },
  { name: 'Baikal Trust Bank', country: 'RU', bic: 'BKLTRU2I', bankCode: '042520916' },

  { name: 'Hangang Bank', country: 'KR', bic: 'HGNGKRSE', bankCode: '057' },
  { name: 'Jeju Ocean Savings Bank', country: 'KR', bic: 'JOSBKRSE', bankCode: '059' },
  { name: 'Namsan Trust Bank', country: 'KR', bic: 'NMSTKRSE', bankCode: '062' },

  { name: 'Seven Mile Bank & Trust', country: 'KY', bic: 'SMBTKYKY', bankCode: '214' },
  { name: 'Stingray Private Bank', country: 'KY', bic: 'STPBKYKY', bankCode: '227' },
  { name: 'Caribbean Reef Trust', country: 'KY', bic: 'CRFTKYKY', bankCode: '238' },

  { name: 'Tortola Harbour Bank', country: 'VG', bic: 'TTHBVGVG', bankCode: 'TTHB' },
  { name: 'Virgin Gorda Trust Company', country: 'VG', bic: 'VGTCVGVG', bankCode: 'VGTC' },

  { name: 'Coral Reef Bank of Bermuda', country: 'BM', bic: 'CRBBBMHM', bankCode: '312' },
  { name: 'Gibbs Hill Trust', country: 'BM', bic: 'GHTBBMHM', bankCode: '318' },

  { name: 'Banco Istmeño', country: 'PA', bic: 'BITMPAPA', bankCode: '417' },
  { name: 'Canal Capital Bank', country: 'PA', bic: 'CNCBPAPA', bankCode: '426' },
  { name: 'Banco Bahía de Balboa', country: 'PA', bic: 'BBDBPAPA', bankCode: '433' },

  { name: 'Exuma Private Bank', country: 'BS', bic: 'EXPBBSNS', bankCode: '521' },
  { name: 'Lucayan Trust Bank', country: 'BS', bic: 'LCTBBSNS', bankCode: '534' },

  { name: 'Aphrodite Bank', country: 'CY', bic: 'APHBCY2N', bankCode: '018' },
  { name: 'Troodos Co-operative Bank', country: 'CY', bic: 'TRCBCY2N', bankCode: '027' },

  { name: 'Grand Harbour Bank', country: 'MT', bic: 'GHBKMTMT', bankCode: 'GHBK' },
  { name: 'Mdina Private Bank', country: 'MT', bic: 'MDPBMTMT', bankCode: 'MDPB' },

  { name: 'Île Maurice Banque Commerciale', country: 'MU', bic: 'IMBCMUMU', bankCode: 'IMBC01' },
  { name: 'Le Morne Bank', country: 'MU', bic: 'LMBKMUMU', bankCode: 'LMBK03' },
]
