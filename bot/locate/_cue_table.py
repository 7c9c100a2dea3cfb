"""The cues of bot.locate._cues, one table per script: first-person phrases of living in
or coming from a place, as regular expressions whose group "p" holds the place.

Only data and the cheap gate for the Latin-script cues; how a cue is read (the longest
known place, someone else's home, negation, a visit) is in _cues.
"""

from __future__ import annotations

import re

from bot.locate import _langs
from bot.locate._cue_kit import HAN, THAI, Cue
from bot.locate._cue_kit import P2 as _P2
from bot.locate._cue_kit import P3 as _P3
from bot.locate._cue_kit import S as _S
from bot.locate._cue_kit import W as _W
from bot.locate._cue_kit import cue as _cue
from bot.locate._normalise import fold

_I = re.IGNORECASE

_TR_IN = (
    "yaşıyorum|yasiyorum|yaşıyoruz|yasiyoruz|oturuyorum|oturuyoruz|kalıyorum|kaliyorum|"
    "çalışıyorum|calisiyorum|okuyorum|bulunuyorum|yaşamaktayım|yaşıyom|ikamet ediyorum|"
    "yaşarım|yazıyorum|yaziyorum|tweetliyorum"
)
_HU_IN = "élek|elek|lakom|élünk|lakunk|dolgozom|tanulok|lakok|vagyok|vagyunk"
_AR_LIVE = (
    "آني|اني|راني|رانا|نحنا|نحنه|كنسكن|كنعيش|كنعيش|ساكنين|عايشين|أعيش|اعيش|أسكن|اسكن|ساكن|ساكنة|مقيم|مقيمة|أقيم|اقيم|نعيش|نسكن|عايش|عايشة|قاعد|قاعدة|"
    "موجود|موجودة|متواجد|متواجدة|أنا|انا|إحنا|احنا|نحن"
)
ARABIZI_ME = r"ana|ena|a7na|ahna|e7na|ehna|n7na|ani|rani|rana"
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
_BN_LIVE = r"থাকি|থাকছি|থাকেন|বাস\s+করি|বসবাস\s+করি|বসে"
_ZH_LIVE = (
    "住在|住喺|住係|我住在|我住喺|我住|我們住|我们住|我哋住|生活在|居住在|居住於|居住于|定居在|定居於|定居于|定居|身在|(?<!有)人在|我在|我喺|"
    "我們在|我们在|我哋喺|目前在|现在在|現在在|現居|现居|常住"
)
_KO_LIVE = "사는|살|삽니다|거주|지내|일하|있어|있습니다|머물|유학|공부"
_HY = "[\u0531-\u0586]"  # Armenian (NFKC splits the ligature \u0587 into two letters)
_CYR = "[А-Яа-яЁёІіҚқҒғҢңӨөҮүҰұҺһӘә]"
_KZ_LIVE = "тұрамын|тұрамыз|тұрам|жашайм|жашайбыз|жашаймын|турам|турамын|жұмыс\\s+істеймін"
_KZ_WRITE = "жазып|жазамын|жазып\\s+отырмын|келдім|келгем"
_TH_ME = "ผม|ฉัน|ดิฉัน|เรา|หนู|พวกเรา|ชั้น|กู"
_PTH = rf"(?P<p>{THAI}{{2,30}})"
_AR_HERE = "هنا|هني|هون|هنايا|هنيه"
_UR_WORK = r"(?:نوکری|کام|جاب|پڑھائی)\s+(?:کرتا|کرتی|کرتے|کر\s+رہا|کر\s+رہی)\s+(?:ہوں|ہیں)"
_NE_LIVE = r"बस्छु|बस्छौं|बस्दछु|बस्दैछु|काम\s+गर्छु"
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
        # Uzbek: "Toshkentda yashayman".
        _cue(
            "self-in", "before",
            rf"(?P<p>{_W})(?:da|de|ta|te)\s+(?:yashayman|yashaymiz|turaman|ishlayman)\b",
        ),
        # Hungarian town adjectives: "szegedi vagyok" (I am from Szeged).
        _cue("self-from", "before", rf"\b(?P<p>{_W}?)i\s+(?:vagyok|vagyunk)\b"),
        # Finnish greetings name the place in the elative: "Oulusta terveisiä".
        _cue(
            "self-in", "before",
            rf"(?P<p>{_W})(?:sta|stä|lta|ltä)\s+(?:terveisiä|terveiset)\b",
            capital=True,
        ),
        # Arabic in Latin letters (Arabizi): "ana fi tounes", "ana f Casa", "ana men dzayer".
        _cue(
            "self-in", "after",
            rf"\b(?:{ARABIZI_ME})\s+(?:(?:{_ARABIZI_NOW})\s+)?(?:f|fi|fel|fil|fl|b|bi)\s+"
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
            rf"\b(?:{ARABIZI_ME})\s+(?:men|mn|min|mel|mil|mnel)\s+(?P<p>{_W}(?:\s{_W}){{0,2}})",
            flags=_I,
        ),
    ),
    "arabic": (
        _cue("self-in", "after", rf"(?:{_AR_LIVE})\s+(?:{_AR_NOW}\s+)?(?:في|فى|ف|ب)\s*{_P3}"),
        # "احنا هنا بالرياض", "هون بعمّان": here, then the place.
        _cue("self-in", "after", rf"(?:^|\s)(?:{_AR_HERE})\s+(?:في|فى|ف|ب)\s*{_P3}"),
        _cue("self-from", "after", rf"(?:أنا|انا|إحنا|احنا|نحن)\s+(?:من|مِن)\s+{_P3}"),
        _cue("self-in", "after", rf"(?:تحية|تحياتي|تحيات|سلام|مرحبا|مرحباً)\s+(?:من|مِن|از)\s+{_P3}"),
        # Persian: "در تهران زندگی می‌کنم", "ساکن تورنتو", "اهل شیراز".
        _cue("self-in", "exact", rf"(?:در|تو)\s+{_P2}\s+(?:{_FA_LIVE})"),
        _cue("self-in", "after", rf"(?:ساکن|مقیم)\s+{_P3}"),
        _cue(
            "self-in", "exact",
            r"(?:ساکن|مقیم)\s+(?P<p>[\u0600-\u06ff]{3,}?)(?:م|ام)(?=[\s،,.!؟…]|$)",
        ),
        _cue("self-from", "after", rf"(?:اهل|از)\s+{_P2}\s+(?:{_FA_BE})"),
        _cue("self-from", "after", rf"(?:من|ما)\s+اهل\s+{_P3}"),
        # "اینجا تو تهران", "از مشهد می‌نویسم".
        _cue("self-in", "after", rf"(?:اینجا|این\u200cجا)\s+(?:تو|در)\s+{_P3}"),
        _cue("self-in", "exact", rf"از\s+{_P2}\s+می\s*\u200c?\s*نویسم"),
        # "الان ونکوور زندگی می‌کنم" (now I live in Vancouver), "من تهرانم" (I'm in Tehran).
        _cue("self-in", "exact", rf"(?:الان|حالا|اکنون)\s+{_P2}\s+(?:{_FA_LIVE})"),
        _cue(
            "self-in", "exact",
            r"(?:^|\s)من\s+(?P<p>[\u0600-\u06ff]{3,}?)(?:م|ام)(?=[\s،,.!؟…]|$)",
        ),
        # A message opening "تهرانم و ..." (I'm in Tehran and ...).
        _cue(
            "self-in", "exact",
            r"^\s*(?!سلام)(?P<p>[\u0600-\u06ff]{4,}?)(?:م|ام)(?=[\s،,.!؟…]|$)",
        ),
        # Urdu: "میں کراچی میں رہتا ہوں", "لاہور سے ہوں".
        # "اوسلو میں پچھلے بارہ سال سے ہوں" (in Oslo for the last twelve years).
        _cue("self-in", "before", rf"{_P2}\s+میں\s+(?:\S+\s+){{0,4}}?سے\s+(?:ہوں|ہیں|رہ)"),
        _cue("self-in", "before", rf"{_P2}\s+میں\s+(?:{_UR_LIVE})"),
        _cue("self-from", "before", rf"{_P2}\s+سے\s+(?:ہوں|ہیں|آیا|آئی|تعلق)"),
        _cue("self-in", "before", rf"{_P2}\s+سے\s+(?:سلام|آداب)"),
        _cue("self-in", "before", rf"{_P2}\s+میں\s+رہائش"),
        _cue("self-in", "before", rf"{_P2}\s+میں\s+(?:{_UR_WORK})"),
    ),
    "hebrew": (
        _cue("self-in", "after", rf"(?:{_HE_LIVE})\s+(?:כרגע\s+|עכשיו\s+|היום\s+)?ב[־-]?{_P3}"),
        # "עליתי לפני שנה, עכשיו בנתניה": now, in the place.
        _cue("self-in", "after", rf"(?:^|[\s,])(?:עכשיו|כרגע)\s+ב[־-]?{_P3}"),
        _cue("self-in", "after", rf"(?:^|\s)(?:אני|אנחנו)\s+ב[־-]?{_P3}"),
        # "כבר חמש שנים בליסבון" (already five years in Lisbon).
        _cue(
            "self-in", "after",
            rf"(?:כבר|גר|גרה|גרים)\s+(?:\S+\s+)?(?:שנים|שנה|שנתיים|חודשים)\s+ב[־-]?{_P3}",
        ),
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
        # The verb first: "এখন থাকি লন্ডনে".
        _cue(
            "self-in", "exact",
            rf"(?:থাকি|থাকছি)\s+(?P<p>{_S}?)(?:\u09af\u09bc|তে|ে)(?=[\s,।]|$)",
        ),
        # Nepali: "म पोखरामा बस्छु".
        _cue("self-in", "before", rf"(?P<p>{_S}?)मा\s+(?:{_NE_LIVE})"),
    ),
    "cjk": (
        _cue("self-in", "after", rf"(?:{_ZH_LIVE})(?P<p>{HAN}{{2,10}})"),
        _cue("self-from", "after", rf"(?:来自|來自|我是从|我是從|我从|我從)(?P<p>{HAN}{{2,10}})"),
        _cue("self-from", "exact", rf"(?:我是|我係|我系|我們是|我们是)(?P<p>{HAN}{{2,8}}?)人"),
        _cue("self-in", "after", rf"(?:坐标|坐標|人喺)\s*(?P<p>{HAN}{{2,10}})"),
        # A message opening "在成都，..." (in Chengdu, ...): the writer is there.
        _cue("self-in", "after", rf"^\s*(?:我)?(?:在|喺)(?P<p>{HAN}{{2,10}})"),
        # "台中人報到" (a Taichung person reporting in).
        _cue("self-in", "exact", rf"(?P<p>{HAN}{{2,6}}?)人(?:報到|报到|在此)"),
    ),
    "hangul": (
        _cue("self-from", "before", r"(?P<p>[가-힣]+?)에서\s*(?:왔|온)"),
        _cue("self-in", "before", rf"(?P<p>[가-힣]+?)(?:에서|에)\s*(?:{_KO_LIVE})"),
        _cue("self-in", "before", r"(?P<p>[가-힣]+)\s+(?:살아|살고|삽니다|거주|사는|살며|살면서)"),
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
        # Mongolian: "Дарханд амьдардаг".
        _cue("self-in", "before", rf"(?P<p>{_CYR}+?)(?:нд|ад|эд|од|өд|д|т)\s+амьдар(?:даг|ч)"),
    ),
    "thai": (
        _cue("self-in", "after", rf"(?:{_TH_ME})\s*(?:อาศัย|พัก|ทำงาน)?\s*อยู่\s*(?:ที่|ใน)?\s*{_PTH}"),
        _cue("self-from", "after", rf"(?:{_TH_ME})\s*มาจาก\s*{_PTH}"),
        # "คนไทยในโอ๊คแลนด์": a Thai (or other) person in the place.
        _cue("self-in", "after", rf"^\s*คน{THAI}{{2,12}}?ใน{_PTH}"),
        # Not "จะย้ายไปอยู่" (will move to): a plan.
        _cue("self-in", "after", rf"(?<!จะ)(?<!จะ )ย้าย(?:มา|ไป)อยู่\s*(?:ที่)?\s*{_PTH}"),
        _cue("self-in", "after", rf"(?:ทำงาน|เรียน|พัก)อยู่\s*(?:ที่|ใน)?\s*{_PTH}"),
        # "คนกรุงเทพฯ ครับ" (a Bangkok person, polite particle).
        _cue("self-in", "exact", rf"^\s*คน(?P<p>{THAI}{{2,20}}?)ฯ?\s*(?:ครับ|ค่ะ|คะ|นะ)"),
        # A town alone with a polite particle: "ขอนแก่นครับ".
        _cue("self-in", "exact", rf"^\s*(?P<p>{THAI}{{2,20}}?)(?:ครับ|ค่ะ|คะ|จ้า)(?=\s|$)"),
        # The pronoun is often left out: "อยู่กรุงเทพค่ะ" at the start of a clause.
        _cue("self-in", "after", rf"(?:^|(?<=\s))(?:อาศัย)?อยู่\s*(?:ที่)?\s*{_PTH}"),
    ),
}  # fmt: skip

