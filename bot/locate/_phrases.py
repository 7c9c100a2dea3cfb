"""Self-placement phrases of the languages added for issue 13, in _patterns' grammar.

Only languages whose words are separated by spaces and whose place names stand on their
own (or inflect at the end, "~"): Vietnamese, Indonesian and Malay, Tagalog, Swahili,
Greek, Catalan, Serbian, Croatian and Bosnian (Latin and Cyrillic), Bulgarian,
Belarusian, Finnish beyond "asun", Estonian, Latvian, Lithuanian, Albanian, Icelandic, and
more Portuguese. Languages that glue endings or prepositions to the place, or write without
spaces, are read by _cues.
"""

from __future__ import annotations

from typing import Protocol


class _Words(Protocol):
    keys: list[str]
    gaps: list[str]


# Kin before a pronoun that starts a phrase make the pronoun a possessive: "kakak saya
# tinggal di" (my sister lives in), "em tôi sống ở" (my brother lives in).
_KIN_BEFORE = frozenset(
    str.split(
        "kakak adik teman kawan ibu ayah bapak suami istri anak sepupu keluarga pacar abang "
        "ban anh chi em me bo vo chong con"
    )
)


def someone_elses(t: _Words, start: int) -> bool:
    return start > 0 and t.gaps[start] == "space" and t.keys[start - 1] in _KIN_BEFORE


