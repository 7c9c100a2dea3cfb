"""Grammar of self-placement for bot.locate, one table per meaning.

Every pattern ends exactly where the place name starts; the caller reads the
place from there. Patterns never decide the country: "soy de" is used in Spain
and in Mexico alike, so language only tells us which words to look for.
"""

from __future__ import annotations

import re

_B = r"(?<![\w'])"  # word start that also refuses "don't live in" -> "t live in"


def _alt(words: str) -> str:
    """ "a b_c" -> "(?:a|b\\s+c)": space-separated alternatives, "_" inside a phrase."""
    return "(?:" + "|".join(w.replace("_", r"\s+") for w in words.split()) + ")"


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ME = _alt("i'?m i_am we'?re we_are")
_KIN = _alt(
    "family friends? partner boyfriend girlfriend husband wife brother sister son daughter "
    "parents mother mom mum father dad relatives cousins? uncle aunt fianc[ée]e? kids "
    "children home grandparents grandma grandmother grandfather grandpa"
)
_PEOPLE = _alt("people folks those us someone anyone residents citizens people_like_me")
_WE_HAVE = _alt("i we i'?ve we'?ve i_have we_have")
_DE_ADV = _alt("jetzt gerade derzeit momentan aktuell auch aber nun inzwischen mittlerweile")
_ASKS = _alt(
    "resources petitions? info information options advice anything ideas tips ways? "
    "organi[sz]ations? groups? charities something contacts? actions?"
)
_ADV_EN = r"(?:(?:currently|now|still|also|actually|too|living|located|based|staying|stuck|" \
    r"trapped|here|over here|right now|at home|at the moment|mostly)\s+)*"

