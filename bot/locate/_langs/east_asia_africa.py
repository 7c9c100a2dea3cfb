"""Self-placement in the South, East and South-East Asian and African languages (Tamil,
Sinhala, Chinese, Cantonese, Japanese, Korean, Vietnamese, Thai, Khmer, Burmese, Indonesian,
Malay, Tagalog, Swahili, Amharic, Yoruba, Hausa, Afrikaans, Zulu).

See bot/locate/_langs/__init__.py for what each table holds.
"""

from __future__ import annotations

import re

from bot.locate._cue_kit import HAN, THAI, Cue, cue

# Spelled-out and written numbers in "lived here for N years" (Afrikaans, Malay).
SETS: dict[str, str] = {
    "EAA_NUM": "1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|18|19|20|25|30|twee|drie|vier|vyf|"
    "ses|sewe|agt|nege|tien|paar|baie|dua|tiga|empat|lima|enam|tujuh|lapan|sembilan|sepuluh",
}

RESIDENCE: list[str] = [
    # Tagalog "nakatira na ako sa Auckland"; Malay "aku duduk Penang" (no "di").
    "nakatira|naninirahan|nakabase na? ako|kami sa",
    "saya|aku|kami|gue|gw|sy|ak|aq skrg|sekarang|juga|masih? duduk|tinggal|menetap",
    # Vietnamese: "Chào mọi người từ Melbourne", "viết từ Calgary", "em đang học ở Cần Thơ".
    "chao|xin_chao moi_nguoi|ca_nha|cac_ban|tat_ca? tu",
    "^viet|gui tu",
    "toi|minh|em|anh|chi|chung_toi dang? hoc|di_hoc|lam|lam_viec|di_lam dai_hoc? o|tai",
    # "moved to" only once it is done: "năm ngoái mình chuyển lên Đà Lạt", "mình đã chuyển về".
    "ngoai|truoc toi|minh|em|anh|chi|chung_toi chuyen len|ve|vao|den|sang|qua|toi",
    "toi|minh|em|anh|chi|chung_toi da|vua|moi|vua_moi chuyen len|ve|vao|den|sang|qua|toi",
    "toi|minh|em|anh|chi|chung_toi dang|hien? o quan|huyen|phuong",
    # Indonesian and Malay: "aku kuliah di Malang", "dah 8 tahun duduk di London",
    # "tahun lalu pindah ke Makassar" (a move already made, not a plan).
    "saya|aku|kami|gue|gw|sy kuliah|kerja|bekerja|sekolah|belajar|studi|kerje di|kat",
    "tahun|thn|bulan|bln duduk di|kat",
    "lalu|kemarin|lepas|baru|udah|sudah|telah|dah pindah ke",
    # Tagalog: "nasa Dubai ako", "kumusta mula sa Hong Kong", "15 taon na akong nakatira sa",
    # "lumipat ako sa Baguio", "nag-aaral ako sa Iloilo".
    "kumusta|mabuhay|pagbati|hello|hi mula|galing sa",
    "akong|kaming nakatira|naninirahan|nagtatrabaho sa",
    "lumipat ako|kami sa",
    "aaral|nag_aaral|nagaaral ako|kami sa",
    # Swahili: "Nimeishi London kwa miaka 12", "nilihamia Dodoma", "ninayeishi Doha",
    # "nasoma chuo kikuu Eldoret", "Hapa Mwanza".
    "nimeishi|tumeishi|nimekaa|tumekaa|nilihamia|tulihamia|nimehamia|tumehamia|"
    "ninayeishi|tunaoishi|ninaeishi|nnayeishi huko|katika|kwenye|mjini|jijini?",
    "ninasoma|nasoma|tunasoma|ninasomea|nasomea chuo_kikuu|chuo|shule? huko|katika|kwenye?",
    "ninasoma|nasoma|tunasoma|ninasomea|nasomea chuoni",
    "^hapa",
    # Yoruba, folded: "mo ń gbé ní Ìbàdàn", "mo wà ní Lọndọnu", "níbí ní Abẹ́òkúta".
    "mo|a|emi|awa ti? n? gbe ni|si",
    "mo|a|emi|awa wa ni",
    "mo|a|emi|awa n keko|kekoo|kawe|sise ni",
    "mo|a ko_lo si",
    "^nibi|nibiyi|ibiyi ni",
    "ku_aaro|ku_irole|ku_ale|ku_osan|kaabo lati",
    # Hausa: "ina zaune a Kano", "nan a Kaduna", "gaisuwa daga Accra", "na koma Yamai".
    "ina|muna|nake|muke zaune a|cikin",
    "^nan a",
    "gaisuwa|gaisuwar|sannu|sannunku daga",
    "^na|mun koma",
    "bara|bana|yanzu|kuma na|mun koma",
    "karatu|aiki a jami'a|jamia a",
    # Afrikaans: "ek woon nou in Londen", "groete uit Windhoek", "ek woon al nege jaar in".
    "ek|ons bly|woon nou|tans|al? in",
    "groete|groetnis|hallo|liefde uit|van",
    "ek|ons woon|bly|is al @EAA_NUM? jaar|jare|maande in",
    "ek|ons studeer|werk in|op|by",
    # Amharic, whose verb comes last: "እኔ የምኖረው ባህር ዳር ነው", "እዚህ ሀዋሳ".
    "የምኖረው|የምንኖረው",
    "^እዚህ",
]
ORIGIN: list[str] = []
TIES: list[str] = []