SCRIPTS = {
    "arabic": re.compile("[\u0600-\u06ff]"),
    "hebrew": re.compile("[\u0590-\u05ff]"),
    "indic": re.compile("[\u0900-\u09ff]"),
    "cjk": re.compile(HAN),
    "hangul": re.compile("[가-힣]"),
    "thai": re.compile(THAI),
    "caucasus": re.compile(
        "[\u10d0-\u10ff\u0531-\u0587]|(?:тұрам|жашай|турам|жазып|келдім|амьдар)"
    ),
}
# Words one of the Latin-script cues needs, as folded keys: without one (or a Turkish
# "-dayım", "-liyim" ending) those cues cannot match. A set lookup per word is far
# cheaper than one more regular expression over every mention.
_LATIN_WORDS = frozenset(
    fold(w)
    for alts in (_TR_IN, _HU_IN, ARABIZI_ME, _ARABIZI_LIVE)
    for w in alts.replace("|", " ").split()
) | frozenset(
    fold(w)
    for w in str.split(
        "geldim geliyorum geldik jöttem származom származunk jövök írok írunk selamlar "
        "sevgiler selam üdvözlet üdvözletek üdv üdvözlettel terveisiä terveiset "
        "yashayman yashaymiz turaman ishlayman"
    )
)
# Turkish "-dayım", Azerbaijani "-dayam/-dəyəm", Uzbek "-daman", "-likman".
_TR_ENDING = re.compile(r"(?:y[ıiuü][mz]|y[aə]m|[dt]aman|likman)\b")

# The language families' own cues and scripts (bot/locate/_langs; their Latin-script
# cues keep their own gates, see _cues.scan_cues).
for _group, _more in _langs.CUES.items():
    CUES[_group] = CUES.get(_group, ()) + _more
SCRIPTS.update(_langs.SCRIPTS)


def latin_cues_may_match(body: str, keys: list[str]) -> bool:
    return not _LATIN_WORDS.isdisjoint(keys) or bool(_TR_ENDING.search(body))
