"""Scans beside the phrase patterns: demonyms about the writer, and Japanese, whose
sentences have no spaces for the word tokeniser to split on."""

from __future__ import annotations

import re

from bot.locate._evidence import ORIGIN, Cand, Scan
from bot.locate._gazetteer import gazetteer, resolve
from bot.locate._normalise import fold, folded_words
from bot.locate._patterns import (
    DEMONYM_ADJ,
    DEMONYM_CLAUSE_NEXT,
    DEMONYM_LEAD,
    DEMONYM_NOT_SELF,
    ID_AT,
    compile_patterns,
)
from bot.locate._text import Text, contiguous, negated, read_place

_CJK = re.compile("[\u3040-\u9fff]")
# "から" alone is "from" ("ロンドンから応援"), but "からの" modifies a noun ("news from").
_JA_PLACE = re.compile(
    "(に住んで|に住む|在住|住み|住まい|に暮らして|にいます|にいる|出身|から来|から(?!の))"
)
# Someone else as the subject: "友達はベルリンに住んでいます" is a tie, not the writer's home.
# "夫の転勤で" (for my husband's transfer) is the writer's own move: only kin as the
# subject (は, が, も) make it theirs.
_JA_OTHERS = re.compile("(?:友達|友人|家族|両親|母|父|兄|姉|弟|妹|夫|妻|彼|息子|娘|親戚)[はがも]")
_JA_DEMONYM = re.compile("([\u3040-\u30ff\u4e00-\u9fff]{1,8}人)(?:です|として|なので|だけど|の私)")
_DEMONYM_LEAD = compile_patterns(DEMONYM_LEAD)
# "a Kenyan in Nairobi", "українка у Вроцлаві", "dansker i Malmö", "Έλληνας στις Βρυξέλλες".
_IN = folded_words("in living_in based_in у ў в во en em i w v στη στην στο στις")


def scan_demonyms(t: Text, scan: Scan) -> None:
    gaz = gazetteer()
    keys = t.keys
    if gaz.demonym_heads.isdisjoint(keys):
        return
    demonyms = gaz.demonyms
    for i, key in enumerate(keys):
        n, cc = 1, demonyms.get(key)
        if i + 1 < len(keys) and t.gaps[i + 1] == "space":
            two = demonyms.get(key + " " + keys[i + 1])
            n, cc = (2, two) if two else (n, cc)
        if cc is None:
            continue
        nxt = keys[i + n] if i + n < len(keys) and t.gaps[i + n] == "space" else None
        if nxt in DEMONYM_NOT_SELF:
            continue
        led = i > 0 and any(
            (start := p.match_back(keys, i)) is not None
            and contiguous(t, start, i)
            and not negated(t, start)
            for p in _DEMONYM_LEAD.get(keys[i - 1], ())
        )
        # "German here", "Welsh and furious", "proud Scot here": a clause that opens
        # with a demonym, or with an adjective and a demonym.
        first = i - 1 if i and keys[i - 1] in DEMONYM_ADJ and t.gaps[i] == "space" else i
        opens = t.gaps[first] != "space" and (nxt is None or nxt in DEMONYM_CLAUSE_NEXT)
        if led or opens:
            scan.cands.append(Cand("demonym", cc, 1.0))
            scan.russia = scan.russia or cc == "RU"
        if (led or t.gaps[first] != "space") and nxt in _IN and i + n + 1 < len(keys):
            # "Proud Pakistani in Toronto", "українка у Вроцлаві": origin, then home. A
            # clause that opens so says nothing of the origin if the home is unread.
            scan.add("self-in", read_place(t, i + n + 1, context="explicit"))


def scan_japanese(body: str, scan: Scan) -> None:
    if not _CJK.search(body):
        return
    gaz = gazetteer()
    for m in _JA_PLACE.finditer(body):
        if m.group(1) not in ("出身", "から来", "から"):
            # "チューリッヒ在住の日本人です": a Japanese living in Zurich, a town the
            # gazetteer may not know in katakana; the demonym is not where they are
            # (bot.locate._homes). A known town outranks a demonym anyway.
            scan.home_unknown = True
        before = body[max(0, m.start() - 12) : m.start()]
        others = bool(_JA_OTHERS.search(before))
        for k in range(len(before), 1, -1):
            senses = gaz.senses(fold(before[-k:]))
            if senses:
                res = resolve(senses)
                how = "self-from" if m.group(1) in ("出身", "から来") else "self-in"
                if not others:
                    scan.cands.append(Cand(how, res.cc, res.certainty * 0.95))
                scan.russia = scan.russia or res.russian
                break
    for m in _JA_DEMONYM.finditer(body):
        word = m.group(1)
        for k in range(len(word), 1, -1):
            cc = gaz.demonyms.get(word[-k:])
            if cc:
                scan.cands.append(Cand("demonym", cc, 1.0))
                break