RESIDENCE_MORE = [
    # Vietnamese: "Tôi sống ở Hà Nội", "Mình ở Sài Gòn", "em đang ở Huế".
    "toi|minh|em|anh|chi|tao|to|bon_minh|chung_toi|chung_em song|dang_song|hien_song|"
    "lam_viec|sinh_song o|tai",
    "toi|minh|em|anh|chi|tao|to|bon_minh|chung_toi|chung_em dang|hien_dang|hien|van? o",
    "toi|minh|em|anh|chi|to|chung_toi la? du_hoc_sinh|sinh_vien|nghien_cuu_sinh|cong_nhan "
    "dang? o|tai",
    "^song|sinh_song|cu_tru o|tai",
    # Indonesian and Malay: "tinggal di Jakarta", "saya di Bandung", "saya kat KL".
    "^tinggal|menetap|berdomisili|domisili|bermastautin|duduk|tingal di|kat",
    "saya|aku|kami|kita|gue|gw|sy|ak|aq skrg|sekarang|juga|masih? tinggal|menetap|"
    "berdomisili|domisili|bermastautin|duduk|tingal di|kat",
    "saya|aku|kami|kita|gue|gw|sy|ak|aq skrg|sekarang? di|kat",
    "salam|salam_hangat dari",
    # A non-resident Indian says where they live: "NRI in Singapore".
    "nri|nris based|living|settled? in",
    # "orang Malaysia tapi tinggal di Sydney": residence after a conjunction or "now".
    "tapi|tetapi|tp|namun|cuma|dan|skrg|sekarang|kini|masih|pun|lagi tinggal|menetap|"
    "berdomisili|bermastautin|duduk|kerja|bekerja|kuliah|sekolah di|kat",
    "tahun|thn|bulan|bln tinggal|menetap|kerja|bekerja|kuliah di",
    "saya|aku|kami|sy warga|penduduk",
    "saya|aku|kami|gue|gw|sy nulis|menulis dari",
    # Tagalog: "Dito sa Riyadh", "Nakatira ako sa Maynila".
    "dito|andito|nandito|narito|nandiyan|nasa ako|kami? sa",
    "nakatira|naninirahan|nakabase|nagtatrabaho ako|kami sa",
    "ako|kami ay? nakatira|nandito|nasa sa?",
    "^nakatira|naninirahan|nakabase|nagtatrabaho|nagwowork sa",
    "pero|at|ngayon|ngayo'y nakatira|naninirahan|nakabase|nagtatrabaho ako|kami? sa",
    # Jamaican Patois: "mi deh yah inna Kingston", "wi live ina Mobay".
    "mi|wi|me deh|de|dey|live|liv|a_live|stay yah|ya|yasso|ere|here? inna|ina|in|a",
    "pero|ngayon|at nasa|nandito|andito|narito sa?",
    # Swahili: "Ninaishi Nairobi", "Niko Mombasa", "ni mkazi wa Dar es Salaam".
    "mkazi|wakazi|mwenyeji wa",
    "niko|nipo|tuko|tupo|ninaishi|naishi|tunaishi|ninakaa|nakaa|tunakaa|ninafanya_kazi "
    "huko|hapa|katika|kwenye|mjini?",
    # Greek: "Ζω στο Βερολίνο", "μένουμε στη Θεσσαλονίκη".
    "μενουμε|ζουμε|δουλευουμε|βρισκομαι|βρισκομαστε|ειμαι|ειμαστε στην|στη|στο|στον|στις|στους",
    "^εδω",
    # Catalan: "Visc a Barcelona", "estic a Girona".
    "visc|vivim|resideixo|resideixen|estic|estem|treballo a|al|en",
    "salutacions|hola des_de|de",
    # Serbian, Croatian, Bosnian; Latin and Cyrillic ("Živim u Zagrebu").
    "~zivim|zivimo|stanujem|stanujemo|boravim|radim|nalazim_se u|na|v",
    "~ja|mi sam|smo|trenutno|sada u|na",
    "живим|живимо|станујем|станујемо|боравим у|на",
    # Bulgarian and Belarusian: "Живея в София", "Я жыву ў Мінску".
    "живея|живеем|аз_живея|ние_живеем в|във",
    "жыву|жывем|жывём|я_жыву|мы_жывем|знаходжуся у|ў|в",
    "пишу|пішу|вітаю з|із|са",
    # Russian "moved to": the writer lives there now ("мы переехали в Тбилиси").
    "я|мы переехал|переехала|переехали|переехал_жить|переехала_жить|уехал|уехала|уехали в|во|на",
    "^переехал|переехала|переехали|переехал_жить|переехала_жить|уехал|уехала|уехали в|во|на",
    "с женой|мужем|семьей|семьёй|парнем|девушкой|детьми|партнером|партнёром|родителями "
    "переехали|уехали в|во|на",
    # Macedonian: "Живеам во Скопје".
    "живеам|живееме|живеат во|вo",
    "salamu|salam kutoka",
    # Finnish beyond "asun": "asun nykyään Tampereella", "muutin Tukholmaan".
    "~asun|asumme nyt|nykyaan|tata_nykyaa|talla_hetkella|edelleen|jo",
    "~muutin|muutimme|muutettiin|muutin_juuri",
    # Estonian, Latvian, Lithuanian: the place follows the verb in its own case.
    "~elan|elame|tootan|opin",
    "~dzivoju|dzivojam|stradaju|macos",
    "~gyvenu|gyvename|dirbu|studijuoju",
    # Albanian: "jetoj në Durrës".
    "jetoj|jetojme|banoj|banojme|punoj ne",
    # Icelandic: "bý í Reykjavík".
    "by|buum|bua i|a",
    # Croatian, Serbian, Bosnian greetings; Slovak "bývam v Košiciach".
    "~pozdrav|pozdravi|pozdravljam|pozdrav_svima|puno_pozdrava iz",
    "~byvam|byvame|zijem|zijeme v|vo",
    # Russian "два года как переехал в Ереван".
    "как|когда переехал|переехала|переехали|переехал_жить|переехала_жить в|во|на",
    # Norwegian, Danish, Swedish "moved to": "flytta til København i fjor".
    "^flytta|flyttet|flyttede|flyttade|flytte til",
    "jeg|eg|vi|jag|har flytta|flyttet|flyttede|flyttade til",
    # Portuguese "aqui de Sampa", Greek "μένω Θεσσαλονίκη", Swahili "sisi wa Goma",
    # Vietnamese "người Việt sống ở Brno".
    "aqui|daqui de|do|da",
    "ca em|no|na",
    # Swiss German "ich wohn z Züri", Valencian "ací a", Catalan "som a Andorra".
    "ich|mir wohn|wohne|labe|lebe z",
    "aci|aqui a|al",
    "som|estem a|al",
    "μενω|μενουμε|ζω|ζουμε",
    "sisi|mimi wa",
    "nguoi_viet|viet_kieu|nguoi_viet_nam song|dang_song|sinh_song o|tai",
    # Portuguese in the gerund: "morando em Lisboa há 3 anos".
    "morando|vivendo|residindo|trabalhando|estudando agora|atualmente? em|no|na|nos|nas",
    "χαιρετισμους|χαιρετισματα|γεια|φιλια απο την|τη|το|τον",
    "χαιρετισμους|χαιρετισματα|γεια|φιλια απο",
    # Norwegian and Danish "her i Trondheim", Swedish "här på Åland"; Bulgarian "тук в".
    "her|har i|pa",
    "тук|тука в|във",
    # Romanian "sunt la Torino de 8 ani" (I am in Turin).
    "sunt|suntem acum|momentan|de_ani? in|la",
    # Indonesian "saya mahasiswa di Den Haag" (a student in The Hague).
    "mahasiswa|mahasiswi|pelajar|karyawan|perantau|diaspora|tki|tkw di",
    # Maltese "noqgħod il-Mosta", "ngħix f'Birkirkara".
    "noqgħod|noqogħdu|ngħix|ngħixu|ninsab|jien_ninsab f|fi|go|il|l|fil",
    # Belarusian "мы ўжо год у Батумі" (we have been in Batumi a year), Łacinka greetings.
    "ужо|зараз|цяпер год|гады|месяц|месяцы|тыдзень у",
    "~pryvitannie|pryvitanne|vitannie|vitaju|pryvitanni z|ze|sa",
]

