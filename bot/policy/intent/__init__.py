"""What a mention asks: to stop, nothing at all, or something. Pure word lists.

A mention asks to stop only when, after dropping @handles, links, emoji, punctuation and
fillers ("please", "bitte", "пожалуйста", "bot"...), what is left is one stop phrase.
It asks nothing when it has no letters or digits, or only thanks and fillers, or an
insult and no sign of asking; a question mark or any asking word always wins.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from bot.content.textrules import URL_RE, nfc
from bot.policy.intent import _contact, _stops, _thanks
from bot.policy.intent._fold import Gated, bare, by_script, loose
from bot.policy.intent._search import any_of

MAX_TEXT = 4000  # longer mentions are cut before matching: X caps posts far below this


def _vocab(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FILLERS = (
    _vocab("""
please pls plz plese bitte svp stp merci porfa favor por prego proszę prosze por-favor
alsjeblieft aub snälla пожалуйста плз bot бот the it now just ok okay
""")
    | {"s'il", "vous", "plaît", "plait"}
    | _stops.FILLERS
)
_STOP_PHRASES = frozenset(
    {
        "stop",
        "stop it",
        "stop replying",
        "stop replying to me",
        "stop messaging me",
        "stop tagging me",
        "stop spamming",
        "stop spamming me",
        "unsubscribe",
        "opt out",
        "optout",
        "opt-out",
        "leave me alone",
        "go away",
        "no more",
        "no more replies",
        "don't reply",
        "dont reply",
        "do not reply",
        "stfu",
        "стоп",
        "хватит",
        "отписаться",
        "отписка",
        "отстань",
        "не пиши",
        "не пишите",
        "hör auf",
        "hoer auf",
        "hör auf damit",
        "stopp",
        "lass mich in ruhe",
        "abmelden",
        "arrête",
        "arrete",
        "arrêtez",
        "arretez",
        "laisse moi tranquille",
        "désabonner",
        "para",
        "pare",
        "basta",
        "déjame en paz",
        "dejame en paz",
        "detente",
        "detén",
        "smettila",
        "lasciami in pace",
        "hou op",
        "laat me met rust",
        "afmelden",
        "pára",
        "chega",
        "me deixa em paz",
        "przestań",
        "przestan",
        "wypisz mnie",
        "sluta",
        "lämna mig ifred",
        "avsluta",
    }
)
# Every stop phrase without its marks ("prestan", "σταματα", "dung lai"): the form
# compared, so both spellings match.
_BARE_STOPS = frozenset(bare(p) for p in _STOP_PHRASES | _stops.STOP_PHRASES)
# A phrase longer than this (with a two-word filler or two) is no stop phrase.
_MAX_PHRASE = 2 * max(len(p) for p in _BARE_STOPS)
_PHRASE_FILLERS = re.compile(r"\b(?:" + "|".join(_stops.PHRASE_FILLERS) + r")\b")
# Chinese, Japanese, Thai and Korean: compared with spaces and polite endings dropped.
_SQUEEZABLE = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_SQUEEZE_TRIM = re.compile(f"{_stops.SQUEEZE_PREFIX}|{_stops.SQUEEZE_SUFFIX}")
# Refusals: a person asking not to be tagged, mentioned or included, found anywhere in
# the mention (after handles and links are dropped), in every language with templates.
# Each names the writer ("me", "mich", "moi"...) or is a refusal that opens the message
# ("no thanks, ..."), so "stop the camps" or "how do I stop this?" never match.
_REFUSAL = any_of(
    [
        # English
        r"\b(?:don'?t|do not|dont|stop|quit|never|pls don'?t) "
        r"(?:tag|tagging|mention|mentioning|"
        r"add|adding|include|including|cc|ccing|ping|pinging|message|messaging|dm|dming|@|"
        r"reply|replying|spam|spamming|involve|involving)(?: to)? (?:me|us)\b",
        r"\b(?:remove|take|leave|keep|count|get|drop) (?:me|us) (?:out|off|from)\b",
        r"\b(?:unsubscribe|opt me out|not interested|leave me alone|unfollow me|"
        r"i didn'?t ask to be tagged|why (?:am i|was i) tagged)\b",
        # German
        r"\b(?:markier|tagg|erwähn|verlink)\w* (?:mich|uns) (?:nicht|nie|bitte nicht)",
        r"\b(?:mich|uns) (?:nicht mehr|nie mehr|nicht) (?:markieren|taggen|erwähnen|verlinken)",
        r"\b(?:lass|lasst|lassen sie) (?:mich|uns) (?:da |hier |damit )?(?:raus|in ruhe)\b",
        r"\b(?:entfern|streich)\w* (?:mich|uns)\b",
        r"\bkein interesse\b",
        # French
        r"\bne (?:me|nous) (?:tague|taguez|taggue|tagguez|tag|mentionne|mentionnez|cite|citez|"
        r"identifie|identifiez|ajoute|ajoutez)\w* (?:plus|pas)\b",
        r"\b(?:retire|retirez|enlève|enlevez|enleve|sortez|sors)[- ](?:moi|nous)\b",
        r"\blaisse[sz]?[- ]moi (?:tranquille|en dehors)",
        r"\barr[êe]te[sz]? de (?:me|nous) ",
        r"\bne (?:plus|pas) (?:me|nous) (?:tagu|taggu|mentionn|identifi|cit)\w*",
        r"\bpas intéressée?\b",
        # Spanish
        r"\bno (?:me|nos) (?:etiquetes|etiquetéis|etiqueten|etiquete|menciones|mencionen|"
        r"mencione|tagees|taguees|nombres|incluyas|metas)\b",
        r"\b(?:s[áa]came|s[áa]quenme|b[óo]rrame|qu[íi]tame|quitadme|sacadme)\b",
        r"\bdej(?:a|en|ad) de (?:etiquetarme|mencionarme|nombrarme)\b",
        # Italian
        r"\bnon (?:mi )?(?:taggare|taggarmi|taggatemi|menzionare|menzionarmi|citarmi|"
        r"nominarmi)\b",
        r"\b(?:toglimi|toglietemi|lasciatemi fuori|lasciami fuori)\b",
        r"\bsmett\w* di (?:taggarmi|menzionarmi|citarmi)\b",
        # Dutch
        r"\btag (?:me|mij|ons)(?: \w+)? niet\b",
        r"\b(?:me|mij|ons) niet (?:meer )?(?:taggen|noemen)\b",
        r"\b(?:haal|laat|houd|hou) (?:me|mij|ons) (?:eruit|erbuiten|hierbuiten|weg)\b",
        r"\bstop met (?:me|mij|ons) (?:te )?(?:taggen|noemen)\b",
        # Polish
        r"\bnie (?:oznaczaj|oznaczajcie|taguj|tagujcie|wspominaj|wspominajcie) (?:mnie|nas)\b",
        r"\b(?:usu[ńn]|wypisz|wyklucz)(?:cie)? (?:mnie|nas)\b",
        r"\bprzesta[ńn]\w* (?:mnie|nas) (?:oznacza[ćc]|tagowa[ćc])\b",
        # Portuguese
        r"\bn[ãa]o (?:me|nos) (?:marque|marca|marquem|mencione|mencionem|tague|taguem)\b",
        r"\bpar[ae]m? de (?:me|nos) (?:marcar|mencionar)\b",
        r"\b(?:me )?(?:tira|tirem|remova|removam)(?:-me)? (?:daqui|disso|dessa|desta)\b",
        # Swedish
        r"\b(?:sluta|slutа) (?:tagga|nämna|omnämna) (?:mig|oss)\b",
        r"\btagga inte (?:mig|oss)\b",
        r"\bta bort (?:mig|oss)\b",
        r"\blämna (?:mig|oss) utanför\b",
        # Russian and Ukrainian
        r"не (?:отмечай|отмечайте|тегай|тегайте|упоминай|упоминайте|пиши|пишите) "
        r"(?:мне|меня|нас)",
        r"\bуберите меня\b",
        r"не позначайте мене",
        r"приберіть мене",
        # Requests to stop contact anywhere ("stop sending me these links")
        *_contact.PATTERNS,
    ]
)


# The same in the other languages of the reply library, each also without its marks.
# Compiled on first use: compiling them costs about a third of a second, which commands
# that never read a mention (validate, post) should not pay at start-up.
@cache
def _world_refusals() -> list[Gated]:
    return by_script(_stops.REFUSALS)


# "no thanks" refuses only when it opens a mention that asks nothing: "no thanks to
# Moscow's silence, what can I do?" is not a refusal.
_REFUSAL_OPENING = re.compile(
    r"^\W*(?:(?:no|nope|nah|nein|non|nee|nie|não|nao|nej|нет),? )+"
    r"(?:thanks?|thank you|thx|danke|merci|gracias|grazie|bedankt|dank je|dank u|"
    r"dziękuję|dziekuje|dzięki|obrigad[oa]|tack|спасибо)\b"
)
_NO_THANKS_OPENING = re.compile(r"^\W*(?:" + loose(_stops.NO_THANKS) + r")\b")
# Thanks and praise, with the glue words they come with ("thank you for doing this",
# "obrigada por esse trabalho", "tack för att ni finns"). A mention made only of these
# asks nothing; any other word ("Oslo", "petition") keeps it a request.
_THANKS = _vocab("""
thanks thank you ty thx tnx thanx cheers appreciated appreciate much so very a lot
many danke dankeschön vielen schön sehr merci beaucoup gracias muchas mil grazie mille
tante dank je wel bedankt obrigado obrigada muito dziękuję dzięki dzieki bardzo tack
så mycket спасибо большое огромное благодарю great good nice awesome amazing love
closethecamps chechnya eyesonchechnya solidarity for this that it all everyone
doing done your work job effort efforts respect keep going up on well brave bravo
incredible wonderful fantastic brilliant important beautiful strong proud grateful
thankful guys team folks y'all yall all you're you are we're we're with stand standing
hero heroes legend legends heart hearts bless blessed god 🙏 salute kudos
toll super klasse großartig grossartig wichtig arbeit weiter macht stark ihr euch eure
für das danke stolz respekt dankbar
génial geniale superbe courage continuez continue chapeau travail votre vos pour ce
cette ça tout tous fiers fière fier bon que faites
increíble increible sigan así asi ánimo animo trabajo gran buen por lo esto este su
vuestro hacen todo todos que lo hacéis dar visibilidad
bravi brava grandi grande continuate così cosi ottimo lavoro complimenti per questo
vostro fate tutto
top goed bezig mooi prachtig ga zo door werk voor jullie dit heel belangrijk belangrijke
brawo świetna swietna robota za to wasza waszą super dobra
parabéns parabens incrível continuem ótimo otimo força forca esse essa isso trabalho
vocês voces tudo
bra jobbat heja kämpa för att ni finns detta arbete
дякую дуже щиро вам дякуємо
fr ngl tbh truly really literally omg wow hacen
ありがとう ありがとうございます 感謝 谢谢 謝謝 감사합니다 고마워요 شكرا شكرًا متشکرم ممنون
תודה धन्यवाद teşekkürler teşekkür ederim sağol cảm ơn ขอบคุณ kiitos tak takk köszönöm
ευχαριστώ děkuji ďakujem hvala mulțumesc asante
""")
_ABUSE = _vocab("""
fuck fucking fuck-off shit bullshit idiot idiots stupid moron dumb scum spam spammer
fake liar liars propaganda shut garbage trash pervert perverts degenerate degenerates
scheiße scheisse idiot merde connard putain mierda idiota puta cazzo stronzo
kut klootzak porra merda kurwa chuj idiota skit idiot хуй пошел пошёл нахуй блядь
сука дурак идиот пропаганда фейк ложь
""")
_ASKING = _vocab("""
help helps helping how what where which who when why can could should would may might
do does tell info information resources resource petition sign donate embassy
representative representatives mp mps congress senator ambassador un action act
hilfe helfen wie was wo kann können könnte soll sollte tun machen unterstützen
aide aider aidez comment quoi où peux peut puis-je faire agir soutenir
ayuda ayudar ayudo cómo como qué dónde donde puedo puede hacer apoyar
помогите помочь помощь помогу помоги как что где чем могу можно делать сделать
aiuto aiutare aiutarvi come cosa dove posso può fare
hulp helpen hoe wat waar kan kunnen doen
ajuda ajudar ajudo onde posso pode fazer
pomoc pomóc pomocy jak co gdzie mogę można zrobić
hjälp hjälpa hur vad var kan göra stödja
""")
_THANKS_OR_FILLERS = _THANKS | _thanks.THANKS | _FILLERS
_THANKS_OR_FILLERS |= frozenset(bare(w) for w in _THANKS_OR_FILLERS)
_THANKS_RUN = re.compile(f"(?:{_thanks.THANKS_PIECES})+")
# ";" is the Greek question mark, "؟" the Arabic-script one.
_QUESTION_MARKS = frozenset("?？¿;؟")
# Vowel signs, viramas and tone marks are not \w, yet they are part of the word: without
# them "धन्यवाद" and "หยุด" would fall apart. Dandas (U+0964-5) stay punctuation.
_MARK = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0900-\u0963\u0966-\u0dff\u0e00-\u0eff\u1000-\u109f\u3099\u309a"
)
_CHAR = rf"(?:[^\W_]|[{_MARK}])"
_WORD_RE = re.compile(rf"{_CHAR}+(?:['’\-]{_CHAR}+)*")
# A handle as any of the networks writes it: X's "@name", Bluesky's "@name.bsky.social",
# Mastodon's "@name@instance.example" (a port in a test server's). ASCII only on all three.
_HANDLE_IN_TEXT = re.compile(
    r"[@＠][A-Za-z0-9_]{1,30}(?:[.-][A-Za-z0-9_-]+)*(?:@[A-Za-z0-9.-]+(?::[0-9]{1,5})?)?"
)
# Handles are ASCII on X, Mastodon and Bluesky: "别@我" (don't @ me) keeps its "我".
_AT_NOT_HANDLE = re.compile("[@＠](?=[^\x00-\x7f])")


def clean(text: str) -> str:
    # Drop invisible format characters (bidi overrides, zero-width joiners) so they
    # cannot hide a word from the matching below.
    text = nfc(text[:MAX_TEXT])
    # isprintable() is False for every Cc, Cf and Cs character, so a printable text has
    # nothing to drop and skips the per-character loop (most mentions).
    if not text.isprintable():
        text = "".join(
            c for c in text if unicodedata.category(c) not in ("Cf", "Cc", "Cs") or c in "\n\t"
        )
    # Every link URL_RE matches holds "://" or "www." (in any case); scanning for it
    # costs more than the rest of this function, and most mentions have neither.
    if "://" in text or ("." in text and "www." in text.lower()):
        text = URL_RE.sub(" ", text)
    text = _AT_NOT_HANDLE.sub("@ ", text)
    # Turkish "İ" casefolds to "i" and a combining dot, which no word list spells.
    return _HANDLE_IN_TEXT.sub(" ", text).casefold().replace("’", "'").replace("i\u0307", "i")


def words_of(cleaned: str) -> list[str]:
    return _WORD_RE.findall(cleaned)


def asks_to_stop(text: str) -> bool:
    cleaned = clean(text)
    return asks_to_stop_words(cleaned, words_of(cleaned))


def asks_to_stop_words(cleaned: str, words: list[str]) -> bool:
    """A stop phrase alone (said once or more: "STOP STOP STOP"), a refusal or a request
    to stop contact anywhere, a clause that is only a stop phrase in a mention that asks
    nothing ("I didn't ask for this, stop"), or "no thanks" opening the mention."""
    if _is_stop_words(words):
        return True
    asks = _asks(cleaned, words)
    if not asks and _stop_clause(_CLAUSE.split(cleaned)):
        return True
    # Every gate is a set of non-ASCII letters: an ASCII mention meets none of them.
    chars = frozenset() if cleaned.isascii() else frozenset(cleaned)
    if _REFUSAL.search(cleaned) or any(
        (gate is None or not gate.isdisjoint(chars)) and refusal.search(cleaned)
        for gate, refusal in _world_refusals()
    ):
        return True
    opening = _REFUSAL_OPENING.match(cleaned) or _NO_THANKS_OPENING.match(cleaned)
    return bool(opening) and not asks


# Where a clause ends: "Stop. Replying. To. Me.", "I didn't ask for this, stop".
_CLAUSE = re.compile(r"[.,;:!…\n]+")


# A clause of these alone is indignation as often as a request ("Enough! These men..."),
# and a clause followed by one of these words was a sentence cut up ("stop. the. camps.").
_CLAUSE_AMBIGUOUS = frozenset({"enough", "end", "cancel", "mute", "basta", "хватит", "para"})
_CLAUSE_GOES_ON = frozenset({"the", "these", "this", "those", "that", "all", "them", "it"})


def _stop_clause(clauses: list[str]) -> bool:
    for i, clause in enumerate(clauses):
        words = words_of(clause)
        if not _is_stop_words(words) or " ".join(words) in _CLAUSE_AMBIGUOUS:
            continue
        after = next((words_of(c) for c in clauses[i + 1 :] if words_of(c)), [])
        if not after or after[0] not in _CLAUSE_GOES_ON:
            return True
    return False


def _is_stop_words(words: list[str]) -> bool:
    phrase = " ".join(_once([w for w in words if w not in _FILLERS]))
    return bool(phrase) and (
        phrase in _STOP_PHRASES or (len(phrase) <= _MAX_PHRASE and _is_stop_phrase(_once(words)))
    )


def _once(words: list[str]) -> list[str]:
    """A word said again and again counts once: "stop stop stop"."""
    return [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]


def _is_stop_phrase(words: list[str]) -> bool:
    # Two-word fillers go first: "molim vas" must not leave its "vas" behind.
    kept = _PHRASE_FILLERS.sub(" ", " ".join(words)).split()
    phrase = " ".join([w for w in kept if w not in _FILLERS])
    if not phrase:
        return False
    if bare(phrase) in _BARE_STOPS:
        return True
    if not _SQUEEZABLE.search(phrase):
        return False
    squeezed = phrase.replace(" ", "")
    stops = _stops.SQUEEZED_STOPS
    return squeezed in stops or _SQUEEZE_TRIM.sub("", squeezed) in stops


def _asks(cleaned: str, words: list[str]) -> bool:
    return not _QUESTION_MARKS.isdisjoint(cleaned) or not _ASKING.isdisjoint(words)


def asks_nothing(text: str) -> bool:
    cleaned = clean(text)
    return asks_nothing_words(cleaned, words_of(cleaned))


def asks_nothing_words(cleaned: str, words: list[str]) -> bool:
    if not words:
        return True
    if _asks(cleaned, words):
        return False
    if all(_is_thanks(w) for w in words):
        return True
    return not _ABUSE.isdisjoint(words)


def _is_thanks(word: str) -> bool:
    return (
        word in _THANKS_OR_FILLERS
        or bare(word) in _THANKS_OR_FILLERS
        or _THANKS_RUN.fullmatch(word) is not None
    )