# Letters of the scripts the word tokeniser breaks at vowel signs, or that write no spaces.
_TA = r"[\u0b80-\u0bff]"
_SI = r"[\u0d80-\u0dff\u200d]"
_KM = r"[\u1780-\u17dd]"
_MY = r"[\u1000-\u104f]"
_ET = r"[\u1200-\u135a]"
_KANA = r"[\u30a0-\u30ff]"
_NAME = r"[^\W\d_][\w\u0300-\u036f'’]*"  # a Latin-script name, Yoruba tone marks and all
# Later words of a name are capitalised too: "Bandar Seri Begawan", not "Londen op vakansie".
_NAMES = rf"{_NAME}(?:[\s-][A-ZÀ-ÖØ-ÞĐẠ-Ỹ][\w\u0300-\u036f'’]*){{0,2}}"
_TRIP = r"\b(?:vacation|bakasyon|holiday|trip|bisita|pasyal|business|conference|visit)"
# A dateline that heads news ("Dari Moskow: berita terbaru") is the topic, not the writer.
_NEWS = (
    r"(?:[Bb]erita|[Hh]abari|[Ll]abari|[Nn]ews|[Tt]in\b|[Ii]royin|[Nn]uus|[Ii]zindaba|"
    r"[Bb]alita)"
)
_ROLL = "👋|🙋|!|！"
_TA_LOC = "(?:யில்|யில|ில்|ில|ல்|ல)"
_TA_LIVE = (
    "வசிக்கிறேன்|வசிக்கிறோம்|வசிக்கறேன்|இருக்கேன்|இருக்கிறேன்|இருக்கோம்|இருக்கிறோம்|"
    "வாழ்கிறேன்|வாழ்கிறோம்|படிக்கிறேன்|படிக்கறேன்|வேலை\\s+(?:செய்கிறேன்|பார்க்கிறேன்|செய்யறேன்)"
)
_SI_LIVE = "ජීවත්|ඉන්නේ|ඉන්නවා|පදිංචි|වැඩ\\s+කරන|ඉගෙන"
_KM_ME = "ខ្ញុំ|យើងខ្ញុំ|យើង|ខ្ញុំបាទ|នាងខ្ញុំ"
_KM_IN = "រស់នៅ|ស្នាក់នៅ|រៀននៅ|ធ្វើការនៅ"
# A Khmer place runs on into the next word: it ends where one of these starts.
_KM_END = "(?=\\s|$|[។៖!?,.:]|ឥឡូវ|នេះ|បាន|ហើយ|ដែរ|ទេ|រដ្ឋ|តើ)"
_MY_ME = "ကျွန်တော်|ကျွန်မ|ကျနော်|ကျမ|ငါ|ကျွန်တော်တို့|ကျွန်မတို့|ကျနော်တို့|ငါတို့"
_MY_KIN = "သူငယ်ချင်း|မိတ်ဆွေ|လူ|အမေ|အဖေ|မိသားစု|ညီ|အစ်ကို|အစ်မ|ညီမ|သား|သမီး"
_JA_P = rf"(?P<p>(?:{HAN}|{_KANA}){{2,10}})"
# The Japanese cues that name no subject hold only after a clause start, "I" or a time.
_JA_ME = "(?:^|[\\s、。！!]|去年|昨年|先月|最近|今年|私は|僕は|俺は|うちは)\\s*"
_ZH_P = rf"(?P<p>{HAN}{{2,10}}?)"

