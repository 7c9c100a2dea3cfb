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
from typing import NamedTuple

from bot.locate._evidence import Cand, Scan
from bot.locate._gazetteer import Resolution, gazetteer, resolve
from bot.locate._normalise import fold


class Cue(NamedTuple):
    how: str  # "self-in" or "self-from"
    regex: re.Pattern[str]
    side: str  # "after", "before" or "exact"
    capital: bool = False  # Latin script: the place must be capitalised


def _cue(how: str, side: str, pattern: str, *, capital: bool = False, flags: int = 0) -> Cue:
    return Cue(how, re.compile(pattern, flags), side, capital)


_I = re.IGNORECASE
_W = r"[^\W\d_]+"  # a word of letters (marks excluded: fine for Latin, Turkish, Hungarian)
_S = r"[^\s,.!?;:،؟。，！？、()\"“”]+"  # a word in scripts with vowel signs
_HAN = "[\u4e00-\u9fff]"
_THAI = "[\u0e00-\u0e7f]"

_TR_IN = (
    "yaşıyorum|yasiyorum|yaşıyoruz|yasiyoruz|oturuyorum|oturuyoruz|kalıyorum|kaliyorum|"
    "çalışıyorum|calisiyorum|okuyorum|bulunuyorum|yaşamaktayım|yaşıyom|ikamet ediyorum|"
    "yaşarım|yazıyorum|yaziyorum|tweetliyorum"
)
_HU_IN = "élek|elek|lakom|élünk|lakunk|dolgozom|tanulok|lakok|vagyok|vagyunk"
_AR_LIVE = (
    "كنسكن|كنعيش|كنعيش|ساكنين|عايشين|أعيش|اعيش|أسكن|اسكن|ساكن|ساكنة|مقيم|مقيمة|أقيم|اقيم|نعيش|نسكن|عايش|عايشة|قاعد|قاعدة|"
    "موجود|موجودة|متواجد|متواجدة|أنا|انا|إحنا|احنا|نحن"
)
_ARABIZI_ME = r"ana|ena|a7na|ahna|e7na|ehna|n7na|ani"
_ARABIZI_LIVE = (
    r"sakin|saken|sakna|sakena|3aych|3aysh|3ayesh|3ayech|3ayich|3aysha|3aycha|kan3ich|"
    r"kan3ish|kanskon|n3ich|n3ish|nskon|naskon|mqim|mo9im|mqima|mouqim|9a3ed|9a3da|gaa3ed"
)
_AR_NOW = r"حاليا|حالياً|الآن|الان"
_ARABIZI_NOW = r"hna|hnaya|daba|db|dba|tawa|taw|dorka|delwa9ti|dlw9ti|lyoum|hal2an|7alian"
_FA_LIVE = r"زندگی\s*می\s*کنم|زندگی\s*می\s*کنیم|ساکنم|ساکن\s+هستم|هستم|هستیم|میمانم|کار\s*می\s*کنم"
_FA_BE = r"هستم|هستیم|می\s*آیم|اومدم|آمدم"
_UR_LIVE = r"(?:رہتا|رہتی|رہتے|رہ\s+رہا|رہ\s+رہی|مقیم)\s+(?:ہوں|ہیں)"
_HE_FROM = "במקור|בא|באה|באים"
_HI_LIVE = r"(?:रहता|रहती|रहते|रह\s+रहा|रह\s+रही|रह\s+रहे|बसा|बसी)\s+(?:हूँ|हूं|हू|हैं)"
_BN_LIVE = r"থাকি|থাকছি|থাকেন|বাস\s+করি|বসবাস\s+করি"
_ZH_LIVE = (
    "住在|住喺|住係|生活在|居住在|居住於|居住于|定居在|定居於|定居于|定居|身在|人在|我在|我喺|"
    "我們在|我们在|我哋喺|目前在|现在在|現在在|現居|现居|常住"
)
_KO_LIVE = "살|삽니다|거주|지내|일하|있어|있습니다|머물"
_HY = "[\u0531-\u0587]"  # Armenian
_CYR = "[А-Яа-яЁёІіҚқҒғҢңӨөҮүҰұҺһӘә]"
_KZ_LIVE = "тұрамын|тұрамыз|тұрам|жашайм|жашайбыз|жашаймын|турам|турамын|жұмыс\\s+істеймін"
_KZ_WRITE = "жазып|жазамын|жазып\\s+отырмын|келдім|келгем"
_TH_ME = "ผม|ฉัน|ดิฉัน|เรา|หนู|พวกเรา|ชั้น|กู"
_P2 = rf"(?P<p>{_S}(?:\s{_S})?)"  # a place of one or two words
_P3 = rf"(?P<p>{_S}(?:[\s،,]\s*{_S}){{0,2}})"  # up to three: "عمّان، الأردن"
_PTH = rf"(?P<p>{_THAI}{{2,30}})"
_HE_LIVE = "גר|גרה|גרים|גרות|חי|חיה|חיים|נמצא|נמצאת|נמצאים|מתגורר|מתגוררת|יושב|יושבת"