# Where the writer is now. Beats origin: "I'm in Norway but I'm from Denmark".
RESIDENCE = [
    # English
    rf"{_B}{_ME}\s+{_ADV_EN}in\s+",
    rf"{_B}{_alt('i we but and now currently')}\s+"
    rf"(?:{_alt('i we currently now still also actually')}\s+)*"
    rf"{_alt('live reside stay work')}\s+in\s+",
    rf"{_B}(?:living|based|located|residing|resident|stationed)\s+in\s+",
    rf"{_B}{_WE_HAVE}\s+(?:just\s+|recently\s+)?"
    rf"{_alt('moved relocated emigrated')}\s+(?:back\s+)?to\s+",
    rf"{_B}{_alt('here over_here out_here down_here up_here those_of_us we us people_like_me')}"
    rf"\s+(?:{_alt('living based here')}\s+)?in\s+",
    rf"{_B}{_alt('greetings hello hi hey love regards cheers solidarity support signing calling')}"
    rf"\s+(?:to you\s+|all\s+)?from\s+",
    rf"{_B}{_alt('do help act contribute donate sign protest campaign assist help_out')}\s+from\s+",
    rf"{_B}{_alt('reading watching following writing tweeting posting reporting')}\s+"
    rf"(?:{_alt('this these that it along')}\s+)?from\s+",
    rf"{_B}{_ASKS}\s+(?:for|to)\s+{_PEOPLE}"
    rf"(?:\s+{_alt('of_us living based who_live here')})?\s+in\s+",
    # German
    rf"\b(?:ich|wir)\s+{_alt('wohne wohnen lebe leben bin sind')}\s+(?:{_DE_ADV}\s+)*in\s+",
    rf"\b{_alt('wohne lebe wohnen leben wohnhaft hier')}\s+(?:{_DE_ADV}\s+)*in\s+",
    r"\b(?:liebe\s+)?(?:gr(?:ü|u|ue)(?:ß|ss)e?|gruss|hallo|hi|servus|moin)\s+aus\s+",
    # French
    r"\bje\s+(?:suis|vis|reste|travaille|habite)\s+(?:(?:actuellement|maintenant)\s+)?(?:à|a|au|aux|en|dans)\s+",
    r"\bj'\s?(?:habite|vis)\s+(?:(?:à|a|au|aux|en|dans)\s+)?",
    r"\bnous\s+(?:sommes|vivons|habitons)\s+(?:à|a|au|aux|en)\s+",
    r"\b(?:bonjour|salut|coucou|bises|amitiés)\s+(?:de|d'|depuis)\s*",
    r"\b(?:faire|aider|agir|signer|soutenir|contribuer)\s+depuis\s+",
    r"\bici\s+(?:à|a|en|au)\s+",
    # Spanish
    r"\b(?:vivo|resido|estoy|vivimos|estamos|residimos)\s+(?:(?:ahora|actualmente)\s+)?en\s+",
    r"\b(?:saludos|hola|abrazos)\s+(?:desde|de)\s+",
    r"\b(?:hacer|ayudar|firmar|apoyar|contribuir|actuar)\s+desde\s+",
    r"\baqu[ií]\s+en\s+",
    # Portuguese
    r"\b(?:moro|vivo|estou|resido|moramos|vivemos|estamos)\s+(?:(?:agora|atualmente)\s+)?(?:em|no|na|nos|nas)\s+",
    r"\b(?:olá|ola|oi|abraços|saudações)\s+(?:desde|de|do|da)\s+",
    r"\b(?:fazer|ajudar|assinar|apoiar)\s+(?:desde|de|do|da)\s+",
    r"\baqui\s+(?:em|no|na)\s+",
    # Italian
    r"\b(?:abito|vivo|risiedo|abitiamo|viviamo|sono|siamo)\s+(?:(?:ora|adesso|attualmente)\s+)?(?:a|ad|in|nel|nella|negli)\s+",
    r"\b(?:ciao|saluti)\s+da(?:l|lla)?\s+",
    r"\b(?:fare|aiutare|firmare)\s+da(?:l|lla)?\s+",
    r"\bqui\s+(?:a|in)\s+",
    # Dutch
    r"\b(?:ik|wij|we)\s+(?:woon|wonen|zit|zitten|ben|zijn)\s+(?:(?:nu|momenteel)\s+)?in\s+",
    r"\bwoon(?:achtig)?\s+in\s+",
    r"\b(?:groeten|groetjes|hallo|hoi)\s+uit\s+",
    r"\bvanuit\s+",
    # Scandinavian
    r"\b(?:jag|vi|jeg)\s+(?:bor|är|er|befinner mig)\s+(?:(?:nu|just nu)\s+)?i\s+",
    r"\bbor\s+i\s+",
    r"\b(?:hälsningar|hej|hilsen|hilsner|hälsning)\s+(?:från|fra)\s+",
    r"\bhär\s+i\s+",
    # Finnish: the place carries the case ending ("asun Helsingissä").
    r"\b(?:asun|asumme|terveisiä|terveiset)\s+",
    # Polish
    r"\b(?:mieszkam|mieszkamy|żyję|jestem|jesteśmy)\s+(?:(?:teraz|obecnie)\s+)?(?:w|we)\s+",
    r"\b(?:pozdrowienia|pozdrawiam|cześć)\s+(?:z|ze)\s+",
    r"\b(?:zrobić|pomóc)\s+(?:z|ze)\s+",
    # Russian
    r"(?<!\w)(?:я|мы)\s+(?:(?:сейчас|тоже|живу|живём|живем|нахожусь|находимся|работаю|сижу|проживаю)\s+)*(?:в|во|на)\s+",
    r"(?<!\w)(?:живу|живём|живем|нахожусь|находимся|проживаю)\s+(?:в|во|на)\s+",
    r"(?<!\w)(?:привет|приветствую|пишу)\s+из\s+",
    r"(?<!\w)(?:здесь|тут|у нас)\s+(?:в|во|на)\s+",
    # Ukrainian
    r"(?<!\w)(?:я|ми)\s+(?:(?:зараз|живу|живемо|мешкаю|перебуваю)\s+)*(?:в|у|на)\s+",
    r"(?<!\w)(?:живу|мешкаю)\s+(?:в|у)\s+",
    r"(?<!\w)(?:привіт|вітання)\s+(?:з|із|зі)\s+",
]