CUES: dict[str, tuple[Cue, ...]] = {
    "latin": (
        # Tagalog with the place first: "sa Maynila ako nakatira".
        cue(
            "self-in", "after",
            r"\bsa\s+(?P<p>[^\W\d_]+(?:\s[^\W\d_]+)?)\s+(?:ako|kami)\s+(?:ay\s+)?"
            r"(?:nakatira|naninirahan|nakabase)\b",
            capital=True,
        ),
        # "Di Surabaya sini" (here in Surabaya), "Ở Huế này", "Lapha eNewcastle".
        cue(
            "self-in", "exact",
            rf"\b(?:[Dd]i|[Kk]at)\s+(?P<p>{_NAMES})\s+(?:sini|sni)\b",
            capital=True,
        ),
        cue("self-in", "exact", rf"\b[Ởở]\s+(?P<p>{_NAMES})\s+(?:này|nầy)\b", capital=True),
        # A roll-call: "Jogja hadir!", "Kisumu hapa!", "Zariya nan!", "Òṣogbo rèé!".
        cue(
            "self-in", "exact",
            rf"^\s*(?P<p>{_NAME}(?:\s{_NAME})?)\s+(?:hadir|hapa|lapha|nan|rèé|ree|dito|"
            rf"reporting)\s*(?:{_ROLL}|$)",
            capital=True,
        ),
        # A dateline: "Dari Singapura:", "Kutoka Minneapolis:", "Láti Toronto:".
        cue(
            "self-in", "exact",
            rf"^\s*(?:Dari|Mula\s+sa|Kutoka|Daga|Uit|L[áa]ti|Từ|Viết\s+từ|Kusuka\s+e[-\s]?)\s+"
            rf"(?P<p>{_NAMES})\s*:(?!\s*{_NEWS})",
            capital=True,
        ),
        # Tagalog "Nasa Dubai ako ngayon", Hausa "Ina Landan yanzu".
        # Yoruba names keep tone marks the word reader splits at: "mo ń gbé ní Abẹ́òkúta".
        cue(
            "self-in", "after",
            rf"\b(?:[Mm]o|[Aa]|[Ee]mi|[Aa]wa)\s+(?:ti\s+)?(?:ń\s+|n\s+)?(?:gbé|gbe|wà|wa)\s+n[íi]\s+"
            rf"(?P<p>{_NAMES})",
            capital=True,
        ),
        cue("self-in", "after", rf"^\s*N[íi]b[íi]\s+n[íi]\s+(?P<p>{_NAMES})", capital=True),
        cue(
            "self-in", "exact",
            rf"\b[Nn]asa\s+(?P<p>{_NAMES})\s+(?:na\s+)?(?:ako|kami)\b(?![^.!?]*?{_TRIP})",
            capital=True,
        ),
        # "Aku orang Indonesia yang tinggal di Sapporo": the writer's home, not their origin.
        cue(
            "self-in", "after",
            rf"\b(?:[Ss]aya|[Aa]ku|[Kk]ami|[Gg]ue|[Gg]w)\s+(?:orang|warga|perantau|diaspora)\s+\S+\s+"
            rf"(?:yang|yg)\s+(?:tinggal|menetap|berdomisili|duduk|kerja|bekerja)\s+(?:di|kat)\s+"
            rf"(?P<p>{_NAMES})",
            capital=True,
        ),
        cue("self-in", "exact", rf"\bIna\s+(?P<p>{_NAMES})\s+yanzu\b", capital=True),
        # Afrikaans "ek is nou in Londen", unless on holiday (the visit list lacks Afrikaans).
        cue(
            "self-in", "after",
            rf"\b(?:[Ee]k|[Oo]ns)\s+is\s+(?:nou|tans)\s+in\s+(?P<p>{_NAMES})"
            rf"(?![^.!?]*?\b(?:vakansie|besoek|kuier|toer|reis|holiday|trip))",
            capital=True,
        ),
        # "Ek woon al 9 jaar in Auckland": a digit breaks the word patterns' run.
        cue(
            "self-in", "after",
            rf"\b(?:[Ee]k|[Oo]ns)\s+(?:woon|bly|werk)\s+(?:al\s+)?\d+\s+(?:jaar|jare|maande)\s+in\s+"
            rf"(?P<p>{_NAMES})",
            capital=True,
        ),
        # Afrikaans: "George toe getrek", "ek is 'n Suid-Afrikaner wat in Calgary woon".
        cue("self-in", "before", rf"(?P<p>{_NAMES})\s+toe\s+getrek\b", capital=True),
        cue(
            "self-in", "exact",
            rf"\b[Ee]k\s+is\s+['’]n\s+(?:\S+\s+){{1,3}}?wat\s+in\s+(?P<p>{_NAMES})\s+(?:woon|bly|werk)\b",
            capital=True,
        ),
        # Zulu glues the locative "e-" to the place: "Ngihlala eThekwini", "NgiseMgungundlovu".
        cue(
            "self-in", "after",
            rf"\b(?:[Nn]gi|[Ss]i|[Oo])hlala\s+(?:khona\s+)?e[-\s]?(?P<p>{_NAMES})",
            capital=True,
        ),
        cue("self-in", "after", rf"\b(?:[Nn]gi|[Ss]i)se-?(?P<p>{_NAMES})", capital=True),
        cue(
            "self-in", "after",
            rf"\b(?:[Nn]gathuthela|[Ss]athuthela|[Nn]gifunda|[Ss]ifunda|[Nn]gisebenza|"
            rf"[Ss]isebenza|[Ll]apha)\s+(?:e[-\s]?\S+\s+)?e[-\s]?(?P<p>{_NAMES})",
            capital=True,
        ),
        cue(
            "self-in", "after",
            rf"^\s*(?:(?:Sawubona|Sanibonani)(?:\s+nonke)?\s+)?[Kk]usuka\s+e[-\s]?(?P<p>{_NAMES})",
            capital=True,
        ),
    ),
    "cjk": (
        # "我们住在墨尔本" (the table's "我们住" stops before "在"), "住信義區".
        cue(
            "self-in", "after", rf"(?:我们|我們|我哋)(?:住在|生活在|住喺|住係)(?P<p>{HAN}{{2,10}})"
        ),
        cue("self-in", "after", rf"^\s*住(?:在|喺)?(?P<p>{HAN}{{2,10}})"),
        # "我们武汉这边", "在我們台南這邊": the writer's side of town.
        cue(
            "self-in", "exact",
            rf"(?:我们|我們|我哋|我这|我這){_ZH_P}(?:这边|這邊|呢边|呢邊|这里|這裡|這裏)",
        ),
        # "来自温哥华的问候", "雪梨這邊跟大家問好", "多倫多同大家打個招呼".
        cue("self-in", "exact", rf"(?:来自|來自){_ZH_P}的(?:问候|問候)"),
        cue(
            "self-in", "exact",
            rf"^\s*{_ZH_P}(?:这边|這邊|呢度|呢邊)?(?:跟|和|同|向)大家(?:问好|問好|打(?:個|个)?招呼)",
        ),
        # "在纽约住了十几年", "去年搬到了曼彻斯特", "舊年搬咗去曼徹斯特".
        cue(
            "self-in", "exact",
            rf"(?:在|喺){_ZH_P}(?:住了|生活了|定居了|住咗)(?![一两兩几幾三四五六七]?(?:天|晚|夜|个晚上|個晚上))",
        ),
        cue(
            "self-in", "after",
            rf"(?<![要会會想将將算备備快])(?<!明年)(?<!个月)(?<!個月)(?<!下周)(?<!下週)(?<!明天)(?<!之后)(?<!之後)(?:搬到了|"
            rf"搬到|搬咗去|搬咗嚟|搬来了|搬來了)(?P<p>{HAN}{{2,10}})",
        ),
        # A dateline: "发自义乌：", "從多倫多寫信：", "由深圳寫嚟：".
        cue("self-in", "after", rf"(?:发自|發自)(?P<p>{HAN}{{2,10}})"),
        cue("self-in", "exact", rf"(?:從|从|由){_ZH_P}(?:寫信|写信|寫嚟|写嚟|寫|写)"),
        # "我是住在法兰克福的中国人": the "的" is the writer's, not a neighbour's.
        cue("self-in", "exact", rf"我(?:是|係)(?:住在|住喺|生活在){_ZH_P}的"),
        # "我哋住喺溫哥華", "我而家喺倫敦".
        cue("self-in", "after", rf"住喺(?P<p>{HAN}{{2,10}})"),
        cue("self-in", "after", rf"(?:而家|依家|宜家|現在|现在|目前)(?:喺|在)(?P<p>{HAN}{{2,10}})"),
        # A roll-call: "新竹報到！", "將軍澳街坊報到".
        cue("self-in", "exact", rf"^\s*{_ZH_P}(?:街坊|人)?(?:報到|报到)"),
        # Japanese: "ここ仙台では", "大阪です〜！", "金沢に引っ越して", "名古屋の大学に通って",
        # "ロンドンより：".
        cue("self-in", "exact", rf"ここ{_JA_P}(?:では|で|は)"),
        cue("self-in", "exact", rf"^\s*{_JA_P}(?:です|でーす)[〜~ー！!。]"),
        cue(
            "self-in", "before",
            rf"{_JA_ME}{_JA_P}に引っ越(?:しました|した|してきた|してきました|して[、,]?\s*今)",
        ),
        cue("self-in", "before", rf"{_JA_ME}{_JA_P}の(?:大学|大学院|会社|学校|専門学校)に通"),
        cue("self-in", "exact", rf"^\s*{_JA_P}より[：:]"),
    ),
    "hangul": (
        # "여기 광주에서는", "부산입니다!", "프랑크푸르트에서 인사드려요", "런던에서 산 지",
        # "전주로 이사 와서", "대전에서 대학 다니는", "오클랜드에서 씁니다".
        cue("self-in", "exact", r"여기\s*(?P<p>[가-힣]{2,}?)(?:에서는|에선|에서도|에서|는)"),
        cue("self-in", "exact", r"^\s*(?P<p>[가-힣]{2,}?)(?:입니다|이에요|예요|이요)\s*[!~.]"),
        cue("self-in", "before", r"(?P<p>[가-힣]+?)에서\s*(?:인사|안부)"),
        cue("self-in", "before", r"(?P<p>[가-힣]+?)에서\s*(?:산|생활한|지낸|거주한)\s*지"),
        cue("self-in", "before", r"(?P<p>[가-힣]+?)(?:으로|로)\s*이사\s*(?:와서|왔|온|했|해서|갔)"),
        cue(
            "self-in", "before",
            r"(?P<p>[가-힣]+?)에서\s*(?:대학|학교|회사|직장)\S*\s*(?:다니고|다녀요|다닙니다|다니는\s*(?:학생|중))",
        ),
        cue("self-in", "before", r"(?P<p>[가-힣]+?)에서\s*(?:씁니다|써요|글\s*씁니다|올립니다)"),
        # "울란바토르에서 일하면서 살고 있어요" (living there while working), "부산 사는 교포".
        cue("self-in", "before", r"(?P<p>[가-힣]+?)에서\s*(?:\S+\s*)?살고\s*있"),
        cue(
            "self-in", "before",
            r"(?P<p>[가-힣]{2,}?)(?:에)?\s*사는\s*(?:교포|한인|유학생|직장인|사람인데|사람입니다)",
        ),
    ),
    "thai": (
        # "ตอนนี้อยู่โตเกียว", "ที่ขอนแก่นนี่", "หาดใหญ่รายงานตัว", "สวัสดีจากเมลเบิร์น",
        # "เขียนจากลอสแอนเจลิส", "อยู่แถวอารีย์", "คนไทยที่อาศัยอยู่ในเบอร์ลิน".
        cue(
            "self-in", "after",
            rf"(?:ตอนนี้|ปัจจุบัน)(?:ก็)?(?:อาศัย)?อยู่\s*(?:ที่|ใน)?\s*(?P<p>{THAI}{{2,30}})",
        ),
        cue("self-in", "exact", rf"(?:^|\s)ที่(?P<p>{THAI}{{2,20}}?)(?:นี่|นี้)"),
        cue("self-in", "exact", rf"^\s*(?P<p>{THAI}{{2,20}}?)รายงานตัว"),
        cue("self-in", "after", rf"สวัสดี(?:ครับ|ค่ะ|คะ)?(?:ทุกคน)?จาก\s*(?P<p>{THAI}{{2,30}})"),
        cue("self-in", "after", rf"(?:^\s*|\s)เขียน(?:มา)?จาก\s*(?P<p>{THAI}{{2,30}})"),
        cue("self-in", "after", rf"อยู่แถว\s*(?P<p>{THAI}{{2,30}})"),
        cue(
            "self-in", "after",
            rf"เป็นคน{THAI}{{2,12}}?ที่(?:อาศัย|ทำงาน|เรียน)อยู่(?:ที่|ใน)?(?P<p>{THAI}{{2,30}})",
        ),
    ),
    "tamil": (
        # "நான் சென்னையில் வசிக்கிறேன்", "டொராண்டோல இருக்கேன்": the case ending glued on.
        cue("self-in", "exact", rf"(?P<p>{_TA}+?){_TA_LOC}\s+(?:\S+\s+)?(?:{_TA_LIVE})"),
        cue("self-in", "exact", rf"(?:இங்க|இங்கே|இங்கு)\s+(?P<p>{_TA}+?){_TA_LOC}(?=\s)"),
        cue("self-in", "exact", rf"(?P<p>{_TA}+?){_TA_LOC}\s+(?:தான்\s+)?வீடு"),
        cue(
            "self-in", "exact",
            rf"(?P<p>{_TA}+?){_TA_LOC}\s+(?:வசிக்கும்|வாழும்)\s+(?:\S+\s+){{0,2}}?(?:நான்|"
            rf"நாங்கள்)",
        ),
        # "சிங்கப்பூரிலிருந்து வணக்கம்", "சிட்னியிலிருந்து எழுதுகிறேன்".
        cue(
            "self-in", "exact",
            rf"(?P<p>{_TA}+?)(?:யிலிருந்து|ிலிருந்து|லிருந்து|ல\s+இருந்து)\s+(?:வணக்கம்|எழுதுகிறேன்|எழுதறேன்)",
        ),
        cue(
            "self-in", "exact",
            rf"(?P<p>{_TA}+?)(?:ுக்கு|க்கு)\s+(?:குடிபெயர்ந்தேன்|குடிபெயர்ந்தோம்|குடி\s+வந்தேன்)",
        ),
        cue("self-in", "exact", rf"^\s*(?P<p>{_TA}+)\s+தான்\s*(?:{_ROLL})"),
    ),
    "sinhala": (
        # "මම කොළඹ ජීවත් වෙනවා", "මම දැන් මෙල්බර්න් වල ඉන්නේ", "මෙහෙ ගාල්ලේ".
        cue(
            "self-in", "exact",
            rf"(?:මම|අපි|මං)\s+(?:දැන්\s+|දැනට\s+)?(?P<p>{_SI}+?)(?:ේ)?(?:\s+වල)?\s+(?:{_SI_LIVE})",
        ),
        cue("self-in", "exact", rf"(?:මෙහෙ|මෙහේ|මෙතන)\s+(?P<p>{_SI}+?)(?:ේ)?(?:\s+වල)?\s"),
        cue("self-in", "exact", rf"^\s*(?P<p>{_SI}+)\s*(?:{_ROLL})"),
        # "මිලානෝ ඉඳන් ආයුබෝවන්", "මාතර ඉඳන් ලියන්නේ", "මීගමුවට ආවා, දැන්".
        cue(
            "self-in", "exact",
            rf"(?P<p>{_SI}+?)(?:\s+වල)?\s+(?:ඉඳන්|ඉදන්|සිට)\s+(?:ආයුබෝවන්|ලියන්නේ|ලියනවා|හෙලෝ)",
        ),
        cue("self-in", "exact", rf"(?P<p>{_SI}+?)ට\s+(?:පදිංචියට\s+)?ආවා[,،]?\s+දැන්"),
        cue(
            "self-in", "exact",
            rf"(?P<p>{_SI}+)\s+(?:පැත්තේ|පැත්තෙ)\s+(?:තමයි\s+)?(?:ඉන්නේ|ජීවත්)",
        ),
    ),
    "khmer": (
        # "ខ្ញុំរស់នៅសៀមរាប", "ខ្ញុំជាខ្មែរដែលរស់នៅបាងកក", "ខ្ញុំនៅប៉ារីសឥឡូវ".
        cue(
            "self-in", "exact",
            rf"(?:{_KM_ME})(?:ជា[^\s។]{{1,12}}?(?:ដែល)?)?(?:{_KM_IN})(?:ក្រុង)?(?P<p>{_KM}{{2,30}}?){_KM_END}",
        ),
        cue("self-in", "exact", rf"(?:{_KM_ME})\s*នៅ(?:ក្រុង)?(?P<p>{_KM}{{2,30}}?){_KM_END}"),
        # "នៅបាត់ដំបងនេះ" (here in Battambang), "កំពតនេះ 🙋", "សួស្តីពីមែលប៊ន".
        cue("self-in", "exact", rf"^\s*(?:នៅ)?(?P<p>{_KM}{{2,30}}?)នេះ"),
        cue(
            "self-in", "exact",
            rf"(?:សួស្តី|ជម្រាបសួរ)\s*(?:ពី|មកពី)(?P<p>{_KM}{{2,30}}?){_KM_END}",
        ),
        cue("self-in", "exact", rf"^\s*សរសេរ(?:មក)?ពី(?P<p>{_KM}{{2,30}}?){_KM_END}"),
        cue("self-in", "exact", rf"ផ្លាស់(?:មក|ទៅ)នៅ(?:ក្រុង)?(?P<p>{_KM}{{2,30}}?){_KM_END}"),
    ),
    "burmese": (
        # "ကျွန်တော် မန္တလေးမှာ နေပါတယ်", "ပုသိမ်မှာ ကျောင်းတက်နေတယ်", "ဒီ မြစ်ကြီးနားမှာ".
        cue(
            "self-in", "exact",
            rf"(?:^\s*|(?:{_MY_ME})\s*|[၊။]\s*)(?P<p>{_MY}{{2,30}}?)မှာ\s*(?:\S+\s+){{0,2}}?"
            rf"(?:နေ|ရှိနေ|ကျောင်းတက်|အလုပ်လုပ်)(?!တဲ့\s*(?:{_MY_KIN}))",
        ),
        cue("self-in", "exact", rf"ဒီ\s*(?P<p>{_MY}{{2,30}}?)မှာ"),
        cue("self-in", "exact", rf"(?P<p>{_MY}{{2,30}}?)ကို\s*ပြောင်း(?:လာ|ရွှေ့လာ)"),
        # "တောင်ကြီးကပါ 🙋", "မဲဆောက်ကနေ မင်္ဂလာပါ", "တိုကျိုကနေ ရေးနေတာပါ".
        cue("self-in", "exact", rf"^\s*(?P<p>{_MY}{{2,30}}?)(?:ကပါ|က\s+ပါ)"),
        cue("self-in", "exact", rf"(?P<p>{_MY}{{2,30}}?)(?:ကနေ|က)\s*(?:မင်္ဂလာပါ|ရေး)"),
    ),
    "ethiopic": (
        # "አሁን ቴል አቪቭ ነኝ", "ሰላም ከቶሮንቶ", "ለንደን ከኖርኩ", "ወደ አዳማ ተዛወርኩ",
        # "ጅማ ዩኒቨርሲቲ ተማሪ ነኝ", "ከፍራንክፈርት፡", "ቦሌ ነው የምኖረው", "በሲያትል የምኖር".
        cue("self-in", "exact", rf"አሁን\s+(?P<p>{_ET}+(?:\s{_ET}+)?)\s+ነኝ"),
        cue("self-in", "exact", rf"(?:ሰላም|ሰላምታ)\s+ከ(?P<p>{_ET}+(?:\s{_ET}+)?)(?=[\s!፣።]|$)"),
        cue("self-in", "before", rf"(?P<p>{_ET}+(?:\s{_ET}+)?)\s+(?:ከኖርኩ|ከኖርን|እኖራለሁ|እንኖራለን)"),
        cue("self-in", "before", rf"(?P<p>{_ET}+(?:\s{_ET}+)?)\s+ነው\s+የም(?:ኖረው|ንኖረው)"),
        cue("self-in", "exact", rf"ወደ\s+(?P<p>{_ET}+(?:\s{_ET}+)?)\s+(?:ተዛወርኩ|ተዛውሬ|ተዛወርን)"),
        cue("self-in", "exact", rf"(?P<p>{_ET}+(?:\s{_ET}+)?)\s+ዩኒቨርሲቲ\s+ተማሪ"),
        cue("self-in", "exact", rf"^\s*ከ(?P<p>{_ET}+(?:\s{_ET}+)?)[፡:]"),
        cue("self-in", "exact", rf"በ(?P<p>{_ET}+(?:\s{_ET}+)?)\s+(?:የምኖር|የምንኖር)"),
        cue("self-in", "exact", rf"^\s*(?P<p>{_ET}+(?:\s{_ET}+)?)\s*(?:{_ROLL})"),
    ),
}  # fmt: skip
SCRIPTS: dict[str, re.Pattern[str]] = {
    "tamil": re.compile(_TA),
    "sinhala": re.compile("[\u0d80-\u0dff]"),
    "khmer": re.compile(_KM),
    "burmese": re.compile(_MY),
    "ethiopic": re.compile(_ET),
}
LATIN_WORDS = (
    "nakatira naninirahan nakabase ek ons yang yg gbe nibi sini sni nay hadir hapa lapha nan ree dito reporting dari mula kutoka "
    "daga uit lati tu "
    "viet kusuka nasa yanzu getrek woon bly werk ngihlala sihlala ohlala "
    "ngathuthela sathuthela ngifunda sifunda ngisebenza sisebenza sawubona sanibonani manje "
    "kanjani"
)
