"""Thanks and praise in the languages added with the 35-language reply library, with the
glue words they come with ("çok teşekkürler", "asante sana", "terima kasih banyak").

A mention made only of these (and of the words in __init__) asks nothing. Words that
could carry a request or a place stay out: any other word keeps the mention a request.
"""

from __future__ import annotations


def _vocab(words: str) -> frozenset[str]:
    return frozenset(words.split())


THANKS = _vocab(
    """
teşekkürler teşekkür ederim ederiz çok sağol sağolun sağ olun eyvallah emeğinize emeklerinize
sağlık helal olsun harika tebrikler süper müthiş harikasınız siz
شكرا شكرًا شكراً جزيلا جزيلاً جزيل الشكر مشكور مشكورين يعطيك العافية الله يعطيكم تسلم
تسلمو تسلموا ايدك ايديكم عاش برافو احسنتم أحسنتم رائع جميل كتير كثيرا جدا جدًا لكم لك
shukran shokran merci mashkoor tislam 3ash
תודה רבה רבה לכם לך כל הכבוד מדהים אלופים אלופות
ممنون ممنونم مرسی مرسي متشکرم سپاس سپاسگزارم خیلی دمتون دمت گرم عالی ایول خسته نباشید
شکریہ بہت بہت شکریہ مہربانی جزاک اللہ زبردست شاباش آپ کا
धन्यवाद शुक्रिया बहुत बहुत आपका आप सबका बढ़िया शानदार जबरदस्त शाबाश
shukriya shukria dhanyavad dhanyawad bahut bohot bhut aapka apka shabash zabardast badhiya
ধন্যবাদ অনেক অসংখ্য আপনাদের আপনাকে দারুণ চমৎকার
ευχαριστώ ευχαριστούμε πολύ πολλά σασ μπράβο τέλεια υπέροχο
köszönöm köszönjük szépen nagyon köszi kösz király szuper
kiitos paljon kiitti kiitoksia hienoa mahtavaa upeaa työtä
дякую дякуємо дуже щиро вам спасибі молодці
благодаря много ви браво страхотно
hvala puno vam ti lijepo hvala vam bravo svaka čast хвала пуно вам свака част браво
cảm ơn rất nhiều nhé nha bạn các tuyệt vời quá cám
terima kasih banyak makasih trims tq tks mantap keren hebat semangat sangat ya
salamat po maraming galing ninyo niyo
asante sana sana kwa kazi nzuri hongera shukrani
gràcies moltes mil molt bona feina ànims enhorabona
tak tusind mange for det godt arbejde takk tusen takker flott bra jobba
děkuji díky moc moc mockrát skvělá práce dobrá
mulțumesc mersi mult frumos mulțumim foarte bravo felicitări
"""
)
# Chinese, Japanese and Thai thanks come as one run of letters ("谢谢你们辛苦了",
# "ありがとうございました", "ขอบคุณมากครับ"); a run made only of these pieces is thanks.
THANKS_PIECES = (
    "谢谢|謝謝|多谢|多謝|感谢|感謝|非常|真的|你们|你們|你|大家|了|啊|呀|辛苦|加油|太|好|棒|"
    "ありがとう|ありがとうございます|ございます|ございました|本当に|ほんとに|感謝|です|します|"
    "お疲れ様|お疲れさま|頑張って|がんばって|応援|しています|してます|"
    "ขอบคุณ|มาก|มากๆ|ครับ|ค่ะ|คะ|นะ|จ้า|ค่า|คับ|ที่|สู้ๆ|สู้|เยี่ยม|"
    "감사합니다|감사해요|고마워요|고맙습니다|고마워|정말|진짜|너무|응원합니다|응원해요|화이팅|파이팅"
)