CUES: dict[str, tuple[Cue, ...]] = {
    "latin": (
        # Turkish: "İstanbul'da yaşıyorum", "Ankara'dan yazıyorum", "İzmirliyim".
        _cue(
            "self-in", "before",
            rf"(?P<p>{_W}(?:\s{_W})?)['’]?[dt][ae](?:y[ıi]m|y[ıi]z)?\s+(?:{_W}\s+)?(?:{_TR_IN})\b",
        ),
        _cue("self-in", "before", rf"(?P<p>{_W})['’][dt][ae]y[ıi][mz]\b"),
        _cue(
            "self-from", "before",
            rf"(?P<p>{_W})['’]?[dt][ae]n\s+(?:geldim|geliyorum|geldik|göç ettim)\b",
        ),
        _cue("self-in", "before", rf"(?P<p>{_W})['’]?[dt][ae]n\s+(?:yazıyorum|yaziyorum)\b"),
        _cue("self-from", "before", rf"(?P<p>{_W}?)['’]?l[ıiuü]y[ıiuü][mz]\b", capital=True),
        # Turkish greetings: "İstanbul'dan selamlar".
        _cue("self-in", "before", rf"(?P<p>{_W})['’]?[dt][ae]n\s+(?:selamlar|sevgiler|selam)\b"),
        # Hungarian: "Budapesten élek", "Bécsben lakom", "Debrecenből jöttem".
        _cue(
            "self-in", "exact",
            rf"\b(?:[üÜ]dvözlet(?:ek)?|[üÜ]dv|[üÜ]dvözlettel)\s+(?P<p>{_W}?)(?:ból|ből|ról|ről)\b",
        ),
        _cue("self-in", "before", rf"(?P<p>{_W}?)(?:ban|ben|on|en|ön|ott|ett)\s+(?:{_HU_IN})\b"),
        _cue(
            "self-in", "after",
            rf"\b(?:élek|lakom|élünk|lakunk)\s+(?P<p>{_W}?)(?:ban|ben|on|en|ön)\b",
            capital=True,
        ),
        _cue(
            "self-from", "before",
            rf"(?P<p>{_W}?)(?:ból|ből|ról|ről)\s+(?:jöttem|származom|származunk|jövök)\b",
        ),
        _cue("self-in", "before", rf"(?P<p>{_W}?)(?:ból|ből|ról|ről)\s+(?:írok|írunk)\b"),
        # Arabic in Latin letters (Arabizi): "ana fi tounes", "ana f Casa", "ana men dzayer".
        _cue(
            "self-in", "after",
            rf"\b(?:{_ARABIZI_ME})\s+(?:(?:{_ARABIZI_NOW})\s+)?(?:f|fi|fel|fil|fl|b|bi)\s+"
            rf"(?P<p>{_W}(?:\s{_W}){{0,2}})",
            flags=_I,
        ),
        _cue(
            "self-in", "after",
            rf"\b(?:{_ARABIZI_LIVE})\s+(?:(?:f|fi|fel|fil|fl|b|bi)\s+)?(?P<p>{_W}(?:\s{_W}){{0,2}})",
            flags=_I,
        ),
        _cue(
            "self-from", "after",
            rf"\b(?:{_ARABIZI_ME})\s+(?:men|mn|min|mel|mil|mnel)\s+(?P<p>{_W}(?:\s{_W}){{0,2}})",
            flags=_I,
        ),
    ),
    "arabic": (
        _cue("self-in", "after", rf"(?:{_AR_LIVE})\s+(?:{_AR_NOW}\s+)?(?:في|فى|ف|ب)\s*{_P3}"),
        _cue("self-from", "after", rf"(?:أنا|انا|إحنا|احنا|نحن)\s+(?:من|مِن)\s+{_P3}"),
        _cue("self-in", "after", rf"(?:تحية|تحياتي|تحيات|سلام|مرحبا|مرحباً)\s+(?:من|مِن|از)\s+{_P3}"),
        # Persian: "در تهران زندگی می‌کنم", "ساکن تورنتو", "اهل شیراز".
        _cue("self-in", "exact", rf"(?:در|تو)\s+{_P2}\s+(?:{_FA_LIVE})"),
        _cue("self-in", "after", rf"(?:ساکن|مقیم)\s+{_P3}"),
        _cue("self-from", "after", rf"(?:اهل|از)\s+{_P2}\s+(?:{_FA_BE})"),
        _cue("self-from", "after", rf"(?:من|ما)\s+اهل\s+{_P3}"),
        # Urdu: "میں کراچی میں رہتا ہوں", "لاہور سے ہوں".
        _cue("self-in", "before", rf"{_P2}\s+میں\s+(?:{_UR_LIVE})"),
        _cue("self-from", "before", rf"{_P2}\s+سے\s+(?:ہوں|ہیں|آیا|آئی|تعلق)"),
    ),
    "hebrew": (
        _cue("self-in", "after", rf"(?:{_HE_LIVE})\s+(?:כרגע\s+|עכשיו\s+|היום\s+)?ב[־-]?{_P3}"),
        _cue("self-from", "after", rf"(?:אני|אנחנו)\s+(?:{_HE_FROM}\s+)?מ[־-]?{_P3}"),
    ),
    "indic": (
        # Hindi: "मैं दिल्ली में रहता हूँ", "मुंबई से हूँ".
        _cue("self-in", "before", rf"{_P2}\s+(?:में|मे)\s+(?:{_HI_LIVE})"),
        _cue("self-from", "before", rf"{_P2}\s+से\s+(?:हूँ|हूं|हैं|हु|हूॅं|आया|आई|आए)"),
        # Bengali: "আমি ঢাকায় থাকি", "লন্ডনে থাকি".
        _cue("self-in", "before", rf"(?P<p>{_S}?)(?:\u09af\u09bc|তে|ে)?\s+(?:{_BN_LIVE})"),
        _cue("self-from", "before", rf"(?P<p>{_S})\s+থেকে\s+(?:এসেছি|আসছি|বলছি|লিখছি)"),
        _cue("self-from", "exact", rf"আমি\s+(?P<p>{_S})\s+থেকে"),
    ),
    "cjk": (
        _cue("self-in", "after", rf"(?:{_ZH_LIVE})(?P<p>{_HAN}{{2,10}})"),
        _cue("self-from", "after", rf"(?:来自|來自|我是从|我是從|我从|我從)(?P<p>{_HAN}{{2,10}})"),
        _cue("self-from", "exact", rf"(?:我是|我係|我系|我們是|我们是)(?P<p>{_HAN}{{2,8}}?)人"),
        _cue("self-in", "after", rf"(?:坐标|坐標|人喺)\s*(?P<p>{_HAN}{{2,10}})"),
    ),
    "hangul": (
        _cue("self-from", "before", r"(?P<p>[가-힣]+?)에서\s*(?:왔|온)"),
        _cue("self-in", "before", rf"(?P<p>[가-힣]+?)(?:에서|에)\s*(?:{_KO_LIVE})"),
        _cue("self-in", "before", r"(?P<p>[가-힣]+)\s+(?:살아|살고|삽니다|거주)"),
        _cue("self-from", "before", r"(?P<p>[가-힣]+?)\s*출신"),
    ),
    "caucasus": (
        # Georgian "თბილისში ვცხოვრობ", Armenian "ապրում եմ Գյումրիում": a case ending glued on.
        _cue("self-in", "before", r"(?P<p>[\u10d0-\u10ff]+?)(?:ში|ს)\s+(?:ვცხოვრობ|ვარ|ვმუშაობ)"),
        _cue("self-in", "after", r"(?:ვცხოვრობ|ვარ)\s+(?P<p>[\u10d0-\u10ff]+?)(?:ში)\b"),
        _cue("self-in", "exact", rf"(?:ապրում|բնակվում)\s+եմ\s+(?P<p>{_HY}+?)ում"),
        _cue("self-in", "before", rf"(?P<p>{_HY}+?)ում\s+(?:եմ\s+)?(?:ապրում|բնակվում)"),
        # Kazakh and Kyrgyz: "Алматыда тұрамын", "Бишкекте жашайм".
        _cue("self-in", "before", rf"(?P<p>{_CYR}+?)(?:да|де|та|те)\s+(?:{_KZ_LIVE})"),
        _cue("self-in", "before", rf"(?P<p>{_CYR}+?)(?:дан|ден|тан|тен)\s+(?:{_KZ_WRITE})"),
    ),
    "thai": (
        _cue("self-in", "after", rf"(?:{_TH_ME})\s*(?:อาศัย|พัก|ทำงาน)?\s*อยู่\s*(?:ที่|ใน)?\s*{_PTH}"),
        _cue("self-from", "after", rf"(?:{_TH_ME})\s*มาจาก\s*{_PTH}"),
        # The pronoun is often left out: "อยู่กรุงเทพค่ะ" at the start of a clause.
        _cue("self-in", "after", rf"(?:^|(?<=\s))(?:อาศัย)?อยู่\s*(?:ที่)?\s*{_PTH}"),
    ),
}  # fmt: skip

