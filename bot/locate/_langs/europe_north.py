"""Self-placement in the Nordic, Baltic, Central European and Balkan languages (Norwegian,
Danish, Swedish, Finnish, Icelandic, Estonian, Latvian, Lithuanian, Polish, Czech, Slovak,
Hungarian, Romanian, Bulgarian, Serbian, Croatian, Bosnian, Slovenian).

See bot/locate/_langs/__init__.py for what each table holds.
"""

from __future__ import annotations

import re

from bot.locate._cue_kit import Cue, W, cue

# Time words between "moved" and the place: "muutin viime vuonna Tallinnaan".
_AGO = (
    "viime_vuonna|viime_kuussa|vuosi_sitten|hiljattain|juuri|eelmisel_aastal|mullu|hiljuti|"
    "aasta_tagasi|nesen|pernai|neseniai|pagajusaja_gada|tavaly|nemrég|nemreg"
)

RESIDENCE: list[str] = [
    # Scandinavian subjectless "Er i Stavanger nå", "Är i Norrköping"; Icelandic "Er í".
    "^er|ar i|pa|a",
    "eg|vid|við er|erum i|a",
    # "Har bodd i København i 6 år", "Ég hef búið í Kaupmannahöfn".
    "jeg|jag|vi|eg|við har|hef|hofum bodd|boet|bott|budd|buið|buid|buio i|pa|a",
    "^har|hef bodd|boet|bott|budd|buið|buid i|pa|a",
    # "Flyttade till Köpenhamn", "Flutti til Óslóar".
    "^flyttade|flyttat|flytta|flyttet|flyttede|flutti|fluttum till|til",
    "jag|vi|jeg|eg|vid|við har? flyttade|flyttat|flyttet|flyttede|flutti|fluttum till|til",
    # Studying or working there: "Studerer i Edinburgh", "Jobbar i Bryssel".
    "^studerer|studerar|pluggar|plugger|jobbar|jobber|arbeider|arbejder|arbetar|vinn|laeri i|pa",
    "jeg|jag|vi|eg studerer|studerar|pluggar|plugger|jobbar|jobber|arbeider|arbejder|"
    "arbetar|vinn i|pa",
    "eg|vid|við er|erum i_nami|i_vinnu|buseettur|busett|busettur i|a",
    "busettur|busett|buseett i|a",
    "kveðja|kvedja|kveðjur|kvedjur|heilsa|hallo fra",
    "^her a",
    # Finnish colloquial and other verbs: "Me asutaan Oulussa", "Oon asunut Tukholmassa".
    "~asutaan|asustan|asustamme|asuskelen|opiskelen|opiskelemme|opiskellaan|tyoskentelen|"
    "tyoskentelemme",
    # "on asunut" is anyone's: "Oon asunut", "Olen elanud" say whose.
    "~oon|olen|olemme|ollaan|ma|me|mina|meie asunut|asuneet|asunu|elanud",
    "~taalla|taala",
    f"~muutin|muutimme|muutettiin|kolisin|kolisime {_AGO}?",
    "~oon",
    # Estonian, Latvian, Lithuanian: "elanud", "Siin Viljandis", "Esmu Daugavpilī".
    "~opin|opime|tootan|tootame",
    "~siin|seit|cia",
    "~esmu|esam|gyvenam|gyvenu|dzivojam|studeju|studejam|studijuojam|dirbame",
    "esu|esame",
    "~parcelos|parcelamies uz",
    "~persikeliau|persikelem|persikeleme|atsikeliau i",
    "~sveiciens|sveicieni|sveiki|sveicienus no",
    "~linkejimai|sveikinimai|sveiki is",
    "~tervitused|tervitus|tervitusi",
    # Polish "Tutaj w Lublinie", "przeprowadziłam się do", "mieszkająca w Oslo".
    "~tutaj|tu w|we",
    "~przeprowadzilam|przeprowadzilem|przeprowadzilismy|przeprowadzilysmy|"
    "przeprowadzilam_sie|przeprowadzilem_sie sie? do",
    "~sie przeprowadzilam|przeprowadzilem|przeprowadzilismy do",
    # "pracuje" is also "he works": first person only when plural, with "ja", or opening.
    "~studiujemy|pracujemy|ja_studiuje|ja_pracuje w|we|na",
    "^studiuje|pracuje w|we|na",
    # Czech and Slovak: "Jsem v Českých Budějovicích", "Som v Nitre", "Tady v Plzni".
    # "~" patterns cannot be anchored, and mid-clause "vyrastal som v" is a past (I grew
    # up in): bare "som v" only at a clause start and with names as written.
    "^jsem|jsme|som|sme|sem|smo v|ve|vo|na",
    "~ja|my|jaz|mi jsem|jsme|som|sme|sem|smo v|ve|vo|na",
    "~tady|tu v|ve|vo",
    "~studuju|studuji|studujem|studujeme|pracuji|pracuju|pracujem|pracujeme v|ve|vo|na",
    "~se|sa prestehoval|prestehovala|prestehovali|prestahoval|prestahovala|prestahovali do",
    "~prestehoval|prestehovala|prestehovali|prestahoval|prestahovala|prestahovali "
    "jsem|jsme|som|sme se|sa do",
    "~pozdravujem|pozdravujeme|pisem|piseme z|zo|ze",
    "~zdravim|pozdrav|zdravime ze|zo",
    "~bydlim|bydlime|byvam|byvame|ziju|zijeme na",
    # Romanian: "Stam in Iasi", "Aici în Brașov", "M-am mutat la Torino".
    "stam|locuim|traim|stau|locuiesc|traiesc|studiez|lucram acum|momentan? in|la",
    "^aici in|la",
    "m|ne am mutat anul_trecut|recent|de_curand? in|la",
    "salutari|salutare|salut|pupici|multumiri din",
    "sunt|suntem student|studenta|studenti in|la",
    # Bulgarian, Serbian: "Миналата година се преместих в Мадрид", "Уча в Солун".
    "се? преместих|преместихме в|във",
    "уча|учим|работя|работим|следвам в|във",
    "поздрави|поздрав|здравейте|здрасти от",
    # "Пиша от Пловдив" (writing from Plovdiv).
    "^пиша|пишем от",
    "сам|смо се преселио|преселила|преселили у|на",
    "преселио|преселила|преселили сам|смо се у|на",
    "^овде|овдје|ту у|на",
    "поздрав|поздрави|поздрављам из",
    # Serbian, Croatian, Bosnian, Slovenian Latin: "preselila u Beč", "Ovdje u Zadru".
    "~sam|smo|sem se preselio|preselila|preselili|preselil v|u|na",
    "~preselio|preselila|preselili sam|smo se u|na",
    "~ovde|ovdje|ovdi|tu|tukaj u|v|na",
    "~studiram|studiramo|studiras|radimo|delam|delamo u|v|na",
    # "Me asutaan", "Mes gyvenam": spelled out, since "me" alone reads as Vietnamese "mẹ".
    "~me|mes|meie asutaan|asumme|asun|elame|elan|gyvenam|gyvename",
    "~zivimo|zivim|ziviva v|u|na",
    "~selam|pozdravi|pozdrav_iz|pozdravljeni iz|z",
]
ORIGIN: list[str] = []
TIES: list[str] = []
SETS: dict[str, str] = {}

