"""Requests to stop being contacted, found anywhere in a mention. Pure word lists.

"Stop sending me these links", "do not contact me again", "no more messages", "remove me",
"déjame en paz", "перестань мне отвечать": each names the writer ("me", "mir", "мне") or
the bot's own messages, so "stop the camps" or "how do we stop this?" never match. Words
between "stop" and the verb are joined by spaces only: "stop the killing, reply to me"
asks for a reply.

    PATTERNS   searched with the refusals, over bot.policy.intent.clean's output
"""

from __future__ import annotations

_ME = r"(?:me|my|us|our|(?:everything|anything|all) (?:i|we))"
# Ways the bot reaches someone, as verbs and nouns, with their spelling slips.
_REACH = (
    r"(?:tag\w*|mention\w*|messag\w*|repl\w*|respond\w*|answer\w*|contact\w*|send\w*|"
    r"writ\w*|text\w*|dm\w*|ping\w*|spam\w*|notif\w*|follow\w*|bother\w*|harass\w*|"
    r"email\w*|@)"
)
_THINGS = r"(?:tags|replies|messages|mentions|links|notifications|pings|dms|spam|posts)"

PATTERNS = [
    # English
    rf"\b(?:stop|stahp|quit|cease|don'?t|do not|never|no more|can you not)(?: \w+){{0,2}} "
    rf"{_REACH}"
    rf"(?: \w+)?(?: to| at| on)? {_ME}\b",
    rf"\b(?:stop|enough|done|quit) with (?:the|these|those|your|all (?:the|these|your)) "
    rf"{_THINGS}\b",
    rf"\bno more {_THINGS}\b",
    r"\b(?:remove|delete) (?:me|my (?:account|handle|name))\b",
    r"\bleave me (?:be|alone)\b",
    # "please don't reply publicly", "no public replies": silence is the safe answer.
    r"\b(?:don'?t|do not|dont|pls don'?t|please don'?t|never) (?:reply|respond|answer|tag|mention)"
    r"\w*(?: (?:to )?(?:me|this|here))? (?:publicly|in public|in the open|on here|openly)\b",
    r"\bno public (?:replies|reply|answers?|tags?|mentions?)\b",
    r"\b(?:can|could|would|will) you (?:please |pls |just )?stop\W*(?:$|[?.!])",
    r"\bi'?d (?:appreciate|like) it if you stopped\b",
    r"\bi want out\b",
    r"\bunsub\b",
    r"\bf[*#@!]+k? off\b",
    r"\bcease (?:all )?(?:contact|communication)\b",
    rf"\bif you (?:didn'?t|did not|wouldn'?t|stopped) {_REACH}",
    # German
    r"\b(?:schreib|schreibt|antworte|antwortet|kontaktier)\w* mir nicht mehr\b",
    r"\bh[öo]r\w* auf,? (?:mich|mir)\b",
    r"\bkeine (?:nachrichten|antworten|markierungen|erwähnungen) mehr\b",
    # French
    r"\bne (?:veux|souhaite) plus (?:recevoir|de (?:messages|réponses|tags|notifications))",
    r"\bne (?:me|m') ?(?:écri|ecri|répond|repond|contact|envoie)\w* plus\b",
    r"\bd[ée]sabonne[zr]?[- ]moi\b",
    # Spanish
    r"\bd[ée]ja(?:me|dme|nme) en paz\b",
    r"\bno me (?:respondas|respondan|escribas|escriban|contestes|mandes|env[íi]es) ",
    r"\bno me (?:respondas|respondan|escribas|escriban|contestes|mandes|env[íi]es)$",
    r"\bbasta (?:ya )?de (?:mensajes|respuestas|etiquetas)\b",
    # Portuguese
    r"\bn[ãa]o quero mais (?:receber|mensagens|respostas)\b",
    r"\b(?:me )?deix[ae] em paz\b",
    r"\bpar[ae]m? de me (?:responder|mandar|enviar|escrever|marcar)\b",
    r"\bn[ãa]o me (?:responda|respondam|mande|escreva)\b",
    # Italian
    r"\bsmett\w* di (?:rispondermi|scrivermi|mandarmi|taggarmi|menzionarmi|contattarmi)\b",
    r"\blasciami in pace\b",
    r"\bnon (?:rispondermi|scrivermi|contattarmi)\b",
    # Dutch
    r"\bgeen (?:berichten|reacties|tags|meldingen|antwoorden) meer\b",
    r"\blaat me met rust\b",
    # Polish
    r"\bzostaw(?:cie)? mnie w spokoju\b",
    r"\bnie (?:odpisuj|pisz|odpowiadaj)\w* (?:mi|do mnie)\b",
    r"\bprzesta[ńn]\w* (?:mi|mnie) (?:odpowiada|odpisywa|pisa|oznacza)\w*",
    # Turkish
    r"\bbana (?:bir daha |artık )?(?:mesaj (?:atma|gönderme)|yazma|cevap verme)\b",
    r"\bbeni rahat bırak\w*",
    r"\b(?:cevap vermeyi|yazmayı|mesaj atmayı) kes\w*",
    # Russian
    r"\bперестан\w* (?:мне|меня)\b",
    r"\bотстан\w*",
    r"\bхватит (?:мне |меня )?(?:отвечать|писать|отмечать|упоминать)\b",
    r"\bотпиши\w* меня\b",
    r"\bне (?:отвечай|пиши|пишите|отвечайте) (?:мне|больше)\b",
    r"\bоставь\w* меня в покое\b",
    # Ukrainian
    r"\bперестан\w* (?:мене|мені)\b",
    r"\bне (?:пиши|відповідай|пишіть|відповідайте)\w* мені\b",
    r"\bвідчепи\w*",
    # Arabic
    r"توقف(?:وا)? عن (?:الرد|مراسلتي|الإشارة|الكتابة)",
    r"لا (?:ترد|تردوا|تراسلني|تكتب لي)",
    r"اتركني",
]