# Where the writer comes from.
ORIGIN = [
    rf"{_B}{_ME}\s+(?:{_alt('originally also actually born_and_raised')}\s+)*from\s+",
    rf"{_B}(?:i|we)\s+(?:originally\s+)?(?:come|hail)\s+from\s+",
    rf"{_B}(?:born|raised|grew up|born and raised)\s+in\s+",
    rf"{_B}(?:i|we)\s+(?:used to live|lived)\s+in\s+",
    rf"{_B}(?:native|citizen|national)\s+of\s+",
    rf"{_B}my\s+(?:home\s?town|home country|country)\s+is\s+",
    rf"{_B}(?:i|we)\s+{_alt('fled escaped left emigrated_from moved_from came_from ran_from')}"
    r"\s+(?:from\s+)?",
    r"\b(?:ich\s+)?(?:bin|komme|stamme)\s+(?:(?:ursprünglich|eigentlich|auch)\s+)*aus\s+",
    r"\bgeboren in\s+",
    r"\bje\s+(?:suis|viens)\s+(?:originaire\s+)?(?:de|d'|du|des)\s*",
    r"\bn[ée]e?\s+(?:à|a|en|au)\s+",
    r"\b(?:soy|vengo|somos)\s+(?:(?:originari[oa])\s+)?(?:de|del)\s+",
    r"\bnac[ií]\s+en\s+",
    r"\b(?:sou|venho|somos)\s+(?:de|do|da|dos|das)\s+",
    r"\bnasci\s+(?:em|no|na)\s+",
    r"\b(?:sono|vengo|siamo)\s+(?:originari[oa]\s+)?(?:di|da|dal|dalla)\s+",
    r"\bnat[oa]\s+a\s+",
    r"\b(?:ik|wij|we)\s+(?:kom|komen|ben)\s+(?:oorspronkelijk\s+)?uit\s+",
    r"\b(?:jag|jeg|vi)\s+(?:är|er|kommer)\s+(?:från|fra)\s+",
    r"\b(?:olen|olemme)\s+(?:kotoisin\s+)?",
    r"\b(?:jestem|jesteśmy|pochodzę|pochodzimy)\s+(?:z|ze)\s+",
    r"(?<!\w)(?:я|мы)\s+(?:(?:родом|сам|сама|тоже)\s+)*из\s+",
    r"(?<!\w)(?:родился|родилась|вырос|выросла)\s+(?:в|во)\s+",
    r"(?<!\w)(?:приехал|приехала|уехал|уехала|сбежал|сбежала|бежал|бежала)\s+из\s+",
    r"(?<!\w)(?:я|ми)\s+(?:родом\s+)?(?:з|із|зі)\s+",
]

# Not where the writer is, but a personal tie: enough to protect them when the
# place is in Russia, never enough to place them.
TIES = [
    rf"{_B}(?:i|we)\s+(?:was|were)\s+in\s+",
    rf"{_B}{_ME}\s+{_alt('going travell?ing flying moving heading headed returning')}"
    r"\s+(?:back\s+)?(?:home\s+)?to\s+",
    rf"{_B}(?:i|we)\s+(?:will|'ll)\s+be\s+(?:in|going to)\s+",
    rf"{_B}(?:i|we)\s+(?:went|travel(?:l)?ed|flew|moved back|returned)\s+to\s+",
    rf"{_B}(?:i|we)\s+(?:have|'ve)\s+been\s+(?:to|in)\s+",
    rf"{_B}(?:i|we)\s+(?:visit|visited)\s+",
    rf"{_B}(?:my|our)\s+(?:{_alt('best dear gay trans queer own old whole')}\s+)?{_KIN}\s+"
    rf"(?:{_alt('is are lives? still stays? stuck trapped currently back who')}\s+)*(?:in|from)\s+",
    rf"{_B}(?:help|save|get)\s+(?:me|us)\s+(?:out\s+)?(?:in|of|from)\s+",
]