# Romanised Hindi and Urdu put the place before a postposition and the verb after it:
# "karachi se hoon" (I'm from Karachi), "lahore mein rehta hoon" (I live in Lahore).
_HI_POST = {"se": "self-from", "mein": "self-in", "me": "self-in", "main": "self-in"}
_HI_VERB = frozenset(str.split("hoon hun hu hoo rehta rehti rahta rahti rehte rehti hai"))
# "Dubai mein job karta hu", "Pune mein kaam karti hoon": work there, a noun then a verb.
_HI_WORK = frozenset(str.split("job kaam naukri padhai study"))
_HI_DO = frozenset(str.split("karta karti karte krta krti"))


def _works(keys: list[str], j: int) -> bool:
    """ "job karta", "kaam kar raha", "3 saal se kaam kar rahi": work, within a few words."""
    for k in range(j, min(j + 4, len(keys) - 1)):
        if keys[k] in _HI_WORK:
            return keys[k + 1] in _HI_DO or keys[k + 1] in ("kar", "kr")
    return False


def scan_romanised_hindi(t: Text, scan: Scan) -> None:
    keys = t.keys
    if _HI_VERB.isdisjoint(keys) and "hain" not in keys and _HI_DO.isdisjoint(keys):
        return
    gaz = gazetteer()
    we = "hum" in keys or "ham" in keys
    for i in range(1, len(keys) - 1):
        how = _HI_POST.get(keys[i])
        verb = keys[i + 1]
        # "Kathmandu se likh raha hu": writing from there, so living there.
        writing = how == "self-from" and verb == "likh"
        how = "self-in" if writing else how
        # "hain" is "we are" with "hum", but "they are" without it.
        works = how == "self-in" and _works(keys, i + 1)
        if how is None or not (verb in _HI_VERB or (verb == "hain" and we) or works or writing):
            continue
        aux = keys[i + 2] if i + 2 < len(keys) else ""
        if aux == "hai" or (aux == "hain" and not we):
            continue  # "mera bhai Delhi me rehta hai": he lives there, not the writer
        for n in (2, 1):  # "new delhi se", then "delhi se"
            if i - n < 0:
                continue
            senses = gaz.senses(" ".join(keys[i - n : i]))
            if senses:
                res = resolve(senses)
                # "Hyderabad se hoon": India or Pakistan; both stay open for protection.
                scan.cands.append(Cand(how, res.cc, res.certainty * 0.9, res.senses))
                scan.russia = scan.russia or res.russian
                break


# Indonesian and Malay put "here" after the place: "dari Bandung nih" (from Bandung,
# me), "orang Medan sini" (a Medan local here), "arek Suroboyo kene".
_ID_LEAD = {
    "dari": "self-from",
    "orang": "self-in",
    "arek": "self-in",
    "wong": "self-in",
    "anak": "self-in",  # "anak Jaksel nih": a South Jakarta kid, here
    "kat": "self-in",  # "kat KL ni": in KL, here
}
_ID_HERE = frozenset(str.split("nih sini ni kene sih je jer"))
# After a place opening the message: not "je" or "ni", French and Swahili words too.
_ID_OPEN_HERE = frozenset(str.split("nih sini kene"))


def scan_diaspora(t: Text, scan: Scan) -> None:
    """Indonesian and Malay "here" after the place, "orang X di Y", and NRIs."""
    keys = t.keys
    if "nri" in keys or "nris" in keys:
        # A non-resident Indian lives outside India: "NRI from Kerala" is origin only.
        scan.cands[:] = [c for c in scan.cands if not (c.cc == "IN" and c.how in ORIGIN)]
    if _ID_HERE.isdisjoint(keys) and ID_AT.isdisjoint(keys) and "anak" not in keys:
        return
    first = read_place(t, 0, context="explicit")
    if first and first.end < len(keys) and keys[first.end] in _ID_OPEN_HERE:
        scan.add("self-in", first)  # "Jakarta nih, udah tanda tangan"
    for i, key in enumerate(keys[:-2]):
        how = _ID_LEAD.get(key)
        if how is None or (i and t.gaps[i] == "space" and keys[i - 1] not in _ID_ME):
            continue
        chain = read_place(t, i + 1, context="explicit")
        if chain is not None and key in ("anak", "arek") and i and keys[i - 1] in _ID_ME:
            # "gue anak Bandung" (I'm a Bandung kid): where the writer is from, which a
            # home named later beats.
            scan.add("self-from", chain)
            continue
        if chain is None or chain.end >= len(keys) or t.gaps[chain.end] != "space":
            continue
        if keys[chain.end] in _ID_HERE:
            scan.add(how, chain)
        elif key == "orang" and keys[chain.end] in ID_AT and chain.end + 1 < len(keys):
            # "orang Indonesia di Jepang": an Indonesian living in Japan.
            scan.add("self-in", read_place(t, chain.end + 1, context="explicit"))


_ID_ME = frozenset(str.split("saya aku gue gw sy ak aq kami kita"))