_SCRIPTS = {
    "arabic": re.compile("[\u0600-\u06ff]"),
    "hebrew": re.compile("[\u0590-\u05ff]"),
    "indic": re.compile("[\u0900-\u09ff]"),
    "cjk": re.compile(_HAN),
    "hangul": re.compile("[가-힣]"),
    "thai": re.compile(_THAI),
    "caucasus": re.compile("[\u10d0-\u10ff\u0531-\u0587]|(?:тұрам|жашай|турам|жазып|келдім)"),
}
# Words one of the Latin-script cues needs, as folded keys: without one (or a Turkish
# "-dayım", "-liyim" ending) those cues cannot match. A set lookup per word is far
# cheaper than one more regular expression over every mention.
_LATIN_WORDS = frozenset(
    fold(w)
    for alts in (_TR_IN, _HU_IN, _ARABIZI_ME, _ARABIZI_LIVE)
    for w in alts.replace("|", " ").split()
) | frozenset(
    fold(w)
    for w in str.split(
        "geldim geliyorum geldik jöttem származom származunk jövök írok írunk selamlar "
        "sevgiler selam üdvözlet üdvözletek üdv üdvözlettel"
    )
)
_TR_ENDING = re.compile(r"y[ıiuü][mz]\b")


def _latin_cues_may_match(body: str, keys: list[str]) -> bool:
    return not _LATIN_WORDS.isdisjoint(keys) or bool(_TR_ENDING.search(body))