# Where the writer says what they are: "I'm Canadian", "as an American".
DEMONYM_LEAD = [
    rf"{_B}{_ME}\s+(?:{_alt('a an also proud fellow concerned born half dual naturali[sz]ed')}\s+"
    rf"|{_alt('very just another angry furious queer gay trans lesbian bi young old')}\s+)*",
    rf"{_B}as\s+(?:(?:a|an|proud|fellow|concerned|queer|gay|trans|lesbian|bi)\s+)*",
    rf"{_B}we\s+",
    rf"{_B}fellow\s+",
    r"\b(?:ich bin|wir sind|als)\s+(?:(?:ein|eine|einer)\s+)?",
    r"\b(?:je suis|en tant que|nous sommes)\s+(?:(?:un|une)\s+)?",
    r"\b(?:soy|como|somos)\s+(?:(?:un|una)\s+)?",
    r"\b(?:sono|come|siamo)\s+(?:(?:un|una)\s+)?",
    r"\b(?:ik ben|als|wij zijn)\s+(?:een\s+)?",
    r"\b(?:sou|somos)\s+(?:(?:um|uma)\s+)?",
    r"\b(?:jestem|jesteśmy)\s+",
    r"\b(?:jag är|jeg er|vi är)\s+",
    r"\b(?:olen|olemme)\s+",
    r"(?<!\w)(?:я|мы)\s+",
]

# After a demonym these make it an adjective about something else, not the writer.
DEMONYM_NOT_SELF = _set(
    "speaker speakers speaking language version translation translations media news "
    "government state troops authorities officials embassy embassies president army police "
    "law laws lesson lessons class classes course text book books film films food"
)
# At the start of a clause a demonym is the writer only when followed by these:
# "German here", "Welsh and furious", "British citizen here".
DEMONYM_CLAUSE_NEXT = _set(
    "here and & living based in citizen citizens person guy gal girl woman man mum mom "
    "dad voter taxpayer resident national expat student reporting checking too myself "
    "queer gay lesbian trans bi ally born"
)

# "in Boston, who are my reps?", "from Cork 🇮🇪": a leading preposition.
LEADING = r"^\s*(?:(?:hi|hello|hey|hiya|greetings|hallo|hola|bonjour|ciao|hej|привет)[\s,!.]+)?" \
    r"(?:in|from|aus|depuis|desde|vanuit|från|z|из|з)\s+"

FIRST_PERSON = re.compile(
    r"(?<![\w'])(?:i|i'm|im|i've|i'd|i'll|me|my|mine|we|we're|us|our|ich|mir|mich|mein\w*|wir|"
    r"uns|unser\w*|je|j'|moi|mon|ma|mes|nous|notre|nos|yo|mi|mis|nosotros|nuestr\w+|eu|meu|"
    r"minha|nós|nosso\w*|io|noi|ik|mij|mijn|wij|ons|onze|jag|mig|vi|oss|ja|mnie|my|nas|"
    r"jeg|minä|me|я|мне|меня|мной|мы|нас|нам|нами|мой|моя|моё|мое|мои|наш\w*|мені|мене|ми|"
    r"мій)(?!\w)",
    re.IGNORECASE,
)

# Russian speaking about their own situation; protect even with no place given.
RU_FIRST_PERSON = re.compile(
    r"(?<!\w)(?:я|мне|меня|мной|мы|нас|нам|нами|мой|моя|моё|мое|мои|моих|моего|моей|наш|наша|"
    r"наше|наши|нашего|нашей|помогите|помоги|спасите|живу|нахожусь|боюсь|прячусь)(?!\w)",
    re.IGNORECASE,
)

NEGATION = re.compile(
    r"(?<![\w'])(?:not|n't|never|no longer|nicht|nie|pas|no|не|ні|ei|inte|ikke|niet)\s*$",
    re.IGNORECASE,
)

ARTICLES = _set("the la le les el los las der die das den dem het")
HERE_WORDS = frozenset(["here", "based", "hier"])


def compile_any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
