"""Grammar of self-placement for bot.locate, one table per meaning.

A pattern is a sequence of word slots that ends exactly where the place name
starts. Slots are separated by spaces; "a|b" are alternatives, "over_here" is a
two-word alternative, a trailing "?" makes a slot optional and "*" repeatable,
"@NAME" refers to a set below. A leading "~" marks languages whose place names
inflect in Latin script (Polish, Finnish), so the reader may strip case endings;
a leading "^" makes the pattern count only at the start of a clause, for phrases
whose subject tweets drop ("moved to Berlin") but which, mid-sentence, may be
about someone else ("the men were moved to Grozny").
Words are folded like gazetteer keys, so "à"/"a", "Grüße"/"grusse" are equal.

Patterns never decide the country: "soy de" is used in Spain and in Mexico
alike, so language only tells us which words to look for.

Matching runs backwards from a word, indexed by the pattern's last word, which
is far cheaper than scanning each mention with dozens of regexes.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.locate import _langs
from bot.locate._normalise import fold, folded_words
from bot.locate._phrases import NEGATION_MORE, VISITING_MORE

SETS = {
    "ME": "i'm|im|i_am|we're|we_are",
    "ADV": "currently|now|still|also|actually|too|living|located|based|staying|stuck|trapped|"
    "here|over_here|right_now|at_home|at_the_moment|mostly",
    "KIN": "family|friend|friends|partner|boyfriend|girlfriend|husband|wife|brother|sister|son|"
    "daughter|parents|mother|mom|mum|father|dad|relatives|cousin|cousins|uncle|aunt|fiance|"
    "fiancee|kids|children|home|grandparents|grandma|grandmother|grandfather|grandpa",
    "PEOPLE": "people|folks|those|us|someone|anyone|residents|citizens|people_like_me",
    "ASKS": "resources|petition|petitions|info|information|options|advice|anything|ideas|tips|"
    "way|ways|organisations|organizations|groups|charities|something|contacts|actions",
    "DEADV": "jetzt|gerade|derzeit|zurzeit|momentan|aktuell|auch|aber|nun|inzwischen|"
    "mittlerweile|noch|schon|wieder",
    "RUKIN": "брат|сестра|мама|папа|мать|отец|друг|подруга|парень|девушка|муж|жена|сын|дочь|"
    "семья|родители|бабушка|дедушка|родные|близкие|друзья|партнер|любимый",
    "FRKIN": "copain|copine|ami|amie|amis|famille|frere|soeur|mere|pere|parents|mari|femme|"
    "fils|fille|partenaire|cousin|cousine",
    "DEKIN": "freund|freundin|familie|bruder|schwester|mutter|vater|eltern|mann|frau|partner|"
    "partnerin|sohn|tochter|cousin|cousine",
    "NLADV": "volgende|maand|week|binnenkort|voor|werk|morgen|straks|weer|terug|even",
    "UKKIN": "хлопець|дівчина|брат|сестра|мама|тато|батько|мати|друг|подруга|чоловік|дружина|"
    "син|донька|родина|батьки",
    "PLKIN": "siostra|brat|mama|tata|rodzina|rodzice|chlopak|dziewczyna|przyjaciel|"
    "przyjaciolka|maz|zona|syn|corka",
    "DEMADJ": "a|an|also|proud|fellow|concerned|born|half|dual|naturalised|naturalized|very|"
    "just|another|angry|furious|queer|gay|trans|lesbian|bi|young|old",
}

SETS.update(_langs.SETS)  # the language families' own sets ("@NORTH_DUR")

# Where the writer is now. Beats origin: "I'm in Norway but I'm from Denmark".
RESIDENCE = [
    "@ME @ADV* in",
    "i|we|but|and|now|currently i|we|do|really|honestly|currently|now|still|also|actually* "
    "live|reside|stay|work in",
    "living|livin|based|located|residing|resident|stationed|expat|immigrant|student|nurse|"
    "doctor|teacher|worker|working|studying|refugee in",
    "^live|reside in",
    "back_home in",
    "but|and|now been in",
    "^been in",
    "^am|m in",
    "i|we|me|mi dey|de|deh|stay|live a|inna|for?",
    "i've|we've|i_have|we_have lived|been_living in",
    "my|our? home|base is",
    "^we|wij|wir|us in",
    "i|we|i've|we've|i_have|we_have just|recently? moved|relocated|emigrated back? to",
    "^just|recently? moved|relocated|emigrated back? to",
    "but|and now|currently|nowadays in",
    "^now|currently|nowadays in",
    "somewhere|someplace in",
    "here|over_here|out_here|down_here|up_here|those_of_us|we|us|people_like_me "
    "living|based|here? in",
    "greetings|hello|hi|hey|howzit|howdy|g'day|gday|love|regards|cheers|solidarity|support|"
    "signing|calling "
    "to_you|all? from",
    "do|help|act|contribute|donate|sign|protest|campaign|assist|help_out from",
    "reading|watching|following|writing|tweeting|posting this|these|that|it|along? from",
    "schreibe|schreiben aus",
    "j'ecris|ecris|ecrivons de|depuis",
    "escribo|escribimos desde",
    "scrivo|scriviamo da|dal|dalla",
    "escrevo|escrevemos de|do|da|desde",
    "schrijf|schrijven vanuit|uit",
    "skriver fran|fra",
    "@ASKS for|to @PEOPLE of_us|living|based|who_live|here? in",
    "ich|wir wohne|wohn|wohnen|lebe|leben|bin|sind @DEADV* in",
    "kann|konnen|koennen|konnte|koennte ich|wir @DEADV* aus|von",
    "wohne|lebe|wohnen|leben|wohnhaft|hier @DEADV* in",
    "^bin|sind @DEADV* in",
    "liebe|viele? grusse|gruesse|gruss|hallo|hi|servus|moin|gruezi|gruessech aus|us",
    "je suis|vis|reste|travaille|habite actuellement|maintenant? a|au|aux|en|dans",
    "chui|chuis|chu|chus|jsuis|j'suis actuellement|maintenant? a|au|aux|en|dans",
    "je|nous suis|sommes etudiant|etudiante|etudiants|etudiantes|expatrie|expatriee|"
    "expatries|installe|installee|installes|installees|bloque|bloquee|coince|coincee|"
    "refugie|refugiee|en_poste|en_stage|en_mission|pour_le_travail|pour_mes_etudes "
    "actuellement|maintenant|depuis|aussi? a|au|aux|en|dans",
    "j'habite|j'vis a|au|aux|en|dans?",
    "nous sommes|vivons|habitons a|au|aux|en",
    "bonjour|salut|coucou|bises|amities de|depuis",
    "faire|aider|agir|signer|soutenir|contribuer depuis",
    "ici a|en|au",
    "vivo|resido|estoy|vivimos|estamos|residimos ahora|actualmente? en",
    "saludos|hola|abrazos desde|de",
    "hacer|ayudar|firmar|apoyar|contribuir|actuar desde",
    "aqui|aca en",
    "moro|vivo|estou|resido|moramos|vivemos|estamos agora|atualmente? em|no|na|nos|nas",
    "ola|oi|abracos|saudacoes desde|de|do|da",
    "fazer|ajudar|assinar|apoiar desde|de|do|da",
    "aqui em|no|na",
    "abito|vivo|risiedo|abitiamo|viviamo|sono|siamo ora|adesso|attualmente? "
    "a|ad|in|nel|nella|negli",
    "ciao|saluti da|dal|dalla",
    "fare|aiutare|firmare da|dal|dalla",
    "qui a|in",
    "ik|wij|we woon|wonen|zit|zitten|ben|zijn nu|momenteel? in",
    "zit|zitten|ben|zijn|woon|wonen nu|momenteel? voor|om mijn|m'n|ons|het? werk|studie|"
    "stage|studies in",
    "woon|woonachtig in",
    "groeten|groetjes|hallo|hoi uit",
    "vanuit",
    "jag|vi|jeg bor|ar|er|befinner_mig nu|just_nu? i",
    "bor|bur|bosatt|bosat|busett|busatt i|pa",
    "halsningar|hej|hilsen|hilsner|halsning fran|fra",
    "har i",
    "~asun|asumme|terveisia|terveiset",
    "~mieszkam|mieszkamy|zyje|jestem|jestesmy teraz|obecnie? w|we",
    "~bydlim|bydlime|ziju|zijeme ted|aktualne? v|ve",
    "~pozdrav|pozdravy|zdravim|pisu z|ze",
    "~pozdrowienia|pozdrawiam|czesc|pisze|piszemy z|ze",
    "~zrobic|pomoc z|ze",
    "я|мы сейчас|тоже|живу|живем|нахожусь|находимся|работаю|сижу|проживаю* в|во|на",
    "живу|живем|нахожусь|находимся|проживаю|сижу|работаю|учусь в|во|на|под",
    "^сейчас|теперь в|во|на",
    "привет|приветствую|пишу из",
    "здесь|тут|у_нас в|во|на",
    "~ya|my seychas|tozhe|zhivu|zhivem|nakhozhus|nahozhus* v|vo|na",
    "~pishu|privet iz",
    "locuiesc|traiesc|stau|lucrez acum|de_acum|momentan? in|la",
    "μενω|ζω|δουλευω στην|στη|στο|στον|στις|στους",
    "~zhivu|zhivem v|vo|na",
    "я|ми зараз|живу|живемо|мешкаю|перебуваю* в|у|на",
    "живу|мешкаю|живемо|мешкаємо в|у",
    "привіт|вітання з|із|зі",
]

# Where the writer comes from.
ORIGIN = [
    "@ME originally|also|actually|born_and_raised* from",
    "i|we originally? come|hail from",
    "born|raised|born_and_raised in",
    "i|we used_to_live|lived in",
    "native|citizen|national of",
    "my hometown|home_town|home_country|country is",
    "i|we fled|escaped|left|emigrated_from|moved_from|came_from|ran_from from?",
    "ich? bin|komme|stamme ursprunglich|eigentlich|auch* aus",
    "geboren in",
    "je suis|viens originaire? de|du|des?",
    "ne|nee a|en|au",
    "soy|vengo|somos originario|originaria? de|del",
    "naci en",
    "sou|venho|somos de|do|da|dos|das",
    "nasci em|no|na",
    "sono|vengo|siamo originario|originaria? di|da|dal|dalla",
    "nato|nata a",
    "ik|wij|we kom|komen|ben oorspronkelijk? uit",
    "jag|jeg|vi ar|er|kommer fran|fra",
    "~olen|olemme kotoisin?",
    "~jestem|jestesmy|pochodze|pochodzimy z|ze",
    "~jsem|jsme|pochazim|pochazime z|ze",
    "я|мы родом|сам|сама|тоже* из",
    "~ya|my rodom|tozhe* iz",
    "родился|родилась|вырос|выросла в|во",
    "приехал|приехала|уехал|уехала|сбежал|сбежала|бежал|бежала из",
    "я|ми родом? з|із|зі",
]

# Not where the writer is, but a personal tie: enough to protect them when the
# place is in Russia, never enough to place them.
TIES = [
    # "grew up in Manila, reading this from my couch": a childhood home, not today's.
    "grew_up in",
    "i|we was|were in",
    "@ME no_longer @ADV* in",
    "i|we no_longer live|stay|work in",
    "@ME going|traveling|travelling|flying|moving|heading|headed|returning back? home? to",
    "i|we will be in|going_to",
    "i'll|we'll be in|going_to",
    "i|we went|traveled|travelled|flew|returned to",
    "i|we have been to|in",
    "i've|we've been to|in",
    "i|we visit|visited",
    "@KIN of_mine|of_ours in|from",
    "ga|gaan|verhuis|verhuizen|reis|reizen|vlieg|vliegen @NLADV* naar",
    "j'ai|nous_avons|je_viens_de quitte|fui",
    "мій|моя|мої|наш|наша|наші? @UKKIN досі|живе|живуть|знаходиться|залишився|залишилась|"
    "залишились|зараз* в|у|на",
    "ich|wir? bin|sind gerade|derzeit|zurzeit? beruflich|geschaftlich|kurz|zu_besuch|"
    "zum_studium|zum_arbeiten|fur_die_arbeit in",
    "viajo|voy|vuelvo|viajamos|vamos|volvemos a",
    "mijn|onze vriend|vriendin|familie|broer|zus|moeder|vader|ouders|partner|man|vrouw "
    "zit|zitten|woont|wonen|is|zijn|nog* in",
    "^going|heading|flying|moving|returning|travelling|traveling back? home? to",
    "возвращаюсь|вернусь|еду|поеду|лечу|полечу|переезжаю|уезжаю обратно|домой? в|во|на",
    "мой|моя|мои|наш|наша|наши? @RUKIN живет|живут|живет|находится|находятся|остался|"
    "осталась|остались|сейчас|тоже* в|во|на",
    "mon|ma|mes|notre|nos? @FRKIN est|sont|vit|vivent|habite|habitent|encore|toujours* "
    "a|au|aux|en|dans",
    "mein|meine|unser|unsere? @DEKIN ist|sind|lebt|leben|wohnt|wohnen|noch|immer* in",
    "~moja|moj|moi|moje|nasza|nasz? @PLKIN mieszka|mieszkaja|jest|sa|wciaz|nadal* w|we",
    "@KIN was|were|got|is|are|has_been|have_been taken|detained|arrested|held|abducted|"
    "kidnapped|missing|disappeared|jailed|imprisoned in|from",
    "my|our best|dear|gay|trans|queer|own|old|whole? @KIN "
    "is|are|lives|live|still|stays|stay|stuck|trapped|currently|back|who* in|from",
    "help|save|get me|us out? in|of|from",
]

# Ends right before a demonym the writer uses of themself: "I'm Canadian".
DEMONYM_LEAD = [
    "@ME @DEMADJ*",
    "as a|an|proud|fellow|concerned|queer|gay|trans|lesbian|bi*",
    "we|us",
    "fellow",
    "ich_bin|wir_sind|als ein|eine|einer?",
    "je_suis|en_tant_que|nous_sommes un|une?",
    "soy|como|somos un|una?",
    "sono|come|siamo un|una?",
    "ik_ben|wij_zijn een?",
    "sou|somos um|uma?",
    "jestem|jestesmy",
    "jag_ar|jeg_er|vi_ar",
    "olen|olemme",
    "я|мы",
    "انا|أنا|نحن|احنا|ana|ena|mimi_ni|sisi_ni|saya|aku|ako",
]

_W = str.split

# After a demonym these make it an adjective about something else, not the writer.
DEMONYM_NOT_SELF = frozenset(_W(
    "speaker speakers speaking language version translation translations media news "
    "government state troops authorities officials embassy embassies president army police "
    "law laws lesson lessons class classes course text book books film films food"
))  # fmt: skip
# At the start of a clause a demonym is the writer only when followed by these:
# "German here", "Welsh and furious", "British citizen here".
DEMONYM_CLAUSE_NEXT = frozenset(_W(
    "here hier ici aqui qui and living based in citizen citizens person guy gal girl woman "
    "man mum mom lad lass "
    "dad voter taxpayer resident national expat student reporting checking too myself "
    "queer gay lesbian trans bi ally born פה כאן съм сме taalla"
))  # fmt: skip
# "in Boston, who are my reps?", "from Cork": a leading preposition.
LEADING = frozenset(
    _W("in from aus depuis desde vanuit fran fra din z iz od из з в во у от من απο")
)
# Leading words that mean "from": a town after one opening the message is where the writer
# is from ("from Kandy, is any Sri Lankan group...?"). Slavic ones inflect the town.
LEADING_FROM = frozenset(_W("from aus depuis desde vanuit fran fra din z iz od из з от من απο"))
LEADING_INFLECTS = frozenset(_W("z iz od"))
GREETINGS = frozenset(_W("hi hello hey hiya greetings hallo hola bonjour ciao hej привет"))
FIRST_PERSON = folded_words(
    "i i'm im i've i'd i'll me my mine we we're us our ich mir mich mein meine meinen wir uns "
    "unser unsere je moi mon ma mes nous notre nos yo mi mis nosotros nuestro nuestra eu meu "
    "minha nos nosso nossa io noi ik mij mijn wij ons onze jag mig vi oss ja mnie my nas jeg "
    "mina я мне меня мной мы нас нам нами мой моя мое мои наш наша наши мені мене ми мій "
    # "Таллин. Живу здесь с детства": a verb in the first person says who is there.
    "живу живем живём переехал переехала переехали жыву жывем мешкаю живеам живея живим "
    # Bulgarian, Serbian, Croatian, Bosnian "I am": "от Варна съм", "iz Sarajeva sam".
    "съм сме сам смо sam smo пишу пішу"
)  # fmt: skip
NEGATION = frozenset(_W("not never nicht kein nie pas no не ні ei inte ikke niet " + NEGATION_MORE))
# With "city of" words read past the same way: "tinggal di kota Bandung", "mji wa Arusha",
# "ở tại Hà Nội".
ARTICLES = frozenset(
    _W("the la le les el los las der die das den dem het kota bandar jiji jijini mji wa la tai")
)
# Swedish "här", Norwegian and Danish "her": "Helsingfors här", "Oslo her!".
HERE_WORDS = frozenset(_W("here based hier ici aqui aca sini har her εδω"))
# Indonesian and Malay "at": "here" in two words ("Jakarta di sini", "Penang kat sini"),
# and "orang Indonesia di Jepang" (an Indonesian in Japan).
ID_AT = frozenset(_W("di kat"))
# Compared as written, since folded they are other words: Vietnamese "đây" is "day",
# "nè" (here, look) is "ne".
RAW_HERE = frozenset(_W("đây nè"))
# Between a place and "here": "Tokyo resident here", "Arkhangelsk guy here".
RESIDENT_NOUNS = frozenset(
    _W("resident local guy gal girl boy lad lass person man woman mum mom dad native yute")
)
# Before a demonym opening a clause: "proud Scot here".
DEMONYM_ADJ = frozenset(_W("proud fellow concerned angry furious queer gay trans lesbian bi"))
# "Sochi born, Brooklyn based": a place then one of these says where the writer is from.
BORN_WORDS = frozenset(_W("born raised bred native"))
# "greetings from rainy Bergen": read past a word about the weather, as past an article.
WEATHER = frozenset(_W(
    "sunny rainy snowy cold hot beautiful lovely grey gray windy freezing northern southern "
    "eastern western norra sodra vastra ostra nordre sondre"
))  # fmt: skip
# "in NJ for work but I live in Toronto": after the place, a stay, not a home (a tie).
# Folded like the keys they meet (Greek "διακοπές" is "διακοπεσ" there).
VISITING = frozenset(tuple(fold(w) for w in v.split()) for v in (
    "for work", "for business", "on business", "on holiday", "on vacation", "on a trip",
    "this week", "this weekend", "for the weekend", "for a conference", "for a visit",
    "for a week", "for the week", "for a month",
    "for a few days", "visiting", "till", "until", *VISITING_MORE,
))  # fmt: skip
# "Leeds checking in": a word that, followed by "in", says "here" after a place.
CHECKING_IN = frozenset(_W("checking reporting"))
LIST_WORDS = frozenset(_W("and or & und oder et ou y o e en och"))

Alts = tuple[tuple[str, ...], ...]
# (alternatives, mode, alternatives by their last word): matching runs backwards, so
# only the alternatives ending in the word at hand are worth comparing.
Slot = tuple[Alts, str, dict[str, Alts]]


@dataclass(frozen=True, slots=True)
class Pattern:
    slots: tuple[Slot, ...]
    latin_stems: bool
    anchored: bool  # only at the start of a clause
    # Words that must come right before the last one; a cheap pre-check.
    penult: frozenset[str] | None

    def match_back(self, keys: list[str], end: int) -> int | None:
        """Start index if the pattern ends right before word `end`, else None."""
        return _back(keys, end, self.slots, len(self.slots) - 1)


def _back(keys: list[str], end: int, slots: tuple[Slot, ...], k: int) -> int | None:
    if k < 0:
        return end
    _, mode, by_last = slots[k]
    if end:
        for alt in by_last.get(keys[end - 1], ()):
            n = len(alt)
            if n == 1 or (n <= end and tuple(keys[end - n : end]) == alt):
                found = _back(keys, end - n, slots, k if mode == "*" else k - 1)
                if found is not None:
                    return found
    return _back(keys, end, slots, k - 1) if mode else None


def _slot(spec: str) -> Slot:
    mode = spec[-1] if spec[-1] in "?*" else ""
    body = spec.rstrip("?*")
    if body.startswith("@"):
        body = SETS[body[1:]]
    alts = tuple(tuple(fold(w) for w in alt.split("_")) for alt in body.split("|"))
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for alt in alts:  # in order: the first alternative that fits still wins
        by_last.setdefault(alt[-1], []).append(alt)
    return alts, mode, {w: tuple(a) for w, a in by_last.items()}


def _finals(slots: tuple[Slot, ...]) -> set[str]:
    out: set[str] = set()
    for alts, mode, _ in reversed(slots):
        out.update(alt[-1] for alt in alts)
        if not mode:
            break
    return out


def _penult(slots: tuple[Slot, ...]) -> frozenset[str] | None:
    last_alts, last_mode, _ = slots[-1]
    if last_mode or len(slots) < 2 or any(len(a) > 1 for a in last_alts):
        return None
    alts, mode, _ = slots[-2]
    return None if mode else frozenset(a[-1] for a in alts)


def compile_patterns(specs: list[str]) -> dict[str, list[Pattern]]:
    """Index patterns by every word they can end with."""
    index: dict[str, list[Pattern]] = {}
    for spec in specs:
        # The marks combine in either order ("~^som v"): both are prefixes.
        latin = "~" in spec[:2]
        anchored = "^" in spec[:2]
        slots = tuple(_slot(s) for s in spec.lstrip("~^").split())
        pattern = Pattern(slots, latin, anchored, _penult(slots))
        for word in _finals(pattern.slots):
            index.setdefault(word, []).append(pattern)
    return index
