/**
 * Countries the synthetic banks serve.
 *
 * `riskTier` is a bank-internal country rating in the style of FATF grey/black-list and sanctions
 * exposure, not an official list: high = sanctioned economy or recent FATF increased-monitoring/secrecy
 * concerns; medium = large emerging markets and well-regulated offshore centres.
 *
 * `taxHaven` follows the usual low-tax / secrecy jurisdiction lists (classic offshore centres plus the EU
 * and Swiss conduit jurisdictions); `financialCentre` marks the ten global banking centres.
 *
 * `populationWeight` is relative: the chance a customer of our fictional bank lives there.
 * `incomeLevel` is the typical nominal wage relative to the US (= 1), to scale occupation incomes.
 *
 * Phone: `phoneCode` is the E.164 country code, `phoneDigits` the length of the national significant
 * number (no trunk 0). NANP islands (KY, VG, BM, BS) are +1 with 10 digits like the US.
 *
 * `ibanLength` is the IBAN registry length, 0 where IBAN is not used. `bbanPattern` describes the BBAN
 * (the IBAN without country and check digits, so its length is ibanLength − 4): `b` = next character of
 * the bank's `bankCode` (banks.ts), `#` = digit, `A` = upper-case letter, `X` = digit or upper-case
 * letter, anything else literal. National check digits inside a BBAN are not computed; only the IBAN
 * mod-97 checksum has to hold.
 *
 * `postalPattern`: `#` digit, `A` upper-case letter, anything else literal; empty where the country has
 * no postal codes (AE, HK, BS).
 *
 * Cities are the largest first; local (endonym) spelling for Latin-script countries, common English
 * names for non-Latin ones so analysts can read them.
 */
export type RiskTier = 'low' | 'medium' | 'high'

export interface Country {
  code: string
  name: string
  currency: string
  locale: string
  riskTier: RiskTier
  taxHaven: boolean
  financialCentre: boolean
  populationWeight: number
  incomeLevel: number
  phoneCode: string
  phoneDigits: number
  ibanLength: number
  bbanPattern: string
  postalPattern: string
  cities: readonly string[]
}

