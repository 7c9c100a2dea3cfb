"""Stop phrases and refusals in the languages the bot has replied in since its reply
library grew to 35 (messages/replies/*.yaml), as people write them on social media.

Written with their marks; matching also accepts them without (see _fold). Regex patterns
are lower case, as the mention is casefolded first; Greek uses "σ" for a final sigma.
"""

from __future__ import annotations


def _vocab(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _phrases(lines: str) -> frozenset[str]:
    return frozenset(lines.replace("\n", "").split("|"))


# Said alone (after fillers), each asks the bot to stop. Each is a whole message: "stop
# the camps", "kampları durdurun", "hentikan kekerasan" never match.
STOP_PHRASES = _phrases(
    """
shut up|fuck off|piss off|get lost|buzz off|back off|knock it off|cut it out|quit it|
stop this|stop that|stop doing this|stop doing that|stahp|mute|cancel|end|enough|
remove me|leave me be|no more messages|no more tags|
dur|durun|yeter|yeter artık|yeter be|bırak|bırakın|kes|kes artık|kesin|sus|rahat bırak|
beni rahat bırak|istemiyorum|ilgilenmiyorum|abonelikten çık|hayır teşekkürler|
توقف|توقفوا|قف|كفى|كفاية|خلاص|بس|ستوب|وقف|الغاء الاشتراك|إلغاء الاشتراك|اتركني|اتركوني|
سيبني|سيبوني|مش مهتم|مش مهتمة|لست مهتما|غير مهتم|لا شكرا|لا شكرًا|بطل|بطلوا|
khalas|khalass|khalaas|kafa|kefaya|kfaya|kifaya|sibni|sebni|
תפסיק|תפסיקו|די|מספיק|עצור|עצרו|הסר|הסרה|ביטול מנוי|עזוב|לא מעוניין|לא מעוניינת|לא תודה|
بسه|بس کن|جواب نده|جواب ندید|پیام نده|پیام ندید|
بس کنید|تمومش کن|تمومش کنید|متوقف شو|لغو اشتراک|ولم کن|ولم کنید|علاقه ندارم|
نه ممنون|نه مرسی|نه مرسي|
بس کرو|بس کریں|جواب مت دو|جواب نہ دیں|بند کرو|بند کریں|رک جاؤ|رک جائیں|دلچسپی نہیں|نہیں شکریہ|
बस|बस करो|बस कीजिए|बस करें|बंद करो|बंद करें|रुको|रुक जाओ|रहने दो|नहीं चाहिए|दिलचस्पी नहीं|
नहीं धन्यवाद|bas|bas karo|bas kro|bas kijiye|bas karein|band karo|band kro|band karein|
ruk jao|ruko|rehne do|rahne do|nahi chahiye|nai chahiye|nahi shukriya|nahi thanks|
থামো|থামুন|থাম|বন্ধ করো|বন্ধ করুন|বাদ দাও|বাদ দিন|আগ্রহী নই|আগ্রহ নেই|না ধন্যবাদ|
σταμάτα|σταματήστε|φτάνει|αρκετά|άσε με|αφήστε με|όχι ευχαριστώ|δεν ενδιαφέρομαι|
διαγραφή|κατάργηση εγγραφής|
állj|álljon meg|elég|elég már|hagyd abba|hagyjátok abba|hagyja abba|leiratkozás|
leiratkozom|nem érdekel|nem köszönöm|
lopeta|lopettakaa|lopeta jo|riittää|ei kiitos|ei kiinnosta|peru tilaus|peruuta tilaus|
досить|годі|припини|припиніть|відпишіть|відписатися|відчепися|відчепіться|ні дякую|
не цікаво|
спри|спрете|стига|престани|престанете|отписване|не благодаря|не ме интересува|
stani|stanite|prestani|prestanite|dosta|dosta je|dosta više|odjava|odjavi me|
ne zanima me|ne hvala|стани|станите|престаните|доста|доста је|одјава|не занима ме|не хвала|
dừng|dừng lại|ngừng|ngừng lại|thôi|thôi đi|đủ rồi|hủy đăng ký|huỷ đăng ký|không cảm ơn|
không quan tâm|tránh xa tôi ra|
berhenti|berhentilah|hentikan|udah|udahan|sudah|cukup|cukup sudah|stop dong|berhenti berlangganan|
jangan ganggu|jgn ganggu|gak usah|nggak usah|ga usah|tak payah|tak nak|tak mahu|tidak terima kasih|
nggak makasih|gak makasih|tidak berminat|tak berminat|tidak tertarik|gak tertarik|
tama na|tigil|tigil na|tigilan mo ako|tigilan niyo ako|tumigil ka|tumigil ka na|ayoko na|
huwag na|wag na|stop na|layuan mo ako|hindi salamat|
acha|acheni|niache|niacheni|inatosha|imetosha|basi|basi inatosha|simama|nyamaza|sitaki|
hapana asante|
para|prou|prou ja|no gràcies|no m'interessa|baixa|
stop så|hold op|hold nu op|afmeld|frameld|nej tak|ikke interesseret|
stopp|slutt|slutt nå|hold opp|avslutt|meld meg av|nei takk|ikke interessert|
přestaň|přestaňte|dost|dost už|odhlásit|odhlásit se|odhlásit odběr|ne díky|ne děkuji|
nezajímá mě|
oprește|opriți|gata|ajunge|dezabonare|nu mulțumesc|nu mă interesează
"""
)
# Said alone once spaces and polite endings are dropped: Chinese, Japanese, Thai and
# Korean glue particles to the verb ("停吧", "やめてください", "หยุดนะครับ", "그만해요").
SQUEEZED_STOPS = _phrases(
    """
停|停止|停下|别发了|別發了|不要再发了|不要再發了|别再发了|別再發了|退订|退訂|取消订阅|取消訂閱|
闭嘴|閉嘴|滚|滾|滚开|滾開|够了|夠了|不用了|不用了谢谢|不用了謝謝|不需要|我不感兴趣|我不感興趣|
不感兴趣|不感興趣|没兴趣|沒興趣|不用谢谢|
やめて|止めて|やめろ|止めろ|やめてくれ|ストップ|停止|配信停止|登録解除|もういい|結構です|
いらない|いりません|不要|うるさい|ほっといて|ほっとけ|放っておいて|構わないで|興味ない|
興味ありません|
그만|그만해|그만하세요|그만좀|그만좀해|그만하라고|멈춰|스톱|구독취소|수신거부|꺼져|저리가|
관심없어|관심없습니다|됐어|됐습니다|
หยุด|หยุดเลย|หยุดได้แล้ว|พอ|พอแล้ว|พอเถอะ|พอได้แล้ว|เลิก|เลิกส่ง|เลิกยุ่ง|ยกเลิก|
ยกเลิกการติดตาม|ยกเลิกการสมัคร|ไม่สนใจ|อย่ายุ่ง|ไปให้พ้น|ออกไป
"""
)
# Polite words around a squeezed stop phrase: "请", "吧", "ください", "ครับ", "요", "제발".
SQUEEZE_PREFIX = r"^(?:请|請|拜托|拜託|麻烦|麻煩|どうか|もう|제발|โปรด|กรุณา|ช่วย)+"
SQUEEZE_SUFFIX = (
    r"(?:了|吧|啊|呀|啦|好吗|好嗎|谢谢|謝謝|ください|下さい|お願いします|ってば|よ|ね|"
    r"ครับ|คับ|ค่ะ|คะ|ค่า|นะ|จ้า|จ้ะ|เถอะ|ที|หน่อย|ซะ|요)+$"
)
FILLERS = _vocab(
    """
lütfen lutfen artık prosím prosim kérem kérlek légyszi molim tafadhali jamani tolong dong
deh aja sih min lah je pakiusap po naman nga sisplau venligst vennligst rog xin nhé nha nhe đi
kripya कृपया bhai yaar ji जी bhaiya پلیز مہربانی بھائی رجاء رجاءً ارجوك أرجوك ارجوكم
أرجوكم لطفا لطفاً خواهشا خواهشاً בבקשה παρακαλώ моля প্লিজ 제발 좀
"""
)
# Fillers of two words, dropped from the phrase as a whole ("من" alone is "I" in Persian).
PHRASE_FILLERS = (
    "من فضلك",
    "لو سمحت",
    "براہ کرم",
    "làm ơn",
    "vui lòng",
    "si us plau",
    "te rog",
    "vă rog",
    "molim vas",
    "molim te",
    "будь ласка",
    "σε παρακαλώ",
    "দয়া করে",
    "vær så snill",
    "ole hyvä",
)
# Refusals found anywhere: each names the writer or is a verb that only means "tag me",
# "reply to me" or "leave me alone", so a call to action never matches.
_ME_HI = r"(?:mujhe|muje|mujhko|mereko|mere ko|hame|hamein|humein|hume)"
_NOT_HI = r"(?:mat|mt|na|nahi|nai)"
_DO_HI = r"(?:karo|kro|karein|karen|kijiye|kariye|kare|do|dena|krna|karna)"
_TAG_HR = (
    r"(?:taguj|tagujte|tagiraj|tagirajte|označavaj|označavajte|spominji|spominjite|pominji|"
    r"pominjite|spominjaj|spominjajte)"
)
REFUSALS = [
    # Turkish
    r"\bbeni (?:etiketleme|etiketlemeyin|etiketlemeyi bırak|taglama|taglamayın|tagleme|"
    r"anma|anmayın|mentionlama|ekleme|eklemeyin|çıkar|çıkarın|sil|silin|listeden çıkar)\b",
    r"\bbana (?:yazma|yazmayın|cevap verme|yanıt verme|mesaj atma|mesaj atmayın)\b",
    r"\b(?:beni )?rahat bırak(?:ın)?\b",
    r"\bilgilenmiyorum\b",
    # Arabic (and Arabizi)
    # The tag word must open its word: "لا تنسوا الهاشتاغ" (don't forget the hashtag) is a call.
    r"(?:^|\s)(?:لا|ما|بلاش|مت|مات)\s?(?:ت?(?:عمل|حط|سو)\S*\s(?:لي\s|لى\s|ليا\s)?)?(?:ت|ال)?"
    r"(?:منشن|تاغ|تاق|تاج)",
    r"(?:^|\s)(?:لا|ما|مت)\s?(?:تذكرني|تذكروني|تشيرلي|تراسلني|تراسلوني|تزعجني|تزعجوني)",
    r"(?:لا|ما)\s?(?:ترد|تردوا|تكتب|تبعت|ترسل)\s?(?:علي|عليا|عليّ|لي|لى)(?:\s|$)",
    r"احذفني|احذفوني|شيلني|شيلوني|امسحني|امسحوني|طلعني|طلعوني|أزلني|ازلني|أزيلوني",
    r"اتركني|اتركوني|سيبني|سيبوني|خليني في حالي|حل عني|حلو عني|ابعد عني|ابعدوا عني",
    r"\b(?:matmanshenish|matmenshenish|balash mention|balash tag|la tmanshenni|sibni|sebni|"
    r"seebni|etrokni|itrukni|shilni|sheelni|ems7ni|imsa7ni|7el 3anni|hel 3anni)\b",
    # Hebrew
    r"אל (?:ת)?(?:תייג|תתייג|תתייגו|תייגו|תזכיר|תזכירו|תענה|תענו|תכתוב|תכתבו)",
    r"תפסיק(?:ו)? (?:לתייג|להזכיר|לענות|לכתוב)",
    r"\b(?:תוריד|תורידו|תסיר|תסירו|הסר|הסירו|עזוב|עזבו) אותי",
    # Persian
    r"(?:منو|مرا|من را)\s?(?:تگ|منشن)\s?نکن",
    r"(?:تگ|منشن)(?:م)?\s?نکن",
    r"(?:بهم|به من)\s?(?:جواب|پیام)\s?(?:نده|ندید|نفرست)",
    r"(?:منو|مرا|من را)\s?(?:حذف|پاک)\s?کن",
    r"ولم کن|دست از سرم بردار|مزاحم(?:م)?\s?نشو",
    # Urdu, Hindi, and both in Latin letters
    # "نہ" / "न" / "na" also make a condition ("if they don't answer"): only tagging takes
    # them, replies and messages only the imperative "مت" / "मत" / "mat".
    r"(?:ٹیگ|مینشن|منشن)\s(?:مت|نہ)\s(?:کرو|کریں)|(?:میسج|جواب)\sمت\s(?:کرو|کریں|دو|دیں)",
    r"مجھے\s(?:ہٹا|نکال|چھوڑ)\s(?:دو|دیں)|مجھے تنگ (?:مت|نہ) کر",
    r"(?:टैग|मेंशन|मेन्शन)\s(?:मत|न|ना)\s(?:करो|करें|कीजिए)|(?:रिप्लाई|जवाब|मैसेज)\sमत\s"
    r"(?:करो|करें|कीजिए|दो|दें)",
    r"मुझे\s(?:हटा|निकाल|अकेला छोड़)\s(?:दो|दें|दीजिए)|मुझे (?:परेशान|तंग) (?:मत|न) कर",
    rf"\b(?:tag|mention) {_NOT_HI} {_DO_HI}\b",
    rf"\b(?:reply|msg|message|spam|tang|pareshan|disturb) (?:mat|mt) {_DO_HI}\b",
    rf"\b{_ME_HI} (?:tag|mention|reply|msg) {_NOT_HI}\b",
    rf"\b{_ME_HI} (?:(?:is|isme|isse|yahan|yaha) (?:se )?)?(?:hatao|hata do|hatado|"
    r"hata dijiye|nikalo|nikal do|remove (?:karo|kro|kar do|kardo))\b",
    rf"\b{_ME_HI} (?:akela |akele )?(?:chhod|chod|chor|chhor) do\b",
    # Bengali
    r"(?:ট্যাগ|মেনশন|উল্লেখ)\s(?:করবেন না|করো না|কোরো না|করিস না|দিবেন না|দেবেন না|দিও না)",
    r"আমাকে\s(?:বাদ দিন|বাদ দাও|সরিয়ে দিন|সরাও|রিমুভ কর)|আমাকে বিরক্ত (?:করবেন|করো|কোরো) না",
    # Greek
    r"\bμη(?:ν)? (?:με|μασ) (?:κάνεισ|κάνετε) (?:tag|ταγκ|αναφορά|mention)",
    r"\bμη(?:ν)? (?:με|μασ) (?:ταγκάρεισ|ταγκάρετε|αναφέρεισ|αναφέρετε|ενοχλείσ|ενοχλείτε)",
    r"\bμη(?:ν)? μου (?:απαντάσ|απαντάτε|γράφεισ|γράφετε|στέλνεισ|στέλνετε)",
    r"\b(?:βγάλε|βγάλτε|αφαίρεσε|αφαιρέστε|σβήσε|σβήστε) με\b",
    r"\b(?:άσε|άστε|αφήστε) με (?:ήσυχο|ήσυχη|ήσυχουσ|έξω)\b|\bδεν με ενδιαφέρει\b",
    # Hungarian
    r"\bne (?:jelölj|jelöljetek|jelöljön|taggelj|tagelj|taggeljetek|tageljetek|említs|"
    r"említsetek|írj|írjatok|válaszolj|válaszoljatok)\b",
    r"\b(?:vegyél|vegyetek|vegyen|töröljetek|törölj) ki\b|\bhagyj(?:atok|on)? békén\b",
    # Finnish
    r"\b(?:älä|älkää) (?:tägää|tagää|tägätkö|tägätä|merkitse|merkitkö|mainitse|mainitko|"
    r"vastaa|vastatko|kirjoita|kirjoittako) ?(?:minua|mua|meitä|mulle|minulle)?\b",
    r"\b(?:poista|poistakaa) (?:minut|mut)\b|\bjät(?:ä|täkää) (?:minut|mut) (?:rauhaan|pois)\b",
    # Ukrainian, Bulgarian, Serbian in Cyrillic
    r"не (?:позначай|позначайте|тегай|тегайте|згадуй|згадуйте|відмічай|відмічайте|пишіть|"
    r"відповідай|відповідайте) (?:мене|мені|нас)",
    r"(?:прибери|видаліть|видали) мене|да(?:й|йте) мені спокій|відчепи(?:ся|ться)",
    r"не ме (?:тагвай|тагвайте|отбелязвай|отбелязвайте|споменавай|споменавайте|маркирай|"
    r"маркирайте)|не ми (?:пиши|пишете|отговаряй|отговаряйте)",
    r"(?:махни|махнете|премахни|премахнете|изтрий|изтрийте) ме\b|остави(?:те)? ме на мира",
    r"не (?:ме|нас) (?:тагуј|тагујте|означавај|означавајте|помињи|помињите|спомињи)",
    r"(?:макни|макните|склони|склоните|избриши|избришите|уклони|уклоните) ме\b",
    r"остави(?:те)? ме на миру|немој(?:те)? ме (?:тагова|означава|помиња)",
    # Croatian, Bosnian, Serbian in Latin letters
    rf"\bne (?:me|nas) {_TAG_HR}\b|\bne {_TAG_HR}(?: više)? (?:me|nas)\b",
    r"\b(?:makni|maknite|skloni|sklonite|izbriši|izbrišite|ukloni|uklonite|briši|brišite) me\b",
    r"\bostavi(?:te)? me na miru\b|\bne odgovaraj(?:te)? (?:mi|nam)\b",
    r"\b(?:nemoj|nemojte|prestani|prestanite) me (?:tagovati|tagati|tagirati|označavati|"
    r"spominjati|pominjati)\b",
    # Czech
    r"\bne(?:označuj|taguj|zmiňuj|tagujte|označujte|zmiňujte)(?:te)? (?:mě|mně|nás)\b",
    r"\bne(?:odpovídej|piš)(?:te)? (?:mi|nám)\b",
    r"\b(?:odeber|odstraň|vyřaď|smaž)(?:te)? (?:mě|mně)\b|\bnech(?:te)? (?:mě|mně) (?:být|bejt|"
    r"na pokoji)\b",
    r"\bpřestaň(?:te)? (?:mě|mně) (?:označovat|tagovat|zmiňovat)\b",
    # Vietnamese
    r"\b(?:đừng|đừng có|không được|ko|k) (?:tag|gắn thẻ|réo|mention)\b",
    r"\bđừng (?:có )?(?:nhắc(?: đến| tên)?|trả lời|rep|nhắn tin cho|nhắn cho|làm phiền|spam) "
    r"(?:tôi|mình|tao|tui|em|t)\b",
    r"\b(?:xóa|xoá|bỏ|loại) (?:tôi|mình|tên tôi|tui|tao) (?:khỏi|ra)\b",
    r"\bđể (?:tôi|tao|tui|mình) yên\b|\btôi không quan tâm\b",
    # Indonesian and Malay
    r"\b(?:jangan|jgn|gak usah|ga usah|nggak usah|ngga usah|tak payah|tidak usah|tak usah) "
    r"(?:tag|tag-tag|tandai|mention|spam)\b",
    r"\b(?:jangan|jgn|berhenti|stop) (?:sebut|mention|tag|tandai|dm|chat|hubungi|balas|bales|"
    r"reply|ganggu|kacau)\w* "
    r"(?:saya|aku|gue|gw|gua|sy|aq|kami|kita)\b",
    r"\b(?:buang|keluarkan|hapus|hapuskan|keluarin|apus) (?:saya|aku|gue|gw|sy|aq|kami)\b",
    r"\b(?:saya|aku|gue|gw) (?:tidak|tak|gak|nggak|ga) (?:berminat|tertarik)\b",
    # Tagalog
    # "huwag kalimutang i-tag..." (don't forget to tag) is a call to action.
    r"\b(?:huwag|wag|h'wag)\b(?:(?!kalimut|tumigil|titigil|hinto)[^.,!?\n]){0,20}?"
    r"(?<!mag-)(?<!pag-)\b(?:i-?tag|tag|tagin|i-?mention|mention|sagutin|replyan|idamay|isama)\b",
    r"\btigilan (?:(?:mo|niyo|nyo|na) )*(?:ako|kami)\b|\blayuan (?:mo|niyo|nyo) (?:ako|kami)\b",
    r"\b(?:alisin|tanggalin)(?: (?:mo|niyo|nyo|na|po))* (?:ako|kami)\b|\bhindi ako interesado\b",
    # Swahili
    r"\b(?:usini|msini)(?:tag|taje|taja|jibu|andikie|tumie|sumbue|weke|husishe|ongeze)\w*",
    r"\bach(?:a|eni) kuni\w+|\bniondoe(?:ni)?\b|\bniache(?:ni)? (?:peke yangu|kwa amani)\b",
    # Catalan
    r"\bno (?:m'|em )(?:etiquetis|etiqueteu|mencionis|mencioneu|esmentis|esmenteu|responguis|"
    r"respongueu|escriguis|escriviu)\b",
    r"\b(?:treu|traieu|elimina|elimineu|esborra|esborreu)(?:-me|'m)\b",
    r"\bdeix(?:a|eu)(?:'m|-me) en pau\b|\bdeix(?:a|eu) d'(?:etiquetar|mencionar)-me\b",
    # Danish and Norwegian
    r"\b(?:lad være med at|stop med at|hold op med at|slutt å|slutt med å|hold opp med å)"
    r" (?:tagge|nævne|nevne|svare|skrive til) (?:mig|meg|os|oss)\b",
    r"\bikke (?:tag|tagg|tagge|nævn|nevn) (?:mig|meg|os|oss)\b",
    r"\b(?:tag|tagg|nævn|nevn) (?:mig|meg|os|oss) ikke\b|\bfjern (?:mig|meg|os|oss)\b",
    # "la oss være tydelige" (let us be clear) is not a refusal.
    r"\b(?:lad|la) (?:mig|meg|os|oss) være i fred\b|\b(?:lad|la) (?:mig|meg) være\W*$",
    r"\bmeld (?:meg|oss) av\b",
    # Romanian
    r"\bnu (?:mă|ne) (?:mai )?(?:eticheta|etichetați|tag|tagui|menționa|menționați|pomeni)\w*",
    r"\b(?:scoate|scoateți|șterge|ștergeți|elimină|eliminați)[- ]mă\b",
    r"\blăsa(?:ți)?[- ]mă în pace\b|\blasă[- ]mă în pace\b|\bnu-mi (?:mai )?(?:scrie|scrieți|"
    r"răspunde|răspundeți)\b",
    # Chinese, Japanese, Korean, Thai: no word boundaries
    r"(?:别|別|不要|勿|请勿|請勿|不用|别再|別再|不要再)\s*(?:@|艾特|at(?![a-z])|圈|tag(?![a-z])|"
    r"标记|標記|提到|回复|回覆|回我|烦(?!恼)|煩(?!惱)|打扰|打擾|骚扰|騷擾)",
    r"把我(?:从|從)?.{0,12}?(?:移除|删除|刪除|删掉|刪掉|去掉)|让我清静|讓我清靜",
    r"(?:タグ付け|タグ|メンション|リプ|リプライ|返信|言及|@)(?:を|は)?\s*(?:しないで|"
    r"しなくていい|やめて|止めて|いらない|不要|結構|しないでください)",
    r"(?:私|僕|俺|わたし|ぼく|自分)を?(?:外して|はずして|削除して)|絡まないで|関わらないで|巻き込まないで",
    r"(?:태그|멘션|언급|답장|답글|알림)(?:을|를|은|는)?\s*(?:하지\s*마|그만|하지\s*말아|안\s*해도|"
    r"사절|보내지\s*마)",
    r"(?:^|\s)(?:나|저)(?:를|는)?\s*(?:좀\s*)?(?:빼\s*줘|빼\s*주세요|내버려\s*둬|내버려\s*두세요|"
    r"가만히\s*둬|건드리지\s*마)|(?:날|절)\s*(?:빼|제외|내버려)",
    r"(?:อย่า|เลิก|ไม่ต้อง)\s*(?:แท็ก|แทก|tag|เมนชั่น|ตอบ(?!โต้)|ส่งข้อความ|ยุ่ง|มายุ่ง|กวน)",
    r"(?:ลบ|เอา)\s*(?:ฉัน|ผม|เรา|หนู|กู)\s*ออก|อย่ายุ่งกับ",
]
# "no thanks" opening a mention that asks nothing, as the pair people write.
NO_THANKS = (
    "hayır teşekkürler|yok teşekkürler|hayır sağol|لا شكرا|لا شكرًا|לא תודה|نه ممنون|نه مرسی|"
    "nahi shukriya|nahi thanks|nahi dhanyavad|نہیں شکریہ|नहीं धन्यवाद|না ধন্যবাদ|όχι ευχαριστώ|"
    "nem köszönöm|ei kiitos|ні дякую|не благодаря|ne hvala|не хвала|không cảm ơn|ko cảm ơn|"
    "tidak terima kasih|nggak makasih|gak makasih|ga makasih|hindi salamat|hapana asante|"
    "no gràcies|nej tak|nei takk|ne díky|ne děkuji|nu mulțumesc|nu mersi"
)
