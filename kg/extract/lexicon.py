"""Cue words of the extraction rules, in one place (name suffixes, roles, relation cues).

These are properties of the language and of news about parks, not of any article: each list is what a reader
of 园区 news would write down. Longest forms first wherever the order matters.
"""
from __future__ import annotations

import re

from kg.records import EntityClass

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# characters that may appear inside an organisation name besides CJK (brackets for 西安高新区(长安))
NAME_CHARS = CJK + "A-Za-z0-9·"

# name suffix -> class. Strong suffixes end a name on their own.
SUFFIXES: list[tuple[str, EntityClass]] = [
    # parks
    ("高新技术产业开发区", EntityClass.PARK), ("经济技术开发区", EntityClass.PARK),
    ("高新技术产业园区", EntityClass.PARK), ("农业高新技术产业示范区", EntityClass.PARK),
    ("高新区", EntityClass.PARK), ("经开区", EntityClass.PARK), ("开发区", EntityClass.PARK),
    ("产业园区", EntityClass.PARK), ("产业园", EntityClass.PARK), ("工业园区", EntityClass.PARK),
    ("工业园", EntityClass.PARK), ("科技园区", EntityClass.PARK), ("科技园", EntityClass.PARK),
    ("科技城", EntityClass.PARK), ("科学城", EntityClass.PARK), ("软件园", EntityClass.PARK),
    ("创业园", EntityClass.PARK), ("创新园", EntityClass.PARK), ("物流园", EntityClass.PARK),
    ("示范园", EntityClass.PARK), ("示范区", EntityClass.PARK), ("合作区", EntityClass.PARK),
    ("自贸区", EntityClass.PARK), ("综合保税区", EntityClass.PARK), ("保税区", EntityClass.PARK),
    ("产业基地", EntityClass.PARK), ("基金小镇", EntityClass.PARK), ("特色小镇", EntityClass.PARK),
    ("高新东区", EntityClass.PARK), ("高新西区", EntityClass.PARK), ("高新南区", EntityClass.PARK),
    ("高新北区", EntityClass.PARK),
    # parks named by grammar: a place or brand + one of these (新区, 片区, 新城 host firms and have a 管委会; a
    # district that is a place, 滨海新区, is a place name and wins in the gazetteer)
    ("经济开发区", EntityClass.PARK), ("汽开区", EntityClass.PARK), ("新区", EntityClass.PARK),
    ("片区", EntityClass.PARK), ("新城", EntityClass.PARK), ("产业区", EntityClass.PARK),
    ("工业区", EntityClass.PARK), ("生态园", EntityClass.PARK), ("合作园", EntityClass.PARK),
    ("产业合作园", EntityClass.PARK), ("科创城", EntityClass.PARK), ("智创城", EntityClass.PARK),
    ("示范基地", EntityClass.PARK), ("智造谷", EntityClass.PARK), ("芯谷", EntityClass.PARK),
    ("产业新城", EntityClass.PARK), ("工业新城", EntityClass.PARK), ("生态城", EntityClass.PARK),
    ("工业集中区", EntityClass.PARK), ("产业集中区", EntityClass.PARK), ("集中区", EntityClass.PARK),
    ("分区", EntityClass.PARK), ("科技谷", EntityClass.PARK), ("产业港", EntityClass.PARK),
    ("综保区", EntityClass.PARK), ("产业集聚区", EntityClass.PARK), ("集聚区", EntityClass.PARK),
    ("临空经济区", EntityClass.PARK), ("空港经济区", EntityClass.PARK), ("科创园", EntityClass.PARK), ("汽车城", EntityClass.PARK), ("科创谷", EntityClass.PARK),
    ("科创港", EntityClass.PARK), ("智慧城", EntityClass.PARK), ("科创小镇", EntityClass.PARK),
    ("科创区", EntityClass.PARK), ("商务区", EntityClass.PARK), ("科技港", EntityClass.PARK),
    ("汽车谷", EntityClass.PARK), ("能源谷", EntityClass.PARK), ("经合区", EntityClass.PARK), ("数谷", EntityClass.PARK),
    ("台商投资区", EntityClass.PARK), ("生物城", EntityClass.PARK), ("航天城", EntityClass.PARK),
    ("航空城", EntityClass.PARK), ("医药城", EntityClass.PARK), ("保税港区", EntityClass.PARK), ("药谷", EntityClass.PARK),
    # government bodies
    ("管理委员会", EntityClass.GOVERNMENT_BODY), ("管委会", EntityClass.GOVERNMENT_BODY),
    ("党工委", EntityClass.GOVERNMENT_BODY), ("工委", EntityClass.GOVERNMENT_BODY),
    ("人民政府", EntityClass.GOVERNMENT_BODY),
    ("政府", EntityClass.GOVERNMENT_BODY), ("发展和改革委员会", EntityClass.GOVERNMENT_BODY),
    ("发改委", EntityClass.GOVERNMENT_BODY), ("区委", EntityClass.GOVERNMENT_BODY),
    ("市委", EntityClass.GOVERNMENT_BODY), ("县委", EntityClass.GOVERNMENT_BODY),
    ("省委", EntityClass.GOVERNMENT_BODY), ("火炬中心", EntityClass.GOVERNMENT_BODY),
    ("科技厅", EntityClass.GOVERNMENT_BODY), ("商务厅", EntityClass.GOVERNMENT_BODY),
    ("工信厅", EntityClass.GOVERNMENT_BODY), ("自治区党委", EntityClass.GOVERNMENT_BODY),
    ("筹委会", EntityClass.GOVERNMENT_BODY),
    *[(w + "局", EntityClass.GOVERNMENT_BODY) for w in (
        "管理", "监督", "创业", "科技", "商务", "税务", "统计", "财政", "发展", "服务", "资源", "规划", "建设", "监管",
        "能源", "工信", "公安", "教育", "人社", "招商", "经发", "投促", "经信", "环保", "水利", "交通", "农业", "卫健",
        "文旅", "审批", "促进", "合作", "经济", "生态", "城管", "民政", "保障", "市场", "产权", "海关", "金融",
        "技术", "信息化", "环境", "数据", "事务", "体育", "林业", "气象", "旅游", "粮食", "国资", "外事", "审计",
        "司法", "应急", "住建", "发改", "医保", "网信", "创新", "药监")],
    # bodies whose name holds 和 (a stop character elsewhere): matched whole, so the place before them stays
    *[(w, EntityClass.GOVERNMENT_BODY) for w in (
        "工业和信息化局", "住房和城乡建设局", "人力资源和社会保障局", "文化和旅游局", "文化广电和旅游局",
        "发展和改革局", "科学技术局", "工业和信息化厅", "科学技术厅", "住房和城乡建设厅", "人力资源和社会保障厅",
        "工业和信息化部", "科学技术部", "住房和城乡建设部", "人力资源和社会保障部", "文化和旅游部")],
    ("办公室", EntityClass.GOVERNMENT_BODY),
    ("委员会", EntityClass.GOVERNMENT_BODY),
    # commissions, offices and agencies by their short forms (科委, 经信委, 合作交流办, 行审局, 投促中心)
    *[(w, EntityClass.GOVERNMENT_BODY) for w in (
        "人大常委会", "政协", "市委办", "区委办", "县委办", "省委办", "政府办", "科委", "经信委", "经济信息化委", "经济和信息化委", "工信委", "教委", "卫健委", "商委",
        "建委", "农委", "国资委", "发展改革委", "发展和改革委", "统战部", "宣传部", "组织部", "网信办", "合作交流办", "招商办", "金融办", "外事办", "侨办", "台办", "政研室",
        "行审局", "行政审批局", "投促中心", "投资促进中心", "招商中心", "政务服务中心", "人大", "党政办",
        # foreign missions
        "大使馆", "总领事馆", "领事馆")],
    # institutes
    ("产业技术研究院", EntityClass.INSTITUTE), ("研究院", EntityClass.INSTITUTE), ("研究所", EntityClass.INSTITUTE),
    ("研究中心", EntityClass.INSTITUTE), ("创新中心", EntityClass.INSTITUTE), ("服务中心", EntityClass.INSTITUTE),
    ("检测中心", EntityClass.INSTITUTE), ("发射中心", EntityClass.INSTITUTE), ("孵化器", EntityClass.INSTITUTE),
    ("重点实验室", EntityClass.INSTITUTE), ("工程实验室", EntityClass.INSTITUTE), ("科学院", EntityClass.INSTITUTE), ("工程院", EntityClass.INSTITUTE),
    ("大学", EntityClass.INSTITUTE), ("学校", EntityClass.INSTITUTE), ("医院", EntityClass.INSTITUTE),
    ("学院", EntityClass.INSTITUTE), ("产研院", EntityClass.INSTITUTE),
    ("设计院", EntityClass.COMPANY),
    # funds (not registered as 有限公司), chambers, associations, alliances, incubators, platforms
    *[(w, EntityClass.INSTITUTE) for w in (
        "商会", "协会", "行业协会", "联合会", "促进会", "工商联", "联盟", "基金会", "基金", "母基金", "孵化基地", "孵化园",
        "众创空间", "加速器", "科创中心", "创新基地", "创新示范基地", "双创示范基地", "科技大市场", "技术市场",
        "交易中心", "工作站", "智库",
        "实验室", "科学中心", "技术中心", "工程中心", "创新研究院", "研究基地", "调研基地", "医学中心", "转化中心", "科协")],
    # companies
    ("股份有限公司", EntityClass.COMPANY), ("有限责任公司", EntityClass.COMPANY), ("有限公司", EntityClass.COMPANY),
    ("集团公司", EntityClass.COMPANY), ("集团", EntityClass.COMPANY), ("分公司", EntityClass.COMPANY),
    ("子公司", EntityClass.COMPANY), ("公司", EntityClass.COMPANY), ("株式会社", EntityClass.COMPANY),
    ("银行", EntityClass.COMPANY), ("分行", EntityClass.COMPANY), ("支行", EntityClass.COMPANY),
    ("投资中心", EntityClass.COMPANY), ("酒厂", EntityClass.COMPANY), ("卷烟厂", EntityClass.COMPANY), ("制药厂", EntityClass.COMPANY),
    ("钢铁厂", EntityClass.COMPANY), ("造船厂", EntityClass.COMPANY), ("机械厂", EntityClass.COMPANY),
]

