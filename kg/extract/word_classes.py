"""Word knowledge from jieba's dictionary (shipped inside the jieba wheel, no download): part-of-speech tags
of ~350k common words. Used for two judgements a reader makes without thinking:

- a name does not start with a verb or a function word (``期待合作示范区`` -> ``合作示范区``);
- a phrase made only of common dictionary words is a generic term, not a name (``工程机械``, ``人工智能``),
  while names contain words the dictionary does not know or tags as proper nouns (``采埃孚``, ``广汽菲克``).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Iterator

_FUNCTION_TAGS = {"v", "p", "c", "d", "u", "uj", "ul", "ud", "ug", "uv", "uz", "r", "f", "m", "q", "ad", "y",
                  "e", "o", "zg", "vd", "k"}
_NAME_TAGS = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng", "x"}
_TIME_LOCATIVE_END = tuple("上时前后中里内")
# common words the dictionary tags as proper nouns (上市 "go public" is tagged ns): their everyday reading
_TAG_FIXES = {"上市": "v", "落地": "v", "开展": "v", "新建": "v", "全面": "ad", "党委": "n", "党组": "n", "党政": "n"}


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, int], dict[str, str], float, int]:
    """jieba's dictionary (``jieba/dict.txt``, ~350k lines ``word count tag``) read straight from the wheel:
    counts, tags, log of the total count, longest word. jieba itself would take ~1.1 s to import its POS module
    and load its prefix dictionary; reading the file takes ~0.4 s, and every process of a build pays it once."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        raise ImportError("the jieba package (its dictionary) is not installed")
    counts: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = longest = 0
    with open(os.path.join(os.path.dirname(spec.origin), "dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, n = parts[0], int(parts[1])
            counts[word] = n          # as jieba: a later line wins, every line adds to the total
            total += n
            if len(parts) > 2:
                tags[word] = parts[2]
            if len(word) > longest:
                longest = len(word)
    return counts, tags, math.log(total), longest


# jieba's own block patterns (jieba.re_han_default, re_skip_default, re_eng)
_RE_HAN = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")
_RE_SKIP = re.compile(r"(\r\n|\s)")
_RE_ENG = re.compile(r"[a-zA-Z0-9]")


def _cut(s: str) -> Iterator[str]:
    """Exactly ``jieba.cut(s, HMM=False)`` (tested against it): the most probable path through the words of the
    dictionary, runs of single Latin letters and digits joined, other characters one by one."""
    for block in _RE_HAN.split(s):
        if not block:
            continue
        if _RE_HAN.match(block):
            yield from _cut_block(block)
        else:
            for x in _RE_SKIP.split(block):
                if _RE_SKIP.match(x):
                    yield x
                else:
                    yield from x


def _cut_block(s: str) -> Iterator[str]:
    counts, _, logtotal, longest = _dictionary()
    n = len(s)
    route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for i in range(n - 1, -1, -1):
        ends = [j - 1 for j in range(i + 1, min(n, i + longest) + 1) if counts.get(s[i:j])] or [i]
        route[i] = max((math.log(counts.get(s[i:x + 1]) or 1) - logtotal + route[x + 1][0], x) for x in ends)
    i, buf = 0, ""
    while i < n:
        j = route[i][1] + 1
        word = s[i:j]
        if len(word) == 1 and _RE_ENG.match(word):
            buf += word
        else:
            if buf:
                yield buf
                buf = ""
            yield word
        i = j
    if buf:
        yield buf


def tokens(s: str) -> list[str]:
    return list(_tokens(s))


@lru_cache(maxsize=1 << 16)
def _tokens(s: str) -> tuple[str, ...]:
    # the same short strings (a name's prefix, a suffix's context) are cut again and again: cache the cuts
    return tuple(_cut(s))


def tag(word: str) -> str | None:
    t = _TAG_FIXES.get(word)
    return t if t is not None else _dictionary()[1].get(word)


@lru_cache(maxsize=1)
def _pd_clause_words() -> frozenset[str]:
    """Words People's Daily 1998 (hand-tagged) uses as verbs, adverbs, prepositions or conjunctions
    (``kg/data/pd1998_clause_words.txt``, built by ``scripts/build_pd_clause_words.py``)."""
    from importlib import resources

    text = resources.files("kg").joinpath("data/pd1998_clause_words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#"))


def clause_word(word: str) -> bool:
    """A word of the clause rather than of a name, by the hand-tagged newspaper corpus where jieba's dictionary tags
    it as a noun or a name (拓宽 nr, 充分发挥 n: two such words written as one)."""
    pd = _pd_clause_words()
    return word in pd or (len(word) >= 4 and any(word[:k] in pd and word[k:] in pd for k in (2, len(word) - 2)))


def frequency(word: str) -> int:
    """The word's count in jieba's dictionary (0 when it is not there)."""
    return _dictionary()[0].get(word) or 0


def is_content_word(word: str) -> bool:
    """A dictionary word that is not a verb or function word (数据, 成都, 以色列, 华为): a stop character inside
    it does not end a name."""
    t = tag(word)
    return t is not None and t not in _FUNCTION_TAGS and t not in ("vn", "a", "t", "s")


def leading_verb(s: str) -> int:
    """Length of a two-or-more-character verb (升级, 建设, 推进) that ``s`` starts with, else 0."""
    toks = tokens(s)
    if toks and len(toks[0]) >= 2 and tag(toks[0]) in ("v", "vn", "vd"):
        return len(toks[0])
    return 0


def leading_common_word(s: str) -> int:
    """Length of a two-or-more-character common word (noun, verb, adjective; not a proper noun) ``s`` starts
    with, else 0."""
    toks = tokens(s)
    if toks and len(toks[0]) >= 2 and tag(toks[0]) in ("n", "v", "vn", "vd", "a", "ad", "d", "t"):
        return len(toks[0])
    return 0


# words that end a brand (云岚国际, 某某集团) rather than describe a product
_BRAND_TAILS = frozenset({"国际", "集团", "股份", "控股", "实业", "科技", "智能", "新材料", "新能源", "半导体", "微电子",
                          "机器人", "自动化", "生物医药", "智能云"})


_COMMON_YE = frozenset("工业 农业 产业 企业 行业 商业 物业 创业 就业 专业 事业 作业 营业 职业 林业 渔业 牧业 主业 实业".split())


def leading_brand(s: str, whole: bool = False) -> int:
    """Length of the brand a project or product phrase starts with (云岚国际|创新药生产基地, 岳宝乐|婴幼儿配方奶粉,
    星海云|工业互联网创新中心), else 0: words the dictionary does not know, proper nouns, and characters standing
    alone, up to the first common word. ``whole``: the phrase ends there (岳东方数科|总部), so the characters after
    a proper noun are part of the brand."""
    toks = tokens(s)
    n = singles = 0
    named = False
    for i, tok in enumerate(toks):
        t = tag(tok)
        if len(tok) == 1:
            if tok in _CLAUSE_CHARS or (t in _LONE_CLAUSE_TAGS and t != "d") or t == "f":
                break        # 纸上, 万和汇, 研发的: a clause character ends the brand

            singles += 1
            if named and singles > 1 and not (whole and n + len(tok) == len(s) and singles <= 2) \
                    and not _run_before_qualifier(toks, i, n):
                return _back_to_name(toks, i)
            n += 1
            continue
        if t is None or (t in _NAME_TAGS and (t != "j" or len(tok) >= 3)):   # 研发, 数控 (j): common
            named, singles = True, 0
            n += len(tok)
            continue
        if tok in _BRAND_TAILS or (tok.endswith("业") and len(tok) == 2 and tok not in _COMMON_YE):
            if n >= 2:
                n += len(tok)
            break
        break
    return n if n >= 2 else 0


# words that follow a brand in a project's name (某科恒道|高端装备…项目): a run of lone characters right before one
# of them is the end of the brand, not a clause
_AFTER_BRAND = frozenset({"高端", "新型", "智能", "绿色", "先进", "装备", "新材料", "新能源", "年产"})


def _run_before_qualifier(toks: list[str], i: int, n: int) -> bool:
    """Token ``i`` (a lone character) belongs to a run of lone characters that ends right before one of
    ``_AFTER_BRAND``, and the brand so far (``n`` characters) stays short: 岳科恒川|高端装备."""
    j = i
    while j < len(toks) and len(toks[j]) == 1 and tag(toks[j]) not in ("x", "w") and toks[j] not in _CLAUSE_CHARS:
        j += 1
    return j < len(toks) and toks[j] in _AFTER_BRAND and n + (j - i) <= 6


def _back_to_name(toks: list[str], i: int) -> int:
    """Length up to the end of the last proper noun before token ``i`` plus one character after it."""
    n = 0
    last = 0
    for tok in toks[:i]:
        n += len(tok)
        if len(tok) > 1:
            last = n
    return last


def starts_with_common_word(name: str) -> bool:
    """``name`` opens with a two-character dictionary word that is not a name or noun (强调, 强化, 高兴)."""
    toks = tokens(name)
    if not toks or len(toks[0]) < 2:
        return False
    t = tag(toks[0])
    return t is not None and t not in _NAME_TAGS and t not in ("n", "ng", "nr", "nz")


def leading_function_words(s: str, keep: set[str] | frozenset = frozenset()) -> int:
    """Length of the run of verbs/function words at the start of ``s`` (words in ``keep`` stop the run)."""
    n = 0
    toks = tokens(s)
    prev = None
    for i, tok in enumerate(toks):
        t = tag(tok)
        if tok in keep or t is None:
            break
        if len(tok) == 1 and tok not in _CLAUSE_CHARS and not (
                t == "m" and i + 1 < len(toks) and tag(toks[i + 1]) == "q") and not (
                t in _LONE_CLAUSE_TAGS) and not (
                t == "v" and i + 1 < len(toks) and len(toks[i + 1]) >= 2 and tag(toks[i + 1]) in ("v", "d")) and not (
                t == "a" and prev in ("v", "vd")):
            # a lone character often begins an unknown name: 瑞邦, 迈科, 亿达 (but 让博源, 两家); a pronoun,
            # preposition, conjunction or adverb standing alone is the clause (他希望…, 同…, 但…), so is a verb
            # before another verb (去攻克…) and a complement after a verb (发挥好…)
            break
        if len(tok) >= 2 and t not in _FUNCTION_TAGS and t not in ("t", "a") and clause_word(tok):
            t = "v"          # 拓宽|某速集团, 充分发挥|某利耀能: a verb the dictionary tags as a noun or a name
        if t in _FUNCTION_TAGS or (t == "t" and tok.endswith(_TIME_LOCATIVE_END)) or (t == "a" and prev in ("v", "vd")):
            n += len(tok)
            prev = t
            continue
        break
    return n


# jieba tags of lone characters that never open a name (pronouns, prepositions, conjunctions, adverbs, particles)
_LONE_CLAUSE_TAGS = frozenset({"r", "p", "c", "d", "u", "uj", "ul", "ud", "ug", "uv", "uz"})


# single characters that modify common phrases (世界一流高|科技园区, 新|材料)
_GENERIC_SINGLE = frozenset("高新大小老强优全总分各诸众若")
# single characters that are clause words, not the first character of a name
_CLAUSE_CHARS = frozenset("让使令帮请派叫要想会能可应需将把被对向给由经称任当做办搞有是为以于与和及或并且也都就还又再才更自建设"
                          "而但却则若如即亦兼率带交找去到随跟"
                          "最很均已在的了着过地得所从往朝沿按据凭靠随等之其该此各每某本这那哪个家位名项批种类")


def is_generic_phrase(s: str) -> bool:
    """True when ``s`` is made only of common dictionary words that are not proper nouns.

    Industry words of recent news that the dictionary lacks (文创, 双创, 电商) count as common words.
    """
    if _EXTRA_RE.search(s):
        return all(_is_generic(part) for part in _EXTRA_RE.split(s) if part)
    return _is_generic(s)


# common words of park and industry news missing from jieba's dictionary (it splits them into characters)
EXTRA_COMMON_WORDS = ("文创", "双创", "电商", "智造", "数智", "大数据", "新经济", "数创", "科创", "金创", "众创",
                      "跨境", "网红", "康养", "文旅", "智算", "算力", "信创", "新基建", "专精特新", "赋能")
_EXTRA_RE = re.compile("|".join(sorted(EXTRA_COMMON_WORDS, key=len, reverse=True)))


def _is_generic(s: str) -> bool:
    toks = tokens(s)
    if not toks:
        return True
    for tok in toks:
        t = tag(tok)
        if t is None or t in _NAME_TAGS:
            return False
        if len(tok) == 1 and tok not in _CLAUSE_CHARS and tok not in _GENERIC_SINGLE:
            return False   # single characters outside dictionary words: part of an unknown name (迈胜, 新澳)
    return True


# ------------------------------------------------------------------ traditional script
# Traditional -> simplified, one character for one (so offsets stay valid), for matching only: names keep the
# text's own characters. The pairs are the one-to-one entries of OpenCC's TSCharacters.txt (Apache-2.0,
# https://github.com/BYVoid/OpenCC), first reading where OpenCC lists several, CJK unified ideographs only.
_TRAD = (
    "丟並乾亂亙亞佇佈佔併來侖侶侷俁係俔俠俥俬倀倆倈倉個們倖倫偉側偵偽傑傖傘備傢傭傯傳傴債傷傾僂僅僉僑僕僞僥僨僱價儀儁儂億儈儉儎儐儔儕儘償優儲儷儺儻儼兇兌兒兗內兩冊冑冪凈凍凜凱別刪剄則剋剎剗剛剝剮剴創剷劃劇"
    "劉劊劌劍劑勁動務勛勝勞勢勩勱勳勵勸勻匭匯匱區協卹卻卽厙厠厤厭厲厴參叄叢吒吳吶呂咼員唄唸問啓啞啟啢喚喪喫喬單喲嗆嗇嗊嗎嗚嗩嗶嘆嘍嘓嘔嘖嘗嘜嘩嘮嘯嘰嘵嘸嘽噁噓噝噠噥噦噯噲噴噸噹嚀嚇嚌嚐嚕嚙嚥嚦嚨嚮嚲嚳嚴嚶"
    "囀囁囂囅囈囉囌囑囪圇國圍園圓圖團垻埡埰執堅堊堖堝堯報場塊塋塏塒塗塚塢塤塵塹墊墜墮墰墳墶墻墾壇壋壎壓壘壙壚壜壞壟壠壢壩壪壯壺壼壽夠夢夥夾奐奧奩奪奬奮奼妝姍姦娛婁婦婭媧媯媼媽嫋嫗嫵嫺嫻嫿嬀嬃嬈嬋嬌嬙嬡嬤嬪"
    "嬰嬸孃孌孫學孿宮寀寢實寧審寫寬寵寶將專尋對導尷屆屍屓屜屢層屨屬岡峯峴島峽崍崑崗崙崢崬嵐嵗嶁嶄嶇嶔嶗嶠嶢嶧嶨嶮嶸嶺嶼嶽巋巒巔巖巰巹帥師帳帶幀幃幗幘幟幣幫幬幹幾庫廁廂廄廈廎廕廚廝廟廠廡廢廣廩廬廳弒弔弳張強"
    "彆彈彌彎彔彙彠彥彫彲彿後徑從徠復徵徹恆恥悅悞悵悶悽惡惱惲惻愛愜愨愴愷愾慄態慍慘慚慟慣慤慪慫慮慳慶慼慾憂憊憐憑憒憖憚憤憫憮憲憶懇應懌懍懞懟懣懨懲懶懷懸懺懼懾戀戇戔戧戩戰戱戲戶拋挩挱挾捨捫捱捲掃掄掗掙掛採"
    "揀揚換揮揯損搖搗搵搶摑摜摟摯摳摶摺摻撈撏撐撓撟撣撥撫撲撳撻撾撿擁擄擇擊擋擔據擠擣擬擯擰擱擲擴擷擺擻擼擾攄攆攏攔攖攙攛攜攝攢攣攤攪攬敎敓敗敘敵數斂斃斆斕斬斷於旂旣昇時晉晝暈暉暘暢暫曄曆曇曉曏曖曠曨曬書會"
    "朧朮東枴柵柺査桿梔梘條梟梲棄棊棖棗棟棧棲棶椏楊楓楨業極榘榦榪榮榲榿構槍槓槤槧槨槮槳槶槼樁樂樅樑樓標樞樣樧樳樸樹樺樿橈橋機橢橫檁檉檔檜檟檢檣檮檯檳檸檻櫃櫓櫚櫛櫝櫞櫟櫥櫧櫨櫪櫫櫬櫱櫳櫸櫻欄欅權欏欒欖欞欽歎"
    "歐歟歡歲歷歸歿殘殞殤殫殭殮殯殲殺殻殼毀毆毿氂氈氌氣氫氬氳氾汎汙決沒沖況泝洩洶浹涇涗涼淒淚淥淨淩淪淵淶淺渙減渢渦測渾湊湞湧湯溈準溝溫溮溳溼滄滅滌滎滙滬滯滲滷滸滻滾滿漁漊漚漢漣漬漲漵漸漿潁潑潔潙潛潤潯潰潷"
    "潿澀澆澇澐澗澠澤澦澩澮澱濁濃濕濘濚濛濜濟濤濫濰濱濺濼濾瀂瀅瀆瀉瀋瀏瀕瀘瀝瀟瀠瀦瀧瀨瀰瀲瀾灃灄灑灕灘灝灣灤灧灩災為烏烴無煉煒煙煢煥煩煬熅熒熗熱熲熾燁燈燉燒燙燜營燦燬燭燴燻燼燾爍爐爛爭爲爺爾牀牆牘牽犖犛犢"
    "犧狀狹狽猙猶猻獁獃獄獅獎獨獪獫獮獰獲獵獷獸獺獻獼玀現琱琺琿瑋瑒瑣瑤瑩瑪瑲璉璡璣璦璫環璵璸璽璿瓊瓏瓔瓚甌甕產産甦甯畝畢畫異畵當疇疊痙痠痾瘂瘋瘍瘓瘞瘡瘧瘮瘲瘺瘻療癆癇癉癒癘癟癡癢癤癥癧癩癬癭癮癰癱癲發皁皚"
    "皰皸皺盃盜盞盡監盤盧盪眞眥眾睏睜睞瞘瞞瞶瞼矇矓矚矯硃硜硤硨硯碕碩碭碸確碼磑磚磠磣磧磯磽礄礆礎礙礦礪礫礬礱祕祿禍禎禕禡禦禪禮禰禱禿秈稅稈稜稟種稱穀穌積穎穠穡穢穩穫穭窩窪窮窯窵窶窺竄竅竇竈竊竪競筆筍筧箇箋"
    "箏節範築篋篔篠篤篩篳簀簍簑簞簡簣簫簹簽簾籃籌籙籛籜籟籠籤籩籪籬籮籲粵糉糝糞糧糰糲糴糶糹糾紀紂約紅紆紇紈紉紋納紐紓純紕紖紗紘紙級紛紜紝紡紮細紱紲紳紵紹紺紼紿絀終絃組絆絎結絕絛絝絞絡絢給絨絰統絲絳絶絹綁綃"
    "綆綈綉綌綏綑經綜綞綠綢綣綫綬維綯綰綱網綳綴綵綸綹綺綻綽綾綿緄緇緊緋緑緒緓緔緗緘緙線緝緞締緡緣緦編緩緬緯緱緲練緶緹緻緼縈縉縊縋縐縑縕縗縛縝縞縟縣縧縫縭縮縱縲縴縵縶縷縹總績繃繅繆繒織繕繚繞繡繢繩繪繫繭繮繯"
    "繰繳繹繼繽繾纇纈纊續纍纏纓纔纖纘纜缽罈罌罎罰罵罷羅羆羈羋羣羥羨義羶習翫翬翹翽耬耮聖聞聯聰聲聳聵聶職聹聽聾肅脅脈脛脣脩脫脹腎腖腡腦腫腳腸膃膕膚膠膩膽膾膿臉臍臏臘臚臟臠臢臥臨臺與興舉舊舘艙艤艦艫艱艷芻苧茲"
    "荊莊莖莢莧華菴菸萇萊萬萴萵葉葒葤葦葯葷蒐蒓蒔蒕蒞蒼蓀蓆蓋蓮蓯蓴蓽蔔蔘蔞蔣蔥蔦蔭蕁蕆蕎蕒蕓蕕蕘蕢蕩蕪蕭蕷薀薈薊薌薑薔薘薟薦薩薴薹薺藍藎藝藥藪藴藶藹藺蘀蘄蘆蘇蘊蘋蘚蘞蘢蘭蘺蘿虆處虛虜號虧虯蛺蛻蜆蝕蝟蝦蝨蝸"
    "螄螞螢螻螿蟄蟈蟎蟣蟬蟯蟲蟶蟻蠁蠅蠆蠍蠐蠑蠔蠟蠣蠨蠱蠶蠻衆衊術衕衚衛衝袞裊裏補裝裡製複褌褘褲褳褸褻襇襉襏襖襝襠襤襪襬襯襲襴覈見覎規覓視覘覡覥覦親覬覯覲覷覺覽覿觀觴觶觸訁訂訃計訊訌討訐訒訓訕訖託記訛訝訟訣"
    "訥訩訪設許訴訶診註証詁詆詎詐詒詔評詖詗詘詛詞詠詡詢詣試詩詫詬詭詮詰話該詳詵詼詿誄誅誆誇誌認誑誒誕誘誚語誠誡誣誤誥誦誨說説誰課誶誹誼誾調諂諄談諉請諍諏諑諒論諗諛諜諝諞諡諢諤諦諧諫諭諮諱諳諶諷諸諺諼諾謀謁"
    "謂謄謅謊謎謐謔謖謗謙謚講謝謠謡謨謫謬謭謳謹謾譁證譎譏譖識譙譚譜譟譫譭譯議譴護譸譽譾讀讅變讋讎讒讓讕讖讚讜讞豈豎豐豔豬豶貓貝貞貟負財貢貧貨販貪貫責貯貰貲貳貴貶買貸貺費貼貽貿賀賁賂賃賄賅資賈賊賑賒賓賕賙賚"
    "賜賞賠賡賢賣賤賦賧質賫賬賭賴賵賺賻購賽賾贄贅贇贈贊贋贍贏贐贓贔贖贗贛贜赬趕趙趨趲跡踐踰踴蹌蹕蹟蹠蹣蹤蹺躂躉躊躋躍躑躒躓躕躚躡躥躦躪軀車軋軌軍軑軒軔軛軟軤軫軲軸軹軺軻軼軾較輅輇輈載輊輒輓輔輕輛輜輝輞輟輥"
    "輦輩輪輬輯輳輸輻輼輾輿轀轂轄轅轆轉轍轎轔轟轡轢轤辦辭辮辯農迴逕這連週進遊運過達違遙遜遞遠遡適遲遷選遺遼邁還邇邊邏邐郟郵鄆鄉鄒鄔鄖鄧鄭鄰鄲鄴鄶鄺酇酈醃醖醜醞醟醣醫醬醱釀釁釃釅釋釐釒釓釔釕釗釘釙針釣釤釦釧"
    "釩釵釷釹釺鈀鈁鈃鈄鈅鈈鈉鈍鈎鈐鈑鈒鈔鈕鈞鈡鈣鈥鈦鈧鈮鈰鈳鈴鈷鈸鈹鈺鈽鈾鈿鉀鉅鉆鉈鉉鉋鉍鉑鉕鉗鉚鉛鉞鉢鉤鉦鉬鉭鉳鉶鉸鉺鉻鉿銀銃銅銍銑銓銖銘銚銛銜銠銣銥銦銨銩銪銫銬銱銳銷銹銻銼鋁鋃鋅鋇鋌鋏鋒鋙鋝鋟鋣鋤鋥鋦"
    "鋨鋩鋪鋭鋮鋯鋰鋱鋶鋸鋼錁錄錆錇錈錏錐錒錕錘錙錚錛錟錠錡錢錦錨錩錫錮錯録錳錶錸錼鍀鍁鍃鍅鍆鍇鍈鍊鍋鍍鍔鍘鍚鍛鍠鍤鍥鍩鍬鍰鍵鍶鍺鍼鍾鎂鎄鎇鎊鎌鎔鎖鎘鎚鎛鎡鎢鎣鎦鎧鎩鎪鎬鎭鎮鎰鎲鎳鎵鎶鎸鎿鏃鏇鏈鏌鏍鏐鏑鏗鏘"
    "鏜鏝鏞鏟鏡鏢鏤鏨鏰鏵鏷鏹鏽鐃鐋鐐鐒鐓鐔鐘鐙鐝鐠鐦鐧鐨鐫鐮鐲鐳鐵鐶鐸鐺鐿鑄鑊鑌鑑鑒鑔鑕鑞鑠鑣鑥鑭鑰鑱鑲鑷鑹鑼鑽鑾鑿钁钂長門閂閃閆閈閉開閌閎閏閑閒間閔閘閡閣閤閥閨閩閫閬閭閱閲閶閹閻閼閽閾閿闃闆闇闈闊闋闌闍"
    "闐闒闓闔闕闖關闞闠闡闢闤闥陘陝陞陣陰陳陸陽隉隊階隕際隨險隯隱隴隸隻雋雖雙雛雜雞離難雲電霑霢霧霽靂靄靆靈靉靚靜靝靦靨鞏鞝鞦鞽韁韃韆韉韋韌韍韓韙韜韝韞韻響頁頂頃項順頇須頊頌頎頏預頑頒頓頗領頜頡頤頦頭頮頰頲"
    "頴頷頸頹頻頽顆題額顎顏顒顓顔願顙顛類顢顥顧顫顬顯顰顱顳顴風颭颮颯颱颳颶颸颺颻颼飀飄飆飈飛飠飢飣飥飩飪飫飭飯飱飲飴飼飽飾飿餃餄餅餈餉養餌餎餏餑餒餓餕餖餘餚餛餜餞餡館餬餱餳餵餶餷餺餼餾餿饁饃饅饈饉饊饋饌饑"
    "饒饗饜饞饢馬馭馮馱馳馴馹駁駐駑駒駔駕駘駙駛駝駟駡駢駭駰駱駸駿騁騂騅騌騍騎騏騖騙騤騫騭騮騰騶騷騸騾驀驁驂驃驄驅驊驌驍驏驕驗驚驛驟驢驤驥驦驪驫骯髏髒體髕髖髮鬆鬍鬚鬢鬥鬧鬨鬩鬮鬱鬹魎魘魚魛魢魨魯魴魷魺鮁鮃鮊"
    "鮋鮍鮎鮐鮑鮒鮓鮚鮜鮝鮞鮦鮪鮫鮭鮮鮳鮶鮺鯀鯁鯇鯉鯊鯒鯔鯕鯖鯗鯛鯝鯡鯢鯤鯧鯨鯪鯫鯰鯴鯷鯽鯿鰁鰂鰃鰈鰉鰍鰏鰐鰒鰓鰛鰜鰟鰠鰣鰥鰨鰩鰭鰮鰱鰲鰳鰵鰷鰹鰺鰻鰼鰾鱂鱅鱈鱉鱒鱔鱖鱗鱘鱝鱟鱠鱣鱤鱧鱨鱭鱯鱷鱸鱺鳥鳧鳩鳬鳲鳳"
    "鳴鳶鴆鴇鴉鴒鴕鴛鴝鴞鴟鴣鴦鴨鴯鴰鴴鴻鴿鵂鵃鵐鵑鵒鵓鵜鵝鵠鵡鵪鵬鵮鵯鵰鵲鵷鵾鶇鶉鶊鶓鶖鶘鶚鶡鶥鶩鶬鶯鶲鶴鶹鶺鶻鶼鶿鷀鷁鷂鷄鷊鷓鷖鷗鷙鷚鷥鷦鷫鷯鷲鷳鷴鷸鷹鷺鷽鸇鸌鸏鸕鸘鸚鸛鸝鸞鹵鹹鹺鹼鹽麗麥麩麪麫麯麴麵麼"
    "麽黃黌點黨黲黴黶黷黽黿鼂鼉鼕鼴齊齋齎齏齒齔齕齗齙齜齟齠齡齣齦齧齪齬齲齶齷龍龎龐龔龕龜鿓"
)
_SIMP = (
    "丢并干乱亘亚伫布占并来仑侣局俣系伣侠伡私伥俩俫仓个们幸伦伟侧侦伪杰伧伞备家佣偬传伛债伤倾偻仅佥侨仆伪侥偾雇价仪俊侬亿侩俭傤傧俦侪尽偿优储俪傩傥俨凶兑儿兖内两册胄幂净冻凛凯别删刭则克刹刬刚剥剐剀创铲划剧"
    "刘刽刿剑剂劲动务勋胜劳势勚劢勋励劝匀匦汇匮区协恤却即厍厕历厌厉厣参叁丛咤吴呐吕呙员呗念问启哑启唡唤丧吃乔单哟呛啬唝吗呜唢哔叹喽啯呕啧尝唛哗唠啸叽哓呒啴恶嘘咝哒哝哕嗳哙喷吨当咛吓哜尝噜啮咽呖咙向亸喾严嘤"
    "啭嗫嚣冁呓啰苏嘱囱囵国围园圆图团坝垭采执坚垩垴埚尧报场块茔垲埘涂冢坞埙尘堑垫坠堕坛坟垯墙垦坛垱埙压垒圹垆坛坏垄垅坜坝塆壮壶壸寿够梦伙夹奂奥奁夺奖奋姹妆姗奸娱娄妇娅娲妫媪妈袅妪妩娴娴婳妫媭娆婵娇嫱嫒嬷嫔"
    "婴婶娘娈孙学孪宫采寝实宁审写宽宠宝将专寻对导尴届尸屃屉屡层屦属冈峰岘岛峡崃昆岗仑峥岽岚岁嵝崭岖嵚崂峤峣峄峃崄嵘岭屿岳岿峦巅岩巯卺帅师帐带帧帏帼帻帜币帮帱干几库厕厢厩厦庼荫厨厮庙厂庑废广廪庐厅弑吊弪张强"
    "别弹弥弯录汇彟彦雕彨佛后径从徕复征彻恒耻悦悮怅闷凄恶恼恽恻爱惬悫怆恺忾栗态愠惨惭恸惯悫怄怂虑悭庆戚欲忧惫怜凭愦慭惮愤悯怃宪忆恳应怿懔蒙怼懑恹惩懒怀悬忏惧慑恋戆戋戗戬战戯戏户抛捝挲挟舍扪挨卷扫抡挜挣挂采"
    "拣扬换挥搄损摇捣揾抢掴掼搂挚抠抟折掺捞挦撑挠挢掸拨抚扑揿挞挝捡拥掳择击挡担据挤捣拟摈拧搁掷扩撷摆擞撸扰摅撵拢拦撄搀撺携摄攒挛摊搅揽教敚败叙敌数敛毙敩斓斩断于旗既升时晋昼晕晖旸畅暂晔历昙晓向暧旷昽晒书会"
    "胧术东拐栅拐查杆栀枧条枭棁弃棋枨枣栋栈栖梾桠杨枫桢业极矩干杩荣榅桤构枪杠梿椠椁椮桨椢椝桩乐枞梁楼标枢样榝桪朴树桦椫桡桥机椭横檩柽档桧槚检樯梼台槟柠槛柜橹榈栉椟橼栎橱槠栌枥橥榇蘖栊榉樱栏榉权椤栾榄棂钦叹"
    "欧欤欢岁历归殁残殒殇殚僵殓殡歼杀壳壳毁殴毵牦毡氇气氢氩氲泛泛污决没冲况溯泄汹浃泾涚凉凄泪渌净凌沦渊涞浅涣减沨涡测浑凑浈涌汤沩准沟温浉涢湿沧灭涤荥汇沪滞渗卤浒浐滚满渔溇沤汉涟渍涨溆渐浆颍泼洁沩潜润浔溃滗"
    "涠涩浇涝沄涧渑泽滪泶浍淀浊浓湿泞溁蒙浕济涛滥潍滨溅泺滤澛滢渎泻沈浏濒泸沥潇潆潴泷濑弥潋澜沣滠洒漓滩灏湾滦滟滟灾为乌烃无炼炜烟茕焕烦炀煴荧炝热颎炽烨灯炖烧烫焖营灿毁烛烩熏烬焘烁炉烂争为爷尔床墙牍牵荦牦犊"
    "牺状狭狈狰犹狲犸呆狱狮奖独狯猃狝狞获猎犷兽獭献猕猡现雕珐珲玮玚琐瑶莹玛玱琏琎玑瑷珰环玙瑸玺璇琼珑璎瓒瓯瓮产产苏宁亩毕画异画当畴叠痉酸疴痖疯疡痪瘗疮疟瘆疭瘘瘘疗痨痫瘅愈疠瘪痴痒疖症疬癞癣瘿瘾痈瘫癫发皂皑"
    "疱皲皱杯盗盏尽监盘卢荡真眦众困睁睐眍瞒瞆睑蒙眬瞩矫朱硁硖砗砚埼硕砀砜确码硙砖硵碜碛矶硗硚硷础碍矿砺砾矾砻秘禄祸祯祎祃御禅礼祢祷秃籼税秆棱禀种称谷稣积颖秾穑秽稳获穞窝洼穷窑窎窭窥窜窍窦灶窃竖竞笔笋笕个笺"
    "筝节范筑箧筼筿笃筛筚箦篓蓑箪简篑箫筜签帘篮筹箓篯箨籁笼签笾簖篱箩吁粤粽糁粪粮团粝籴粜纟纠纪纣约红纡纥纨纫纹纳纽纾纯纰纼纱纮纸级纷纭纴纺扎细绂绁绅纻绍绀绋绐绌终弦组绊绗结绝绦绔绞络绚给绒绖统丝绛绝绢绑绡"
    "绠绨绣绤绥捆经综缍绿绸绻线绶维绹绾纲网绷缀彩纶绺绮绽绰绫绵绲缁紧绯绿绪绬绱缃缄缂线缉缎缔缗缘缌编缓缅纬缑缈练缏缇致缊萦缙缢缒绉缣缊缞缚缜缟缛县绦缝缡缩纵缧纤缦絷缕缥总绩绷缫缪缯织缮缭绕绣缋绳绘系茧缰缳"
    "缲缴绎继缤缱颣缬纩续累缠缨才纤缵缆钵坛罂坛罚骂罢罗罴羁芈群羟羡义膻习玩翚翘翙耧耢圣闻联聪声耸聩聂职聍听聋肃胁脉胫唇修脱胀肾胨脶脑肿脚肠腽腘肤胶腻胆脍脓脸脐膑腊胪脏脔臜卧临台与兴举旧馆舱舣舰舻艰艳刍苎兹"
    "荆庄茎荚苋华庵烟苌莱万荝莴叶荭荮苇药荤搜莼莳蒀莅苍荪席盖莲苁莼荜卜参蒌蒋葱茑荫荨蒇荞荬芸莸荛蒉荡芜萧蓣蕰荟蓟芗姜蔷荙莶荐萨苧苔荠蓝荩艺药薮蕴苈蔼蔺萚蕲芦苏蕴苹藓蔹茏兰蓠萝蔂处虚虏号亏虬蛱蜕蚬蚀猬虾虱蜗"
    "蛳蚂萤蝼螀蛰蝈螨虮蝉蛲虫蛏蚁蚃蝇虿蝎蛴蝾蚝蜡蛎蟏蛊蚕蛮众蔑术同胡卫冲衮袅里补装里制复裈袆裤裢褛亵裥裥袯袄裣裆褴袜摆衬袭襕核见觃规觅视觇觋觍觎亲觊觏觐觑觉览觌观觞觯触讠订讣计讯讧讨讦讱训讪讫托记讹讶讼诀"
    "讷讻访设许诉诃诊注证诂诋讵诈诒诏评诐诇诎诅词咏诩询诣试诗诧诟诡诠诘话该详诜诙诖诔诛诓夸志认诳诶诞诱诮语诚诫诬误诰诵诲说说谁课谇诽谊訚调谄谆谈诿请诤诹诼谅论谂谀谍谞谝谥诨谔谛谐谏谕咨讳谙谌讽诸谚谖诺谋谒"
    "谓誊诌谎谜谧谑谡谤谦谥讲谢谣谣谟谪谬谫讴谨谩哗证谲讥谮识谯谭谱噪谵毁译议谴护诪誉谫读谉变詟雠谗让谰谶赞谠谳岂竖丰艳猪豮猫贝贞贠负财贡贫货贩贪贯责贮贳赀贰贵贬买贷贶费贴贻贸贺贲赂赁贿赅资贾贼赈赊宾赇赒赉"
    "赐赏赔赓贤卖贱赋赕质赍账赌赖赗赚赙购赛赜贽赘赟赠赞赝赡赢赆赃赑赎赝赣赃赪赶赵趋趱迹践逾踊跄跸迹跖蹒踪跷跶趸踌跻跃踯跞踬蹰跹蹑蹿躜躏躯车轧轨军轪轩轫轭软轷轸轱轴轵轺轲轶轼较辂辁辀载轾辄挽辅轻辆辎辉辋辍辊"
    "辇辈轮辌辑辏输辐辒辗舆辒毂辖辕辘转辙轿辚轰辔轹轳办辞辫辩农回迳这连周进游运过达违遥逊递远溯适迟迁选遗辽迈还迩边逻逦郏邮郓乡邹邬郧邓郑邻郸邺郐邝酂郦腌酝丑酝蒏糖医酱酦酿衅酾酽释厘钅钆钇钌钊钉钋针钓钐扣钏"
    "钒钗钍钕钎钯钫钘钭钥钚钠钝钩钤钣钑钞钮钧钟钙钬钛钪铌铈钶铃钴钹铍钰钸铀钿钾巨钻铊铉铇铋铂钷钳铆铅钺钵钩钲钼钽锫铏铰铒铬铪银铳铜铚铣铨铢铭铫铦衔铑铷铱铟铵铥铕铯铐铞锐销锈锑锉铝锒锌钡铤铗锋铻锊锓铘锄锃锔"
    "锇铓铺锐铖锆锂铽锍锯钢锞录锖锫锩铔锥锕锟锤锱铮锛锬锭锜钱锦锚锠锡锢错录锰表铼镎锝锨锪钫钔锴锳炼锅镀锷铡钖锻锽锸锲锘锹锾键锶锗针钟镁锿镅镑镰镕锁镉锤镈镃钨蓥镏铠铩锼镐镇镇镒镋镍镓鿔镌镎镞旋链镆镙镠镝铿锵"
    "镗镘镛铲镜镖镂錾镚铧镤镪锈铙铴镣铹镦镡钟镫镢镨锎锏镄镌镰镯镭铁镮铎铛镱铸镬镔鉴鉴镲锧镴铄镳镥镧钥镵镶镊镩锣钻銮凿镢镋长门闩闪闫闬闭开闶闳闰闲闲间闵闸阂阁合阀闺闽阃阆闾阅阅阊阉阎阏阍阈阌阒板暗闱阔阕阑阇"
    "阗阘闿阖阙闯关阚阓阐辟阛闼陉陕升阵阴陈陆阳陧队阶陨际随险陦隐陇隶只隽虽双雏杂鸡离难云电沾霡雾霁雳霭叇灵叆靓静靔腼靥巩绱秋鞒缰鞑千鞯韦韧韨韩韪韬鞲韫韵响页顶顷项顺顸须顼颂颀颃预顽颁顿颇领颌颉颐颏头颒颊颋"
    "颕颔颈颓频颓颗题额颚颜颙颛颜愿颡颠类颟颢顾颤颥显颦颅颞颧风飐飑飒台刮飓飔飏飖飕飗飘飙飚飞饣饥饤饦饨饪饫饬饭飧饮饴饲饱饰饳饺饸饼糍饷养饵饹饻饽馁饿馂饾余肴馄馃饯馅馆糊糇饧喂馉馇馎饩馏馊馌馍馒馐馑馓馈馔饥"
    "饶飨餍馋馕马驭冯驮驰驯驲驳驻驽驹驵驾骀驸驶驼驷骂骈骇骃骆骎骏骋骍骓骔骒骑骐骛骗骙骞骘骝腾驺骚骟骡蓦骜骖骠骢驱骅骕骁骣骄验惊驿骤驴骧骥骦骊骉肮髅脏体髌髋发松胡须鬓斗闹哄阋阄郁鬶魉魇鱼鱽鱾鲀鲁鲂鱿鲄鲅鲆鲌"
    "鲉鲏鲇鲐鲍鲋鲊鲒鲘鲞鲕鲖鲔鲛鲑鲜鲓鲪鲝鲧鲠鲩鲤鲨鲬鲻鲯鲭鲞鲷鲴鲱鲵鲲鲳鲸鲮鲰鲶鲺鳀鲫鳊鳈鲗鳂鲽鳇鳅鲾鳄鳆鳃鳁鳒鳑鳋鲥鳏鳎鳐鳍鳁鲢鳌鳓鳘鲦鲣鲹鳗鳛鳔鳉鳙鳕鳖鳟鳝鳜鳞鲟鲼鲎鲙鳣鳡鳢鲿鲚鳠鳄鲈鲡鸟凫鸠凫鸤凤"
    "鸣鸢鸩鸨鸦鸰鸵鸳鸲鸮鸱鸪鸯鸭鸸鸹鸻鸿鸽鸺鸼鹀鹃鹆鹁鹈鹅鹄鹉鹌鹏鹐鹎雕鹊鹓鹍鸫鹑鹒鹋鹙鹕鹗鹖鹛鹜鸧莺鹟鹤鹠鹡鹘鹣鹚鹚鹢鹞鸡鹝鹧鹥鸥鸷鹨鸶鹪鹔鹩鹫鹇鹇鹬鹰鹭鸴鹯鹱鹲鸬鹴鹦鹳鹂鸾卤咸鹾碱盐丽麦麸面面曲曲面么"
    "么黄黉点党黪霉黡黩黾鼋鼌鼍冬鼹齐斋赍齑齿龀龁龂龅龇龃龆龄出龈啮龊龉龋腭龌龙厐庞龚龛龟鿒"
)
_TO_SIMPLIFIED = str.maketrans(_TRAD, _SIMP)
_TRAD_SET = frozenset(_TRAD)


def looks_traditional(text: str, sample: int = 4000) -> bool:
    """The text is written in traditional characters: at least 5 % of its first CJK characters (and five or
    more) exist only in traditional script. Simplified text has a few such characters at most (乾, 著 in names)."""
    head = text[:sample]
    n_cjk = sum(1 for ch in head if "\u4e00" <= ch <= "\u9fff")
    n_trad = sum(1 for ch in head if ch in _TRAD_SET)
    return n_trad >= 5 and n_trad >= 0.05 * n_cjk


def to_simplified(text: str) -> str:
    """``text`` with traditional characters replaced by their simplified forms (same length), when the text is
    traditional; otherwise ``text`` itself."""
    if not looks_traditional(text):
        return text
    return text.translate(_TO_SIMPLIFIED)
