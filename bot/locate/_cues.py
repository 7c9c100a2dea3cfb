"""Self-placement where the word tokeniser cannot see it, read from the raw text.

Chinese, Japanese and Thai have no spaces; Korean, Bengali, Turkish and Hungarian glue
the case ending to the place ("서울에", "ঢাকায়", "İstanbul'da", "Budapesten"); Hebrew and
Arabic glue a preposition to its front ("בתל אביב", "بالرياض"); and Devanagari, Bengali
and Thai vowel signs are not "letters" to the tokeniser at all. Each cue is a regular
expression for a first-person phrase of living in or coming from somewhere, whose group
"p" holds the text the place starts (side "after") or ends (side "before") in; the
longest stretch of it that the gazetteer knows is the place. A cue never fires without a
place the gazetteer knows, and a place without a cue is never read here: "柏林的大使馆"
(the embassy in Berlin) places nobody.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.locate._cue_kit import HAN, THAI, Cue
from bot.locate._cue_table import ARABIZI_ME, CUES, SCRIPTS, latin_cues_may_match
from bot.locate._evidence import Cand, Scan
from bot.locate._gazetteer import Resolution, gazetteer, resolve
from bot.locate._langs import LATIN
from bot.locate._normalise import fold

# Every cue group's script lies in these ranges (Greek to Ethiopic and Khmer, kana to
# Hangul); one character class is a far cheaper first test than the groups' own
# detectors, some of which look for words. Latin text with emoji or quotes fails it.
_ANY_SCRIPT = re.compile("[\u0370-\u1fff\u3040-\ud7ff]")
_UNSPACED = re.compile(f"{HAN}|{THAI}|[\u3040-\u30ff]")
# A cue that opens with "ana" names its subject: "slm khoya, ana fi tounes" (hi bro, I'm
# in Tunisia) is the writer, whoever is addressed before it.
_ME_FIRST = re.compile(rf"(?:{ARABIZI_ME})\b", re.IGNORECASE)
_CLAUSE_ENDS = ".!?;\n。！？；،,，"
# Someone other than the writer as the subject (kin, friends, he/she/they), in the
# languages whose cue verbs do not say who lives there.
_OTHERS = re.compile(
    "朋友|家人|父母|妈妈|媽媽|爸爸|哥哥|姐姐|弟弟|妹妹|丈夫|妻子|老公|老婆|儿子|兒子|女儿|女兒|"
    "他|她|佢|親戚|亲戚|"
    "친구|동생|형|누나|언니|오빠|엄마|아빠|가족|부모님|남편|아내|아들|딸|그는|그녀는|사촌|"
    "เพื่อน|พี่|น้อง|แม่|พ่อ|ครอบครัว|แฟน|สามี|ภรรยา|ลูก|"
    "أخي|أختي|اخي|اختي|صديقي|صديقتي|أمي|امي|أبي|ابي|عائلتي|زوجي|زوجتي|ابني|بنتي|أهلي|اهلي|"
    "خالي|عمي|هو|هي|هم|"
    "برادرم|خواهرم|دوستم|مادرم|پدرم|خانواده‌ام|خانوادهام|همسرم|"
    "אחי|אחותי|חבר שלי|חברה שלי|אמא שלי|אבא שלי|המשפחה שלי|אשתי|בעלי|הוא|היא|הם|הן|"
    "arkadaşım|kardeşim|annem|babam|ailem|eşim|"
    "barátom|barátnőm|testvérem|anyám|apám|családom|"
    "sahbi|sa7bi|khouya|khoya|khti|okhti|mama|baba|familti"
)
# Negation right before the cue ("我不住在", "לא גר", "لا أعيش") or after it ("살지 않아요").
_NOT = re.compile("不|没|沒|唔|לא|لا|ما|مش|مو|ไม่|not\\s|nem\\s|değil", re.IGNORECASE)
# Arabic "ما" (not) is Persian "ما" (we) before "اینجا" (here).
_PERSIAN_HERE = ("اینجا", "این\u200cجا")
_NOT_AFTER = re.compile("\\S*\\s*(?:지\\s*않|지\\s*안|değil|nem)")
# Right after the place, a stay rather than a home: "我在柏林旅游", "베를린에 여행".
_VISIT = re.compile(
    "\\s*(?:旅游|旅遊|旅行|出差|度假|玩|开会|開會|访问|訪問|여행|출장|휴가|เที่ยว|"
    "(?:住|待|呆)了?[一二两兩三四五六七八九十几幾\\d]+(?:晚|天|夜|周|週|个晚上|個晚上)|"
    "في\\s+زيارة|زيارة|سياحة|בחופשה|בטיול|tatil|nyaral|seyahat)"
)
# "我在柏林的朋友": the place modifies a noun ("my friend in Berlin"), not the writer.
_MODIFIER = re.compile("的|の")
# Punctuation only: vowel signs (Devanagari, Bengali, Thai) are not \w but are letters.
_PUNCT = "\\s\"'“”«»()\\[\\].,!?;:،؟。，！？、…_-"
_TRIM = re.compile(f"^[{_PUNCT}]+|[{_PUNCT}]+$")
_CONNECTOR = re.compile(f"^[{_PUNCT}]*(?:(?:في|فى|in|ב)\\s+)?")


def scan_cues(body: str, keys: list[str], scan: Scan) -> None:
    """Add the places the cues find in the raw text (hashtags and links already out);
    `keys` are its folded words."""
    groups = (
        [g for g, rx in SCRIPTS.items() if rx.search(body)]
        if not body.isascii() and _ANY_SCRIPT.search(body)
        else []
    )
    runs = [CUES[g] for g in groups]
    if latin_cues_may_match(body, keys):
        runs.append(CUES["latin"])
    runs.extend(family.cues for family in LATIN if family.may_match(body, keys))
    for cues in runs:
        for cue in cues:
            for m in cue.regex.finditer(body):
                found = _place(m.group("p"), cue)
                if found is None:
                    continue
                res, rest = found
                scan.russia = scan.russia or res.russian
                # "我的朋友住在柏林", "אחי גר בברלין": someone else's home is a tie only.
                start = max(body.rfind(c, 0, m.start()) for c in _CLAUSE_ENDS) + 1
                after = rest if cue.side == "after" else body[m.end() :]
                if (
                    (_OTHERS.search(body, start, m.start()) and not _ME_FIRST.match(m.group(0)))
                    or _MODIFIER.match(after)
                    or _negated_before(body, max(start, m.start() - 3), m.start())
                    or _NOT_AFTER.match(body, m.end())
                ):
                    continue  # someone else's home, or "我不住在北京": a tie only
                how = "visit" if _VISIT.match(after) else cue.how
                scan.cands.append(Cand(how, res.cc, res.certainty * 0.9))


def _negated_before(body: str, lo: int, start: int) -> bool:
    found = _NOT.search(body, lo, start)
    return found is not None and not (
        found.group(0) == "ما" and body.startswith(_PERSIAN_HERE, start)
    )


_RUN = re.compile(f"(?:{HAN}|{THAI}|[\u3040-\u30ff])+")


def unspaced_places(text: str) -> set[str]:
    """Countries of the names that make up a run of Chinese, Japanese or Thai letters
    from the start, for a profile location: "中国上海", "日本東京都渋谷区"."""
    gaz = gazetteer()
    out: set[str] = set()
    for run in _RUN.findall(text):
        i = 0
        while i < len(run):
            k = next((k for k in range(len(run) - i, 1, -1) if gaz.has(run[i : i + k])), 0)
            if not k:
                break  # "渋谷区": a name we do not know ends the reading
            res = resolve(gaz.senses(run[i : i + k]))
            if res.cc:
                out.add(res.cc)
            i += k
    return out


def _place(text: str, cue: Cue) -> tuple[Resolution, str] | None:
    """The place in `text` and the text left beside it."""
    found = _longest(text, cue.side, cue.capital)
    if found is None:
        return None
    res, rest = found
    if cue.side == "after" and rest:
        # "عمّان في الأردن": a country after the place picks among its senses (Amman,
        # not Oman, whose name it shares once the vowel marks are gone).
        outer = _longest(_CONNECTOR.sub("", rest), "after", False)
        if outer is not None and outer[0].cc in {x.cc for x in res.senses} - {res.cc}:
            return outer[0], rest
    if cue.side != "before" or not rest.strip() or _UNSPACED.search(text):
        return res, rest
    # Turkish, Hungarian, Korean and Urdu name the bigger place first: "Ankara Kazan'da"
    # is Kazan, Ankara. A place right before the one read qualifies it.
    last = rest.split()[-1] if rest.split() else ""
    if last[:1].islower():
        return res, rest  # "Türküm ama Berlin'de": a lower-case word ("ama") is no place
    outer = _longest(rest, "before", cue.capital)
    if outer is not None and outer[0].cc and outer[0].cc != res.cc:
        return outer[0], rest
    return res, rest


@lru_cache(maxsize=1024)
def _longest(text: str, side: str, capital: bool) -> tuple[Resolution, str] | None:
    """The longest known place in `text` at its `side` end, and the text left over."""
    gaz = gazetteer()
    for cand, rest in _stretches(text, side):
        cand = _TRIM.sub("", cand)
        if len(cand) < 2:
            continue
        key = fold(cand)
        senses = gaz.senses(key)
        if not senses and "\u0621" <= key[:1] <= "\u064a":
            # The Arabic article comes and goes: "اسكندرية", "الإسكندرية".
            senses = gaz.senses(key[2:] if key.startswith("ال") else "ال" + key)
        if not senses and "\u10d0" <= key[-1:] <= "\u10ff":
            senses = gaz.senses(key + "ი")  # Georgian drops the nominative -ი: თბილისში
        if not senses:
            continue
        if key in gaz.ambiguous:
            return Resolution(None, 0.0, senses), rest
        capitalised = cand[:1].isupper()
        if cand.isascii() and (
            (capital and not capitalised) or (key in gaz.common and not capitalised)
        ):
            return None
        return resolve(senses), rest
    return None


def _stretches(text: str, side: str) -> list[tuple[str, str]]:
    """The pieces of `text` a place may be, longest first, each with what is left."""
    if side == "exact":
        return [(text, "")]
    if _UNSPACED.search(text):
        n = len(text)
        if side == "after":
            return [(text[:k], text[k:]) for k in range(n, 1, -1)]
        return [(text[n - k :], text[: n - k]) for k in range(n, 1, -1)]
    words = text.split()
    n = len(words)
    if side == "after":
        return [(" ".join(words[:k]), " ".join(words[k:])) for k in range(n, 0, -1)]
    return [(" ".join(words[n - k :]), " ".join(words[: n - k])) for k in range(n, 0, -1)]