ORIGIN_MORE = [
    "sunt|suntem|vin|venim din",
    "toi|minh|em|anh|chi|tao|chung_toi den|que|la_nguoi tu|o",
    "saya|aku|kami|gue|gw|sy asal|berasal|orang|asli? dari",
    "saya|aku|kami|gue|gw|sy asal|berasal|orang|asli",
    "taga",
    "ako|kami ay? taga|galing sa?",
    "galing ako|kami sa",
    "ako|kami ay? mula|galing sa",
    "ninatoka|natokea|ninatokea|tunatoka|mimi_ni_wa|mimi_ni_mtu_wa|mimi_ni_mzaliwa_wa|"
    "nilizaliwa kutoka? ",
    "ειμαι|ερχομαι|καταγομαι απο την|τη|το|τον|της|του?",
    "soc|som|vinc|venim de|del",
    "~ja|mi sam|smo|dolazim|dolazimo|potjecem|poticem iz",
    "~rodom iz",
    "ја|ми сам|смо|долазим|долазимо из",
    "аз|ние съм|сме|идвам|идваме от",
    "идвам|произхождам от",
    "я|мы родам? з|са",
]

# Ties only: "Я уже не в России, переехал в Ереван" still protects (see _patterns.TIES).
TIES_MORE = [
    "я|мы уже|больше|давно? не в|во|на",
    "я|мы уехал|уехала|уехали|сбежал|сбежала|сбежали из",
]

# After the place, a stay rather than a home: "ở Paris du lịch", "di Bali liburan".
VISITING_MORE = (
    "du lich", "cong tac", "liburan", "jalan jalan", "dinas", "bakasyon", "likizo", "ziara",
    "kwa likizo", "για διακοπες", "διακοπες", "na odmoru", "na godisnjem", "na ferie",
    "pa ferie", "nyaralni", "nyaralok", "de vacances", "de vacaciones",
    # "Sono a Roma per lavoro", "je suis à Rome en vacances", "estou no Porto de férias".
    "per lavoro", "in vacanza", "in ferie", "per qualche giorno", "per una settimana",
    "en vacances", "pour le travail", "pour quelques jours", "pour une semaine",
    "de ferias", "a trabalho", "por uns dias", "por unas semanas", "por unos dias",
    "por trabajo", "de viaje", "fur die arbeit", "im urlaub", "auf urlaub",
    "voor werk", "op vakantie", "na wakacjach", "na urlopie", "sluzbowo",
    "neste ar", "nasta ar", "nasta vecka", "i morgen", "pa besok", "na vylete", "na navsteve",
    "ensi vuonna", "lomalla", "puhkusel", "likizoni", "wiki hii",
    "i weekenden", "i weekend", "denne weekend", "i helgen", "denna helg", "til pride",
)  # fmt: skip
# "Δεν μένω στην Αθήνα", "saya tidak tinggal di": negation in the new languages.
# Greek "θα" (will): "θα είμαι στη Μάλτα" is a plan, a tie at most, like a negation.
NEGATION_MORE = "δεν θα khong tidak bukan tak gak nggak ga hindi nem ne"

# Words only a few countries' languages use, as hints that pick among the senses of a
# name several countries share ("Saya tinggal di Georgetown": Penang, not Guyana). A
# hint never places anyone by itself: "vivo en Valencia" stays open.
_HINT_WORDS = {
    "MY ID SG BN": "saya aku kami tinggal menetap berdomisili bermastautin kat nih sini dari",
    "PH": "ako kami nakatira naninirahan dito nandito taga galing yung pwede natin gawin po",
    "JM": "mi wi deh inna yaad yah",
    "KE TZ UG": "niko nipo ninaishi naishi mkazi wakazi mimi",
    "EE": "tere elan elame eestis eestist aitah",
    # Catalan: "des de València" is Spain's Valencia, not Venezuela's.
    "ES AD": "visc vivim soc tambe amb nosaltres doncs perque aixo signat compartit signar peticio",
}
HINTS: dict[str, frozenset[str]] = {
    w: frozenset(ccs.split()) for ccs, words in _HINT_WORDS.items() for w in words.split()
}


def hint(keys: list[str]) -> frozenset[str]:
    """Countries whose own words the text uses most (see HINTS)."""
    votes: dict[frozenset[str], int] = {}
    for key in keys:
        ccs = HINTS.get(key)
        if ccs:
            votes[ccs] = votes.get(ccs, 0) + 1
    if not votes:
        return frozenset()
    ranked = sorted(votes.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] == ranked[1]:
        return frozenset()
    return max(votes, key=lambda k: votes[k])
