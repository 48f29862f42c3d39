"""Entity mentions from text: gazetteers, name-suffix rules, enumerations, person/role patterns, aliases.

Everything here works on the clean text of one article and returns plain values (offsets, strings); the spaCy
components in :mod:`kg.extract.pipeline` write them to the Doc.
"""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract import word_classes as words
from kg.extract.gazetteer import DictMatcher, Gazetteer
from kg.extract.names import company_core
from kg.extract.types import Cand, Sentence
from kg.records import EntityClass

_CJK_RE = re.compile(f"[{L.CJK}]")
_CUE_PREFIX = re.compile(r"(?:世界|全球|中国|财富)?\d+强(?:企业|的)?")
_GENERIC_ORG_NOUNS = frozenset({"上市公司", "子公司", "分公司", "母公司", "总公司", "控股公司", "投资公司", "科技公司",
                                "外资企业", "民营企业", "国有企业", "集团公司", "股份公司", "有限公司", "挂牌公司"})
_AMOUNT = re.compile(r"[0-9０-９.]+(?:亿元|万元|亿|万|元|个|家|年度|年|月|日|项|%)?")
_GENERIC_PARK_PREFIX = frozenset({"国家", "国家级", "省级", "市级", "全国", "省", "市", "区", "县", "各", "该", "本"})
_KEEP_WORDS = frozenset({"中日", "中德", "中韩", "中美", "中欧", "中俄", "中新", "中法", "中英", "中外"})
_BRACKETS = {"(": ")", "（": "）"}
_PROJECT_AFTER = re.compile(f"(?:、[{L.CJK}A-Za-z0-9]{{2,14}}?)*"    # the rest of a list: X园、Y基地等重点项目
                            r"(?:等|的)?(?:重点|重大|新建|在建)?(?:生产基地|研发基地|制造基地|基地)?(?:建设)?(?:项目|工程)")
# the words between a list's 等 and its head noun never hold a preposition: 等与企业融资相关的举措 is no firm list
_LIST_FILLER_STOP = "与和及对为向在将把被从让由"
_PERSON_LIST = re.compile(f"({'|'.join(L.PERSON_LIST_HEADS)})((?:[{L.CJK}·]{{2,5}}、)+[{L.CJK}·]{{2,5}})等")
_OWNERSHIP_WORDS = ("全资", "控股", "旗下", "下属", "的")
_LEGAL_SUFFIXES = frozenset({"有限公司", "股份有限公司", "有限责任公司"})
_LANDFORM_CHARS = frozenset("湖荡河江溪泉潭塘滩湾岛屿峰岭山洲")
_SPEECH_ADVERBS = frozenset("却也还则更就又均都曾仍便亦")
_ORG_END_CHARS = frozenset("部局委厅处办院所司科室组队会社团校站馆行")   # 宣传部部长: a department, not a name
_NAME_FINAL_ADVERBS = frozenset("正也还就又都却便曾已将")
_AFTER_ADVERB = frozenset("与在和对向把被为从给跟同要能会是")
# a weak firm name followed by 、 is a firm when the list it opens goes on to another such name or to 等
_WEAK_LIST = re.compile(f"(?:、[{L.CJK}]{{2,8}})+?(?:等|在|申报|科创板|上市|成为|入选|获评|过会)")
# characters of PERSON_NEXT that open a verb after a name (说, 表示, 强调) but also end given names (志强, 国强):
# they end a name unless the verb is there
_VERB_INITIALS = frozenset("说表介告透指认坦强称谈提解回感补")
_NAME_THEN_VERB = ("说", "表示", "表态", "介绍", "告诉", "告知", "透露", "指出", "指导", "认为", "坦言", "强调", "强化", "称",
                   "谈", "提出", "提到", "提醒", "解释", "回忆", "回答", "感慨", "感叹", "感谢", "补充")
_TEAM_CHARS = frozenset("队")
_LONE_GIVEN = frozenset("强")
_STRONG_WORDS = ("强调", "强化", "强力", "强度", "强大", "强烈", "强劲", "强省", "强市", "强区", "强县", "强国", "强链", "强企",
                 "强基", "强项", "强者", "强势", "强制", "强有力")
_LIST_PUNCT = frozenset("、，,。；;")
# titles written after a national leader's name (某某某总书记)
_LEADER_TITLE = re.compile("总书记|总理|国家主席")
# what follows a person's name after a role: the list goes on, or the person attends, speaks or leads
_AFTER_A_NAME = ("、", "，", ",", "。", "出席", "主持", "参加", "陪同", "一行", "致辞", "讲话", "会见", "调研", "等",
                 "表示", "介绍", "指出", "强调", "分别")
_DESCRIBED_PERSON = re.compile(f"(?:的|商|人)([{L.CJK}]{{3}})(?=创立|创办|投资|成立|带领|说|表示|介绍|认为)")
_PERSON_LIST_OPEN = re.compile(f"({'|'.join(L.PERSON_LIST_HEADS)})((?:[{L.CJK}]{{2,3}}、)+[{L.CJK}]{{2,3}})"
                               r"(?=[，。；,;\n]|$|参加|出席|陪同|参与|一同|共同|分别|先后|等)")
# words of an office in a chain of roles (党工委委员、管委会副主任X): no organisation's name
_OFFICE_WORDS = re.compile("委员|常委|书记|主任|党工委|管委会|工委")
# a personal name in Latin script: given name and family name, capitalised (John Smith, Anna-Lena Berg)
_LATIN_PERSON = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}(?![A-Za-z])")
# A、B、C等市级领导 / A、B、C3位企业家: a list of names closed by a word for people
_PERSON_LIST_TAIL = re.compile(f"((?:[{L.CJK}]{{2,3}}、)+[{L.CJK}]{{2,3}})(?:等[^，。；、,;\n]{{0,12}}?|[0-9一二三四五六七八九十]+位)"
                               "(?:领导|企业家|嘉宾|专家|院士|代表)")
# what follows a list of projects brought into a park: A、B等N个项目|相继落地 / 签约落户 / 正式入驻
_BROUGHT_AFTER = re.compile("(?:相继|先后|陆续|已经|已|均|都|也|正式|成功|集中|纷纷|顺利){0,2}(?:签约)?(?:落地|落户|入驻|签约|投产|开工)")
_INCLUDING_LIST = re.compile(f"(?:其中包括|其中有|包括|例如|比如)((?:[{L.CJK}A-Za-z0-9·]{{2,12}}、)+[{L.CJK}A-Za-z0-9·]{{2,12}})等[。；，]")
# a list closed by 等: A、B、C等 (items of up to 12 characters, the first one may start inside its clause)
_SIBLING_LIST = re.compile(f"((?:[{L.CJK}A-Za-z0-9·]{{2,16}}、)+[{L.CJK}A-Za-z0-9·]{{2,12}}?)等")
# a party committee's departments: bodies when named with their committee (X党工委宣传部), else part of a role
_PARTY_DEPARTMENTS = frozenset({"统战部", "宣传部", "组织部"})
# a rank or a kind before an institute's suffix: 国家级|博士后工作站, 省级|企业技术中心, 高水平|研究型大学
_RANK_QUALIFIER = re.compile(r"(?:国家级|省级|市级|区级|县级|部级|高水平|一流|研究型|应用型)")
# park suffixes ending in 园区, a word that stops a name's left edge when it stands alone
_AREA_PARK_SUFFIXES = tuple(sorted({s_ for s_, c_ in L.SUFFIXES if c_ is EntityClass.PARK and s_.endswith("园区")},
                                   key=len, reverse=True))
_CLAUSE_BREAKS = frozenset("，。；：！？、“”\n ")
# NAME，ORGANISATION / NAME是ORGANISATION的 (then a role), matched at a clause start
_APPOSITION = re.compile(f"([{L.CJK}]{{2,3}})(?:[，,]|是)([{L.CJK}A-Za-z0-9（）()]{{4,30}})")
# the end of a registered firm name inside a longer run (the last one), and suffixes that legitimately follow one
_INNER_LEGAL_END = re.compile(r"(?:股份有限公司|有限责任公司|有限公司)(?=[^）)])(?!.*(?:股份有限公司|有限责任公司|有限公司))")
_BRANCH_SUFFIXES = frozenset({"分公司", "子公司", "分行", "支行", "分厂", "办事处", "分院", "分中心", "分部"})
_BRAND_MAX_FREQUENCY = 100   # jieba's dictionary counts: 阿里巴巴 82 and 京东 70 are brands, 联想 1393 a verb


def _brand_word(w: str) -> bool:
    """``w`` can be a brand: not made of common words only, or a rare two-character dictionary word (远帆, 星河:
    brands are often words; 电路, 智能 are too frequent to be one)."""
    return not words.is_generic_phrase(w) or (len(w) == 2 and words.frequency(w) < 2 * _BRAND_MAX_FREQUENCY)
# 与X深化合作, 与X开展战略合作: words between a partner's name and 合作 that are not part of the name
_COOPERATION_ADVERBS = "深化|加强|强化|开展|展开|进行|达成|建立|推进|深入|深度|全面|战略|紧密|长期|密切|务实|持续"
_ASPECT_WORDS = re.compile("方面|领域|环节|形式|方式|渠道|措施|举措|内容|手段")
_WEAK_SLOT = re.compile(f"(?:(?<=[、，。；：“\n与和及由的])|(?<=企业)|(?<=公司)|^)([{L.CJK}]{{2,4}}("
                        + "|".join(sorted(map(re.escape, L.WEAK_COMPANY_SUFFIXES), key=len, reverse=True))
                        + "))(?=与|和|在|落户|入驻|是|为|签|投资|增资|扩产|已|将|正式|成功|获|共建|联合|合作|提供|项目)")
_IPO_NAME = re.compile(f"(?<=[，。；：、“\n])([{L.CJK}]{{2,6}}?)(?:在|于|成功|正式)?(?:创业板|科创板|主板|新三板|北交所|港交所|"
                       "上交所|深交所|(?:申报|登陆|冲刺)(?:创业板|科创板|北交所))")
_NUMBERED_SLOGAN = re.compile("[一二三四五六七八九十两][^一二三四五六七八九十两]{1,3}[一二三四五六七八九十两]")
_NUMERALS = frozenset("一二三四五六七八九十零〇百千万")
# laboratory/centre ranks: place + one of these is a designation (省工程实验室), not a name
_DESIGNATION_SUFFIXES = frozenset({"重点实验室", "工程实验室", "研究中心", "创新中心", "检测中心"})
_RANK_WORDS = frozenset({"国家", "国家级", "省级", "市级", "部级", "区级", "省部共建", "省重点", "市重点", "国家地方联合"})
# brand-less firm words: 上市有限公司, 该有限公司
_GENERIC_BRANDS = frozenset({"上市", "挂牌", "合资", "外资", "民营", "国有", "控股", "投资", "子", "分", "母", "总"})
# stop characters that may sit inside a word (成都, 大数据, 以色列); punctuation and 的/在 always stop
_BYLINE_BRACKET = re.compile(r"[（(](?:本报|特派|驻\w{1,6})?(?:记者|通讯员|实习生|摄影|编辑|受访者|受访单位|图片|图|来源)"
                             r"[^（()）]*[)）]$|[（(][^（()）]{0,12}(?:供图|摄|图)[)）]$")
_ALIAS_BRACKET = re.compile(r"[（(](?:以下简称|以下称|下称|简称)[^（()）]*[)）]$")
# a qualifier inside a name: 星澜(上海), 浙江中丹(嘉兴), 山西(岳重), 高端食品(药品), 云岚之星（东州·海洋园）
_QUALIFIER_BRACKET = re.compile(f"[（(][{L.CJK}A-Za-z0-9·]{{1,10}}[)）]$")
# time words before a name: 3个月期间|高新区, 继上月|高新区, 今年以来|
_TIME_LEFT = re.compile(r"(?:(?:[0-9０-９一二三四五六七八九十两]+个?|[继自]?(?:上|本|当|下|今|去))"
                        r"(?:年度|年|月|季度|周|旬)(?:份|初|底|末|中)?(?:期间|以来|以后|之后|之前|里|内)?|期间|以来|之际)")
# superlatives before a planned name: 打造全球首个|零碳产业园
_FIRST_OF = re.compile(r"(?:全球|全国|全省|全市|国内|世界|亚洲|国际|中国)?(?:首个|首家|首座|第一个|唯一|一个|首批)")
_QUALITY = re.compile("一流|高水平|现代化|国际化|创新型|一批|示范性|高质量|全国|全省|各类|国家级|省级")
_COUNT_IN = re.compile(r"[0-9一二两三四五六七八九十百千几多数]+(?:个|座|家)")
# 甲经开区同|乙高新区: a park and the conjunction before another park's name
_PARK_AND = re.compile("(?:%s)(?:同|与|和|及|跟|、)" % "|".join(
    sorted((re.escape(s_) for s_, c_ in L.SUFFIXES if c_ is EntityClass.PARK), key=len, reverse=True)))
# verbs of siting that the dictionary tags as nouns (选址|某某产业园)
_SITE_VERBS = frozenset({"选址", "迁址", "落址", "定址", "择址"})
_ENUM_BRACKET = re.compile(r"[(（][一二三四五六七八九十0-9]{1,3}[)）]$")
# a park named only by what it is about (绿色低碳示范园): the dictionary's tags of common words (no ns/nr/nz/j: places,
# people, proper nouns and abbreviations name things); science cities and high-tech zones keep their names
_DESCRIPTIVE_TAGS = frozenset({"n", "a", "b", "v", "vn", "an", "ad", "d", "f", "m", "q", "l", "i"})
_NAMED_PARK_SUFFIXES = frozenset({"高新区", "高新技术产业开发区", "经济技术开发区", "经开区", "开发区", "经济开发区",
                                  "科技城", "科学城", "新区", "新城", "综合保税区", "保税区", "综保区"})
# parks a firm builds and names after itself (甲岳包装产业园), and the words between its brand and the suffix
_BRAND_PARK_SUFFIXES = ("产业园区", "产业园", "工业园区", "工业园", "科技园区", "科技园", "智造园")
_PARK_TOPIC_WORDS = tuple(sorted(set(L.FIRM_INDUSTRY_WORDS) | L.PROJECT_MODIFIERS | set(
    "材料 冷链 包装 建材 医养 信创 正极 负极 钢结构 装配式 建筑 机器人 农业机械 功能 中小微 创业 产业 大数据 光伏 半导体 集成电路"
    .split()), key=lambda w: (-len(w), w)))
# words that qualify what a park is about, not a firm's trade (甲岳|绿色…产业园, 乙芯|智能制造产业园)
_QUALIFYING_WORDS = frozenset("""高端 先进 新型 绿色 智能 现代 国际 智慧 数字 低碳 零碳 生态 综合 创新 科技 产业 功能 创业
中小微 特色 高新 未来 循环 清洁 总部 配套 精密""".split())
_ALL_CJK = re.compile(f"[{L.CJK}]+")
# 三大片区, 十大专业产业园: a count of parks, not a name
_COUNT_OF = re.compile("[一二三四五六七八九十两几数多]大")
# bodies named by their level alone (市委, 省政府, 区人大常委会) are entities when the text says so
_BARE_LEVELS = frozenset({"省", "市", "区", "县", "州", "镇", "自治区"})
_BARE_COMMITTEES = frozenset({"市委", "省委", "区委", "县委", "市委办", "省委办", "区委办", "县委办", "自治区党委"})
_BARE_BODIES = _BARE_COMMITTEES | {"政府", "人民政府", "人大常委会", "政协", "政府办", "科委", "经信委",
                                   "商务局", "发改委", "金融办", "招商办", "外事办", "合作交流办", "投促中心",
                                   "行审局", "科技局", "工信局", "财政局", "统计局", "商务厅", "科技厅", "工信厅"} | {
    # 市招商局局长X, 省发展改革委主任Y, 省台办主任Z: every bureau, commission and office of the lexicon
    sf for sf, c_ in L.SUFFIXES if c_ is EntityClass.GOVERNMENT_BODY and len(sf) >= 3 and sf.endswith(("局", "厅", "委", "办"))
    and "工委" not in sf     # 区党工委 is the park's (its 党工委), not a district's
} | {"台办", "侨办", "教委", "农委", "建委", "商委"}
_UNIT_CHARS = frozenset("吨台套件片辆条头只株亩")
_AMOUNT_CHARS = frozenset("0123456789０１２３４５６７８９.万亿千百十")
_AMOUNT_START = re.compile(r"(?:超|近|约|逾|总)?[0-9０-９.一二三四五六七八九十百千两]+(?:亿|万)元?|(?:超|近|约|逾|总)?[0-9０-９.]+元")
# a group word after a Fortune short name (某汽集团), and the trades a member firm adds to it (某车环境)
_GROUP_WORD = re.compile("集团公司|集团|公司(?!司)")
_FIRM_INDUSTRY_BY_LENGTH = tuple(sorted((w for w in L.FIRM_INDUSTRY_WORDS if "公司" not in w and "集团" not in w
                                        and w != "国际"),      # (某国海油|国际研发中心: a facility's name)
                                       key=len, reverse=True))