# "Oon Turussa", "Olen Tartus": "I am" then a place in a case that means "in".
_FI_IN = "ssa|ssä|lla|llä"
_CAP = r"[A-ZÀ-ÞĀ-Ž]"
# "Lahti täällä moi!", "Pula se javlja!": a place opening the message, then "here".
_HERE = (
    "täällä|siin|šeit|seit|čia|cia|aici|hér|itt|tady|tu|tutaj|ovde|ovdje|tukaj|"
    "się melduje|sie melduje|se hlásí|se hlasi|sa hlási|sa hlasi|jelentkezik|se javlja|"
    "se javljamo|se oglaša|se oglasa"
)
# Then a pause or a hello: "Rusko se hlásí k odpovědnosti" (Russia claims) is news.
_HERE_END = r"\s*(?:[!,.:]|$)|\s+(?:moi|hei|terve|tere|labas|sveiki|ahoj|čau|zdravo|bok|szia)\b"
_LIVE = "živim|živimo|živiva|živite|zivim|zivimo|stanujem|bydlím|bydlim|bývam|byvam"
CUES: dict[str, tuple[Cue, ...]] = {
    "latin": (
        cue(
            "self-in",
            "exact",
            rf"(?:^\s*|[.!?]\s+)(?P<p>{_CAP}{W}(?:[\s-]{W})?)\s+(?:{_HERE})(?:{_HERE_END})",
        ),
        cue(
            "self-in",
            "exact",
            rf"\b(?:[Oo]on|[Oo]len|[Oo]llaan|[Oo]lemme)\s+(?P<p>{_CAP}{W}?)(?:{_FI_IN})\b",
        ),
        # Hungarian "Itt Győrben", "költöztem Berlinbe".
        cue("self-in", "exact", rf"\b[Ii]tt\s+(?P<p>{_CAP}{W}?)(?:ban|ben|on|en|ön)\b"),
        cue("self-in", "exact", rf"\b(?:költöztünk|költöztem)\s+(?P<p>{_CAP}{W}?)(?:ba|be)\b"),
        # "Jestem Polką mieszkającą w Oslo": a participle is anyone's ("moja siostra
        # mieszkająca w"), so only after "I am" and a word.
        cue(
            "self-in",
            "exact",
            rf"\b(?:[Jj]estem|[Jj]sem|[Ss]om)\s+{W}\s+(?:mieszkającą|mieszkającym|żyjącą|żyjącym|"
            rf"žijící|bydlící|žijúca|žijúci|bývajúca|bývajúci)\s+(?:w|we|v|ve|vo)\s+"
            rf"(?P<p>{_CAP}{W}(?:\s{W})?)",
        ),
        # "Čia, Panevėžyje, ...": "here", a comma, the place.
        cue(
            "self-in",
            "exact",
            rf"(?:^\s*|[.!?]\s+)(?:Čia|Cia|Šeit|Seit|Siin|Täällä|Tutaj|Tady|Ovdje|Ovde|Tukaj|Aici|"
            rf"Hér),\s+(?P<p>{_CAP}{W}(?:\s{W})?)\s*,",
        ),
        # "V Celovcu živim", "U Beogradu živimo": the place before the verb.
        cue("self-in", "exact", rf"\b[UuVv]\s+(?P<p>{_CAP}{W}(?:\s{W})?)\s+(?:{_LIVE})\b"),
        cue("self-in", "exact", rf"\b[UuVv]\s+(?P<p>{_CAP}{W}?)u\s+(?:{_LIVE})\b"),
        # Serbian, Croatian, Bosnian "U Nišu sam", "U Osijeku sam".
        cue(
            "self-in",
            "exact",
            rf"\b[Uu]\s+(?P<p>{_CAP}{W}?)u\s+(?:sam|smo)\b(?!\s+(?:bio|bila|bili|bile)\b)",
        ),
    ),
    "cyrillic_north": (
        cue(
            "self-in",
            "exact",
            r"(?:^\s*|[.!?]\s+)(?P<p>[А-ЯЁЂЈЉЊЋЏ]\w+(?:\s\w+)?)\s+се\s+(?:обажда|обаждаме|јавља)\b",
        ),
    ),
}
SCRIPTS: dict[str, re.Pattern[str]] = {"cyrillic_north": re.compile(r"се\s+(?:обажда|јавља)")}
LATIN_WORDS = (
    "taalla siin seit cia aici her itt tady tu tutaj ovde ovdje tukaj melduje hlasi "
    "jelentkezik javlja javljamo oglasa oon olen ollaan olemme jestem jsem som "
    "koltoztem koltoztunk sam smo zivim zivimo ziviva zivite stanujem bydlim byvam"
)