export const countries: readonly Country[] = [
  {
    code: 'US', name: 'United States', currency: 'USD', locale: 'en_US', riskTier: 'low', taxHaven: false, financialCentre: true,
    populationWeight: 30, incomeLevel: 1, phoneCode: '+1', phoneDigits: 10, ibanLength: 0, bbanPattern: '', postalPattern: '#####',
    cities: ['New York', 'Los Angeles', 'Chicago', 'Houston', 'Phoenix', 'Philadelphia', 'San Antonio', 'San Diego', 'Dallas', 'Jacksonville', 'Austin', 'San Jose', 'Fort Worth', 'Columbus', 'Charlotte'],
  },
  {
    code: 'GB', name: 'United Kingdom', currency: 'GBP', locale: 'en_GB', riskTier: 'low', taxHaven: false, financialCentre: true,
    populationWeight: 12, incomeLevel: 0.62, phoneCode: '+44', phoneDigits: 10, ibanLength: 22, bbanPattern: 'bbbb##############', postalPattern: 'AA# #AA',
    cities: ['London', 'Birmingham', 'Manchester', 'Glasgow', 'Leeds', 'Liverpool', 'Sheffield', 'Bristol', 'Edinburgh', 'Leicester', 'Cardiff', 'Coventry', 'Nottingham', 'Newcastle upon Tyne', 'Belfast'],
  },
  {
    code: 'DE', name: 'Germany', currency: 'EUR', locale: 'de', riskTier: 'low', taxHaven: false, financialCentre: true,
    populationWeight: 8, incomeLevel: 0.7, phoneCode: '+49', phoneDigits: 11, ibanLength: 22, bbanPattern: 'bbbbbbbb##########', postalPattern: '#####',
    cities: ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt am Main', 'Stuttgart', 'Düsseldorf', 'Leipzig', 'Dortmund', 'Essen', 'Bremen', 'Dresden', 'Hannover', 'Nürnberg', 'Duisburg'],
  },
  {
    code: 'FR', name: 'France', currency: 'EUR', locale: 'fr', riskTier: 'low', taxHaven: false, financialCentre: true,
    populationWeight: 6, incomeLevel: 0.6, phoneCode: '+33', phoneDigits: 9, ibanLength: 27, bbanPattern: 'bbbbb##################', postalPattern: '#####',
    cities: ['Paris', 'Marseille', 'Lyon', 'Toulouse', 'Nice', 'Nantes', 'Montpellier', 'Strasbourg', 'Bordeaux', 'Lille', 'Rennes', 'Toulon', 'Reims', 'Saint-Étienne', 'Le Havre'],
  },
  {
    code: 'NL', name: 'Netherlands', currency: 'EUR', locale: 'nl', riskTier: 'low', taxHaven: false, financialCentre: true,
    populationWeight: 3, incomeLevel: 0.75, phoneCode: '+31', phoneDigits: 9, ibanLength: 18, bbanPattern: 'bbbb##########', postalPattern: '#### AA',
    cities: ['Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen', 'Apeldoorn', 'Haarlem', 'Arnhem', 'Enschede', 'Amersfoort'],
  },
  {
    code: 'CH', name: 'Switzerland', currency: 'CHF', locale: 'de', riskTier: 'low', taxHaven: true, financialCentre: true,
    populationWeight: 2, incomeLevel: 1.15, phoneCode: '+41', phoneDigits: 9, ibanLength: 21, bbanPattern: 'bbbbb############', postalPattern: '####',
    cities: ['Zürich', 'Genève', 'Basel', 'Lausanne', 'Bern', 'Winterthur', 'Luzern', 'St. Gallen', 'Lugano', 'Biel/Bienne', 'Thun', 'Fribourg', 'Schaffhausen', 'Chur', 'Neuchâtel'],
  },
  {
    code: 'LU', name: 'Luxembourg', currency: 'EUR', locale: 'fr', riskTier: 'low', taxHaven: true, financialCentre: true,
    populationWeight: 0.5, incomeLevel: 1.2, phoneCode: '+352', phoneDigits: 9, ibanLength: 20, bbanPattern: 'bbb#############', postalPattern: 'L-####',
    cities: ['Luxembourg', 'Esch-sur-Alzette', 'Differdange', 'Dudelange', 'Pétange', 'Sanem', 'Hesperange', 'Bettembourg', 'Schifflange', 'Käerjeng', 'Mamer', 'Strassen', 'Mersch', 'Ettelbruck', 'Diekirch'],
  },
  {
    code: 'IE', name: 'Ireland', currency: 'EUR', locale: 'en_GB', riskTier: 'low', taxHaven: true, financialCentre: false,
    populationWeight: 1.5, incomeLevel: 0.85, phoneCode: '+353', phoneDigits: 9, ibanLength: 22, bbanPattern: 'bbbb##############', postalPattern: 'A## A#A#',
    cities: ['Dublin', 'Cork', 'Limerick', 'Galway', 'Waterford', 'Drogheda', 'Swords', 'Dundalk', 'Bray', 'Navan', 'Kilkenny', 'Ennis', 'Carlow', 'Tralee', 'Athlone'],
  },
  {
    code: 'ES', name: 'Spain', currency: 'EUR', locale: 'es', riskTier: 'low', taxHaven: false, financialCentre: false,
    populationWeight: 4, incomeLevel: 0.45, phoneCode: '+34', phoneDigits: 9, ibanLength: 24, bbanPattern: 'bbbb################', postalPattern: '#####',
    cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Zaragoza', 'Málaga', 'Murcia', 'Palma', 'Las Palmas de Gran Canaria', 'Bilbao', 'Alicante', 'Córdoba', 'Valladolid', 'Vigo', 'Gijón'],
  },
  {
    code: 'IT', name: 'Italy', currency: 'EUR', locale: 'it', riskTier: 'low', taxHaven: false, financialCentre: false,
    populationWeight: 4.5, incomeLevel: 0.5, phoneCode: '+39', phoneDigits: 10, ibanLength: 27, bbanPattern: 'Abbbbb#################', postalPattern: '#####',
    cities: ['Roma', 'Milano', 'Napoli', 'Torino', 'Palermo', 'Genova', 'Bologna', 'Firenze', 'Bari', 'Catania', 'Verona', 'Venezia', 'Messina', 'Padova', 'Trieste'],
  },
  {
    code: 'BE', name: 'Belgium', currency: 'EUR', locale: 'nl', riskTier: 'low', taxHaven: false, financialCentre: false,
    populationWeight: 1.5, incomeLevel: 0.7, phoneCode: '+32', phoneDigits: 9, ibanLength: 16, bbanPattern: 'bbb#########', postalPattern: '####',
    cities: ['Bruxelles', 'Antwerpen', 'Gent', 'Charleroi', 'Liège', 'Brugge', 'Namur', 'Leuven', 'Mons', 'Mechelen', 'Aalst', 'Hasselt', 'Kortrijk'],
  },
  {
    code: 'AT', name: 'Austria', currency: 'EUR', locale: 'de', riskTier: 'low', taxHaven: false, financialCentre: false,
    populationWeight: 1.2, incomeLevel: 0.7, phoneCode: '+43', phoneDigits: 10, ibanLength: 20, bbanPattern: 'bbbbb###########', postalPattern: '####',
    cities: ['Wien', 'Graz', 'Linz', 'Salzburg', 'Innsbruck', 'Klagenfurt', 'Villach', 'Wels', 'Sankt Pölten', 'Dornbirn', 'Wiener Neustadt', 'Steyr', 'Feldkirch', 'Bregenz'],
  },
  {
    code: 'SE', name: 'Sweden', currency: 'SEK', locale: 'sv', riskTier: 'low', taxHaven: false, financialCentre: false,
    populationWeight: 1.5, incomeLevel: 0.65, phoneCode: '+46', phoneDigits: 9, ibanLength: 24, bbanPattern: 'bbb#################', postalPattern: '### ##',
    cities: ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala', 'Västerås', 'Örebro', 'Linköping', 'Helsingborg', 'Jönköping', 'Norrköping', 'Lund', 'Umeå', 'Gävle'],
  },
  {
    // No Norwegian or Danish locale is extracted; Swedish names are the closest neighbour.
    code: 'NO', name: 'Norway', currency: 'NOK', locale: 'sv', riskTier: 'low', taxHaven: false, financialCentre: false,
    populationWeight: 0.8, incomeLevel: 0.9, phoneCode: '+47', phoneDigits: 8, ibanLength: 15, bbanPattern: 'bbbb#######', postalPattern: '####',
    cities: ['Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Drammen', 'Fredrikstad', 'Kristiansand', 'Sandnes', 'Tromsø', 'Sarpsborg', 'Skien', 'Ålesund', 'Bodø'],
  },
  {
    code: 'DK', name: 'Denmark', currency: 'DKK', locale: 'sv', riskTier: 'low', taxHaven: false, financialCentre: false,
    populationWeight: 0.8, incomeLevel: 0.85, phoneCode: '+45', phoneDigits: 8, ibanLength: 18, bbanPattern: 'bbbb##########', postalPattern: '####',
    cities: ['København', 'Aarhus', 'Odense', 'Aalborg', 'Esbjerg', 'Randers', 'Kolding', 'Horsens', 'Vejle', 'Roskilde', 'Herning', 'Silkeborg'],
  },
  {
    code: 'PL', name: 'Poland', currency: 'PLN', locale: 'pl', riskTier: 'low', taxHaven: false, financialCentre: false,
    populationWeight: 2.5, incomeLevel: 0.3, phoneCode: '+48', phoneDigits: 9, ibanLength: 28, bbanPattern: 'bbbbbbbb################', postalPattern: '##-###',
    cities: ['Warszawa', 'Kraków', 'Wrocław', 'Łódź', 'Poznań', 'Gdańsk', 'Szczecin', 'Bydgoszcz', 'Lublin', 'Białystok', 'Katowice', 'Gdynia', 'Częstochowa', 'Radom', 'Rzeszów'],
  },
  {
    code: 'JP', name: 'Japan', currency: 'JPY', locale: 'ja', riskTier: 'low', taxHaven: false, financialCentre: true,
    populationWeight: 3, incomeLevel: 0.45, phoneCode: '+81', phoneDigits: 10, ibanLength: 0, bbanPattern: '', postalPattern: '###-####',
    cities: ['Tokyo', 'Yokohama', 'Osaka', 'Nagoya', 'Sapporo', 'Fukuoka', 'Kobe', 'Kawasaki', 'Kyoto', 'Saitama', 'Hiroshima', 'Sendai', 'Chiba', 'Kitakyushu', 'Sakai'],
  },
  {
    // A city-state: after the city itself, the largest planning areas stand in for towns.
    code: 'SG', name: 'Singapore', currency: 'SGD', locale: 'en_GB', riskTier: 'low', taxHaven: false, financialCentre: true,
    populationWeight: 1, incomeLevel: 0.85, phoneCode: '+65', phoneDigits: 8, ibanLength: 0, bbanPattern: '', postalPattern: '######',
    cities: ['Singapore', 'Bedok', 'Tampines', 'Jurong West', 'Sengkang', 'Woodlands', 'Hougang', 'Yishun', 'Choa Chu Kang', 'Punggol', 'Ang Mo Kio', 'Bukit Merah', 'Bukit Batok', 'Toa Payoh', 'Clementi'],
  },
  {
    code: 'HK', name: 'Hong Kong', currency: 'HKD', locale: 'zh_CN', riskTier: 'medium', taxHaven: false, financialCentre: true,
    populationWeight: 1, incomeLevel: 0.6, phoneCode: '+852', phoneDigits: 8, ibanLength: 0, bbanPattern: '', postalPattern: '',
    cities: ['Hong Kong', 'Kowloon', 'Sha Tin', 'Tuen Mun', 'Yuen Long', 'Tsuen Wan', 'Tseung Kwan O', 'Tai Po', 'Kwun Tong', 'Sheung Shui', 'Tung Chung', 'Mong Kok', 'Causeway Bay', 'Wan Chai', 'Central'],
  },
  {
    code: 'CN', name: 'China', currency: 'CNY', locale: 'zh_CN', riskTier: 'medium', taxHaven: false, financialCentre: false,
    populationWeight: 2.5, incomeLevel: 0.18, phoneCode: '+86', phoneDigits: 11, ibanLength: 0, bbanPattern: '', postalPattern: '######',
    cities: ['Shanghai', 'Beijing', 'Chongqing', 'Guangzhou', 'Shenzhen', 'Tianjin', 'Chengdu', 'Wuhan', 'Hangzhou', 'Dongguan', "Xi'an", 'Nanjing', 'Suzhou', 'Shenyang', 'Qingdao'],
  },
  {
    code: 'IN', name: 'India', currency: 'INR', locale: 'en_IN', riskTier: 'medium', taxHaven: false, financialCentre: false,
    populationWeight: 3, incomeLevel: 0.05, phoneCode: '+91', phoneDigits: 10, ibanLength: 0, bbanPattern: '', postalPattern: '######',
    cities: ['Mumbai', 'Delhi', 'Bengaluru', 'Hyderabad', 'Ahmedabad', 'Chennai', 'Kolkata', 'Surat', 'Pune', 'Jaipur', 'Lucknow', 'Kanpur', 'Nagpur', 'Indore', 'Bhopal'],
  },
  {
    code: 'AU', name: 'Australia', currency: 'AUD', locale: 'en_GB', riskTier: 'low', taxHaven: false, financialCentre: false,
    populationWeight: 2.5, incomeLevel: 0.8, phoneCode: '+61', phoneDigits: 9, ibanLength: 0, bbanPattern: '', postalPattern: '####',
    cities: ['Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide', 'Gold Coast', 'Newcastle', 'Canberra', 'Sunshine Coast', 'Wollongong', 'Geelong', 'Hobart', 'Townsville', 'Cairns', 'Darwin'],
  },
  {
    code: 'CA', name: 'Canada', currency: 'CAD', locale: 'en_US', riskTier: 'low', taxHaven: false, financialCentre: false,
    populationWeight: 4, incomeLevel: 0.7, phoneCode: '+1', phoneDigits: 10, ibanLength: 0, bbanPattern: '', postalPattern: 'A#A #A#',
    cities: ['Toronto', 'Montréal', 'Calgary', 'Ottawa', 'Edmonton', 'Winnipeg', 'Mississauga', 'Vancouver', 'Brampton', 'Hamilton', 'Surrey', 'Québec', 'Halifax', 'Laval', 'Victoria'],
  },
  {
    code: 'NZ', name: 'New Zealand', currency: 'NZD', locale: 'en_GB', riskTier: 'low', taxHaven: false, financialCentre: false,
    populationWeight: 0.8, incomeLevel: 0.6, phoneCode: '+64', phoneDigits: 9, ibanLength: 0, bbanPattern: '', postalPattern: '####',
    cities: ['Auckland', 'Christchurch', 'Wellington', 'Hamilton', 'Tauranga', 'Lower Hutt', 'Dunedin', 'Palmerston North', 'Napier', 'Porirua', 'New Plymouth', 'Rotorua', 'Whangārei', 'Nelson', 'Invercargill'],
  },
  {
    code: 'BR', name: 'Brazil', currency: 'BRL', locale: 'pt_BR', riskTier: 'medium', taxHaven: false, financialCentre: false,
    populationWeight: 2, incomeLevel: 0.14, phoneCode: '+55', phoneDigits: 11, ibanLength: 29, bbanPattern: 'bbbbbbbb###############AX', postalPattern: '#####-###',
    cities: ['São Paulo', 'Rio de Janeiro', 'Brasília', 'Fortaleza', 'Salvador', 'Belo Horizonte', 'Manaus', 'Curitiba', 'Recife', 'Goiânia', 'Belém', 'Porto Alegre', 'Guarulhos', 'Campinas', 'São Luís'],
  },
  {
    code: 'MX', name: 'Mexico', currency: 'MXN', locale: 'es', riskTier: 'medium', taxHaven: false, financialCentre: false,
    populationWeight: 2, incomeLevel: 0.15, phoneCode: '+52', phoneDigits: 10, ibanLength: 0, bbanPattern: '', postalPattern: '#####',
    cities: ['Ciudad de México', 'Monterrey', 'Guadalajara', 'Puebla', 'Toluca', 'Tijuana', 'León', 'Querétaro', 'Ciudad Juárez', 'Mérida', 'San Luis Potosí', 'Aguascalientes', 'Mexicali', 'Cancún', 'Hermosillo'],
  },
  {
    code: 'ZA', name: 'South Africa', currency: 'ZAR', locale: 'en_GB', riskTier: 'high', taxHaven: false, financialCentre: false,
    populationWeight: 1, incomeLevel: 0.1, phoneCode: '+27', phoneDigits: 9, ibanLength: 0, bbanPattern: '', postalPattern: '####',
    cities: ['Johannesburg', 'Cape Town', 'Durban', 'Pretoria', 'Gqeberha', 'Bloemfontein', 'East London', 'Pietermaritzburg', 'Polokwane', 'Mbombela', 'Kimberley', 'Rustenburg', 'George', 'Stellenbosch'],
  },
  {
    code: 'AE', name: 'United Arab Emirates', currency: 'AED', locale: 'ar', riskTier: 'high', taxHaven: false, financialCentre: false,
    populationWeight: 1, incomeLevel: 0.65, phoneCode: '+971', phoneDigits: 9, ibanLength: 23, bbanPattern: 'bbb################', postalPattern: '',
    cities: ['Dubai', 'Abu Dhabi', 'Sharjah', 'Al Ain', 'Ajman', 'Ras Al Khaimah', 'Fujairah', 'Umm Al Quwain', 'Khor Fakkan', 'Kalba'],
  },
  {
    code: 'SA', name: 'Saudi Arabia', currency: 'SAR', locale: 'ar', riskTier: 'medium', taxHaven: false, financialCentre: false,
    populationWeight: 0.6, incomeLevel: 0.4, phoneCode: '+966', phoneDigits: 9, ibanLength: 24, bbanPattern: 'bb##################', postalPattern: '#####',
    cities: ['Riyadh', 'Jeddah', 'Mecca', 'Medina', 'Dammam', 'Taif', 'Tabuk', 'Buraidah', 'Khamis Mushait', 'Al Khobar', 'Hail', 'Abha', 'Jubail', 'Najran', 'Yanbu'],
  },
  {
    code: 'TR', name: 'Türkiye', currency: 'TRY', locale: 'tr', riskTier: 'medium', taxHaven: false, financialCentre: false,
    populationWeight: 1, incomeLevel: 0.15, phoneCode: '+90', phoneDigits: 10, ibanLength: 26, bbanPattern: 'bbbbb0################', postalPattern: '#####',
    cities: ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Antalya', 'Konya', 'Adana', 'Şanlıurfa', 'Gaziantep', 'Kocaeli', 'Mersin', 'Diyarbakır', 'Kayseri', 'Eskişehir', 'Samsun'],
  },
  {
    // Russia is outside SEPA/IBAN in practice; domestic payments use a BIK plus a 20-digit account.
    code: 'RU', name: 'Russia', currency: 'RUB', locale: 'ru', riskTier: 'high', taxHaven: false, financialCentre: false,
    populationWeight: 0.8, incomeLevel: 0.15, phoneCode: '+7', phoneDigits: 10, ibanLength: 0, bbanPattern: '', postalPattern: '######',
    cities: ['Moscow', 'Saint Petersburg', 'Novosibirsk', 'Yekaterinburg', 'Kazan', 'Nizhny Novgorod', 'Krasnoyarsk', 'Chelyabinsk', 'Samara', 'Ufa', 'Rostov-on-Don', 'Omsk', 'Krasnodar', 'Voronezh', 'Perm'],
  },
  {
    code: 'KR', name: 'South Korea', currency: 'KRW', locale: 'ko', riskTier: 'low', taxHaven: false, financialCentre: false,
    populationWeight: 1.2, incomeLevel: 0.5, phoneCode: '+82', phoneDigits: 10, ibanLength: 0, bbanPattern: '', postalPattern: '#####',
    cities: ['Seoul', 'Busan', 'Incheon', 'Daegu', 'Daejeon', 'Gwangju', 'Suwon', 'Ulsan', 'Yongin', 'Goyang', 'Changwon', 'Seongnam', 'Hwaseong', 'Cheongju', 'Bucheon'],
  },
  {
    code: 'KY', name: 'Cayman Islands', currency: 'KYD', locale: 'en_GB', riskTier: 'medium', taxHaven: true, financialCentre: false,
    populationWeight: 0.2, incomeLevel: 0.9, phoneCode: '+1', phoneDigits: 10, ibanLength: 0, bbanPattern: '', postalPattern: 'KY#-####',
    cities: ['George Town', 'West Bay', 'Bodden Town', 'Savannah', 'Newlands', 'Prospect', 'Red Bay', 'East End', 'North Side', 'West End'],
  },
  {
    code: 'VG', name: 'British Virgin Islands', currency: 'USD', locale: 'en_GB', riskTier: 'high', taxHaven: true, financialCentre: false,
    populationWeight: 0.1, incomeLevel: 0.55, phoneCode: '+1', phoneDigits: 10, ibanLength: 24, bbanPattern: 'bbbb################', postalPattern: 'VG####',
    cities: ['Road Town', 'East End', 'Long Look', 'Sea Cows Bay', 'Spanish Town', 'Carrot Bay', 'Cane Garden Bay', 'West End', 'The Settlement', 'Great Harbour'],
  },
  {
    code: 'BM', name: 'Bermuda', currency: 'BMD', locale: 'en_GB', riskTier: 'medium', taxHaven: true, financialCentre: false,
    populationWeight: 0.2, incomeLevel: 1.2, phoneCode: '+1', phoneDigits: 10, ibanLength: 0, bbanPattern: '', postalPattern: 'AA ##',
    cities: ['Hamilton', "St. George's", 'Pembroke', 'Devonshire', 'Paget', 'Warwick', 'Southampton', "Smith's", 'Sandys', 'Somerset', 'Flatts Village'],
  },
  {
    // USD circulates as legal tender and is what Panamanian banks book; the balboa exists only as coins.
    code: 'PA', name: 'Panama', currency: 'USD', locale: 'es', riskTier: 'high', taxHaven: true, financialCentre: false,
    populationWeight: 0.3, incomeLevel: 0.25, phoneCode: '+507', phoneDigits: 8, ibanLength: 0, bbanPattern: '', postalPattern: '####',
    cities: ['Ciudad de Panamá', 'San Miguelito', 'Tocumen', 'David', 'Arraiján', 'Colón', 'La Chorrera', 'Santiago de Veraguas', 'Chitré', 'Penonomé', 'Aguadulce', 'Las Tablas', 'Boquete'],
  },
  {
    code: 'BS', name: 'Bahamas', currency: 'BSD', locale: 'en_GB', riskTier: 'medium', taxHaven: true, financialCentre: false,
    populationWeight: 0.2, incomeLevel: 0.4, phoneCode: '+1', phoneDigits: 10, ibanLength: 0, bbanPattern: '', postalPattern: '',
    cities: ['Nassau', 'Freeport', 'West End', 'Coopers Town', 'Marsh Harbour', 'Freetown', 'High Rock', 'Andros Town', 'Clarence Town', 'Dunmore Town', 'George Town', 'Alice Town', 'Spanish Wells'],
  },
  {
    code: 'CY', name: 'Cyprus', currency: 'EUR', locale: 'en_GB', riskTier: 'medium', taxHaven: true, financialCentre: false,
    populationWeight: 0.4, incomeLevel: 0.45, phoneCode: '+357', phoneDigits: 8, ibanLength: 28, bbanPattern: 'bbb#####################', postalPattern: '####',
    cities: ['Nicosia', 'Limassol', 'Larnaca', 'Strovolos', 'Lakatamia', 'Paphos', 'Germasogeia', 'Paralimni', 'Aradippou', 'Ayia Napa', 'Polis'],
  },
  {
    code: 'MT', name: 'Malta', currency: 'EUR', locale: 'en_GB', riskTier: 'medium', taxHaven: true, financialCentre: false,
    populationWeight: 0.3, incomeLevel: 0.45, phoneCode: '+356', phoneDigits: 8, ibanLength: 31, bbanPattern: 'bbbb#######################', postalPattern: 'AAA ####',
    cities: ['Birkirkara', 'Mosta', 'Qormi', 'Żabbar', 'San Pawl il-Baħar', 'Sliema', 'Naxxar', 'Żejtun', 'Fgura', 'Swieqi', 'Marsaskala', 'Valletta', 'Rabat'],
  },
  {
    code: 'MU', name: 'Mauritius', currency: 'MUR', locale: 'fr', riskTier: 'medium', taxHaven: true, financialCentre: false,
    populationWeight: 0.2, incomeLevel: 0.15, phoneCode: '+230', phoneDigits: 8, ibanLength: 30, bbanPattern: 'bbbbbb##############000MUR', postalPattern: '#####',
    cities: ['Port Louis', 'Vacoas-Phoenix', 'Beau Bassin-Rose Hill', 'Curepipe', 'Quatre Bornes', 'Triolet', 'Goodlands', 'Centre de Flacq', 'Mahébourg', 'Saint Pierre', 'Rose Belle', 'Grand Baie'],
  },
]

export const countryByCode: Readonly<Record<string, Country>> = Object.fromEntries(countries.map((c) => [c.code, c]))