# words a name never starts with / the left edge of a name stops before (verbs, prepositions, pronouns)
LEFT_STOP_WORDS = sorted("""
供图 图片 摄影 来源 发布 报道 据悉 截至 期间 以来 纳税大户 行业 企业家 主要负责人
投资方为 签约方为 合作方为 建设方为 运营方为 承建方为 投资方是 签约方是 合作方是 投资主体为 实施主体为
园区企业 区内企业 入驻企业 落户企业 龙头企业 骨干企业 重点企业 链主企业 领军企业 标杆企业 本土企业 配套企业 上市企业 会员企业
高新区企业 开发区企业 经开区企业 产业园企业 工业园企业 科技园企业 园内企业 规上企业 科技型企业 外资企业 民营企业 国有企业 合作企业 知名企业 优质企业 新落户企业 子公司 分公司 全资子公司 控股子公司 孙公司
的 在 与 和 及 让 为 是 将 由 对 从 向 把 被 等 了 着 到 给 或 并 以 于 也 都 就 还 又 这 那 其 该 各 每 据 称 说 有 已 经
来自 到达 地处 位于 落户 入驻 引进 联合 包括 成为 作为 表示 介绍 帮助 支持 推动 助力 携手 签约 牵手 吸引 培育 鼓励 引导
带动 依托 围绕 通过 如 像 例如 比如 其中 以及 同时 此外 目前 近日 日前 今年 去年 旗下 下属 所属 隶属 加入 进入 走进 来到
借力 聚力 助力 发力 看到 发现 显示 认为 了解 获悉 举办 举行 设立 成立 组建 建设 打造 建成 挂牌 揭牌 签署 达成 实现 完成 获得 获批 入选 登上
全市 全省 全区 全国 我们 他们 她们 它们 记者 本报 新华社 中新社 科技日报 社电 新华社电 中新社电 这家 那家 一家 多家 该区 园区 辖区 区内 当地
按照 根据 依据 经过 关于 对于 由于 针对 解码 聚焦 走进 探访 由此 因此 于是 但是 而且 并且 然后 不仅 还有 只有 还是 其他 另外 相关 有关 负责 主要 重点 首批 首家 不少 部分 大批 一批
考察 调研 视察 走访 参观 莅临 率队 带领 出席 前往 代表 抢抓 加快 推进 深化 加强 对接 启动 进驻 招引 加速 做强 做大 壮大
不断 积极 全力 着力 扎实 全面 实施 开展 拓展 那么 这么 什么 怎么 要么 多么 增强 参加 落地 极大 前来 赶赴 奔赴 部门
""".split(), key=len, reverse=True)
LEFT_STOP_CHARS = set("的在与和及暨兼携赴让为是将由对从向把被等了着到给或并以于也都就还又这那其该各每据称说有已，。、；：！？“”‘’《》「」『』（）()【】…—-,.;:!?\"' \n\t")