_ANY_SCRIPT = re.compile("|".join(rx.pattern for rx in _SCRIPTS.values()))
_UNSPACED = re.compile(f"{_HAN}|{_THAI}|[\u3040-\u30ff]")
# A cue that opens with "ana" names its subject: "slm khoya, ana fi tounes" (hi bro, I'm
# in Tunisia) is the writer, whoever is addressed before it.
_ME_FIRST = re.compile(rf"(?:{_ARABIZI_ME})\b", re.IGNORECASE)
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
_NOT_AFTER = re.compile("\\S*\\s*(?:지\\s*않|지\\s*안|değil|nem)")
# Right after the place, a stay rather than a home: "我在柏林旅游", "베를린에 여행".
_VISIT = re.compile(
    "\\s*(?:旅游|旅遊|旅行|出差|度假|玩|开会|開會|访问|訪問|여행|출장|휴가|เที่ยว|"
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
        [g for g, rx in _SCRIPTS.items() if rx.search(body)]
        if not body.isascii() and _ANY_SCRIPT.search(body)
        else []
    )
    if _latin_cues_may_match(body, keys):
        groups.append("latin")
    for group in groups:
        for cue in CUES[group]:
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
                    or _NOT.search(body, max(start, m.start() - 3), m.start())
                    or _NOT_AFTER.match(body, m.end())
                ):
                    continue  # someone else's home, or "我不住在北京": a tie only
                how = "visit" if _VISIT.match(after) else cue.how
                scan.cands.append(Cand(how, res.cc, res.certainty * 0.9))


_RUN = re.compile(f"(?:{_HAN}|{_THAI}|[\u3040-\u30ff])+")


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
