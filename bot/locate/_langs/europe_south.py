"""Self-placement in the Southern and Western European languages, Ukrainian, Belarusian,
Georgian and Armenian (Macedonian, Albanian, Greek, Maltese, Catalan, Basque, Galician,
Italian, Portuguese, Spanish, French, Dutch, German, English).

See bot/locate/_langs/__init__.py for what each table holds.
"""

from __future__ import annotations

import re

from bot.locate._cue_kit import Cue, cue

# How long the writer has lived there: "seit sieben Jahren", "al tien jaar".
# Digits are gaps to the tokeniser, so only number words need listing.
_NUMBERS = "|".join(
    str.split(
        "ein einem einigen zwei drei vier funf sechs sieben acht neun zehn vielen paar "
        "een twee vier vijf zes zeven acht negen tien paar "
        "un uno una dos tres cuatro cinco seis siete ocho nueve diez varios muchos "
        "um uma dois duas tres quatro cinco seis sete oito nove dez varios muitos "
        "due quattro sei sette otto nove dieci tanti alcuni "
        "deux trois quatre cinq sept huit neuf dix plusieurs"
    )
)

SETS: dict[str, str] = {
    "SOUTH_NUM": _NUMBERS,
    "SOUTH_SPAN": "jahren|jahre|jahr|monaten|monate|wochen|jaar|jaren|maanden|weken|"
    "anos|anys|anni|mesi|meses|mesos|semanas|semanes|settimane|ans|mois|semaines",
    # "Me mudé a Ámsterdam el año pasado": time words between the verb and the place.
    "SOUTH_WHEN": "hace|ano|pasado|el|l'any|passat|fa|ja|o|pasado|ha|l'anno|scorso|"
    "recentemente|recientemente|recentment|poco|pouco|no|passado|agora|ahora|ora|ara|"
    "finalmente|definitivamente",
    "SOUTH_ES_WHO": "espanol|espanola|espanoles|espanolas|mexicano|mexicana|argentino|"
    "argentina|colombiano|colombiana|chileno|chilena|peruano|peruana|venezolano|venezolana|"
    "cubano|cubana|uruguayo|uruguaya|latino|latina|latinoamericano|latinoamericana|gay|"
    "lesbiana|trans|migrante|inmigrante|estudiante|refugiado|refugiada|expatriado|expatriada",
    "SOUTH_GR_WHEN": "περσι|περυσι|φετος|προσφατα|τελικα|πριν|χρονια|χρονο|ενα|δυο|τωρα",
}