# a name's left part must not start with these (they belong to the clause)
BAD_NAME_START = set("年月日号个家名位项条只种次是")

PERSON_ROLES = sorted("""
董事长 副董事长 董事 总经理 副总经理 总裁 副总裁 执行总裁 首席执行官 首席技术官 首席运营官 首席科学家 CEO COO CTO CFO
创始人 联合创始人 负责人 技术负责人 主任 副主任 常务副主任 局长 副局长 县长 副县长 市长 副市长 区长 副区长 省长 副省长
书记 副书记 党委书记 党工委书记 党组书记 秘书长 副秘书长 院长 副院长 所长 副所长 校长 副校长 主席 副主席 部长 副部长
司长 副司长 厅长 副厅长 处长 副处长 科长 主管 车间主管 总监 技术总监 运营总监 财务总监 销售总监 市场总监 总工程师 工程师 经理 副经理 厂长 副厂长 常委
总领事 领事 大使 教授 研究员 首席专家 院士 专家 合伙人 行长 副行长 会长 副会长 理事长 站长 队长 组长 主任委员
委员 总书记 总理 副总理 国务委员 总统 副总统 首相 区长助理 市长助理 总经理助理 总裁助理 董事长助理 助理 巡视员 一级巡视员 二级巡视员 调研员
主委 副主委 主任医师 副主任医师 医师 医生 律师 总设计师 设计师 总会计师 党支部书记 村支书 支部书记
党组成员 党组副书记 副总 高级专员 专员 理事 常务理事
""".split(), key=len, reverse=True)