# a government body's suffix inside a longer name (某区投资促进局|某新区…管委会)
_BODY_INSIDE = re.compile("(?:局|厅|管委会|委员会|人民政府)(?=[\u4e00-\u9fff]{2})")
# what may not follow a listed company's short name: the rest of a phrase or place name (某国动力|之都, 某国动力|谷)
_LISTED_NOT_END = re.compile(r"之|文化|新片区|片区|谷|城|港|小镇")
_MEMBER_TRADES = frozenset(_FIRM_INDUSTRY_BY_LENGTH)
# a pilot free trade zone and its area: 中国(某省)自由贸易试验区某城片区, 某省自贸试验区某城片区
_FREE_TRADE_ZONE = re.compile(r"(?P<zone>自由贸易试验区|自贸试验区)(?P<area>[\u4e00-\u9fff]{2,4}?(?:新片区|片区))?")
_CHINA_BRACKETED = re.compile(r"中国[(（]([\u4e00-\u9fff]{2,3})[)）]$")
# a region word heading a name written with its place in brackets (西部(某庆)科学城)
_REGION_HEADS = frozenset("东部 西部 南部 北部 中部 东北 西北 西南 东南 华东 华南 华北 华中 西南部".split())
_CLOUD_AFTER = re.compile(r"数据中心|工业互联网|创新中心|基地|总部|项目|落户|入驻|在|与|和|的|[，。；、]")
_PARK_BEFORE = re.compile("(?:园区|高新区|开发区|经开区|产业园|科技园|示范区|科技城)$")
_PARK_INSIDE = re.compile("高新区|开发区|经开区|新区|园区|产业园|示范区|新城|保税区")
# suffixes that are also the end of common words (招商会, 行业 after 分, 工作站 after 加油): checked against the
# segmentation of the name's last characters
_WORD_SUFFIXES = frozenset({"商会", "协会", "联合会", "联盟", "基金", "母基金", "工作站", "智库", "实验室", "分行",
                            "支行", "新城", "新区", "片区", "分区", "集中区", "工业区", "产业区", "芯谷", "交易中心",
                            "技术中心", "政协"})
# words that classify the firm named right after them, and what a name may go on with after 企业
_FIRM_CLASSIFIER = re.compile("企业|企業|品牌")
_ENTERPRISE_TRADES = ("管理", "發展", "发展", "服务", "服務", "咨询", "諮詢", "孵化", "家", "联合", "聯合", "股份", "集团", "集團",
                      "控股", "信用", "征信", "策划", "营销", "形象", "文化", "培训", "运营", "质量", "融资", "担保", "科技",
                      "技术", "信息", "管家", "顾问", "设计", "策劃", "國際", "国际")
# lists of projects: 开工项目6个：A、B、C； / 集中签约A、B等44个项目 / 以A、B为龙头
_LIST_ITEM = f"(?:(?!等)[{L.CJK}A-Za-z0-9·]){{2,14}}"
_COLON_LIST = re.compile(f"(?:[0-9一二三四五六七八九十]+个(?:[^，。；、:：]{{0,4}}项目)?[:：]|"
                         f"[0-9一二三四五六七八九十]+个[^，。；、:：]{{0,4}}项目(?:为|是|分别为|分别是|包括)[:：]?|"
                         f"项目(?:有|包括|为|分别是|分别为)?[:：])"
                         f"(?P<items>(?:{_LIST_ITEM}、)+{_LIST_ITEM}(?:[和及]{_LIST_ITEM})?)(?=[；;。\n]|等|$)")
# 签约项目3个，分别为：A、B、C，…: a counted list of projects, then its items up to the clause's end
_COUNTED_COLON_LIST = re.compile(f"项目[0-9一二三四五六七八九十]+个[，,](?:分别为|分别是|包括)[:：]"
                                 f"(?P<items>(?:{_LIST_ITEM}、)+{_LIST_ITEM}(?:[和及]{_LIST_ITEM})?)(?=[，,；;。\n]|$)")
_VERB_LIST = re.compile(f"(?:集中|现场|成功|分别)?(?:签约|开工|竣工|投产|落户|引进|签下|入驻|有|包括)(?:了)?"
                        f"(?P<items>(?:{_LIST_ITEM}、)+{_LIST_ITEM})等(?:[0-9一二三四五六七八九十百]+[个家批]|"
                        f"项目[0-9一二三四五六七八九十百]+个)")
# what follows a firm's name in a project item: 岳多供电|生产线项目, 云岚汽车零部件集成基地, 星澜新航东州项目三期
_ITEM_TAIL = re.compile("(?:生产线|基地建设|集成基地|研发生产基地|生产基地|基地|总部|研发中心|建设|扩建|技改|"
                        "项目|[一二三四五]期)+$")
_LEAD_LIST = re.compile(f"以(?P<items>(?:{_LIST_ITEM}、)*{_LIST_ITEM})(?:等)?为(?:龙头|代表|核心|引领|主导|主体|骨干)")
# a project named after its investment, wherever it stands: 总投资N亿元的X…项目
_INVESTED_PROJECT = re.compile(f"(?<=元的)([{L.CJK}A-Za-z0-9·]{{2,24}}?)(二期|三期|一期)?项目")
# a unit of an academy or a university: 中科院|某某所, 某某大学|岩土所 (not 所有, 所在…; not 派出所, 事务所)
_UNIT_OF_INSTITUTE = re.compile(f"([{L.CJK}]{{1,6}}?)(?<!派出)(?<!事务)(?<!指挥)(?<![场住诊厕会])所(?![有属在以需谓得致长])")
# a counted list of projects named by brand and output: 甲某50MW分布式光伏、乙某年产3万吨硫酸钾等3个项目
_COUNTED_END = re.compile(L.COUNTED_PROJECTS_END)
# verbs that park and body names use as nouns (自主创新示范区, 产城融合示范区, 投资促进局, 动能转换示范区)
_NOMINAL_VERBS = frozenset({"创新", "促进", "修复", "联动", "加速", "协同", "融合", "发展", "合作", "服务", "建设",
                            "投资", "管理", "开发", "自主", "转换", "示范", "孵化", "创业", "引领", "保障"})
# what a 示范区 that hosts firms is named for (产城融合, 高新技术产业, 科创, 综改, 自主创新, 合作, an industry)
_ZONE_WORDS = re.compile("产业|产城|高新|科创|科技|经济|工业|合作|综改|自主创新|动能转换|农业|物流|港|湾|开发|开放|贸易|保税|制造|"
                         "创新创业|数字|智能|航空|能源|医药|新材料")
_COUNTED_ITEMS = re.compile(r"(?:[^，。；、：:\n]{2,30}、)*[^，。；、：:\n]{2,30}")
_CLAUSE_MARKS = "，。；：:\n,;"
# the output of a project: X年产11万吨…项目 (the brand is before it)
_OUTPUT_OF = re.compile(r"年产(?:能)?|年加工|年处理|年生产|年回收|"
                        r"[0-9０-９.]+(?:万|亿)?(?:吨|GW|MW|GWh|平方米|套|台|件|片|辆|条|千瓦|兆瓦|头|只)")
# a project in a list or a clause of its own: X…项目、 / ：X…项目、 / 及X…总部
_PROJECT_ITEM = re.compile(f"(?:(?<=[、，,：:；;“\n及和。！？])|(?<=元的)|(?<=分别为)|(?<=分别是)|(?<=包括)|^)"
                           f"([{L.CJK}A-Za-z0-9·/]{{2,24}}?)(二期|三期|一期)?"
                           r"(?:项目|(?:区域|第二|运营|研发)?总部(?:项目)?)(?=[、，,。；;等及和”]|也|已|正式|落户|落地|入驻|签约|开工|投产|总投资|总用地|占地|"
                           r"计划总投资|预计|达产|建成后|在|相继|先后|陆续|集中|均|完成|建成|现已|进入|加快|全面|"
                           r"[一二三四五]期|顺利|[(（][一二三四五]期|$)")
# a list item named by a firm's facility (甲岳北方信息中心、乙泰研发生产基地、): the owner is the firm (conventions)
_FACILITY_ITEM = re.compile(f"(?:(?<=[、：:；;])|(?<=开工建设)|(?<=集中开工)|(?<=集中竣工)|(?<=加快实施))"
                            f"([{L.CJK}]{{2,20}}?)(二期|三期|一期)?"
                            r"(?:生产基地|制造基地|研发基地|产业基地|装配基地|研发中心|数据中心|信息中心|运营中心|结算中心|"
                            r"区域总部|研发总部|总部|工厂)(?=[、，,。；;等及和])")
_COUNT_BEFORE = re.compile("(?:[0-9一二三四五六七八九十两几多]+|多|数|一批)[个项家批类]$")
_EVENT_AFTER = re.compile(f"[{L.CJK}]{{0,14}}?(?:洽谈会|博览会|交易会|展览会|交流会|推介会|论坛|峰会|航展|车展|展会|博会|年会|大赛|大会)")
# a country's name opening a set phrase, not a place of the article: 中国特色社会主义, 中国制造2025 (中国500强 is
# annotated as the country)
_NATIONAL_PHRASE = re.compile("特色社会主义|制造2025|式现代化|梦|航天日")
_FIRM_AFTER_COUNTRY = re.compile(f"([{L.CJK}]{{2,6}}?)(?:增资|投资|扩产|落户|入驻|签约|旗下|在华|董事长|总裁|总经理|首席)")
_FIRM_BEFORE = ("企业", "巨头", "龙头", "车企", "公司", "厂商")
_FIRM_VERB_AFTER = re.compile("(?:落户|投资|增资|扩产|旗下|集团|股份|全资|控股)")
# the subject of an investment verb, right after a descriptor of firms: 行业龙头——X投资…, 龙头企业X在P投资建设…
_SLOT_DESCRIPTOR = re.compile("(?:龙头企业|领军企业|头部企业|独角兽企业|链主企业|上市公司|跨国公司|外资企业|龙头|巨头|"
                              "隐形冠军|独角兽|领军者|领导者|引领者|企业)(?:——|—|-|，|,)?|——|—")
_SLOT_NAME = re.compile(f"([{L.CJK}A-Za-z0-9·]{{2,10}}?)(?=(?:已|将|也|还|正式|成功|计划|拟|再次|追加|继续|首次|又)*"
                        r"(?:在[^，。；：、]{2,20}?)?(?:投资|增资|扩产|落户|入驻|投建|布局|设立|落地|扎根|签约))")
# common nouns that follow a place without naming a firm (某市企业, 某省人民, 某地经济)
_PLACE_NOUNS = frozenset("企业 基地 市场 地区 产业 经济 政府 人民 市民 工厂 项目 公司 集团 城市 区域 园区 片区 人才 "
                         "市委 省委 特色 发展 文化 旅游 农业 工业 本地 当地 方面 团队 代表 队伍 客商 商会".split())
_PLAN_AFTER = re.compile("(?:建设|发展|总体|产业)?(?:规划|方案|纲要|意见|办法)")
_ABBR_LIST = re.compile("([%s])((?:、[%s])+)(?=等|[^%s]|$)" % ("".join(L.PROVINCE_ABBREVIATIONS),
                                                         "".join(L.PROVINCE_ABBREVIATIONS), L.CJK))
_ADMIN_SUFFIXES = ("管理委员会", "管委会", "党工委")
_SOFT_STOP_CHARS = frozenset(L.LEFT_STOP_CHARS) - set("的在，。、；：！？“”‘’《》「」『』（）()【】…—-,.;:!?\"' \n\t")


# jieba tags of surname characters that, standing alone, are clause words (和, 但, 于, 曾 as 曾经)
_FUNCTION_SURNAME_TAGS = frozenset({"c", "p", "d", "r", "u"})
_COMMON_NOUN_TAGS = frozenset({"n", "vn", "v", "a", "d", "r", "t", "s", "f", "l", "i", "ng"})
_CLAUSE_TAGS = frozenset({"c", "p", "d", "r", "u", "uj", "ul", "ud", "ug", "uv", "uz"})


_CLAUSE_LEADERS = tuple(sorted(L.PROJECT_VERBS | {"成功", "累计", "先后", "陆续", "相继", "已经", "盘活", "吸引", "助推", "带动",
                                                 "帮助", "依托", "培育出", "拥有", "聚集", "集聚", "汇聚", "招引了", "引进了",
                                                 "引入了", "吸引了", "包括"}, key=len, reverse=True))


def _everyday_word(name: str) -> bool:
    """A listed company's short name that is one everyday dictionary word (起步, 太阳能, 老百姓): not matched alone.
    Names the dictionary knows as names (tagged nz, nt, j, nr) stay unless very common (新华网)."""
    n = words.frequency(name)
    if n < 20:
        return False
    return n >= 100 or words.tag(name) not in ("nz", "nt", "j", "nr", "nrt")


def _strip_clause_words(text: str, s: int, e: int) -> int:
    """Drop the clause from the left of a list's first item: up to its last verb or adverb (P成功盘活|X新能源)."""
    cut = s
    for w in _CLAUSE_LEADERS:
        k = text.rfind(w, s, e - 2)
        if k > s and k + len(w) > cut and e - (k + len(w)) >= 2:     # 建设银行: a name may open with one
            cut = k + len(w)
    n = words.leading_function_words(text[cut:e])
    if n and e - (cut + n) >= 2:
        cut += n         # 充分发挥|某利耀能、…: verbs and adverbs before the first item
    return cut


def _crosses(toks: list[str], pos: int) -> bool:
    """A token of ``toks`` (a segmentation) starts before ``pos`` and ends after it."""
    return _crossing(toks, pos) is not None


def _crossing(toks: list[str], pos: int) -> str | None:
    """The token of ``toks`` (a segmentation) that starts before ``pos`` and ends after it, if any."""
    at = 0
    for tok in toks:
        if at < pos < at + len(tok):
            return tok
        at += len(tok)
        if at >= pos:
            return None
    return None


# a run of text without sentence punctuation is cut into pieces of at most this many characters, so that the
# per-sentence relation rules (pairs of mentions) stay linear in the length of the text
MAX_SENTENCE = 400
_SOFT_BREAKS = "，,、：: \t\u3000"