RESIDENCE: list[str] = [
    # Spanish: "trabajo en Valparaíso", "llevo 6 años viviendo en Nueva York".
    "^trabajo|estudio|trabajamos|estudiamos|curro en",
    "yo|y|pero|ahora|actualmente trabajo|estudio|trabajamos|estudiamos en",
    "llevo|llevamos @SOUTH_NUM? @SOUTH_SPAN viviendo|residiendo|trabajando|estudiando en",
    "me|nos mude|mudamos|traslade|trasladamos|instale|instalamos @SOUTH_WHEN* a",
    "@SOUTH_ES_WHO viviendo|residiendo en",
    "y|pero|sigo|seguimos|ahora|actualmente viviendo|residiendo en",
    # Catalan: "visc a Girona", "estudio a Manresa", "em vaig mudar a Perpinyà".
    "visc|vivim|resideixo|resideixen|estic|estem|treballo|treballem a|al|als|en",
    "^estudio|estudiem a|al",
    "em|ens vaig|vam|varem @SOUTH_WHEN* mudar|traslladar|instal·lar|installar a|al|als|en",
    "salutacions|salut|abracades des_de|de",
    # Galician: "estou en Lugo", "levo 9 anos vivindo en Xenebra", "mudeime ao Porto".
    "estou|estamos|vivo|moro|vivimos|traballo|traballamos|estudo|estudamos en|no|na|nos|nas",
    "levo|levamos @SOUTH_NUM? @SOUTH_SPAN vivindo|traballando|estudando en|no|na",
    "mudeime|mudamonos|trasladeime|trasladamonos|instaleime @SOUTH_WHEN* a|ao|á|aos|para|en",
    "saudos|apertas|bicos|saudinos dende|desde|de",
    # Portuguese: "mudei-me para o Luxemburgo", "cumprimentos de Faro", "tô em BH".
    "mudei|mudamos|me_mudei|nos_mudamos|mudei_me|mudamo_nos @SOUTH_WHEN* para|pra|pro|a o|a|os|as?",
    "mudei|mudamos|me_mudei|nos_mudamos|mudei_me|mudamo_nos @SOUTH_WHEN* pro|prao|pra|ao|à",
    "cumprimentos|beijos|beijinhos|abraco|abracao|saudacoes|beijao de|do|da|desde",
    "^to|tou em|no|na|nos|nas",
    "eu to|tou|estou em|no|na|nos|nas",
    "^estudo|trabalho|estudamos|trabalhamos em|no|na",
    "eu|nos estudo|trabalho|estudamos|trabalhamos em|no|na",
    "moro|vivo|moramos|vivemos ha|faz @SOUTH_NUM? @SOUTH_SPAN em|no|na",
    # Italian: "sto a Bari", "mi sono trasferita a Londra", "abito al Vomero".
    "^sto|stiamo ora|adesso|attualmente? a|ad|in|nel|nella",
    "io|noi sto|stiamo ora|adesso|attualmente? a|ad|in|nel|nella",
    "mi|ci sono|siamo trasferito|trasferita|trasferiti|trasferite @SOUTH_WHEN* a|ad|in|nel|nella",
    "^studio|lavoro|studiamo|lavoriamo a|ad|in|nel|nella|al|alla",
    "io|noi studio|lavoro|studiamo|lavoriamo a|ad|in|nel|nella|al|alla",
    "abito|vivo|abitiamo|viviamo al|allo|alla|ai|agli|dalle_parti_di|in_zona",
    "un_saluto|saluto|salutoni|abbracci|un_abbraccio|baci|saluti_affettuosi da|dal|dalla",
    "vivo|abito|viviamo|abitiamo|lavoro da @SOUTH_NUM? @SOUTH_SPAN a|ad|in|nel|nella",
    # French: "on habite à Rennes", "je suis sur Lille", "je bosse à Toulouse".
    "on habite|vit|bosse|travaille|etudie|est a|au|aux|en|dans|sur",
    "je|j'suis|chuis|jsuis|on_est|nous_sommes suis? sur",
    "je bosse|taffe|etudie|travaille a|au|aux|en|sur",
    "je|nous me|nous suis|sommes installe|installee|installes|installees|etabli|etablie|"
    "etablis|demenage|demenagee|demenages @SOUTH_WHEN* a|au|aux|en|dans|sur",
    "j'ai|nous_avons demenage @SOUTH_WHEN* a|au|aux|en|dans|sur",
    "j'habite|je_vis|j'vis|habite|vis depuis @SOUTH_NUM? @SOUTH_SPAN a|au|aux|en|dans",
    "j'habite|j'vis|on_habite|je_vis a|au|aux|en|dans la|le|les",
    # Dutch: "zit in Groningen", "ik woon al 10 jaar in Keulen", "ik woon in de Jordaan".
    "^zit|zitten|woon|wonen in",
    "ik|we|wij studeer|studeren|werk|werken in",
    "ik|we|wij woon|wonen|zit|zitten|werk|werken|studeer|studeren al|nu|sinds? @SOUTH_NUM "
    "@SOUTH_SPAN in",
    "ik|we|wij woon|wonen|zit|zitten in de|het",
    # German: "ich wohne seit 7 Jahren in Prag", "ich studiere in Göttingen".
    "ich|wir studiere|studieren|arbeite|arbeiten @DEADV* in",
    "^studiere|arbeite in",
    "wohne|lebe|arbeite|wohnen|leben|arbeiten|bin|sind seit|schon|bereits|fast|uber|knapp "
    "seit? @SOUTH_NUM? @SOUTH_SPAN in",
    "wohne|lebe|wohnen|leben seit in",
    # Ukrainian and Belarusian: "тут у Харкові", "навчаюсь у Тернополі", "жыву ў Брэсце".
    "тут|ось_тут|тут_у_нас у|в|на",
    "навчаюсь|навчаюся|вчуся|працюю|студіюю|навчаємось|працюємо у|в|на",
    "я|ми переїхав|переїхала|переїхали|переїхало до|в|у",
    "^@SOUTH_UA_WHEN* переїхав|переїхала|переїхали @SOUTH_UA_WHEN* до|в|у",
    "я|мы ў|у|в",
    "жыву|жывем|жывём|жывуць|пражываю|вучуся|працую|вучымся|працуем ў|у|в|на",
    "^тут|я_тут ў|у",
    "пераехаў|пераехала|пераехалі @SOUTH_UA_WHEN* ў|у|в|да",
    "~ja|my žyvu|zhyvu|žyviom|žyvem|zhyviom|vučusia|vuchusia|pracuju ŭ|u|v",
    "~žyvu|zhyvu|žyviom|žyvem|zhyviom|vučusia|vuchusia|pracuju ŭ|u|v",
    "~tut ŭ|u|v",
    "~pierajechała|pierajechala|pierajechaŭ|pierajechali|pierajechaŭ @SOUTH_BE_WHEN* ŭ|u|v|da",
    # Macedonian: "јас сум во Цирих", "овде во Охрид", "се преселив во Малме".
    "јас|ние сум|сме во|на",
    "овде|тука|ете_овде во",
    "поздрав|поздрави|поздравуваме|поздравувам од",
    "се_преселив|се_преселивме|преселив|преселивме @SOUTH_MK_WHEN* во|на",
    "студирам|работам|студираме|работиме|живееме во|на",
    # Albanian: "jam në Prishtinë", "këtu në Korçë", "përshëndetje nga Prizreni".
    "~jam|jemi ne|tek|te",
    "~ketu|ketu_ku_jetoj ne|tek",
    "~pershendetje|pershendetje_te_ngrohta|te_fala|pershendetjet|pershendes nga",
    "~u_transferova|u_zhvendosa|u_shperngula|u_transferuam|u_zhvendosem|u_shperngulem "
    "@SOUTH_SQ_WHEN* ne|tek",
    "~studioj|punoj|studiojme|punojme ne|tek|te",
    "~jetoj|jetojme tek|te",
    # Greek: "είμαι Λάρισα", "εδώ στα Γιάννενα", "μετακόμισα πέρσι στο Λονδίνο", "μένω Εξάρχεια".
    "^ειμαι|ειμαστε στη|στην|στο|στον|στα|στις|στους?",
    "εδω|εμεις_εδω στη|στην|στο|στον|στα|στις|στους",
    "μετακομισα|μετακομισαμε|εγκατασταθηκα @SOUTH_GR_WHEN* στη|στην|στο|στον|στα|στις|στους",
    "^μενω|ζω|μενουμε|ζουμε",
    "σπουδαζω|δουλευω|εργαζομαι στη|στην|στο|στον|στα|στις|στους",
    # Maltese: "ngħix Birkirkara", "noqgħod Paceville", "naħdem il-Belt".
    "ngħix|ngħixu|noqgħod|noqogħdu|naħdem|naħdmu|nistudja f|fi|go|gewwa? @SOUTH_MT_ART?",
    "hawn|hawnhekk @SOUTH_MT_ART",
    "tislijiet|tislima|sliem|saluti|bwiesi minn|mill|mil|mix|miz|mis|mit|mid|min|mir|mic",
    "ilni|ilna ngħix|ngħixu|noqgħod|noqogħdu",
]
SETS.update({
    "SOUTH_UA_WHEN": "минулого|торік|року|нещодавно|недавно|вже|тепер|летась|"
    "нядаўна|году|мінулага|ужо",
    "SOUTH_BE_WHEN": "letaś|niadaŭna|užo|minułaha|hodu|ciapier",
    "SOUTH_MK_WHEN": "минатата|година|неодамна|лани|веќе|пред|пред_една_година",
    # Maltese articles, split off by the hyphen: "iż-Żabbar", "il-Belt", "fil-Fgura".
    "SOUTH_MT_ART": "il|l|iż|ix|is|it|id|in|ir|iċ|fil|fl|fiz|fix|fis|fit|fid|fin|fir",
    "SOUTH_SQ_WHEN": "vitin|e|kaluar|para|pak|kohe|se|fundmi|tani",
})  # fmt: skip