# words for kinds of people that head a list of names: 头部达人A、B、C等, 院士A、B等
PERSON_LIST_HEADS = ("市领导", "省领导", "区领导", "县领导", "领导", "达人", "主播", "网红", "明星", "艺人", "企业家", "院士", "专家", "学者", "嘉宾", "代表", "创始人",
                     "负责人", "科学家", "教授", "运动员", "选手")

# roles only a firm has (a bare 经理 right after a firm was named works there)
FIRM_ROLES = frozenset("""董事长 副董事长 总经理 副总经理 副总 经理 副经理 厂长 副厂长 总裁 副总裁 执行总裁 首席执行官 首席技术官
首席运营官 CEO COO CTO CFO 总监 技术总监 主管 车间主管 总工程师 创始人 联合创始人 技术负责人""".split())

SPEECH_VERBS = ("说道", "表示", "介绍", "告诉", "透露", "指出", "认为", "坦言", "强调", "称", "说", "谈到", "提到",
                "解释", "回忆", "感慨", "补充道", "补充", "向记者", "向科技日报记者")

# characters that cannot be the last character of a person name (they start the next word)
PERSON_NEXT = set("说表介告透指认坦强称谈提解回感补向在的，。、：“”（）(),;；是和与也对将等就都从把被为了及")