def _cut_long(start: int, end: int, text: str, out: list[Sentence]) -> None:
    pos = start
    while end - pos > MAX_SENTENCE:
        cut = pos + MAX_SENTENCE
        window = text[pos + MAX_SENTENCE // 2:cut]
        best = max(window.rfind(ch) for ch in _SOFT_BREAKS)
        if best != -1:
            cut = pos + MAX_SENTENCE // 2 + best + 1     # after a comma or space in the second half
        if text[pos:cut].strip():
            out.append(Sentence(pos, cut))
        pos = cut
    if text[pos:end].strip():
        out.append(Sentence(pos, end))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences at sentence punctuation and line breaks; no sentence is longer than ``MAX_SENTENCE``."""
    out: list[Sentence] = []
    pos = 0
    for m in L.SENTENCE_END.finditer(text):
        end = m.end()
        if text[pos:end].strip():
            _cut_long(pos, end, text, out)
        pos = end
    if text[pos:].strip():
        _cut_long(pos, len(text), text, out)
    return out


class EntityFinder:
    """Finds candidate mentions; one instance per process (holds the compiled gazetteers)."""

    def __init__(self, gaz: Gazetteer | None = None):
        self.gaz = gaz or Gazetteer.load()
        terms: dict[str, tuple] = {}
        for name, code in self.gaz.place_names.items():
            if len(name) >= 2:
                terms[name] = ("place", self.gaz.places[code])
        for name, entry in self.gaz.park_names.items():
            terms[name] = ("park", entry)
        for name, code in self.gaz.weak_place_names.items():
            if name not in terms and name not in self.gaz.place_names:
                terms[name] = ("weakplace", self.gaz.places[code])
        for name, entry in self.gaz.fortune_names.items():
            # a Fortune short name that is also a place (中国) or too generic is left to the place list
            if name in terms or len(name) < 2:
                continue
            terms[name] = ("fortune", entry)
        # brands: 博世 for 博世集团, 马士基 for 马士基集团; a brand that is also a common word (联想, 美的, 小米, 招商局)
        # or a place is left out (frequency in jieba's dictionary)
        for name, entry in list(self.gaz.fortune_names.items()):
            for suffix in ("集团公司", "集团", "公司"):
                brand = name[:-len(suffix)]
                if name.endswith(suffix) and len(brand) >= 2:
                    if brand not in terms and brand not in self.gaz.fortune_names and not self.gaz.place(brand) \
                            and words.frequency(brand) < _BRAND_MAX_FREQUENCY:
                        terms[brand] = ("fortune", entry)
                    break
        # A-share listed companies by their short names (迈瑞医疗, 北方华创), but not names that are everyday words
        # (起步, 太阳能), places, or parks and their heads (苏州高新 of 苏州高新区)
        parks = {n for n in self.gaz.park_names} | {n[:k] for n in self.gaz.park_names for k in range(3, len(n))}
        for name in self.gaz.listed:
            if len(name) >= 3 and name not in terms and not self.gaz.place(name) and name not in parks \
                    and not _everyday_word(name) and not (words.is_generic_phrase(name) and not any(
                        name.endswith(w) and len(name) > len(w) for w in L.FIRM_INDUSTRY_WORDS)):
                terms[name] = ("listed", name)
        for name, official in self.gaz.gov_bodies.items():
            cls = EntityClass.INSTITUTE if official.endswith(("科学院", "工程院")) else EntityClass.GOVERNMENT_BODY
            terms[name] = ("gov", (cls, official))
        self.matcher = DictMatcher(terms)
        suffixes = sorted(L.SUFFIXES, key=lambda x: -len(x[0]))
        self.suffix_cls = dict(suffixes)
        # 区委办 (the committee's office) but not the 区委 of 区委办公室, which 办公室 names
        self.suffix_re = re.compile("|".join(re.escape(s) + ("(?!公)" if s.endswith("委办") else "") for s, _ in suffixes))
        self.role_re = re.compile("|".join(re.escape(r) for r in L.PERSON_ROLES))
        self.left_stop_words = L.LEFT_STOP_WORDS
        # multi-character left stop words by length, for a set lookup per length at each position
        by_len: dict[int, set[str]] = {}
        for w in L.LEFT_STOP_WORDS:
            if len(w) > 1:
                by_len.setdefault(len(w), set()).add(w)
        self._stop_words_by_len = tuple(sorted((n, frozenset(ws)) for n, ws in by_len.items()))
        surnames = sorted(self.gaz.surnames, key=len, reverse=True)
        self.surname_re = re.compile("|".join(surnames))

    # ------------------------------------------------------------------ helpers
    def extend_left(self, text: str, pos: int, limit: int = 24, floor: int = 0) -> int:
        """Leftmost start of a name whose head ends at ``pos`` (exclusive scan leftwards)."""
        i = pos
        depth = 0
        while i > floor and pos - i < limit:
            ch = text[i - 1]
            if ch in ")）":
                if depth == 0 and _BYLINE_BRACKET.search(text, max(floor, i - 40), i):
                    break        # （记者…）: a byline, not a qualifier inside the name
                if depth == 0 and _ENUM_BRACKET.search(text, max(floor, i - 5), i):
                    break        # （一）X工业园: an enumeration mark, not a qualifier of the name
                if depth == 0 and _ALIAS_BRACKET.search(text, max(floor, i - 40), i):
                    break        # X公司（以下简称“Y”）正式进驻P: the alias closes the firm's clause
                if depth == 0 and i - 1 - max(floor, i - 12) >= 0 and not _QUALIFIER_BRACKET.search(
                        text, max(floor, i - 12), i):
                    break        # a bracket of more than a short qualifier (…（下同）, long asides) is no name part
                depth += 1
                i -= 1
                continue
            if ch in "(（":
                if depth == 0:
                    break
                depth -= 1
                i -= 1
                continue
            if depth:
                i -= 1
                continue
            if any(i - n >= floor and i - n >= 0 and text[i - n:i] in ws for n, ws in self._stop_words_by_len):
                break        # a stop word ends here (checked before the stop characters: 投资方为|X公司, where 为
                #              alone would be read inside a word)
            if ch in L.LEFT_STOP_CHARS:
                if ch == "是" and self._name_opens_clause(text, i - 1, floor):
                    break        # 王建国是X公司的董事长: 国是 is a word, but here 是 follows a person's name
                # a stop character inside a noun or place name (成都, 大数据, 以色列, 共和国) does not stop
                a = self._word_around(text, i - 1, floor, pos) if ch in _SOFT_STOP_CHARS else None
                if a is None:
                    break
                i = a
                continue
            if not (_CJK_RE.match(ch) or ch.isalnum() or ch == "·"):
                break
            i -= 1
        # drop leading characters that belong to the clause
        while i < pos and text[i] in L.BAD_NAME_START:
            i += 1
        return i

    def _registered_across(self, text: str, start: int) -> int:
        """A registered name whose brand holds 和 or 联合 (吉林某和|精细化工股份有限公司, 某电某谷联合|控股有限公司): the
        left edge stopped there goes on to the clause mark before it when the run opens with a province or city and
        a short brand (和), or is a short brand of its own (联合); 甲公司和|乙有限公司 stays two names."""
        stop = 1 if text[start - 1:start] == "和" else 2 if text.endswith("联合", 0, start) else 0
        if not stop or start - stop <= 0:
            return start
        s2 = self.extend_left(text, start - stop, limit=8)
        run = text[s2:start - stop]
        if s2 > 0 and text[s2 - 1] not in "，。、；：:\n的与和及（(“" or not 2 <= len(run) <= 6 \
                or re.search("公司|集团|政府|委|局|区|园|企业", run) or words.leading_function_words(run):
            return start
        if stop == 1:
            home = next((n for n in (3, 2) if (p := self.gaz.place(run[:n])) is not None and p.level in (1, 2)), 0)
            return s2 if home and 1 <= len(run) - home <= 3 else start
        return s2 if not self.gaz.place(run) and not words.is_generic_phrase(run) and len(run) <= 4 else start

    def _name_opens_clause(self, text: str, k: int, floor: int) -> bool:
        """A 2-3 character personal name (a known surname first) ends right before ``text[k]`` and opens its
        clause."""
        for n in (3, 2):
            s = k - n
            if s >= floor and s >= 0 and self.surname_re.match(text, s, s + 2) and (
                    s == 0 or text[s - 1] in _CLAUSE_BREAKS) and all(_CJK_RE.match(c) for c in text[s:k]):
                return True
        return False

    def _word_around(self, text: str, k: int, floor: int, pos: int) -> int | None:
        """Start of the longest dictionary noun or place (2-4 chars) covering ``text[k]`` inside [floor, pos)."""
        best = None
        for a in range(max(floor, k - 3), k + 1):
            for b in range(min(pos, a + 4), max(k + 1, a + 2) - 1, -1):
                w = text[a:b]
                if len(w) >= 2 and w not in L.LEFT_STOP_WORDS and (self.gaz.place(w) or words.is_content_word(w)):
                    if best is None or a < best:
                        best = a
                    break
            if best is not None:
                break
        return best

    def trim_left(self, text: str, start: int, head: int) -> int:
        """Drop what belongs to the clause from the left of a name: 世界500强, verbs, function words."""
        cue = _CUE_PREFIX.match(text, start, head) or L.HONOUR_PREFIX.match(text, start, head)
        if cue:
            start = cue.end()
        for tm in _TIME_LEFT.finditer(text, start, head):
            start = tm.end()          # 3个月期间高新区的同志: the time phrase belongs to the clause
        for fm in _FIRST_OF.finditer(text, start, head):
            start = fm.end()          # 全球首个零碳产业园: a superlative, then the (generic) name
        for cm in _COUNT_IN.finditer(text, start, head):
            start = cm.end()          # 黄羊两个工业园区: a count, then a kind of park
        amount = None
        for amount in _AMOUNT.finditer(text, start, head):
            pass
        if amount is not None:
            start = amount.end()   # 总投资近30亿元广清产业园 -> 广清产业园
            if amount.group().endswith("日") and text[start:start + 1] in ("电", "讯"):
                start += 1         # a dateline: …5日电, …5日讯 ends before the name
        for pm in _PARK_AND.finditer(text, start, head):
            start = pm.end()          # 甲经开区同|乙高新区签约: two parks, the second named after the conjunction
        prefix = text[start:head]
        if prefix and not self.gaz.place(prefix[:2]) and not self.gaz.place(prefix[:3]):
            verb = words.leading_verb(prefix)
            if verb and any(self.gaz.place(prefix[verb:verb + k]) for k in (2, 3, 4)):
                return start + verb      # 升级蜀山国际产业园区: a verb, then the name from its place on
            # so after a common word before a country or province (代表|中国政府, 领导|中国科学院: the dictionary
            # tags these verbs as nouns); before a city it may be a brand's abbreviation (X建|某市院)
            word = words.leading_common_word(prefix)
            if word and any((p_ := self.gaz.place(prefix[word:word + k])) is not None and p_.level <= 1
                            for k in (2, 3, 4)):
                return start + word
            n = words.leading_function_words(prefix, keep=_KEEP_WORDS)
            # a name keeps at least two characters before its suffix: 瑞邦集团 is not 瑞 + 邦集团 (when nothing is
            # left, 牵涉多个政府, the suffix had no name at all)
            if len(prefix) - n >= 2 or n == len(prefix) or n >= 2:
                start += n       # (a run of two or more clause characters goes even when one is left: 不断提高|新区)
            if not n:
                start = self._restart_at_place(text, start, head)
        return start

    def _restart_at_place(self, text: str, start: int, head: int) -> int:
        """双方同|法国政府, 他们向|东岭集团: after a preposition, conjunction, pronoun or verb inside the run before
        a name, the name starts again at a place name."""
        pos, cut = start, start
        for tok in words.tokens(text[start:head]):
            pos += len(tok)
            t = words.tag(tok)
            if pos < head - 1 and (t in _CLAUSE_TAGS or (t in ("v", "vd") and len(tok) >= 2) or tok in _SITE_VERBS) \
                    and any(self.gaz.place(text[pos:pos + k]) for k in (2, 3, 4) if pos + k <= head):
                cut = pos
        return cut

    # ------------------------------------------------------------------ finders
    def _splits_words(self, text: str, s: int, e: int, right: bool = False) -> bool:
        """A short name matched across a word boundary (强生 in 加强生态, 白银 in 真金白银, 天等 in 蓝天等) is not a
        mention: a word of the surrounding text runs into it from the left. (Words running out of it to the right
        are common and harmless: 南关|区政府.)"""
        a = max(0, s - 3)
        pos = a
        for tok in words.tokens(text[a:min(len(text), e + 2)]):
            end = pos + len(tok)
            if pos < s < end or (right and s < pos < e < end):
                return True
            if pos >= e:
                break
            pos = end
        return False

    def _surname_start(self, text: str, s: int, e: int, entry) -> bool:
        """王东兴有…: a county's short name right after a surname that opens a clause is a person's given name."""
        if entry.level != 3 or text[s:e] == entry.name or s < 1 or text[s - 1] not in self.gaz.surnames:
            return False
        return s == 1 or not _CJK_RE.match(text[s - 2])

    def _after_other_city(self, text: str, s: int, entry) -> bool:
        """A county's short form right after a province or city that does not contain it (武汉|东湖: 东湖区 is in
        another province)."""
        for k in (2, 3, 4):
            up = self.gaz.place(text[max(0, s - k):s]) if s - k >= 0 else None
            if up is not None and up.level in (1, 2):
                return not self.gaz.contains(up, entry)
        return False

    def _confirmed(self, text: str, s: int, entry) -> bool:
        """山东昌乐, 浙江嘉善: a county name read as a personal name too counts right after a place above it."""
        for k in (2, 3, 4, 5):
            up = self.gaz.place(text[max(0, s - k):s]) if s - k >= 0 else None
            if up is not None and self.gaz.contains(up, entry):
                return True
        return False

    def gazetteer(self, text: str) -> list[Cand]:
        out = []
        matches = list(self.matcher.finditer(text))
        # confirmed once (山东昌乐, or the full name 昌乐县 anywhere), a weak county name counts everywhere
        confirmed = {entry.code for s, e, (kind, entry) in matches if kind == "weakplace"
                     and (self._confirmed(text, s, entry) or entry.name in text)}
        for s, e, (kind, entry) in matches:
            if kind == "weakplace":
                if entry.code not in confirmed or self._splits_words(text, s, e, right=True):
                    continue
                kind = "place"
            # a county's short form must also end on a word boundary (惠民 in 惠民生)
            short_county = kind == "place" and entry.level == 3 and text[s:e] != entry.name
            if kind in ("place", "fortune") and e - s <= 3 and self._splits_words(text, s, e, right=short_county):
                continue
            if kind == "listed" and (self._splits_words(text, s, e, right=True) or self.suffix_re.match(text, e)
                                     or text[e:e + 1] in "队区园" or _LISTED_NOT_END.match(text, e)):
                continue     # 某某高新|区, 建设工业|园区, 中国动力|之都: part of a longer name or phrase
            if kind == "place" and self._surname_start(text, s, e, entry):
                continue
            if short_county and self._after_other_city(text, s, entry):
                continue     # 某汉|东湖高新区: a county elsewhere named like part of this city's name
            if short_county and text[e:e + 1] in _LANDFORM_CHARS:
                continue     # 祥符荡, 长兴岛: a lake, an island named like a county
            if kind == "place" and self._in_event_name(text, s, e):
                continue     # 第五届中国国际X博览会, 中国航展: an event's name, and events are no entities
            if kind == "place" and entry.level == 0 and _NATIONAL_PHRASE.match(text, e):
                continue     # 中国特色社会主义, 中国制造2025: a set phrase, no place
            if kind == "place":
                out.append(Cand(s, e, EntityClass.PLACE, "gazetteer", 1, place=entry))
            elif kind == "park":
                out.append(Cand(s, e, EntityClass.PARK, "gazetteer", 3, park=entry))
                out += self._leading_place(text, s, e)
            elif kind == "gov":
                out.append(Cand(s, e, entry[0], "gazetteer", 3, official=entry[1]))
                out += self._leading_place(text, s, e)
            elif kind == "listed":
                out.append(Cand(s, e, EntityClass.COMPANY, "listed", 2))
                out += self._leading_place(text, s, e)      # 某岛啤酒: the place it is named after
            elif text[e:e + 1] not in _TEAM_CHARS:     # 首钢队, 申花队: a sports team named after its sponsor
                group = _GROUP_WORD.match(text, e) if e - s <= 4 else None
                if group is not None:
                    e = group.end()          # 某汽集团: the short name and the group word name the same firm
                elif e - s <= 4:
                    trade = next((w for w in _FIRM_INDUSTRY_BY_LENGTH if text.startswith(w, e)), None)
                    if trade is not None:    # 某车环境: a member firm named by the group's short name and its trade
                        out.append(Cand(s, e + len(trade), EntityClass.COMPANY, "sub-brand", 2))
                out.append(Cand(s, e, EntityClass.COMPANY, "gazetteer", 2, fortune=entry))
                if e - s <= 3:
                    sub = self._sub_brand(text, e)
                    if sub:
                        out.append(Cand(s, sub, EntityClass.COMPANY, "sub-brand", 2))
        return out

    @staticmethod
    def _in_event_name(text: str, s: int, e: int) -> bool:
        """The place at text[s:e] opens the name of an event: after 第N届, or followed by 国际 or straight by the
        event word (中国航展), the name running on to 博览会, 洽谈会, 论坛, …."""
        m = _EVENT_AFTER.match(text, e)
        if m is None:
            return False
        return text[max(0, s - 1):s] == "届" or text.startswith("国际", e) or m.end() - e <= 4

    def group_members(self, text: str, cands: list[Cand]) -> list[Cand]:
        """X集团 named in the text: X + a brand of its own (X解放、, X大通总经理) is a member firm."""
        brands = {text[c.start:c.end - 2] for c in cands if c.cls is EntityClass.COMPANY and c.source == "suffix"
                  and text.endswith("集团", c.start, c.end) and 2 <= c.end - c.start - 2 <= 3}
        brands = {b for b in brands if not self.gaz.place(b) and not words.is_generic_phrase(b)}
        out = []
        if brands:
            for m in re.finditer("|".join(map(re.escape, sorted(brands, key=len, reverse=True))), text):
                sub = self._sub_brand(text, m.end())
                if sub:
                    out.append(Cand(m.start(), sub, EntityClass.COMPANY, "sub-brand", 2))
        return out

    def _sub_brand(self, text: str, e: int) -> int:
        """岳汽X、, 云汽X总经理, 星海云、: a group's short name with a brand of its own after it (a list item or a
        name before a role) names a member firm; the end of that name, else 0."""
        for k in (1, 2, 3, 4):
            run = text[e:e + k]
            if len(run) < k or not all(_CJK_RE.match(ch) for ch in run) or any(ch in L.LEFT_STOP_CHARS for ch in run):
                break
            if (k == 1) != (run == "云"):
                continue     # one character only for the cloud brands (星海云, 云岚云)
            after = e + k
            if not (text[after:after + 1] in ("、", "等") or self.role_re.match(text, after)
                    or (run == "云" and _CLOUD_AFTER.match(text, after))):
                continue     # (甲云数据中心, 甲云落户P: the cloud arm of a listed brand, named before what it builds)
            if run in L.INDUSTRY_WORDS or run in self.suffix_cls or self.role_re.match(run) \
                    or words.tag(run[0]) in _CLAUSE_TAGS or self.suffix_re.search(run) or run in L.LEFT_STOP_WORDS:
                return 0
            return after
        return 0

    def _leading_place(self, text: str, s: int, e: int) -> list[Cand]:
        """The place a gazetteer name starts with (西安 in 西安高新区, 中国 in 中国科学院): the longest match
        consumed it, but it is a mention of the place too."""
        for k in range(min(4, e - s - 1), 1, -1):
            entry = self.gaz.place(text[s:s + k])
            if entry is not None:
                if entry.level == 3 and text[s:s + k] != entry.name and self._after_other_city(text, s, entry):
                    return []     # 武汉|东湖高新区: not 东湖区, a district of another city
                return [Cand(s, s + k, EntityClass.PLACE, "gazetteer", 1, place=entry)]
        return []

    def suffixed(self, text: str, sentences: list[Sentence]) -> list[Cand]:
        out = []
        for m in self.suffix_re.finditer(text):
            suffix = m.group()
            cls = self.suffix_cls[suffix]
            start = self.extend_left(text, m.start())
            if cls is EntityClass.GOVERNMENT_BODY and start == m.start():
                # X产业园区管委会: 园区 stops a name's left edge elsewhere (bare 园区管委会); here it ends a park's name
                ps = next((p_ for p_ in _AREA_PARK_SUFFIXES if text.endswith(p_, 0, m.start())), None)
                park_start = self.extend_left(text, m.start() - len(ps)) if ps is not None else m.start()
                if ps is not None and park_start < m.start() - len(ps):
                    start = park_start
            # a name continues past a bracketed qualifier: 西安高新区(长安)
            end = m.end()
            if cls is EntityClass.PARK and suffix.endswith("园") and text.startswith("区", end) \
                    and not text.startswith(("区委", "区政府", "区长", "区域"), end):
                end += 1     # 某某物流园|区: the park's name is 某某物流园区
            if end < len(text) and text[end] in _BRACKETS:
                close = text.find(_BRACKETS[text[end]], end + 1, end + 8)
                if close != -1 and _CJK_RE.match(text[end + 1] or "") and cls is EntityClass.PARK:
                    inner = text[end + 1:close]
                    if self.gaz.place(inner) or self.gaz.place(inner + "区"):
                        end = close + 1
            across = self._registered_across(text, start) if cls is EntityClass.COMPANY and suffix in _LEGAL_SUFFIXES \
                else start
            start = across if across < start else self.trim_left(text, start, m.start())
            if cls is EntityClass.COMPANY and text[start:m.start()] in ("", "集团", "股份", "控股", "控股集团", "集团股份"):
                # 星岳建设集团(有限公司): a word that stops a name's left edge elsewhere (建设X产业园) is the firm's
                # industry here
                w = next((w for w in L.INDUSTRY_STOP_WORDS if text.endswith(w, 0, start)), None)
                if w is not None:
                    s2 = self.trim_left(text, self.extend_left(text, start - len(w)), start - len(w))
                    if start - len(w) - s2 >= 2 and not words.is_generic_phrase(text[s2:start - len(w)]):
                        start = s2
            if cls is EntityClass.GOVERNMENT_BODY:
                start = self._gov_start(text, out, start, m.start())
            elif cls is EntityClass.COMPANY and suffix in _LEGAL_SUFFIXES:
                # 在P新区X股份有限公司的展厅: a park named before a registered name is where it is, not its name
                for pm in _PARK_INSIDE.finditer(text, start, m.start()):
                    rest = text[pm.end():m.start()]
                    part = re.match(f"[{L.CJK}]{{1,6}}?(?:园区|园)", rest)
                    if part is not None and part.end() < len(rest) and words.is_generic_phrase(rest[part.end():]):
                        continue     # P高新区某智园|运营有限公司: a firm named after a part of the park, whole
                    if m.start() - pm.end() >= 4 and not self.gaz.place(text[pm.end():pm.end() + 2]) \
                            and not words.is_generic_phrase(rest):
                        start = pm.end()     # (X产业园运营管理有限公司: a firm named after the park, kept whole)
            inner = _INNER_LEGAL_END.search(text, start, m.start()) if cls is EntityClass.COMPANY else None
            if inner is not None and suffix not in _BRANCH_SUFFIXES:
                # X有限公司主动向Y公司…: one registered name ends inside the run; the next name starts after it
                start = self.trim_left(text, inner.end(), m.start())
                # …有限公司主动向|Y公司: the clause up to the last preposition before Y goes too
                pos = start
                for tok in words.tokens(text[start:m.start()]):
                    pos += len(tok)
                    if words.tag(tok) == "p" and m.start() - pos >= 2:
                        start = pos
                        break
            if cls is EntityClass.COMPANY:
                # 电池生产企业|某某集团, 出口品牌|广州某某贸易有限公司: a word classifying the firm is not its name
                # (某某企业管理有限公司: a name may go on with the firm's trade after 企业)
                for km in _FIRM_CLASSIFIER.finditer(text, start, m.start()):
                    rest = text[km.end():m.start()]
                    if len(rest) >= 2 and not rest.startswith(_ENTERPRISE_TRADES) and not words.is_generic_phrase(rest):
                        start = km.end()
            if cls is not EntityClass.COMPANY and start < m.start():
                start = self._dash_joined(text, start)
            if cls in (EntityClass.PARK, EntityClass.GOVERNMENT_BODY):
                # X集团经|岚湾经济开发区…: a preposition before the place that opens the name
                for k in range(m.start() - 3, start - 1, -1):
                    if text[k] in "经赴" and not text.startswith(("经开区", "经济开发区", "经济技术", "经济区"), k) \
                            and (any(self.gaz.place(text[k + 1:k + 1 + n]) for n in (2, 3))
                                              or text.endswith(("集团", "公司", "企业"), start, k)
                                              or (k == start and (k == 0 or text[k - 1] in _CLAUSE_BREAKS))) \
                            and (k == start or not words.is_content_word(text[k - 1:k + 1])):
                        start = k + 1
                        break
            if cls in (EntityClass.PARK, EntityClass.GOVERNMENT_BODY):
                start = self._after_verb(text, start, m.start())
            if cls is EntityClass.PARK:
                # 某某集团|岚州新区东片区: a firm named right before a park that starts at its place is not its name
                for om in re.finditer("集团|集團|公司", text[start:m.start()]):
                    k = start + om.end()
                    if m.start() - k >= 2 and any(self.gaz.place(text[k:k + n]) for n in (2, 3)):
                        start = k
            if cls is EntityClass.PARK:
                legal = list(re.finditer("有限责任公司|有限公司", text[start:m.start()]))
                if legal:
                    # 某某有限公司|奶酪加工产业园: a registered firm's base or park is its facility, not a park;
                    # 某某股份有限公司|某西新区: a park named by its place after the firm is one
                    k = start + legal[-1].end()
                    if not any(self.gaz.place(text[k:k + n]) for n in (2, 3)):
                        continue
                    start = k
            if cls is EntityClass.PARK and text[start - 1:start] == "各" and _PARK_INSIDE.search(text, start, m.start()):
                continue         # 与各X新区新城签约: each of X's new towns, not one park (X新区 is one)
            prefix = text[start:m.start()]
            if not prefix and suffix in _PARTY_DEPARTMENTS:
                continue         # 县委常委、组织部部长X: the department is part of the role in the 县委 (conventions)
            if not prefix and cls is EntityClass.GOVERNMENT_BODY and m.start() > 0 and text[m.start() - 1] == "、" \
                    and out and out[-1].cls is EntityClass.GOVERNMENT_BODY and (
                        out[-1].end == m.start() - 1 or self.role_re.fullmatch(text, out[-1].end, m.start() - 1)):
                # 聊城高新区党工委、管委会; X党工委委员、管委会副主任: the second body shares the first one's prefix
                prev = out[-1]
                prev_text = text[prev.start:prev.end]
                prev_suffix = next((s_ for s_, c_ in L.SUFFIXES if c_ is cls and prev_text.endswith(s_)), "")
                if prev_suffix and out[-1].end != m.start() - 1 and suffix in ("管委会", "管理委员会") \
                        and prev_suffix in ("党工委", "工委"):
                    continue     # X党工委书记、管委会主任Y: one office of the park's leadership (the 党工委's), no 管委会 entity
                if suffix in _BARE_COMMITTEES:
                    out.append(Cand(m.start(), end, cls, "suffix", 2))   # X党工委书记、市委书记Y: the city's committee
                elif prev_suffix:
                    shared = prev_text[: -len(prev_suffix)]
                    out.append(Cand(m.start(), end, cls, "suffix", 2, text=shared + suffix))
                continue
            if suffix in ("子公司", "分公司") and prefix in ("全资", "控股") and text[start - 1:start] == "的":
                # 领军企业X的全资子公司: the parent is named before 的
                s0 = self.trim_left(text, self.extend_left(text, start - 1, limit=10), start - 1)
                if start - 1 - s0 >= 2 and not words.is_generic_phrase(text[s0:start - 1]) \
                        and not self.gaz.place(text[s0:start - 1]):
                    out.append(Cand(s0, start - 1, EntityClass.COMPANY, "suffix", 1))
                continue
            if suffix in ("子公司", "分公司") and prefix.endswith(_OWNERSHIP_WORDS):
                # 智飞生物全资子公司——安徽…有限公司: the parent is named, the subsidiary follows
                own = next(w for w in _OWNERSHIP_WORDS if prefix.endswith(w))
                if len(prefix) - len(own) >= 2 and not words.is_generic_phrase(prefix[: -len(own)]):
                    out.append(Cand(start, m.start() - len(own), EntityClass.COMPANY, "suffix", 1))
                continue
            if cls is EntityClass.PARK and _PLAN_AFTER.match(text, end) and text.rfind("《", max(0, start - 30), start) \
                    > text.rfind("》", max(0, start - 30), start):
                continue     # 《X地区Y示范区规划》: a plan's title, not a park
            if cls is EntityClass.PARK and _PROJECT_AFTER.match(text, end) and not self._placed_park(prefix) \
                    and not (suffix in _NAMED_PARK_SUFFIXES and self.gaz.place(prefix[:2]) is not None) \
                    and not (not re.match("生产基地|研发基地|制造基地|基地", text[end:end + 4]) and self._branded_park(prefix)):
                continue     # 建设X产业园生产基地项目, X产业园、Y科技园等重点项目: a project, not (yet) a park
            if not self._good_prefix(prefix, suffix, cls, text[end:end + 3]) and not (
                    cls is EntityClass.PARK and self._coordinated_park(text, out, start, prefix, suffix)) and not (
                    cls is EntityClass.PARK and len(prefix) >= 2 and self._named_park_ends(text, out, start)
                    and not _COUNT_OF.search(prefix) and not words.leading_function_words(prefix)):
                continue     # (甲科技园区)乙生物医药产业基地: a part of a named park is named by its industry
            if cls is EntityClass.INSTITUTE and suffix == "服务中心" and re.search("高新区|开发区|产业园|园区|经开区", prefix):
                cls = EntityClass.GOVERNMENT_BODY   # a park's own service centre is part of its administration
            elif cls in (EntityClass.INSTITUTE, EntityClass.COMPANY) and L.PARK_ADMIN_INTRO.search(
                    text, max(0, start - 40), start):
                cls = EntityClass.GOVERNMENT_BODY   # 作为X园的管理部门，Y服务中心…: Y is the park's administration
            if (cls is not EntityClass.COMPANY and len(prefix) > 2) or (
                    suffix in _LEGAL_SUFFIXES and len(prefix) >= 10):
                # …基地生产忙山西X科技有限公司: a registered name starts at its place
                start = self._cut_to_place(text, start, m.start(), registered=cls is EntityClass.COMPANY)
            out.append(Cand(start, end, cls, "suffix", 2))
        return out

    @staticmethod
    def _after_verb(text: str, start: int, head: int) -> int:
        """确保|某岳农机产业园: a verb, then a proper name (a brand, a place) opening the park's name: the name
        starts after the verb. A verb followed by common words is part of a name (自主创新示范区, 智能制造产业园)."""
        toks = words.tokens(text[start:head])
        pos = cut = start
        prev = ""
        for tok, nxt in zip(toks, toks[1:] + [""]):
            pos += len(tok)
            # (某区纳入|东部科学城, 某开发区召开|党工委会议, 关键在于|某新区政府: a verb the clause uses, PD1998's
            # verbs but those that names use as nouns)
            clause_verb = words.clause_word(tok) and tok not in _NOMINAL_VERBS
            if len(tok) >= 2 and words.tag(tok) == "v" and (clause_verb or nxt and words.tag(nxt) in (
                    "nr", "nrt", "ns", "nz", None)):
                cut = pos
            elif len(tok) >= 2 and tok not in _NOMINAL_VERBS and (words.tag(tok) == "vn" or tok.endswith("在于")) \
                    and head - pos >= 2 and re.fullmatch(f"[{L.CJK}]{{2}}", text[pos:pos + 2]) \
                    and words.tag(text[pos:pos + 2]) in ("ns", "nz", None) and words.tag(prev) != "ns" \
                    and not (prev and all(ch in L.PROVINCE_ABBREVIATIONS for ch in prev)):
                cut = pos      # 助推|某安新区, 关键在于|某东新区: a verbal noun or 在于, then a place's name (not
                #              沪黔协作|某阳…科技城: a pair of provinces' cooperation names the park)
            prev = tok
        return cut

    def _branded_park(self, prefix: str) -> bool:
        """A park project named after a firm's brand (甲能清洁能源产业园项目, 乙联国际医养健康产业园项目): a named
        park, unlike a kind of park (智能制造产业园项目). The brand is a run the dictionary does not know at the
        start of the name."""
        brand = prefix[:2]
        if len(prefix) < 4 or brand in L.PROJECT_MODIFIERS or brand in L.PROJECT_VERBS or self.gaz.place(brand) \
                or words.leading_function_words(prefix):
            return False
        return _brand_word(brand)

    def _not_a_firm(self, text: str, c: Cand) -> bool:
        """A firm found by its context (a list, a slot, a project) whose name says it is something else: a park or
        a base (X产业园, X产业基地), a region or district (广东地区, 某市某区), an amount (超千亿元投资)."""
        if c.cls is not EntityClass.COMPANY or c.source not in ("list", "weak", "project", "partner-name"):
            return False
        name = text[c.start:c.end]
        if len(name) == 2 and name[1] == "商" and name[0] in L.PROVINCE_ABBREVIATIONS:
            return True      # 楚商, 浙商: the merchants of a province, not a firm
        if name[0] in _UNIT_CHARS and c.start > 0 and text[c.start - 1] in _AMOUNT_CHARS:
            return True      # 年产2万吨|岩棉新材料…: a quantity's unit, then a product
        if c.source in ("list", "weak", "project") and self._splits_words(text, c.start, c.end):
            return True      # 岚城重|工智能…, 兼|顾下游光通信: the name would start inside a word
        if (c.source == "project" or text.startswith("项目", c.end)) and text.endswith(("公司", "集团", "厂"), 0, c.start):
            return True      # X有限公司|模具制造项目: the project of the firm just named
        if c.source == "project" and self._phrase_not_brand(name):
            return True
        return bool(name.endswith(("产业园", "产业基地", "基地", "园区", "地区", "产业", "片区", "新区", "新城"))
                    or _AMOUNT_START.match(name) or self._only_places(name)
                    or (name.endswith("区") and any(self.gaz.place(name[:k]) for k in (2, 3, 4))))

    @staticmethod
    def _phrase_not_brand(name: str) -> bool:
        """The head of a project's name that is a phrase, not a brand: it holds a clause word (图为在…, 项目分别是…,
        …中心是), it is made of the characters of slogans (大抓, 两大, 多好: not 兆丰, 广佳), it is a town or village
        (某陀镇, 古村), or it is a frequent common word (智慧, 磷酸, 高科技)."""
        toks = words.tokens(name)
        if any(t in ("是", "为", "在", "分别", "将", "已") for t in toks[1:]):
            return True
        if len(name) <= 3 and all(ch in "大小多少两几各抓好高强" for ch in name):
            return True
        if name.endswith(("镇", "村", "乡")):
            return True
        return words.tag(name) in ("n", "nz", "nr", "a", "vn", "l") and words.frequency(name) >= 100

    def _named_park_ends(self, text: str, found: list[Cand], pos: int) -> bool:
        """A named park (found by its suffix, or a gazetteer name) ends right at ``pos``."""
        if not _PARK_BEFORE.search(text, max(0, pos - 6), pos):
            return False
        return any(c.end == pos and c.cls is EntityClass.PARK for c in found) or any(
            text[k:pos] in self.matcher.terms for k in range(max(0, pos - 16), pos - 2))

    def _dash_joined(self, text: str, start: int) -> int:
        """东岭—西山科技园: two places' names joined by a dash name one park (or its office); the name starts at
        the place before the dash (with the places before that one: 北川东岭—西山科技园)."""
        if start < 3 or text[start - 1] not in "—-－" or not _CJK_RE.match(text[start]):
            return start
        pos = start - 1
        found = pos
        while pos >= 2:
            for k in (4, 3, 2):
                if pos - k >= 0 and self.gaz.place(text[pos - k:pos]) is not None:
                    pos -= k
                    break
            else:
                break
        found = pos
        return found if found < start - 1 else start

    def _placed_park(self, prefix: str) -> bool:
        """A park project named with its place or park first (P智能装备产业园项目, P(X)产业园项目) is a park; a
        project named by its industry alone is a plan."""
        core = re.sub(r"[()（）]", "", prefix)
        if len(core) < 4 or words.leading_function_words(core):
            return False
        return any(self.gaz.place(core[:k]) is not None or core[:k] in self.gaz.park_names for k in (2, 3, 4, 5)) \
            and not words.is_generic_phrase(core)

    def _gov_start(self, text: str, out: list[Cand], start: int, head: int) -> int:
        """Where a government body's name starts, given the left edge found so far.

        - 某省委省政府, 区委区政府: a body named right after another one is a second body (省政府);
        - 东州市规划和国土资源管理局, 青川新区商务和投促局: a 和 inside the name, when the name starts at a place."""
        if out and out[-1].cls is EntityClass.GOVERNMENT_BODY and start < out[-1].end < head \
                and text[out[-1].end:head] in _BARE_LEVELS:
            return out[-1].end
        if start > 1 and text[start - 1] == "和" and head - start >= 2:
            s0 = self.trim_left(text, self.extend_left(text, start - 1, limit=12), start - 1)
            if start - 1 - s0 >= 3 and any(self.gaz.place(text[s0:s0 + k]) for k in (2, 3, 4, 5)) \
                    and not any(self.suffix_cls[x.group()] is not EntityClass.PARK
                                for x in self.suffix_re.finditer(text, s0, start - 1)) \
                    and not (out and out[-1].end > s0):    # X管委会和Y局: two bodies
                return s0
        return start

    def _coordinated_park(self, text: str, out: list[Cand], start: int, prefix: str, suffix: str = "") -> bool:
        """长安区智能制造产业基地、文化创意产业基地: a park named with common words, coordinated right after a park
        of the same kind whose name starts with a place, is a park of that place too."""
        if not out or out[-1].cls is not EntityClass.PARK or text[out[-1].end:start] not in ("、", "和", "及", "与"):
            return False
        if suffix and not text[out[-1].start:out[-1].end].endswith(suffix):
            return False
        if len(prefix) < 2 or prefix in _GENERIC_PARK_PREFIX or any(ch.isdigit() for ch in prefix) \
                or prefix[-1] in "该本这那此各某其" or words.leading_function_words(prefix):
            return False
        prev = text[out[-1].start:out[-1].end]
        return any(self.gaz.place(prev[:k]) for k in (2, 3, 4))

    def _cut_to_place(self, text: str, start: int, head: int, registered: bool = False) -> int:
        """新能源异军突起西安高新区 -> 西安高新区: a park name starts at its place name. A registered firm name
        (``registered``) with a long run before it starts at the last province named in that run:
        X高新区新材料基地订单多山西恒泰智能科技有限公司 -> 山西恒泰智能科技有限公司."""
        if registered:
            if re.search("高新区|开发区|园区|产业园|基地|项目", text[start:head]):
                for k in range(head - 4, start + 1, -1):
                    entry = self.gaz.place(text[k:k + 2]) or self.gaz.place(text[k:k + 3])
                    if entry is not None and entry.level == 1 and text[k - 1] not in "(（":
                        return k
            return start
        if self.gaz.place(text[start:start + 2]) or self.gaz.place(text[start:start + 3]):
            return start
        if head - start >= 4 and text[start] in L.PROVINCE_ABBREVIATIONS and text[start + 1] in L.PROVINCE_ABBREVIATIONS:
            return start     # 沪黔协作X科技城: a name opening with two provinces' abbreviations (a paired park)
        if any(text[start:k] in self.matcher.terms for k in range(start + 2, min(head, start + 10) + 1)):
            return start     # 中科院湖南研究院: a known body's name before the place is part of the name
        depth = 0
        for k in range(start, head - 1):
            ch = text[k]
            depth += ch in "(（"
            depth -= ch in ")）"
            if depth == 0 and k - start >= 2:
                for L_ in (3, 2):
                    entry = self.gaz.place(text[k:k + L_])
                    if entry is not None and entry.level in (1, 2):
                        return start if self._brand_before_place(text[start:k], text, head) else k
        return start

    def _brand_before_place(self, brand: str, text: str, head: int) -> bool:
        """某食林|福建食品工业园, 中马|某州产业园区: the words before a park's place are a brand (or a pair of countries)
        that stays in the name; not a verb phrase, a person (雷某, 孙海某) or the firm of a project
        (某某精工|洛阳智造科技园项目 is the firm's, the brand cut off)."""
        if not 2 <= len(brand) <= 4 or words.is_generic_phrase(brand) or words.leading_function_words(brand) \
                or self.gaz.place(brand[:2]) or re.match("[^，。；、]{0,8}项目", text[head:head + 14]):
            return False
        pair = len(brand) == 2 and all(ch in L.COUNTRY_ABBREVIATIONS for ch in brand)   # 中马, 中新
        person = len(brand) <= 3 and brand[0] in self.gaz.surnames and (
            len(brand) == 2 or words.tag(brand[1:]) in (None, "nr", "nrfg", "nrt"))
        return (words.tag(brand) is None or pair) and not person and not any(
            words.clause_word(t) or words.tag(t) in ("v", "vn", "d", "p", "c", "t", "m") for t in words.tokens(brand))

    def _good_prefix(self, prefix: str, suffix: str, cls: EntityClass, after: str = "") -> bool:
        core = re.sub(r"[()（）]", "", prefix)
        if cls is EntityClass.GOVERNMENT_BODY and (core in _BARE_LEVELS or not core) and suffix in _BARE_BODIES \
                and (core or suffix in _BARE_COMMITTEES) \
                and not (after[:1] in _NUMERALS and not core):
            return True      # 市委书记…, 省政府副秘书长, 市人大常委会副主任: a body named by its level alone
        if cls is EntityClass.GOVERNMENT_BODY and core in _BARE_COMMITTEES and suffix in _PARTY_DEPARTMENTS:
            return True      # 市委组织部部长X: a department of the committee named by its level
        if not core:
            # bare national bodies are handled by the gazetteer of fixed names
            return False
        if cls in (EntityClass.PARK, EntityClass.INSTITUTE) and _COUNT_OF.search(core):
            return False     # 三大片区, 十大专业产业园: a count, not a name
        if cls is EntityClass.PARK and suffix == "示范区" and not _ZONE_WORDS.search(core) \
                and not self._only_places(core) and not self.gaz.place(core[:2]) and not self.gaz.place(core[:3]) \
                and not any(n.startswith(core) for n in self.gaz.park_names):
            return False     # 共同富裕示范区, 美丽宜居乡村示范区: a policy's title, not a zone that hosts firms
            #                  (中关村示范区, the short form of a listed zone, stays)
        if suffix in ("片区", "分区", "集中区") and not _PARK_INSIDE.search(core) and not (
                suffix == "集中区" and len(core) >= 2 and core.endswith(("工业", "产业"))):
            return False     # X高新区Y片区 is a named part of a park; a bare Y片区 is a part of town
        crossing = _crossing(words.tokens(core[-3:] + suffix), len(core[-3:])) if suffix in _WORD_SUFFIXES else None
        if crossing is not None and words.tag(crossing) not in ("nr", "nrt") and not (
                cls is EntityClass.INSTITUTE and crossing.endswith(suffix) and len(crossing) - len(suffix) >= 2 and len(core) > len(crossing) - len(suffix)):
            # (某省家纺行业|协会: a word of its own before the suffix, after the name's head, keeps it)
            return False     # 招商会, 筛分行业: the suffix is the end of another word (not of a name: 某某新|区, a personal name in the dictionary)
        if suffix in prefix:
            return False     # 基金引基金: a slogan repeating the word
        if len(core) == 1:
            return False     # 上孵化器 (省级以上|孵化器), 该公司: one character is no name
        if suffix in ("办公室", "委员会", "局") and len(core) < 3:
            return False
        # 某某新型建材经济技术开发区: a zone's formal name may be made of common words; a quality (世界一流…) is not one
        formal = suffix in ("经济技术开发区", "高新技术产业开发区") and len(core) >= 4 and not _QUALITY.search(core)
        # 晨曦科创园, 星河生态园: a rare dictionary word standing alone before a park suffix names the park
        rare_word = cls is EntityClass.PARK and len(core) == 2 and words.tokens(core) == [core] \
            and words.frequency(core) < 2 * _BRAND_MAX_FREQUENCY and words.tag(core) in ("n", "nz", "ns", "nr", "nrt")
        # 合肥工业|大学: a place the dictionary reads as a common noun still opens a name
        placed = any(self.gaz.place(t) is not None for t in words.tokens(core))
        if cls is EntityClass.INSTITUTE and not placed:
            # 华侨|大学 (the dictionary's organisation name), 大连理工|大学 (a place opens the dictionary's word)
            placed = words.tag(core + suffix) == "nt" or any(
                (e_ := self.gaz.place(core[:k])) is not None and e_.level in (1, 2) for k in (2, 3) if len(core) > k)
        if cls in (EntityClass.PARK, EntityClass.INSTITUTE) and (
                core in _GENERIC_PARK_PREFIX or any(ch.isdigit() for ch in core)
                or (words.is_generic_phrase(core) and not formal and not rare_word and not placed)):
            # 国家新能源汽车检测中心: a national centre named by its field is a name (国家重点实验室 is a rank)
            national = core.startswith(("国家", "中国")) and not core.startswith("国家级") and len(core) >= 5 \
                and not self._only_places(core)
            if not (cls is EntityClass.INSTITUTE and national and not any(ch.isdigit() for ch in core)):
                return False
        if cls is EntityClass.PARK and words.is_generic_phrase(core + suffix) and not formal and not rare_word \
                and not self._only_places(core):
            return False     # 世界一流高科技园区: the suffix cut the word 高科技; the whole name is common words (not
            #                  某台开发区: a city the dictionary also reads as a common noun)
        if cls is EntityClass.PARK and suffix not in _NAMED_PARK_SUFFIXES and self._descriptive(core) and not rare_word:
            return False     # 绿色低碳示范园, 光伏新材料产业园, 开放型经济示范区: a kind of park (a plan), not its name
        if (core + suffix) in _GENERIC_ORG_NOUNS:
            return False
        if _NUMBERED_SLOGAN.search(core):
            return False     # 一总部两集团三中心: a slogan counting things, not a name
        if cls is EntityClass.COMPANY and words.is_generic_phrase(core + suffix) and not self._registered_name(core, suffix):
            return False
        if cls is EntityClass.GOVERNMENT_BODY and len(suffix) <= 3 and words.is_generic_phrase(core) and not placed \
                and not (core in L.BARE_PARK_WORDS and suffix in ("党工委", "管委会", "工委")):
            return False     # 党委政府, 有关部门办公室: no place or name, no body
        if cls is EntityClass.INSTITUTE and _RANK_QUALIFIER.match(core):
            return False     # 国家级博士后工作站, 高水平研究型大学: a rank or a kind of institution, not its name
        if cls is EntityClass.INSTITUTE and suffix in _DESIGNATION_SUFFIXES and self._only_places(core):
            return False     # 山东省工程实验室, 国家重点实验室: a rank of laboratory, not a name
        if cls is EntityClass.PARK and suffix in ("高新区", "经开区", "开发区") and core.endswith("区") \
                and self.gaz.place(core):
            return False     # 万州区高新区: a district and a park side by side (the park would be 万州高新区)
        if core[-1] in "该本这那此各某其" or core in ("全", "全区", "全市", "全省", "全县", "全域", "我", "我们", "国内", "国外"):
            return False
        if core[0] in "一二三四五六七八九十几多某数第" and (len(core) == 1 or core[1] in "家个项条只种次位名批类"):
            return False
        return True

    def _descriptive(self, core: str) -> bool:
        """Only words that describe an industry or a quality (no place, no brand, no word the dictionary lacks)."""
        toks = words.tokens(core)
        if len(core) < 2 or not toks or any(self.gaz.place(t) for t in toks):
            return False
        return all(words.tag(t) in _DESCRIPTIVE_TAGS for t in toks)

    def _registered_name(self, core: str, suffix: str) -> bool:
        """A full registered firm name is a name even when its words are common ones: 青石科技有限公司 (brand +
        industry + legal form), 七星集团 (a numeral brand). 科技有限公司 alone (no brand left) is not."""
        if suffix in ("有限公司", "股份有限公司", "有限责任公司"):

            brand = company_core(core + suffix, self.gaz)
            return len(brand) >= 2 and brand != core + suffix and not words.leading_function_words(brand) \
                and brand not in _GENERIC_BRANDS and brand not in L.INDUSTRY_WORDS
        return len(core) >= 2 and all(ch in _NUMERALS for ch in core) and suffix in ("集团", "公司", "集团公司")

    def _only_places(self, core: str) -> bool:
        """``core`` is made of place names (山东省, 国家, 中国) and rank words only."""
        rest = core
        while rest:
            for k in range(min(len(rest), 8), 1, -1):
                if self.gaz.place(rest[:k]) or rest[:k] in _RANK_WORDS:
                    rest = rest[k:]
                    break
            else:
                return False
        return True

    def persons(self, text: str, blocked: list[tuple[int, int]]) -> list[Cand]:
        out: list[Cand] = []

        def name_at(i: int, after_role: bool = False) -> int:
            """End of a person name starting at i (0 when there is none). ``after_role``: right after a role word
            (董事长曾X), where a surname that is also an adverb (曾, 才) opens a name."""
            m = self.surname_re.match(text, i)
            if not m:
                return 0
            j = m.end()
            best = 0
            for k in (2, 1):
                e = j + k
                if e > len(text):
                    continue
                given = text[j:e]
                if not all(_CJK_RE.match(c) for c in given):
                    continue
                if k == 2 and after_role and given[0] in L.PERSON_NEXT and _CJK_RE.match(given[0]) \
                        and given[0] not in "的是和与及等" and (words.tag(text[i:e]) == "nr"
                                                            or text.startswith(_AFTER_A_NAME, e)):
                    # 厅长陈向某、…, 局长李在某出席: a given name opening with a character that often follows a name
                    # (向, 在), when the dictionary knows the name or a name's next word follows
                    best = e
                    break
                if k == 1 and given in _LONE_GIVEN and (text[e:e + 1] in _LIST_PUNCT or (
                        after_role and not text.startswith(_STRONG_WORDS, e - 1))):
                    pass         # 主任陈强、副主任… / 副主任李强出席: a one-character given name that is also a verb's first
                elif given[0] in L.PERSON_NEXT or (given[-1] in L.PERSON_NEXT and not (
                        k == 2 and given[-1] in _VERB_INITIALS and not text.startswith(_NAME_THEN_VERB, e - 1))):
                    continue     # 李明说, 刘军强调: the verb's first character; 李志强出席: a given name's
                if words.starts_with_common_word(text[i:e]):
                    continue     # 专家强化技术, 书记强调: a verb, not 强 + given name
                if k == 2 and given[-1] in _NAME_FINAL_ADVERBS and text[e:e + 1] in _AFTER_ADVERB:
                    continue     # 孙丽正与客户通话: 正 (正在) belongs to the clause
                toks = words.tokens(text[i:min(len(text), e + 3)])
                if j - i == 1 and toks and toks[0] == text[i] and words.tag(text[i]) in _FUNCTION_SURNAME_TAGS \
                        and not (after_role and (words.tag(text[i]) == "d" or (
                            k == 2 and text[i] not in "和与及但" and text.startswith(_AFTER_A_NAME, e)) or (
                            k == 2 and words.tag(text[i]) == "r" and words.tag(given) is None))):
                    return 0     # 和有关…, 但他…: a conjunction or preposition that is also a surname (but 副书记任某新:
                    #              a pronoun surname after a role, then two characters no dictionary word holds)
                if k == 2 and _crosses(toks, e - i) and not text.startswith(_NAME_THEN_VERB, e):
                    continue     # 刘某要求, 王某先生: the last character starts a word with what follows
                if "们" in text[j:e + 1] or (words.tag(text[i:e]) in _COMMON_NOUN_TAGS
                                             and words.frequency(text[i:e]) >= 100):
                    continue     # 文章, 司机, 官兵们: a frequent common word that happens to open with a surname
                best = e
                break
            return best

        for m in self.role_re.finditer(text):
            e = name_at(m.end(), after_role=True)
            if not e:
                # 总领事渡边信之表示: a name that is not Han-Chinese, closed by a speech verb
                vm = re.match(f"([{L.CJK}]{{2,4}}?)(?:{'|'.join(L.SPEECH_VERBS)})", text[m.end():m.end() + 8])
                if vm and not words.is_generic_phrase(vm.group(1)) and not self.role_re.match(vm.group(1)) \
                        and not any(ch in "在向对跟与和为给" for ch in vm.group(1)[1:]):   # 主任李在会上表示: no name
                    e = m.end() + len(vm.group(1))
                lm = _LATIN_PERSON.match(text, m.end())
                if not e and lm is not None:
                    e = lm.end()     # 亚太区总经理John Smith: a name in Latin script right after the role
            if e:
                out.append(Cand(m.end(), e, EntityClass.PERSON, "person", 2))
                # 网易严选COO石闻一: an unknown name right before the role at a clause start is an organisation
                om = re.search(f"(?:^|[，。；：“、\n])([{L.CJK}A-Za-z]{{2,8}}?)$", text[max(0, m.start() - 9):m.start()])
                if om and not words.is_generic_phrase(om.group(1)) and not self.gaz.place(om.group(1)) \
                        and om.group(1) not in L.BARE_PARK_WORDS and not (
                            text[m.start() - len(om.group(1)) - 1] == "、" and self.suffix_re.search(om.group(1))) \
                        and not self._ends_with_body(om.group(1)) \
                        and not self.role_re.search(om.group(1)) \
                        and not _OFFICE_WORDS.search(om.group(1)):   # 公司副总经理兼|总工程师, 党工委委员、: a role, no name
                    s0 = m.start() - len(om.group(1))
                    lead = words.leading_function_words(om.group(1))   # 让博源模具车间主管 -> 博源模具
                    if len(om.group(1)) - lead >= 2:
                        s0 += lead
                    # 中共X市委常委NAME: the party's committee is a government body, not a firm
                    cls = EntityClass.GOVERNMENT_BODY if re.match(r"中共.+委$", text[s0:m.start()]) \
                        else EntityClass.COMPANY
                    out.append(Cand(s0, m.start(), cls, "role-org", -1))
        # 落实某某某总书记…, 某某总理: a national leader named before the title
        for m in _LEADER_TITLE.finditer(text):
            for n in (3, 2):
                s = m.start() - n
                if s >= 0 and name_at(s) == m.start() and not any(a <= s < b for a, b in blocked) \
                        and not text.startswith("副", m.start() - 1):
                    out.append(Cand(s, m.start(), EntityClass.PERSON, "person", 2))
                    break
        # 吴海峰，X公司创始人，… / 王建国是X公司的董事长: a name opening a clause, then an organisation and a role
        for m in self.role_re.finditer(text):
            if m.end() < len(text) and text[m.end()] not in "，,。；":
                continue
            lo = max(0, m.start() - 40)
            starts = ([0] if lo == 0 else []) + [k + 1 for k in range(lo, m.start()) if text[k] in _CLAUSE_BREAKS]
            for s in starts:
                am = _APPOSITION.match(text, s, m.start())
                if am is None or am.end() != m.start() or not self.suffix_re.search(am.group(2)):
                    continue
                e = am.end(1)
                if name_at(s) == e and not any(a <= s < b for a, b in blocked):
                    out.append(Cand(s, e, EntityClass.PERSON, "person", 2))
                    break
        def clause_start(s: int) -> bool:
            return s == 0 or not _CJK_RE.match(text[s - 1]) or text[s - 1] in "，。、：；“”（）"

        for verb in L.SPEECH_VERBS:
            for m in re.finditer(re.escape(verb), text):
                end = m.start()
                if end > 0 and text[end - 1] in _SPEECH_ADVERBS:
                    end -= 1     # 李明却认为: an adverb between the name and the verb
                for k in (3, 2):
                    s = end - k
                    if s < 0:
                        continue
                    if not clause_start(s):
                        # inside a longer run: accept only after a role word (handled above)
                        continue
                    if name_at(s) == end:
                        out.append(Cand(s, end, EntityClass.PERSON, "person", 1))
                        break
        # 王明总书记在…, 李华董事长表示: a name at a clause start right before a role word
        for m in self.role_re.finditer(text):
            if len(m.group()) < 2:
                continue
            for k in (3, 2):
                s = m.start() - k
                if s < 0 or not clause_start(s) or name_at(s) != m.start():
                    continue
                t = words.tag(text[s:m.start()])
                if (t is None or t in ("nr", "nrfg", "nrt")) and text[m.start() - 1] not in _ORG_END_CHARS:
                    out.append(Cand(s, m.start(), EntityClass.PERSON, "person", 1))
                break
        # 返乡的X创立…, 浙商X投资…, 某地人X投资…: a three-character name after a descriptor, before a founder's verb
        for m in _DESCRIBED_PERSON.finditer(text):
            s = m.start(1)
            if name_at(s) == m.end(1) and not any(a <= s < b for a, b in blocked):
                out.append(Cand(s, m.end(1), EntityClass.PERSON, "person", 1))
        # 区领导A、B，…: a list of names after a word for people, closed by a clause break; A、B等市级领导
        for m in [*_PERSON_LIST_OPEN.finditer(text), *_PERSON_LIST_TAIL.finditer(text)]:
            g = 2 if m.re is _PERSON_LIST_OPEN else 1
            pos = m.start(g)
            parts = m.group(g).split("、")
            spans = []
            for part in parts:
                spans.append((pos, pos + len(part)))
                pos += len(part) + 1
            # every item a name, or all but one when the others are names and it is no common word or place (a
            # rare surname the gazetteer lacks)
            named = sum(name_at(a) == b for a, b in spans)
            if named == len(spans) or (len(spans) >= 3 and named >= len(spans) - 1 and not any(
                    words.is_generic_phrase(text[a:b]) or self.gaz.place(text[a:b]) for a, b in spans)):
                out += [Cand(a, b, EntityClass.PERSON, "person-list", 1) for a, b in spans]
        # 头部达人A、B、C等 / 院士A、B等: the items of a list headed by a word for people are people
        for m in _PERSON_LIST.finditer(text):
            pos = m.start(2)
            for part in m.group(2).split("、"):
                s, e = pos, pos + len(part)
                pos = e + 1
                if not words.is_generic_phrase(part) and not self.gaz.place(part):
                    out.append(Cand(s, e, EntityClass.PERSON, "person-list", 1))
        # drop reporters (记者/通讯员 NAME) and anything inside blocked spans
        keep = []
        for c in out:
            before = text[max(0, c.start - 3):c.start]
            if before.endswith("记者") or before.endswith("通讯员") or before.endswith("编辑"):
                continue
            if any(bs <= c.start < be for bs, be in blocked):
                continue
            keep.append(c)
        return keep

    def region_parks(self, text: str, cands: list[Cand]) -> list[Cand]:
        """P市X管委会 … X地区: an area whose administration (管委会, 党工委) the text names is a park, and X地区 names
        it (X being no place of the gazetteer and no park name of its own)."""
        cores: set[str] = set()
        for c in cands:
            if c.cls is not EntityClass.GOVERNMENT_BODY or c.source != "suffix":
                continue
            name = text[c.start:c.end]
            suf = next((x for x in _ADMIN_SUFFIXES if name.endswith(x)), None)
            if suf is None:
                continue
            core = name[: -len(suf)]
            core = core[self._place_chain_len(core):]
            if 2 <= len(core) <= 4 and not self.gaz.place(core) and not self.suffix_re.search(core) \
                    and not words.leading_function_words(core) and not words.is_generic_phrase(core):
                cores.add(core)
        out = []
        for core in cores:
            for m in re.finditer(re.escape(core) + "地区", text):
                out.append(Cand(m.start(), m.end(), EntityClass.PARK, "suffix", 2))
        return out

    def place_brands(self, text: str, cands: list[Cand]) -> list[Cand]:
        """Firms named with a place and a word of their own: 某国X增资 (a country, then a brand the dictionary does not
        know), 领军企业某城时代 / 某城时代董事长 (a city and a common noun, where a firm's context says it is a firm).
        Once confirmed, every occurrence of the name is the firm, not the place."""
        names: set[str] = set()
        for c in cands:
            if c.cls is not EntityClass.PLACE or c.source != "gazetteer" or c.place is None:
                continue
            if c.place.level == 0 and text[c.start:c.end] != "中国":
                m = _FIRM_AFTER_COUNTRY.match(text, c.end)
                if m and not words.is_generic_phrase(m.group(1)) and not self.gaz.place(m.group(1)) \
                        and not self.suffix_re.search(m.group(1)) and not words.leading_function_words(m.group(1)):
                    names.add(text[c.start:m.end(1)])
            elif c.place.level >= 1:
                w = text[c.end:c.end + 2]
                if len(w) < 2 or words.tag(w) != "n" or w in _PLACE_NOUNS or self.suffix_re.match(w) \
                        or w in L.INDUSTRY_WORDS or w in L.WEAK_COMPANY_SUFFIXES:
                    continue
                before = text[max(0, c.start - 4):c.start]
                if before.endswith(_FIRM_BEFORE) or self.role_re.match(text, c.end + 2) \
                        or _FIRM_VERB_AFTER.match(text, c.end + 2):
                    names.add(text[c.start:c.end + 2])
        out = []
        for name in names:
            for m in re.finditer(re.escape(name), text):
                out.append(Cand(m.start(), m.end(), EntityClass.COMPANY, "place-brand", 1))
        return out

    def province_abbreviations(self, text: str) -> list[Cand]:
        """晋、陕、蒙等地: a list of one-character province abbreviations names the provinces."""
        out = []
        for m in _ABBR_LIST.finditer(text):
            s = m.start()
            if s > 0 and _CJK_RE.match(text[s - 1]) and text[s - 1] not in L.LEFT_STOP_CHARS \
                    and not text.startswith("等", m.end()):
                continue     # 销往晋、陕等地 (a list closed by 等) or 到了晋、陕 (after a clause character)
            for k in range(s, m.end(), 2):
                entry = self.gaz.place(L.PROVINCE_ABBREVIATIONS[text[k]])
                if entry is not None:
                    out.append(Cand(k, k + 1, EntityClass.PLACE, "gazetteer", 1, place=entry))
        return out

    def _place_chain_len(self, s: str) -> int:
        """Length of the run of place names ``s`` starts with (上海市, 内蒙古鄂尔多斯)."""
        n = 0
        while n < len(s):
            for k in (4, 3, 2):
                if n + k <= len(s) and self.gaz.place(s[n:n + k]) is not None:
                    n += k
                    break
            else:
                break
        return n

    def enumerations(self, text: str, cands: list[Cand]) -> list[Cand]:
        """Items of `A、B、C等…企业` lists are companies (the head noun types the list)."""
        out = []
        # an item may hold a place in brackets (中科某(山西)研究院, 某某(上海)有限公司)
        item = f"[{L.CJK}A-Za-z0-9·]{{2,12}}(?:[(（][{L.CJK}]{{2,6}}[)）][{L.CJK}A-Za-z0-9·]{{0,12}})?"
        # A、B等(N家)…企业, or counted without 等: A、B两家企业 / A、B两个世界500强
        pat = re.compile(f"((?:{item}、)*{item})(?:等(?:(?:近|约|超过|超|逾)?[0-9一二三四五六七八九十百几多余]+[多余]?[家个户])?|"
                         f"(?<![0-9一二三四五六七八九十两几])(?=[两三四五六七八九几][家个])[两三四五六七八九几][家个])"
                         f"([^，。；、0-9{_LIST_FILLER_STOP}]{{0,6}}?|(?=一批|多家|众多|一大批)[^，。；0-9]{{2,18}}?)"
                         f"({'|'.join(L.LIST_HEAD_WORDS)})|((?:{item}、)+{item})等(?:已经|已|均|都|也|先后|相继|陆续|纷纷)?"
                         f"(登上|入选|成为|获评|入围|荣获|获得|上榜)")
        # 其中包括A、B等。: a list closed by 等 alone counts when its items are named like firms
        for m in _INCLUDING_LIST.finditer(text):
            pos = m.start(1)
            for part in m.group(1).split("、"):
                s, e = pos, pos + len(part)
                pos = e + 1
                if not self.gaz.place(part) and (self._suffixed_item(part) or self._weak_firm_name(part)) \
                        and not words.is_generic_phrase(part):
                    out.append(Cand(s, e, EntityClass.COMPANY, "list", 1))
        for m in pat.finditer(text):
            if m.group(2) and _ASPECT_WORDS.search(m.group(2)):
                continue     # 等方面帮助小微企业: a list of aspects, the noun is the verb's object
            if m.group(3) == "企业" and text.startswith("家", m.end()):
                continue     # A董事长B、C等企业家: a list of entrepreneurs, not of firms
            projects = m.group(3) == "项目"    # A、B等21个项目: only items named like firms (英迈智能) are firms
            g = 1 if m.group(1) else 4
            single = "、" not in m.group(g)
            if single and (m.group(1) is None or projects):
                continue     # one item: only `X等(N家)…企业`, never a project (X等项目) or an honour list
            # …引进了A、B等12个项目 / A、B等项目陆续落户: brought in by the verb before the list or after its head
            brought = projects and (re.search("引进|引入|吸引|招引|签约|签下|落地|落户",
                                              text[max(0, m.start(g) - 8):text.index("、", m.start(g))])
                                    or _BROUGHT_AFTER.match(text, m.end()) is not None)
            # 引进A、B等一批知名企业: firms a park brought in, listed by brand and trade
            brought_firms = not single and m.group(3) is not None and not projects and re.search(
                "引进|引入|吸引|招引|落户|入驻", text[max(0, m.start(g) - 8):text.index("、", m.start(g))]) is not None
            pos = m.start(g)
            for part in m.group(g).split("、"):
                s, e = pos, pos + len(part)
                pos = e + 1
                if part == m.group(g).split("、")[0]:
                    s = self.trim_left(text, self.extend_left(text, e, limit=12, floor=m.start(g) - 12), e)
                    s = _strip_clause_words(text, s, e)     # 成功盘活|A、B等低效企业
                    if self._splits_words(text, s, e):
                        continue     # …平方米绿|色节能型…项目: the reach of the left edge ended inside a word
                honour = L.HONOUR_PREFIX.match(text, s, e)
                if honour is not None and e - honour.end() >= 2:
                    s = honour.end()     # A、中华老字号B等: the honour is not part of B's name
                project = text.endswith("项目", s, e) and e - s > 4
                if project:
                    e -= 2       # A、B项目等: the firm's project
                name = text[s:e]
                if not self._weak_firm_name(name) and not self._suffixed_item(name):
                    brand = self._project_brand(text, s, e, whole=True, places=project)
                    if brand is not None and e - brand.end >= 3 and words.is_generic_phrase(text[brand.end:e]) \
                            and not self.suffix_re.search(text, brand.end, e):
                        e = brand.end    # 某某大肠癌基因检测: the firm, then its product
                        name = text[s:e]
                if name[:1].isascii() and name[:1].isalpha() and text[s - 1:s].isdigit():
                    continue     # 40MWh储能电站: a quantity's unit, then a product
                if e - s < 2 or self.gaz.place(name) or name in _GENERIC_ORG_NOUNS or (
                        words.is_generic_phrase(name) and not self._suffixed_item(name)
                        and not ((brought_firms or projects) and self._rare_brand_and_trade(name))):
                    continue
                if single and not (self._weak_firm_name(name) or self._suffixed_item(name)):
                    continue     # X等企业 alone: only a name shaped like a firm's (蓝湾电子等企业)
                sm = self.suffix_re.search(name)
                if sm is not None and sm.end() == len(name) and self.suffix_cls[sm.group()] is EntityClass.INSTITUTE:
                    continue     # 某某医学中心、…等项目: an institute among the projects keeps its class
                if projects and not (self._suffixed_item(name) or self._weak_firm_name(name)) and not (
                        brought and 3 <= len(name) <= 8 and not words.is_generic_phrase(name)
                        and words.tag(name) in (None, "nrt", "nt") and _ITEM_TAIL.search(name) is None
                        and self.suffix_re.search(name) is None):     # not 冬虫夏草 or 城市更新, not X产业园二期
                    continue
                out.append(Cand(s, e, EntityClass.COMPANY, "list", 1))
        return out

    def _suffixed_item(self, name: str) -> bool:
        """A list item of common words that ends in an organisation suffix is a short name (水利设计院, 七星集团)."""
        m = self.suffix_re.search(name)
        if m is None or m.end() != len(name) or self.suffix_cls[m.group()] not in (EntityClass.COMPANY,
                                                                                   EntityClass.INSTITUTE):
            return False
        prefix = name[:m.start()]
        return len(prefix) >= 2 and (not words.leading_function_words(prefix) or all(ch in _NUMERALS for ch in prefix))

    @staticmethod
    def _rare_brand_and_trade(name: str) -> bool:
        """苍穹|科技: a rare dictionary word (a brand, as words often are) and an industry word."""
        return any(name.endswith(w) and len(name) - len(w) == 2
                   and words.frequency(name[:-len(w)]) < 2 * _BRAND_MAX_FREQUENCY for w in L.WEAK_COMPANY_SUFFIXES)

    @staticmethod
    def _weak_firm_name(name: str) -> bool:
        """A brand followed by an industry word (英迈智能, 东泰制药): how firms are named in lists."""
        return any(name.endswith(w) and len(name) - len(w) >= 2 for w in L.WEAK_COMPANY_SUFFIXES)

    def project_firms(self, text: str) -> list[Cand]:
        """The firm at the head of a project's name: X创新药生产基地项目, X婴幼儿配方奶粉项目, X南通基地项目,
        X湖南区域总部 (items of a list of projects, or a project that settles, signs or starts)."""
        out = []
        seen = set()
        for m in [*_PROJECT_ITEM.finditer(text), *_INVESTED_PROJECT.finditer(text), *_FACILITY_ITEM.finditer(text)]:
            s, e = m.start(1), m.end(1)
            if (s, e) in seen:
                continue
            seen.add((s, e))
            if m.group(1).endswith("等") and "等" not in m.group(1)[:-1] and (
                    _OUTPUT_OF.search(text, s, e) or text.endswith("元的", 0, s)):
                e -= 1       # …、X电子1400万平方米化成箔等项目: the list's last item, then 等
            elif "等" in m.group(1) or self.suffix_re.search(m.group(1)):
                # X产业园等项目: a list's end; a park or firm named by its suffix is found by the suffix; but
                # 某某|洛阳…科技园项目: a brand, then a place and the park it builds there: the brand is a firm
                cand = None if "等" in m.group(1) else self._brand_before_placed_park(
                    text, self.trim_left(text, s, e), e)
                if cand is not None:
                    out.append(cand)
                continue
            whole = not m.group(2)
            output = _OUTPUT_OF.search(text, s, e)
            if output is not None and output.start() - s >= 2:
                e, whole = output.start(), True    # X年产11万吨…项目: the brand is what comes before 年产
            if text[s:s + 2] not in L.PROJECT_VERBS and re.match("正式|落户|签约|开工|投产|在|总投资|顺利", text[m.end():]):
                cand = self._word_brand(text[s:e], s)     # 远帆|新材料…项目落户P: a word, then an industry word
                if cand is not None:
                    out.append(cand)
                    continue
            s = self.trim_left(text, s, e)
            s += words.leading_function_words(text[s:e])
            if _COUNT_BEFORE.search(text, max(0, s - 4), s):
                continue     # 2个楼宇经济项目, 4个高科技外资项目: a count of a kind of project
            cand = self._weak_prefix(text, s, e) or self._project_brand(text, s, e, whole=whole,
                                                                         before_output=output is not None)
            if cand is not None:
                out.append(cand)
        return out

    def _brand_before_placed_park(self, text: str, s: int, e: int) -> Cand | None:
        """某某科技|洛阳某某科技园(项目), 某某电子|郑州产业新城(项目): a project named by a brand, then a place (a city or
        district) and the park it builds there; the brand is the firm."""
        item = text[s:e]
        m = self.suffix_re.search(item)
        if m is None or m.end() != len(item) or self.suffix_cls[m.group()] is not EntityClass.PARK:
            return None
        for k in range(2, min(m.start(), 9)):
            if self._division_at(item, k) is None:
                continue
            brand = item[:k]
            if self.gaz.place(brand[:2]) or self.gaz.place(brand[:3]) or not _brand_word(brand) \
                    or words.leading_function_words(brand) or brand in L.PROJECT_MODIFIERS:
                return None
            return Cand(s, s + k, EntityClass.COMPANY, "project", 0)
        return None

    def _division_at(self, item: str, k: int) -> int | None:
        """Length of the city, district or province name (3 or 2 characters) at ``item[k:]``, else None."""
        for n in (3, 2):
            p = self.gaz.place(item[k:k + n])
            if p is not None and p.level >= 1:
                return n
        return None

    def _weak_prefix(self, text: str, s: int, e: int) -> Cand | None:
        """A brand and an industry word at the head of a longer project name (华岳动力xHEV电池系统|项目,
        拓岳半导体射频芯片…|项目): the firm is the brand and its industry word."""
        for p in range(s + 2, min(e - 2, s + 5)):
            suf = next((w for w in L.WEAK_SUFFIXES_BY_LENGTH if text.startswith(w, p)), None)
            if suf is None or p + len(suf) >= e:
                continue
            if suf in L.PRODUCT_WORDS:
                return None      # 菲岳玛特|汽车零部件项目: a product after the brand, the brand is the firm
            if re.match("建设|兴建|新建|设立|打造|扩建|布局", text[p + len(suf):p + len(suf) + 2]):
                return None      # 博岳|投资建设…项目: the verb of the clause, not the firm's industry word
            brand = text[s:p]
            if self.gaz.place(brand) or brand in L.PROJECT_MODIFIERS or brand in L.PROJECT_VERBS \
                    or words.leading_function_words(brand) or _COUNT_BEFORE.search(brand) or not _brand_word(brand):
                return None
            return Cand(s, p + len(suf), EntityClass.COMPANY, "project", 0)
        return None

    def project_lists(self, text: str) -> list[Cand]:
        """Lists of projects and firms in 招商 news: `N个项目：A、B、C；` (a colon list), `集中签约/开工/竣工A、B等N个项目`,
        `以A、B为龙头/代表`. Each item is a firm (`X食品`, `X汽车电子`: a brand and its industry) or the firm at the
        head of a project's name (`X研发中心` -> X)."""
        out = []
        for pat in (_COLON_LIST, _COUNTED_COLON_LIST, _VERB_LIST, _LEAD_LIST):
            for m in pat.finditer(text):
                pos = m.start("items")
                for part in re.split("[、和及]" if pat in (_COLON_LIST, _COUNTED_COLON_LIST) else "、", m.group("items")):
                    s, e = pos, pos + len(part)
                    pos = e + 1
                    # 以A、B为代表: only items named like firms (a brand alone may be a product's or a common word)
                    cand = self._list_item_firm(text, s, e, brand_ok=pat is not _LEAD_LIST)
                    if cand is not None:
                        out.append(cand)
        return out

    def institute_units(self, text: str, cands: list[Cand]) -> list[Cand]:
        """中科院某某所, 某某大学岩土所: a unit of an academy or a university named by its field and 所 (研究所 in
        short) is an institute of its own, named with its parent."""
        out = []
        for c in cands:
            if c.cls is not EntityClass.INSTITUTE or not text.endswith(L.INSTITUTE_PARENTS, c.start, c.end):
                continue
            m = _UNIT_OF_INSTITUTE.match(text, c.end)
            if m is not None and not words.leading_function_words(m.group(1)):
                out.append(Cand(c.start, m.end(), EntityClass.INSTITUTE, "suffix", 2))
        return out

    @staticmethod
    def joint_ventures(text: str, cands: list[Cand]) -> list[Cand]:
        """Two Fortune Global 500 brands written together (甲乙, the joint venture of 甲 and 乙) name one firm."""
        firms = {c.start: c for c in cands if c.fortune is not None and c.cls is EntityClass.COMPANY}
        out = []
        for c in firms.values():
            d = firms.get(c.end)
            if d is not None and d.fortune is not c.fortune:
                out.append(Cand(c.start, d.end, EntityClass.COMPANY, "joint", 2))
        return out

    def counted_projects(self, text: str, cands: list[Cand]) -> list[Cand]:
        """`P甲某50MW分布式光伏、乙某年产3万吨硫酸钾等3个项目已开工`: the items of a counted list of projects (from
        the clause mark before it; a park named first is the park the list is about) are projects whose names start
        with their firm's brand, which ends where the project's output (年产, 50MW) begins."""
        out = []
        parks = {c.start: c.end for c in cands if c.cls is EntityClass.PARK}
        for end in _COUNTED_END.finditer(text):
            # the list runs back from its count to the clause mark before it (found from the end: linear)
            lo = max(0, end.start() - 400)
            s0 = max(lo - 1, *(text.rfind(ch, lo, end.start()) for ch in _CLAUSE_MARKS)) + 1
            m = _COUNTED_ITEMS.fullmatch(text, s0, end.start())
            if m is None:
                continue
            pos = s0
            for part in m.group().split("、"):
                s, e = pos, pos + len(part)
                pos = e + 1
                if s in parks and parks[s] < e:
                    s = parks[s]       # 青川工业园|星岚源50MW…: the park the list is about, then the first project
                output = _OUTPUT_OF.search(text, s, e)
                if output is None or output.start() - s < 2:
                    continue
                cand = self._project_brand(text, s, output.start(), whole=True, before_output=True)
                if cand is not None and not any(c.start <= cand.start < c.end for c in cands):
                    out.append(cand)
        return out

    def _list_item_firm(self, text: str, s: int, e: int, brand_ok: bool = True) -> Cand | None:
        tail = _ITEM_TAIL.search(text, s, e)
        if tail is not None and tail.start() - s >= 2:
            e = tail.start()
            for k in (3, 2):    # 星澜新航东州|项目: a place before the project words is the project's, not the firm's
                if e - s - k >= 2 and self.gaz.place(text[e - k:e]):
                    e -= k
                    break
        name = text[s:e]
        if len(name) < 2 or self.gaz.place(name) or words.is_generic_phrase(name) or self.suffix_re.search(name) \
                or words.leading_function_words(name) or _COUNT_BEFORE.search(name):
            return None
        if (len(name) <= 10 and self._weak_firm_name(name) or tail is not None and 4 <= len(name) <= 6) and not any(
                self.gaz.place(name[:k]) and words.is_generic_phrase(name[k:]) for k in (2, 3)):
            return Cand(s, e, EntityClass.COMPANY, "list", 1)       # 云麦食品, 佳岚特汽车电子, 岳多供电|生产线项目
        return self._project_brand(text, s, e, whole=True) if brand_ok else None   # 格岚拉克|研发中心

    def _project_brand(self, text: str, s: int, e: int, whole: bool = False, places: bool = True,
                       before_output: bool = False) -> Cand | None:
        """The brand at the start of the phrase text[s:e] (a project or product name), as a company."""
        item = text[s:e]
        if len(item) < 2 or self.gaz.place(item) or item in self.matcher.terms:
            return None
        # X南通基地, X湖南区域总部: the brand ends at a place followed only by facility words
        for k in range(2, len(item) - 1 if places else 2):
            for n in (3, 2):
                p = self.gaz.place(item[k:k + n])
                if p is not None and p.level >= 1 and len(item) - (k + n) <= 4 and \
                        words.is_generic_phrase(item[k + n:] or "区域") and not self.gaz.place(item[:2]):
                    kb = k - 1 if item[k - 1] in "与和及同跟的" else k     # 某某科技与|上海…所: the pair's first
                    brand = item[:kb]
                    if len(brand) >= 2 and not words.is_generic_phrase(brand) \
                            and not words.leading_function_words(brand):
                        return Cand(s, s + kb, EntityClass.COMPANY, "project", 0)
                    return None
        if before_output and self._weak_firm_name(item) and not words.leading_function_words(item) \
                and not words.is_generic_phrase(item) and not self.gaz.place(item[:2]):
            return Cand(s, e, EntityClass.COMPANY, "project", 0)    # 蓝湾新材料|年产…: a brand + industry word
        # 新加坡某海|油品…项目, 美国某杰|高空作业平台: a foreign country, then a brand, then what the project makes
        for k in (4, 3, 2):
            home = self.gaz.place(item[:k])
            if home is None or home.level != 0 or home.code == "C:中国" or len(item) - k < 4:
                continue
            rest = item[k:]
            b = words.leading_brand(rest)
            if 2 <= b <= 4 and not words.is_generic_phrase(rest[:b]) and rest[:b] not in L.INDUSTRY_WORDS \
                    and not self.gaz.place(rest[:2]) and words.is_generic_phrase(rest[b:]):
                return Cand(s, s + k + b, EntityClass.COMPANY, "project", 0)
            break
        if whole:
            # 深圳某诺斯|年产…, 浙江某川|…项目: a province or city, then a brand, is a firm's name as a whole
            for k in (3, 2):
                home = self.gaz.place(item[:k])
                rest = item[k:]
                b = words.leading_brand(rest, whole=len(rest) <= 4) if home is not None and home.level in (1, 2) else 0
                if 2 <= b <= 4 and (b == len(rest) or words.is_generic_phrase(rest[b:])) \
                        and not words.is_generic_phrase(rest[:b]) and rest[:b] not in L.INDUSTRY_WORDS \
                        and not self.gaz.place(rest[:2]):
                    return Cand(s, s + k + b, EntityClass.COMPANY, "project", 0)   # (台湾某泰|显示面板项目)
        n = words.leading_brand(item, whole=whole)
        if n < 2:
            return self._word_brand(item, s)
        brand = item[:n]
        if brand[0].isdigit():
            return None      # 50GW直拉…: a quantity and a product, no brand
        if self.gaz.place(brand) or words.is_generic_phrase(brand) or brand in L.INDUSTRY_WORDS \
                or any(self.gaz.place(brand[:k]) and len(brand) - k < 2 for k in (2, 3)):
            return None
        return Cand(s, s + n, EntityClass.COMPANY, "project", 0)

    def _word_brand(self, item: str, s: int) -> Cand | None:
        """A brand made of a dictionary word, then an industry word, at the head of a project's name
        (远帆新材料|第三代半导体项目, 星图科技|封测项目): the firm is the word and its industry. Words that qualify
        projects (高端, 新型, 绿色, 智能…) and frequent common words (电路|材料) are not brands."""
        head = item[:2]
        if head in L.PROJECT_MODIFIERS or words.tag(head) in ("a", "b", "d", "m", "q", "r", "p", "c", "f", "u") \
                or self.gaz.place(head):
            return None
        for suf in L.WEAK_SUFFIXES_BY_LENGTH:
            if item.startswith(suf, 2) and not words.is_generic_phrase(head + suf) or \
                    item.startswith(suf, 2) and head not in L.INDUSTRY_WORDS and words.frequency(head) < 2 * _BRAND_MAX_FREQUENCY:
                return Cand(s, s + 2 + len(suf), EntityClass.COMPANY, "project", 0)
        return None

    def partner_names(self, text: str) -> list[Cand]:
        """与北方重工合作: the other party of a cooperation is an organisation."""
        out = []
        pat = re.compile(f"([{L.CJK}A-Za-z]{{2,8}}?)(?:共同|联合)?(?:{_COOPERATION_ADVERBS})*(?:合作|签约|签署|携手|联手)")
        for c in re.finditer("与|和|同|跟", text):
            m = pat.match(text, c.end())   # every connective is tried: 他和同事们与北方重工合作
            if m is None:
                continue
            name = m.group(1)
            if words.is_generic_phrase(name) or self.gaz.place(name) or any(ch in L.LEFT_STOP_CHARS for ch in name) \
                    or name in L.BARE_PARK_WORDS or any(
                        sf in name for sf, c_ in L.SUFFIXES if c_ in (EntityClass.PARK, EntityClass.GOVERNMENT_BODY)):
                continue     # 与高新区签约, 同某某高新区签署协议: a park (or its office), not a firm
            if any(self.gaz.place(name[:k]) and words.is_generic_phrase(name[k:]) for k in (2, 3) if len(name) > k):
                continue   # 与日本开展合作: a place and a verb
            if name.endswith("们") or all(ch in L.COUNTRY_ABBREVIATIONS for ch in name) or (
                    any(self.gaz.place(name[:k]) for k in (2, 3)) and not self.suffix_re.search(name)
                    and len(name) <= 4):
                continue   # 与企业家们携手, 与日韩合作, 与某市企地合作: people, countries, a place's side
            out.append(Cand(m.start(1), m.end(1), EntityClass.COMPANY, "partner-name", -1))
        return out

    def weak_companies(self, text: str) -> list[Cand]:
        """`X科技`, `X智能` … between list punctuation: company names the suffix rules cannot see."""
        out = []
        suf = "|".join(sorted(map(re.escape, L.WEAK_COMPANY_SUFFIXES), key=len, reverse=True))
        for m in re.finditer(f"(?<=[、，。；：“])([{L.CJK}]{{2,6}}(?:{suf}))(?=等|在|申报|科创板|上市|成为|入选|获评|、)", text):
            if words.is_generic_phrase(m.group(1)) or (text[m.end(1)] == "、" and not _WEAK_LIST.match(text, m.end(1))):
                continue
            # the clause before the name is not part of it: 现已引进|英迈智能
            start = self.trim_left(text, self.extend_left(text, m.end(1), limit=10, floor=m.start(1)), m.end(1))
            if not self._weak_firm_name(text[start:m.end(1)]) or words.is_generic_phrase(text[start:m.end(1)]):
                continue
            out.append(Cand(start, m.end(1), EntityClass.COMPANY, "weak", 0))
        # a brand + industry word in a slot of its own: at a clause's start or after 与/由/旗下的, before a verb of
        # investing, settling, signing or cooperating (澜图科技在P投资, 由锐泰精工投资设立, 与蓝海通信共建)
        for m in _WEAK_SLOT.finditer(text):
            name = m.group(1)
            brand = name[:-len(m.group(2))]
            if not self._weak_firm_name(name) or words.leading_function_words(name) or (words.is_generic_phrase(name) and (
                    len(brand) != 2 or words.frequency(brand) >= 2 * _BRAND_MAX_FREQUENCY)) \
                    or self.gaz.place(name) or any(self.gaz.place(name[:k]) and words.is_generic_phrase(name[k:])
                                                   for k in (2, 3)) or _COUNT_BEFORE.search(name):
                continue
            out.append(Cand(m.start(1), m.end(1), EntityClass.COMPANY, "weak", 0))
        # 金华科在创业板上市, 兰石智能申报科创板: what goes public is a firm
        for m in _IPO_NAME.finditer(text):
            start = self.trim_left(text, self.extend_left(text, m.end(1), limit=8, floor=m.start(1)), m.end(1))
            if m.end(1) - start >= 2 and not words.is_generic_phrase(text[start:m.end(1)]) \
                    and not self.gaz.place(text[start:m.end(1)]):
                out.append(Cand(start, m.end(1), EntityClass.COMPANY, "weak", 0))
        # 园区企业奥林科技正在…: a firm introduced by the park it belongs to
        for m in re.finditer(f"(?:高新区|开发区|经开区|园区|产业园)(?:内)?企业([{L.CJK}]{{2,6}}?(?:{suf}))", text):
            if not words.is_generic_phrase(m.group(1)):
                out.append(Cand(m.start(1), m.end(1), EntityClass.COMPANY, "weak", 0))
        return out

    def placed_new_areas(self, text: str, cands: list[Cand]) -> list[Cand]:
        """A district named X新区 in the gazetteer (滨海新区 of one city) written after a city it is not in
        (甲州滨海新区): another city's new area, a park, not the district."""
        out = []
        places = {(c.start, c.end): c for c in cands if c.cls is EntityClass.PLACE and c.source == "gazetteer"}
        for c in places.values():
            if not text.endswith("新区", c.start, c.end) or c.place is None:
                continue
            for (a, b), p in places.items():
                if b == c.start and p.place is not None and p.place.level in (1, 2) \
                        and not self.gaz.contains(p.place, c.place):
                    out.append(Cand(a, c.end, EntityClass.PARK, "suffix", 3))
        return out

    def nested_parks(self, text: str, cands: list[Cand]) -> list[Cand]:
        """A park named right after the park it lies in (甲科技园区乙生物医药产业基地, 甲高新区乙产业园) is the
        sub-park, named in full with its park; the park itself keeps its other mentions."""
        parks = [c for c in cands if c.cls is EntityClass.PARK and c.source in ("suffix", "gazetteer")]
        starts: dict[int, list[Cand]] = {}
        for c in parks:
            starts.setdefault(c.start, []).append(c)
        out = []
        for a in parks:
            for b in starts.get(a.end, ()):
                if b.end - b.start < 4 or not self._may_lie_in(text[b.start:b.end], text[a.start:a.end], a):
                    continue     # 甲市高新区乙县经开区: two parks of two places, not one inside the other
                out.append(Cand(a.start, b.end, EntityClass.PARK, "suffix", max(a.score, b.score) + 1))
        return out

    def park_brands(self, text: str, cands: list[Cand]) -> list[Cand]:
        """A park named after the firm that builds it: brand + industry words + 产业园 (甲岳绿色包装产业园,
        乙泰食品冷链产业园, 丙能(某市)智能产业园). The brand is a firm; an industry word right after it (乙泰食品) is
        part of its short name. Places, countries (中德), parks and common words at the head name no firm."""
        out = []
        for c in cands:
            if c.cls is not EntityClass.PARK or c.source != "suffix":
                continue
            name = text[c.start:c.end]
            suffix = next((s_ for s_ in _BRAND_PARK_SUFFIXES if name.endswith(s_)), None)
            if suffix is None:
                continue
            head = name[:-len(suffix)]
            stripped = []
            while True:
                w = next((w for w in _PARK_TOPIC_WORDS if head.endswith(w) and len(head) > len(w)), None)
                if w is None:
                    break
                head = head[:-len(w)]
                stripped.insert(0, w)
            if not stripped:
                continue
            start = c.start
            bracket = _QUALIFIER_BRACKET.search(head)
            if bracket is not None:
                head = head[:bracket.start()]      # 丙能(某市): the brand before its place
            brand = head
            if not (2 <= len(brand) <= 6) or not _ALL_CJK.fullmatch(brand) or self.gaz.place(brand) \
                    or any(self.gaz.place(brand[:k]) for k in (2, 3)) or brand in self.gaz.park_names \
                    or all(ch in L.COUNTRY_ABBREVIATIONS for ch in brand) or brand.endswith("商") \
                    or brand in L.PROJECT_MODIFIERS or brand in L.PROJECT_VERBS or not _brand_word(brand) \
                    or words.leading_function_words(brand) or self.suffix_re.search(brand) \
                    or _COUNT_BEFORE.search(brand) or self._place_word_in(brand):
                continue
            end = start + len(brand)
            if bracket is None and stripped[0] in L.FIRM_INDUSTRY_WORDS and stripped[0] not in _QUALIFYING_WORDS:
                end += len(stripped[0])            # 乙泰食品|冷链产业园: the firm's short name
            out.append(Cand(start, end, EntityClass.COMPANY, "park-brand", 0))
        return out

    def _ends_with_body(self, name: str) -> bool:
        """推介会由某市委|副书记X: the run before a role ends with a government body's suffix, which the suffix rules
        name on their own (the run is no firm)."""
        m = self.suffix_re.search(name)
        return m is not None and m.end() == len(name) and self.suffix_cls[m.group()] is EntityClass.GOVERNMENT_BODY

    def _place_word_in(self, brand: str) -> bool:
        """``brand`` opens with a word the dictionary knows as a place (a town, a lake, 新塘: not 中国) or ends
        with a city's name (某景|鄂尔多斯): a place's park, or a firm's park named with its place."""
        toks = words.tokens(brand)
        return (len(toks[0]) >= 2 and words.tag(toks[0]) == "ns" and toks[0] != "中国") or any(
            self.gaz.place(brand[k:]) for k in range(1, len(brand) - 1))

    def _may_lie_in(self, inner: str, outer: str, outer_cand: Cand) -> bool:
        """Whether a park named ``inner`` may lie in the park named ``outer``: no place opens its name, or the
        place lies in the outer park's place (its city's districts)."""
        place = next((p for k in (4, 3, 2) if (p := self.gaz.place(inner[:k])) is not None), None)
        if place is None:
            return True
        home = next((p for k in (4, 3, 2) if (p := self.gaz.place(outer[:k])) is not None), None)
        if home is None and outer_cand.park is not None:
            home = self.gaz.place(outer_cand.park.city) or self.gaz.place(outer_cand.park.province)
        return home is not None and (self.gaz.contains(home, place) or self.gaz.contains(
            self.gaz.parent_of(home) or home, place))

    def slot_firms(self, text: str) -> list[Cand]:
        """A firm named by the slot it fills: the subject of an investment verb right after a descriptor of firms
        (锂电行业龙头——X投资30亿元…, 龙头企业X在P投资建设…). The descriptor says what the name is, the verb says
        it acts as an investor, so the name needs no suffix."""
        out = []
        for d in _SLOT_DESCRIPTOR.finditer(text):
            m = _SLOT_NAME.match(text, d.end())
            if m is None:
                continue
            name = m.group(1)
            if self.gaz.place(name) or words.is_generic_phrase(name) or words.leading_function_words(name) \
                    or any(ch in L.LEFT_STOP_CHARS for ch in name) or _COUNT_BEFORE.search(name) \
                    or name in _GENERIC_ORG_NOUNS or self.suffix_re.search(name) or name.startswith(("该", "本", "其")):
                continue
            out.append(Cand(m.start(1), m.end(1), EntityClass.COMPANY, "list", 0))
        return out

    def find(self, text: str) -> list[Cand]:
        """Candidate mentions of ``text`` (in simplified characters: see ``kg.extract.script``)."""
        sentences = split_sentences(text)
        cands = self.gazetteer(text) + self.suffixed(text, sentences)
        cands += self.enumerations(text, cands)
        cands += self.weak_companies(text)
        cands += self.partner_names(text)
        cands += self.project_firms(text)
        cands += self.project_lists(text)
        cands += self.joint_ventures(text, cands)
        cands += self.counted_projects(text, cands)
        cands += self.institute_units(text, cands)
        cands += self.slot_firms(text)
        cands += self.group_members(text, cands)
        cands += self.region_parks(text, cands)
        cands += self.province_abbreviations(text)
        cands += self.placed_new_areas(text, cands)
        cands += self.nested_parks(text, cands)
        cands += self.park_brands(text, cands)
        cands += self.place_brands(text, cands)
        cands += self.free_trade_zones(text)
        cands = [c for c in cands if not self._not_a_firm(text, c)]
        self._cut_joined_names(text, cands)
        self._bracketed_heads(text, cands)
        cands = self._known_firm_edges(text, cands)
        blocked = [(c.start, c.end) for c in cands if c.source in ("suffix", "gazetteer") and c.cls is not EntityClass.PLACE]
        cands += self.persons(text, blocked)
        cands += self.list_siblings(text, cands)
        for c in cands:
            if not c.text:
                c.text = text[c.start:c.end]
        return cands

    def _bracketed_heads(self, text: str, cands: list[Cand]) -> None:
        """东部|(某州)科技城: a park's or body's name does not start with its bracketed place; the word before is its
        head (a region word or a name, not a verb or a place)."""
        for c in cands:
            if c.source == "suffix" and c.cls in (EntityClass.PARK, EntityClass.GOVERNMENT_BODY) \
                    and text[c.start:c.start + 1] in "(（":
                toks = words.tokens(text[max(0, c.start - 6):c.start])
                head = toks[-1] if toks else ""
                if 2 <= len(head) <= 4 and _CJK_RE.match(head) and not self.gaz.place(head) and (
                        not words.leading_function_words(head) or head in _REGION_HEADS):
                    c.start, c.text = c.start - len(head), ""

    def _known_firm_edges(self, text: str, cands: list[Cand]) -> list[Cand]:
        """Names that a known firm (Fortune Global 500, listed) bounds: a project named after one is the known
        firm's (某门子|智能传感全套装备项目, 某国海油|国际研发中心), but a member named by the known firm and one
        trade word stays (某东方|数科研发中心); a list item that ends with one after words that are not a place
        starts at it (产品直销|某世、)."""
        known = {c.start: c.end for c in cands if c.cls is EntityClass.COMPANY and c.source in ("gazetteer", "listed")}
        cands = [c for c in cands if not (c.source == "project" and known.get(c.start, c.end) < c.end
                                          and text[known[c.start]:c.end] not in _MEMBER_TRADES)]
        known_end = {e: s for s, e in known.items()}
        for c in cands:
            k = known_end.get(c.end)
            if c.source == "list" and k is not None and c.start < k and not self._only_places(text[c.start:k]):
                c.start, c.text = k, ""
        return cands

    def _cut_joined_names(self, text: str, cands: list[Cand]) -> None:
        """A park's or a body's name found by its suffix that reached back over another name: a government body
        (`某区投资促进局|某某新区…管委会`: a park holds no body, and a body named after a place starts there) or
        words before a park of the national lists (`北京招商|某某高新区`: only places may stand before it)."""
        parks = [c for c in cands if c.source == "gazetteer" and c.cls is EntityClass.PARK]
        for c in cands:
            if c.source != "suffix" or c.cls not in (EntityClass.PARK, EntityClass.GOVERNMENT_BODY):
                continue
            for m in _BODY_INSIDE.finditer(text, c.start, c.end - 2):
                at = m.end()
                if c.cls is EntityClass.PARK or any(
                        (p := self.gaz.place(text[at:at + k])) is not None and p.level <= 2 for k in (2, 3)):
                    c.start, c.text = at, ""
            if c.cls is EntityClass.PARK:
                g = next((g for g in parks if c.start < g.start and g.end == c.end
                          and not self._only_places(text[c.start:g.start])), None)
                if g is not None:
                    c.start, c.text = g.start, ""

    def free_trade_zones(self, text: str) -> list[Cand]:
        """Pilot free trade zones' areas and zones: 中国(某省)自由贸易试验区某城片区, 某省自贸试验区某城片区 (an area
        hosts firms and has its 管委会), and 中国(某省)自由贸易试验区 named alone."""
        out = []
        for m in _FREE_TRADE_ZONE.finditer(text):
            start = None
            b = _CHINA_BRACKETED.search(text, max(0, m.start() - 8), m.start())
            if b is not None and (p := self.gaz.place(b.group(1))) is not None and p.level == 1:
                start = b.start()
            else:
                for k in (3, 2):
                    p = self.gaz.place(text[max(0, m.start() - k):m.start()])
                    if m.start() >= k and p is not None and p.level == 1:
                        start = m.start() - k
                        break
            if start is None:
                continue
            if m.group("area"):
                out.append(Cand(start, m.end(), EntityClass.PARK, "suffix", 1))
            elif text.startswith("中国", start):      # the province's zone itself, named in full
                out.append(Cand(start, m.end("zone"), EntityClass.PARK, "suffix", 1))
        return out

    def list_siblings(self, text: str, cands: list[Cand]) -> list[Cand]:
        """Items of one `A、B、C等` list are of one kind: where at least two items and a third of them are firms by
        the other rules, an item no rule named (a brand alone: 四岳科技、海之岳、中科岳海等) is a firm too, when it
        reads as a name (not a place, not common words but for a rare word: brands are often words, not a clause)."""
        out = []
        for m in _SIBLING_LIST.finditer(text):
            parts, pos = [], m.start(1)
            for part in m.group(1).split("、"):
                parts.append((pos, pos + len(part)))
                pos += len(part) + 1
            kinds, unknown = [], []
            for k, (s, e) in enumerate(parts):
                inside = [c for c in cands if c.start < e and c.end > s]
                exact = [c for c in inside if c.end == e and (c.start == s or k == 0)]
                if exact:
                    kinds.append(max(exact, key=lambda c: c.end - c.start).cls)
                elif not inside:
                    kinds.append(None)
                    unknown.append((k, s, e))
                else:
                    kinds.append("other")
            n_firms = sum(1 for c in kinds if c is EntityClass.COMPANY)
            if not unknown or n_firms < 2 or 3 * n_firms < len(parts):
                continue
            for k, s, e in unknown:
                if k == 0:
                    s = self.trim_left(text, self.extend_left(text, e, limit=10, floor=s), e)
                name = text[s:e]
                if 2 <= len(name) <= 10 and not self.gaz.place(name) and _brand_word(name) \
                        and not words.leading_function_words(name) and not _COUNT_BEFORE.search(name) \
                        and not any(ch.isdigit() for ch in name) and not _OFFICE_WORDS.search(name):
                    out.append(Cand(s, e, EntityClass.COMPANY, "list", 1))     # (not 党工委委员、…: an office)
        return out