ORIGIN: list[str] = []

TIES: list[str] = []

_L = r"[^\W\d_]+"  # a Latin word
_KA = "[\u10d0-\u10ff]"
_HY = "[\u0531-\u0586]"
_I = re.IGNORECASE
# Cues see the raw text, the bot's handle still in front: "@CloseTheCampsBot Torino qui".
_START = r"^\s*(?:[@＠]\w+\s+)*"
_CLAUSE = rf"(?:{_START}|[.!?\n]\s*)"
_TOWN = r"(?P<p>[A-ZÀ-Þ][\w'-]+(?:\s[A-ZÀ-Þ][\w'-]+){0,2})"

CUES: dict[str, tuple[Cue, ...]] = {
    "latin": (
        # Basque glues the case to the place: "Barakaldon bizi naiz", "Gasteizen bizi gara",
        # "Donostian nago", "Leioan ikasten dut". Two cues, as "-n" follows a vowel and
        # "-en" a consonant: the wrong reading is a name the gazetteer does not know.
        cue("self-in", "before",
            rf"(?P<p>{_L})n\s+(?:bizi\s+(?:naiz|gara|nintzen)|nago|gaude|ikasten\s+dut|"
            r"lan\s+egiten\s+dut|lanean\s+nago)\b", flags=_I),
        cue("self-in", "before",
            rf"(?P<p>{_L})(?:en|ean)\s+(?:bizi\s+(?:naiz|gara|nintzen)|nago|gaude|"
            r"ikasten\s+dut|lan\s+egiten\s+dut|lanean\s+nago)\b", flags=_I),
        # "Hemen Iruñean", "7 urte daramatzat Londresen bizitzen".
        cue("self-in", "exact", rf"\bhemen,?\s+(?P<p>{_L}?)e?n\b", flags=_I),
        cue("self-in", "exact", rf"\bdaramatzat\s+(?P<p>{_L}?)e?n\s+bizitzen\b", flags=_I),
        # "Kaixo Baionatik!": hello from; "Berlinera joan nintzen bizitzera": moved to live.
        cue("self-in", "exact", rf"\b(?:kaixo|agur)\s+(?P<p>{_L})e?tik\b", flags=_I),
        cue("self-in", "exact", rf"\b(?:kaixo|agur)\s+(?P<p>{_L})tik\b", flags=_I),
        cue("self-in", "exact", rf"\b(?P<p>{_L}?)e?ra\s+joan\s+(?:nintzen|ginen)\s+bizitzera",
            flags=_I),
        # "Bin letztes Jahr nach Mailand gezogen", "vorig jaar naar Kopenhagen verhuisd".
        cue("self-in", "exact",
            rf"(?:{_CLAUSE}|\b(?:ich\s+bin|bin|wir\s+sind|ik\s+ben|ben|we\s+zijn)\s+)"
            r"(?:(?:letztes|letzten|vor|jahr|monat|monaten|jahren|kurzem|einem|zwei|\d+|"
            r"im|sommer|gerade|erst|neulich|vorig|vorige|afgelopen|dit|een|jaar|maand|week|"
            r"zomer|net|pas|onlangs|in)\s+){0,4}(?:nach|naar)\s+(?P<p>[A-ZÀ-Þ]\w+(?:\s+[A-Z]\w+)?)"
            r"\s+(?:gezogen|umgezogen|ausgewandert|verhuisd|getrokken|geëmigreerd)\b",
            capital=True, flags=_I),
        # A town then "here" opening a clause: "Torino qui 👋", "Vlora këtu", "Eibar hemen!".
        # Only before punctuation or the end: "Paris qui brûle" is French "which".
        cue("self-in", "exact",
            rf"{_CLAUSE}(?:[IiLl][lnxżstdrċ]?-)?(?P<p>[A-ZÀ-Þ][\w'-]+(?:\s[A-ZÀ-Þ][\w'-]+)?)\s+"
            r"(?:qui|këtu|ketu|hemen|hawn|aquí)(?=\s*(?:[^\w\s?]|$))", capital=True),
        # "Da Lugano: ...", "Des de Londres: ...", "Nga Londra: ...": a town and a colon
        # opening the message, as "From Toronto:" does in English.
        cue("self-from", "exact",
            rf"{_START}(?:da|dal|dalla|des\s+de|dende|nga|minn|direto\s+de|diretamente\s+de)\s+"
            r"(?P<p>[A-ZÀ-Þ][\w'-]+(?:\s[A-ZÀ-Þ][\w'-]+)?)\s*:", capital=True, flags=_I),
        cue("self-from", "exact", rf"{_START}(?P<p>{_L})tik\s*:", flags=_I),
        cue("self-from", "exact", rf"{_START}(?P<p>{_L})etik\s*:", flags=_I),
        # A number is a gap to the word patterns, which want the words contiguous:
        # "llevo 6 años viviendo en", "wohne seit 7 Jahren in", "woon al 10 jaar in".
        cue("self-in", "after",
            r"\b(?:llevo|llevamos|levo|levamos)\s+\d+\s+(?:años|anos|meses|anys)\s+"
            rf"(?:viviendo|vivindo|residiendo|trabajando|traballando|estudiando)\s+en\s+{_TOWN}",
            capital=True, flags=_I),
        cue("self-in", "after",
            r"\b(?:wohne|lebe|arbeite|wohnen|leben|arbeiten|woon|wonen|werk|werken|zit|zitten)\s+"
            r"(?:seit|schon|bereits|al|nu|sinds)\s+(?:(?:über|uber|fast|knapp|ruim|bijna)\s+)?"
            rf"\d+\s+(?:jahren|jahre|monaten|jaar|jaren|maanden)\s+in\s+{_TOWN}",
            capital=True, flags=_I),
    ),
    "caucasus": (
        # Georgian "აქ, თელავში" (here, in Telavi), "გამარჯობა ათენიდან" (hello from Athens),
        # "ვარშავაში გადავედი" (I moved to Warsaw).
        cue("self-in", "exact", rf"აქ,?\s+(?P<p>{_KA}+?)ში\b"),
        cue("self-in", "exact", rf"(?:გამარჯობა|სალამი|მოკითხვა)\s+(?P<p>{_KA}+?)დან\b"),
        cue("self-in", "before", rf"(?P<p>{_KA}+?)ში\s+(?:გადავედი|გადავედით|ვსწავლობ)"),
        # Armenian "ապրում ենք Վանաձորում" (we live), "Դիլիջանում եմ" (I am in),
        # "Այստեղ՝ Կապանում" (here, in), "Բարև Բեյրութից" (hello from), "աշխատում եմ".
        cue("self-in", "exact",
            rf"(?:ապրում|բնակվում|աշխատում|սովորում)\s+(?:եմ|ենք)\s+(?P<p>{_HY}+(?:\s{_HY}+)?)ում",
            flags=_I),
        cue("self-in", "after", rf"տեղափոխվ(?:եցի|եցինք)\s+(?P<p>{_HY}+(?:\s{_HY}+)?)", flags=_I),
        # Not "Փարիզում եմ եղել" (I have been to Paris) nor "...ծնվել" (I was born in).
        cue("self-in", "exact",
            rf"(?:^|\s)(?P<p>{_HY}+)ում\s+(?:եմ|ենք)(?!\s+(?:եղել|լինելու|գնում|ծնվել|մեծացել))"),
        cue("self-in", "exact", rf"այստեղ[՝,]?\s+(?P<p>{_HY}+)ում", flags=_I),
        cue("self-in", "exact", rf"(?:բարև|բարեւ|ողջույն|բարևներ)\s+(?P<p>{_HY}+?)ից", flags=_I),
        # "Թբիլիսիից՝ ...", "ლონდონიდან: ...": from a town, opening the message.
        cue("self-from", "exact", rf"{_START}(?P<p>{_HY}+?)ից[՝:]"),
        cue("self-from", "exact", rf"{_START}(?P<p>{_KA}+?)დან:"),
        # A town then "here": "ზუგდიდი აქ!", "Գորիսն այստեղ է".
        cue("self-in", "exact", rf"{_CLAUSE}(?P<p>{_KA}+)\s+აქ(?=\s*(?:[^\w\s]|$))"),
        cue("self-in", "exact", rf"{_CLAUSE}(?P<p>{_HY}+?)ն?\s+այստեղ\s+(?:է|եմ|ենք)",
            flags=_I),
    ),
    # Cyrillic and Greek: "Од Торонто: ...", "Από Μελβούρνη: ...", "Βόλος εδώ!",
    # "Одеса на зв'язку!" (on the line); only where the detector below saw the words.
    "south_lead": (
        cue("self-from", "exact",
            rf"{_START}(?:од|ад|з|із|από|απο)\s+(?P<p>[^\W\d_]+(?:\s[^\W\d_]+)?)\s*:",
            flags=_I),
        cue("self-in", "exact",
            rf"{_CLAUSE}(?P<p>[^\W\d_]+(?:\s[^\W\d_]+)?)\s+(?:εδώ|εδω|овде|тука|тут|"
            r"на\s+зв.язку|на\s+сувязі)(?=\s*(?:[^\w\s]|$))", flags=_I),
    ),
}  # fmt: skip
SCRIPTS: dict[str, re.Pattern[str]] = {
    "south_lead": re.compile(
        r"^\s*(?:[@＠]\w+\s+)*(?:[ОоАаЗз]д?|Із|із|Από|από|Απο|απο)\s"
        r"|εδώ|εδω|овде|тука|тут|на\s+зв.язку|на\s+сувязі"
    ),
}
LATIN_WORDS = (
    "bizi nago gaude ikasten lanean hemen daramatzat kaixo agur bizitzera "
    "gezogen umgezogen ausgewandert verhuisd getrokken geemigreerd "
    "qui ketu hemen hawn aqui da dal dalla des dende nga minn direto diretamente "
    "llevo llevamos levo levamos wohne lebe wohnen leben arbeite arbeiten woon wonen werk "
    "werken zit zitten"
)