# relation cues
HOSTS_BEFORE_PARK = ("地处", "位于", "落户", "入驻", "落地", "坐落于", "坐落在", "扎根", "来自", "选址", "落户于",
                     "落到了", "落到", "引进", "迁入", "进驻")
HOSTS_AFTER_ORG = ("落户", "入驻", "落地", "扎根", "进驻", "迁入", "选址", "布局")
PARTNER_CUES = ("合作", "签约", "签署", "携手", "牵手", "联手", "结盟", "战略合作", "伸出橄榄枝", "橄榄枝", "订单",
                "客户", "供货", "配套", "赶制", "供应", "采购", "联合", "共建", "合资", "对接", "协议")
SUBSIDIARY_CUES = ("旗下", "子公司", "控股子公司", "全资子公司", "下属", "分公司", "成员企业")
ANAPHORA = ("该企业", "该公司", "这家企业", "这家公司", "这家高企", "该集团", "该中心", "该院", "该研究院", "该所")
INSTITUTE_ANAPHORA = ("该中心", "该院", "该研究院", "该所")

LIST_HEAD_WORDS = ("企业", "公司", "客户", "龙头", "厂商", "品牌", "车企", "药企", "集团", "巨头", "名企", "后起之秀",
                   "上市公司", "独角兽", "项目", "世界500强", "全球500强", "中国500强", "500强", "隐形冠军", "机构",
                   "投资机构", "外资企业", "外企", "跨国公司")

# left-stop words that are also a firm's industry right before its suffix (X建设集团, X发展有限公司)
INDUSTRY_STOP_WORDS = ("建设", "发展", "投资", "设计", "开发", "制造", "服务", "管理", "建筑", "科技")

# one-character names of countries in 中日, 日韩, 中美 …
COUNTRY_ABBREVIATIONS = frozenset("中日韩美欧俄德法英意澳新泰马印越朝蒙")

# a park named by its kind alone (the park in focus): never a name of its own
BARE_PARK_WORDS = frozenset("""高新区 开发区 经开区 园区 保税区 综保区 新区 产业园 工业园 科技园 示范区 自贸区 片区 管委会 该园区
本园区 全区 我区 该区""".split())

# words that qualify a project rather than name its firm (高端|新材料项目, 绿色|能源项目)
PROJECT_MODIFIERS = frozenset("""高端 先进 重点 新型 绿色 智能 现代 国际 大型 优质 创新 未来 高效 全球 全国 国内 省级 市级 首个
数字 智慧 低碳 环保 节能 精密 高性能 高纯 特种 核心 关键 配套 生物 科技 产业 综合 总部 新兴 传统 特色 高新 新能 年产 新建 扩建
技改 一期 二期 三期 整车 零碳 循环 清洁 海洋 航空 电子 医疗 健康 文化 旅游 农业 食品 化工 能源 汽车 装备 新材 光电 储能 氢能
数据 信息 软件 网络 通信 智造 制造 工业 商贸 物流 电商 金融 总投资 多个 一批 该 本""".split())

# verbs that open a clause about a project (引进|新材料项目), not the brand at its head
PROJECT_VERBS = frozenset("""引进 签约 推进 加快 推动 建设 实施 开工 投资 落户 支持 培育 发展 打造 谋划 招引 储备 包括 涉及 聚焦
围绕 落地 新增 启动 完成 签下 促成 洽谈 对接 服务 保障 争取 跟踪 新签 续建 竣工 投产 达产 开展 举行 组织 参加 参观 考察 调研
观摩 视察 察看 了解 听取 走访 入驻 进驻 扩建 新建 改造 升级 申报 获批 列入 纳入 争创""".split())

# weak company suffixes: only inside enumerations or with a company context
WEAK_COMPANY_SUFFIXES = ("科技", "智能", "制药", "电子", "股份", "控股", "汽车", "环保", "传媒", "药业", "医药", "能源",
                         "电气", "材料", "自动化", "信息", "软件", "网络", "生物", "重汽", "重工", "机械", "钢铁",
                         "通信", "动力", "光电", "地纬", "节能", "车轮", "化工", "食品", "纺织", "建材", "物流", "精密",
                         "光学", "新能源", "装备", "仪器", "医疗", "制造", "半导体", "智造", "机器人", "数控",
                         "创投", "资本", "投资", "财富", "新材料", "微电子", "实业", "置业", "铜业", "铝业", "矿业",
                         "酒业", "乳业", "纸业", "钢业", "农业", "航科", "航天", "智能云", "生物医药", "数科", "娱乐",
                         "零部件", "包装", "服饰", "机电", "航空", "电缆", "汽车电子", "医药物流", "精工", "电池",
                         "锂电", "锂业", "光伏", "电器", "电力", "化学", "储能", "氢能", "医疗器械", "生物科技",
                         "船业", "海洋工程", "牧业", "羊业", "渔业", "糖业")
# weak suffixes that name a product more often than a firm (X汽车零部件项目: the firm is X)
PRODUCT_WORDS = frozenset({"汽车", "电池", "零部件", "汽车电子", "锂电", "光伏", "医疗器械", "包装", "服饰", "电缆", "车轮",
                           "食品", "纺织", "建材", "钢铁", "化工", "医药", "生物医药", "机器人", "数控", "仪器", "装备"})
WEAK_SUFFIXES_BY_LENGTH = tuple(sorted(WEAK_COMPANY_SUFFIXES, key=len, reverse=True))

# industry words stripped from a company name to get its short form (博源科技公司 -> 博源)
INDUSTRY_WORDS = sorted("""
股份有限公司 有限责任公司 有限公司 集团公司 控股集团 集团 公司 股份 控股 科技 技术 智能 装备 信息 网络 电子 生物 医药 制药 药业
材料 新材料 能源 新能源 环保 汽车 机械 实业 发展 投资 国际 工业 化工 软件 数据 传媒 文化 电气 自动化 系统 燃油 节能
通信 光电 动力 设备 制造 工程 建设 物流 贸易 商贸 电器 重工 钢铁 制铁 食品 纸业 化妆品 生物科技 信息技术 智能装备
""".split(), key=len, reverse=True)

# the industry a firm's short name carries after its brand (宝岭激光, 星河再生资源, 某某机电设备): a firm written so
# is also called by its brand alone, and a brand followed by them in the text is also called by the longer form
# (kg.extract.resolve.Resolver._industry_names)
FIRM_INDUSTRY_WORDS = tuple(sorted(
    (set(WEAK_COMPANY_SUFFIXES) | set(INDUSTRY_WORDS) | set("""激光 饮品 饮料 玻璃 存储 通讯 陶瓷 塑业 塑胶 橡胶 家居
    家具 服装 电源 照明 车辆 特种车辆 再生资源 线路板 电路 芯片 显示 光源 模具 环境 科创 检测 健康 大健康 农牧 养老 石化
    新能源汽车 机电设备""".split()))
    - {"股份有限公司", "有限责任公司", "有限公司", "集团公司", "控股集团", "集团", "公司", "股份", "控股", "发展", "国际",
       "投资", "创投", "资本", "财富", "置业", "地纬", "重汽"}, key=lambda w: (-len(w), w)))

# the institutes whose units are named after them: 中科院|某某所, 某某大学|岩土所, 某某大学|某某研究院
INSTITUTE_PARENTS = ("科学院", "中科院", "工程院", "大学", "研究院")
# the end of a counted list of projects: 甲某50MW…、乙某年产3万吨…等3个项目
COUNTED_PROJECTS_END = r"等?[0-9一二三四五六七八九十两]+个[^，,。；;、]{0,4}?项目"

# 作为中国X园的管理部门，Y…: Y (right after this clause) is the park's administration and manages it
PARK_ADMIN_INTRO = re.compile(r"作为([^，。；]{2,30}?)的(?:管理|运营|服务)(?:部门|机构|单位|主体|平台)[，,]$")

SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』]?|\n+")

# honour lists (瞪羚企业, 专精特新, …): what a list name ends with, longest first. A name ending in a bare 企业
# (专精特新中小企业, 国家高新技术企业) is a list only with one of LIST_MARKERS in it; 行业龙头企业 is no list.
LIST_ENDINGS = sorted("""
名单 榜单 目录 示范企业 试点企业 标杆企业 领军企业 小巨人 小巨人企业 单项冠军 单项冠军企业 瞪羚企业 瞪羚 独角兽 独角兽企业
准独角兽 专精特新 高新技术企业 高企 隐形冠军 科技型中小企业 创新型中小企业 500强 100强 200强 50强 百强 十强 千强
""".split(), key=len, reverse=True)
LIST_MARKERS = ("专精特新", "瞪羚", "独角兽", "小巨人", "隐形冠军", "单项冠军", "高新技术", "科技型", "创新型", "示范",
                "试点", "领军", "标杆", "00强", "百强", "十强", "认定")
# honour words that, with 企业, head a firm's name in the clause (专精特新企业A, “瞪羚”企业A): not part of the name
HONOUR_WORDS = ("专精特新", "瞪羚", "独角兽", "小巨人", "隐形冠军", "单项冠军", "高新技术", "科技型中小", "创新型中小")
HONOUR_PREFIX = re.compile(r"(?:[“‘\"]?(?:国家级|省级|市级)?(?:%s)+[”’\"]?)+企业|(?:中华|中国)?老字号" % "|".join(HONOUR_WORDS))
# verbs that put the subject on a list: A、B等入选“L” / A被认定为L / A荣获L称号
LIST_VERBS = ("被认定为", "被评为", "被列入", "被纳入", "认定为", "评为", "获评", "获批", "入选", "入围", "成为", "荣获",
              "获得", "登上", "列入", "纳入", "跻身", "晋级", "荣登", "上榜")
# the Fortune Global 500 is a class of its own (entities.py), not an honour list
FORTUNE_GLOBAL_LIST = re.compile(r"(世界|全球)500强")

# one-character abbreviations of China's provincial-level divisions (沪 for 上海, 晋 for 山西): names of the
# province where they stand alone in a list (晋、陕、蒙等地) and the halves of paired names (沪滇, 苏陕)
PROVINCE_ABBREVIATIONS = {
    "京": "北京", "津": "天津", "沪": "上海", "渝": "重庆", "冀": "河北", "晋": "山西", "辽": "辽宁", "吉": "吉林",
    "黑": "黑龙江", "苏": "江苏", "浙": "浙江", "皖": "安徽", "闽": "福建", "赣": "江西", "鲁": "山东", "豫": "河南",
    "鄂": "湖北", "湘": "湖南", "粤": "广东", "琼": "海南", "川": "四川", "蜀": "四川", "黔": "贵州", "滇": "云南",
    "陕": "陕西", "秦": "陕西", "甘": "甘肃", "陇": "甘肃", "青": "青海", "蒙": "内蒙古", "桂": "广西", "藏": "西藏",
    "宁": "宁夏", "新": "新疆", "港": "香港", "澳": "澳门", "台": "台湾",
}
