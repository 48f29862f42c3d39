"""The rule table: every hand-written relation rule as one row of data, named by the ``pk:cue`` it writes.

Rules live in three tables; a statement's ``pk:cue`` always names a row of one of the first two.

1. ``RULES`` (this module): the rules of :mod:`kg.extract.relations` (sentence and name rules), the three
   grammar rules of :mod:`kg.extract.signing` and the two consequences of :func:`kg.extract.learned.decide`.
   A row's ``id`` is the exact cue string the rule gives its statements (``pk:cue "settle-in-park"``); ``kind``
   the relation it gives; ``where`` the function that implements it (``module.Class.method``); ``example`` an
   invented sentence (park, firm and person names made up, never copied from an article) on which the pipeline
   gives that relation with that cue; ``expect`` the ``(head, kind, tail)`` it must give; ``reason`` why the
   rule exists.
2. ``CUES`` (:mod:`kg.extract.cues`): the words of 招商 news as regular expressions. They are the features of
   the learned classifier, whose statements carry ``pk:cue "learned:<row id>"`` (the row that spoke most for
   the pair), and the rows ``with-sign`` / ``joint-list`` / ``park-signs`` describe the words of the signing
   rules (those three ids are in both tables).
3. The lexicon (:mod:`kg.extract.lexicon`): the word lists of names (suffixes that make a park, firm or body;
   roles; anaphora; the partner words ``PARTNER_CUES``; ``PARK_ADMIN_INTRO``) that the rules and the entity
   finder read.

``tests/test_rules.py`` generates a test from every row (its example must give ``expect`` with the row's cue)
and scans the rule modules for cue strings, so a rule cannot be added without its row.

To change a rule: look its cue up here (``describe("settle-in-park")`` or ``RULE_BY_ID``), open ``where``; the
words it reads are in the lexicon or in the regular expressions next to the function. Change them there, adjust
the row's example if the rule's reach changes, and run ``pytest tests/test_rules.py``. For "X落户Y高新区 -> hosts":
the row ``settle-in-park`` (``RelationFinder._hosts``, the 落户/入驻/落地… words) and, for the classifier, the
cue row ``settle`` in :mod:`kg.extract.cues` (then ``kg train-relations`` to refit).
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.extract.cues import CUE_BY_ID

_REL = "kg.extract.relations.RelationFinder."
_SIGN = "kg.extract.signing.signing_partners"
_DECIDE = "kg.extract.learned.decide"


@dataclass(frozen=True)
class Rule:
    id: str                             # the cue string the rule's statements carry (pk:cue)
    kind: str                           # RelationKind value: hosts, partnersWith, worksFor, locatedIn, subsidiaryOf, manages
    where: str                          # module.Class.method (or module.function) that implements it
    example: str                        # an invented sentence on which the rule fires
    expect: tuple[str, str, str]        # (head name, kind, tail name) the example gives with this cue
    reason: str


RULES: tuple[Rule, ...] = (
    # ------------------------------------------------------------------ from names (implied by a name alone)
    Rule("name-place", "locatedIn", _REL + "_from_names",
         "临岳集团青岛配件公司的车间里很忙。",
         ("临岳集团青岛配件公司", "locatedIn", "青岛市"),
         "a place inside an organisation's or park's own name is where it is (other firms' names inside are opaque)"),
    Rule("name-manages", "manages", _REL + "_from_names",
         "青川高新区管委会主任王晓川出席会议。",
         ("青川高新区管委会", "manages", "青川高新区"),
         "a park administration (管委会, 党工委, …服务中心) named after a park manages it"),
    Rule("short-manages", "manages", _REL + "_short_admins",
         "青川经开区今年新签项目20个。经开区党工委书记王晓川出席会议。",
         ("经开区党工委", "manages", "青川经开区"),
         "an administration named by a park's short form or kind alone (经开区党工委, 高新区管委会) manages the one "
         "park of the article that the name fits"),
    Rule("name-hosts", "hosts", _REL + "_from_names",
         "云岚智造产业园发布新政。云岚智造产业园创新研究院当天揭牌。",
         ("云岚智造产业园", "hosts", "云岚智造产业园创新研究院"),
         "an institute named after a park is in that park (a firm named after it mostly builds or runs it: "
         "no relation, the conventions say)"),
    Rule("name-subsidiary", "subsidiaryOf", _REL + "_from_names",
         "临岳银行江苏省分行与园区签约，临岳银行表示支持。",
         ("临岳银行江苏省分行", "subsidiaryOf", "临岳银行"),
         "a firm whose name starts with another firm's name (a branch, a regional company) is its subsidiary"),
    Rule("name-unit", "subsidiaryOf", _REL + "_from_names",
         "临岳集团与青川大学岩土所签约。",
         ("青川大学岩土所", "subsidiaryOf", "青川大学"),
         "an institute named after a university or academy (X大学Y所, X大学Y研究院) is its unit"),
    Rule("gazetteer-park", "locatedIn", _REL + "_from_names",
         "洛阳高新区举办推介会，涧西区的企业踊跃参加。",
         ("洛阳高新技术产业开发区", "locatedIn", "涧西区"),
         "the national park list knows each zone's city and district: a zone lies in those the article names"),
    Rule("gazetteer-place", "locatedIn", _REL + "_from_names",
         "山东潍坊昌乐县的企业很多。",
         ("昌乐县", "locatedIn", "潍坊市"),
         "a place lies in every division above it that the article names (gazetteer hierarchy)"),
    Rule("committee-body", "locatedIn", _REL + "_from_names",
         "运城市委、市政府高度重视招商工作。",
         ("市政府", "locatedIn", "运城市"),
         "a body named by its level alone right after the party committee of a place (X市委市政府, X省委、省政府) "
         "is that place's"),
    # ------------------------------------------------------------------ hosts
    Rule("topic-park", "hosts", _REL + "_topic_park",
         "青川高新区发布新政。南州云杉科技有限公司今年营收增长三成。",
         ("青川高新区", "hosts", "南州云杉科技有限公司"),
         "a domestic firm named in full in a passage about a park, and not its partner, is usually its tenant "
         "(a group, …集团, is mostly the parent, investor or visitor: not by this rule)"),
    Rule("park-of-org", "hosts", _REL + "_hosts",
         "青川高新区企业临岳物联科技有限公司获评“小巨人”企业。",
         ("青川高新区", "hosts", "临岳物联科技有限公司"),
         "P(的|内的|企业)X: a firm named right after a park is presented as the park's"),
    Rule("park-projects", "hosts", _REL + "_hosts",
         "一季度，青川工业园星岚源年产2万吨锂盐、东岳川年产3万吨硫酸钾等3个项目陆续开工。",
         ("青川工业园", "hosts", "东岳川"),
         "P甲…、乙…等N个项目: a park's counted list of projects, each named by its firm's brand, are the park's"),
    Rule("settle-in-park", "hosts", _REL + "_hosts",
         "临岳科技有限公司落户青川高新区。",
         ("青川高新区", "hosts", "临岳科技有限公司"),
         "X落户/入驻/落地/扎根 P: a firm (or 该公司) settling in a named park is its tenant"),
    Rule("park-introduces", "hosts", _REL + "_park_introduces",
         "近年来，青川高新区先后引进了瑞泰光电、临岳电气等一批龙头企业。",
         ("青川高新区", "hosts", "临岳电气"),
         "P(先后)引进了A、B: the firms a park brought in are its tenants, whatever place their names carry; a clause "
         "without a subject (P…。签约引进A、B等项目) takes the park in focus; 等龙头企业和C、D joins a second list"),
    Rule("signs-introduces", "partnersWith", _REL + "_park_introduces",
         "青川经开区全年实现产值300亿元。签约引进岳寻位置、热川科技等9个项目。",
         ("青川经开区", "partnersWith", "热川科技"),
         "签约引进A、B: the park signed with the firms it brings in, so it is their partner (conventions)"),
    Rule("place-introduces", "locatedIn", _REL + "_park_introduces",
         "宁陵县聚焦工业发展。目前，该县集群引进临岳科技、云嘉光电等电子信息企业100多家。",
         ("云嘉光电", "locatedIn", "宁陵县"),
         "某县(集群)引进A、B / 该县引进A、B in a sentence that names no park: the firms a city or county brought in "
         "are in it (the annotators' reading; a park that brings firms in hosts them instead)"),
    Rule("in-the-park", "hosts", _REL + "_hosts",
         "青川经开区管理委员会与临岳集团签订投资协议，临岳集团将在园区投资建设新能源电池项目。",
         ("青川经开区", "hosts", "临岳集团"),
         "X将在园区投资/建设/落户: 园区 unnamed is the park of the sentence (or its 管委会's) or the one in focus"),
    Rule("anaphora-in-park", "hosts", _REL + "_hosts",
         "临岳科技有限公司研发新产品。今年，该公司在青川高新区的支持下扩大了产能。",
         ("青川高新区", "hosts", "临岳科技有限公司"),
         "该公司/该企业 in a sentence naming a park: the firm in focus is the park's"),
    Rule("park-sentence", "hosts", _REL + "_hosts",
         "青川高新区管委会主任王晓川表示，园区企业瑞泰光电、岳盛捷通等已成为行业龙头。",
         ("青川高新区", "hosts", "岳盛捷通"),
         "firms listed in a sentence that refers to the park (园区, 落户, 引进…) and speaks of no partnership"),
    # ------------------------------------------------------------------ worksFor
    Rule("role", "worksFor", _REL + "_works_for",
         "临岳集团董事长兼总裁吴建华出席签约仪式。",
         ("吴建华", "worksFor", "临岳集团"),
         "ORG+role+PERSON (or a firm's role right after the firm was named): the person works for the organisation"),
    Rule("role-apposition", "worksFor", _REL + "_works_for",
         "吴海峰，临岳精密机械有限公司创始人，2010年回国创业。",
         ("吴海峰", "worksFor", "临岳精密机械有限公司"),
         "PERSON，ORG+role， / PERSON是ORG的role: the organisation and role come after the person"),
    Rule("role-chain", "worksFor", _REL + "_works_for",
         "会上，浙江省委常委、东州市委书记韩立伟表示支持。",
         ("韩立伟", "worksFor", "浙江省委"),
         "甲省委常委、乙市委书记NAME: each organisation of a 、-joined chain of roles employs the person"),
    Rule("admin-role-of-park", "worksFor", _REL + "_works_for",
         "青川经济开发区举行项目签约仪式。管委会主任岳立川出席仪式并致辞。",
         ("岳立川", "worksFor", "青川经济开发区"),
         "(开发区)管委会主任NAME with the body unnamed: the person works for the park in focus, or for its 党工委 "
         "when the article names it and the role is a 党工委 office (conventions; 开发区党工委 is a body of its own)"),
    # ------------------------------------------------------------------ partnersWith
    Rule("partner-cue", "partnersWith", _REL + "_partners",
         "临岳科技有限公司与青川大学联合成立了智能传感器研究院。",
         ("临岳科技有限公司", "partnersWith", "青川大学"),
         "A与/为/携手B + 合作/签约/赶制…: the subject of the sentence (or the firm in focus) partners with B"),
    Rule("client-list", "partnersWith", _REL + "_partners",
         "青川高新区内的临岳生物制药有限公司董事长周启明说，他们的客户包括霍斯特医药公司。",
         ("临岳生物制药有限公司", "partnersWith", "霍斯特医药公司"),
         "客户包括A、B / 来自A、B等客户的订单: the firm in focus deals with the listed clients"),
    Rule("olive-branch", "partnersWith", _REL + "_partners",
         "瑞泰半导体有限公司伸出橄榄枝，临岳汽车零部件公司接住了。",
         ("瑞泰半导体有限公司", "partnersWith", "临岳汽车零部件公司"),
         "A伸出橄榄枝，B…: the firm that extends the olive branch and the one that takes it up"),
    Rule("both-parties", "partnersWith", _REL + "_partners",
         "青川高新区与临岳科技有限公司双方签署协议。",
         ("青川高新区", "partnersWith", "临岳科技有限公司"),
         "A与B双方…: two parties joined right before 双方, when no other partner rule spoke in the sentence"),
    Rule("with-sign", "partnersWith", _SIGN,
         "临岳科技有限公司、瑞泰化工有限公司等企业与青川高新区签订入驻协议。",
         ("瑞泰化工有限公司", "partnersWith", "青川高新区"),
         "L与R1、R2…签约/合作: every party between 与 and the verb partners with the party (list) before 与"),
    Rule("joint-list", "partnersWith", _SIGN,
         "由临岳科技有限公司、瑞泰化工有限公司联手打造的封装基地开工。",
         ("临岳科技有限公司", "partnersWith", "瑞泰化工有限公司"),
         "A、B联手打造/合资成立: the parties listed right before a joint verb partner with each other"),
    Rule("park-signs", "partnersWith", _SIGN,
         "青川高新区昨日集中签约，临岳科技有限公司等企业的项目落户该区。",
         ("青川高新区", "partnersWith", "临岳科技有限公司"),
         "P…集中签约，A、B等项目落户: a park that signs partners with the firms named after the signing"),
    Rule("signing-party", "partnersWith", _DECIDE,
         "上午，园区与临岳科技有限公司签约，该公司落户青川高新区。",
         ("青川高新区", "partnersWith", "临岳科技有限公司"),
         "a park (or its 管委会 named before 与) hosting a firm it signs with is also its partner (conventions)"),
    # ------------------------------------------------------------------ consequences of hosts
    Rule("signed-with-park", "hosts", _DECIDE,
         "青川高新区管委会与临岳科技有限公司签署入园协议。",
         ("青川高新区", "hosts", "临岳科技有限公司"),
         "a park (or its 管委会) that signs with a firm hosts it, as the annotation conventions ask"),
    Rule("nested-park", "hosts", _DECIDE,
         "临岳科技有限公司落户青川高新区云杉片区。青川高新区发展很快。",
         ("青川高新区", "hosts", "临岳科技有限公司"),
         "a firm hosted by a sub-park (X高新区Y片区) is hosted by the park it is part of, when the article names it"),
    # ------------------------------------------------------------------ subsidiaryOf, manages, locatedIn
    Rule("subsidiary-cue", "subsidiaryOf", _REL + "_subsidiary",
         "早在2010年，宏达科技全资子公司——江苏宏达精密制造有限公司就已成立。",
         ("江苏宏达精密制造有限公司", "subsidiaryOf", "宏达科技"),
         "A旗下的B / A全资子公司——B / A是B的子公司: ownership said between two firm names"),
    Rule("admin-of-park", "manages", _REL + "_manages",
         "作为云岚智造产业园的管理部门，云岚企业服务中心积极招商。",
         ("云岚企业服务中心", "manages", "云岚智造产业园"),
         "作为P的管理部门，Y…: a body introduced as the park's administration manages it (lexicon.PARK_ADMIN_INTRO)"),
    Rule("located-cue", "locatedIn", _REL + "_located",
         "临岳食品有限公司位于浙江省湖州市长兴县，成立于2008年。",
         ("临岳食品有限公司", "locatedIn", "长兴县"),
         "X位于/地处/坐落于 PLACE (the most specific place of a chain), or 位于PLACE的X"),
    Rule("coordinated-park", "locatedIn", _REL + "_located",
         "当天，南山区创意设计产业基地和音乐版权产业基地同时揭牌。",
         ("音乐版权产业基地", "locatedIn", "南山区"),
         "a park coordinated right after one named with a place, with no place of its own, is in that place"),
    Rule("established-in", "locatedIn", _REL + "_located",
         "今年在长兴县设立“云杉智能制造产业园”。",
         ("云杉智能制造产业园", "locatedIn", "长兴县"),
         "在PLACE挂牌/设立/成立“P”: what is set up in a place is located there"),
    Rule("firms-of-place", "locatedIn", _REL + "_located",
         "园区聚集了星岳电器、蓝川包装、朗优科技等30多家长兴企业。",
         ("蓝川包装", "locatedIn", "长兴县"),
         "A、B等(一批)PLACE企业: the firms of a list named as a place's firms are in that place"),
)

RULE_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}


def describe(cue: str) -> str:
    """One human line for a statement's ``pk:cue``: the rule row, or the cue-table row of ``learned:<id>``."""
    rule = RULE_BY_ID.get(cue)
    if rule is not None:
        line = f"{rule.id} ({rule.kind}, rule {rule.where}): {rule.reason}. e.g. {rule.example}"
        row = CUE_BY_ID.get(cue)
        if row is not None:     # the signing rules: their words are a cue-table row too
            line += f" [cue words /{row.pattern}/]"
        return line
    if cue.startswith("learned"):
        cid = cue.partition(":")[2]
        row = CUE_BY_ID.get(cid)
        if row is not None:
            return (f"{cue} (learned classifier, {row.kind}; cue row {row.id} in kg.extract.cues, "
                    f"/{row.pattern}/): {row.reason}. e.g. {row.example}")
        if not cid:
            return (f"{cue} (learned classifier): accepted on the pair's place in the article (the park in focus, "
                    "the distance, the classes); no cue word spoke most for it")
        return f"{cue} (learned classifier): no cue row {cid!r} in kg.extract.cues"
    row = CUE_BY_ID.get(cue)
    if row is not None:
        return f"{row.id} ({row.kind}, cue row in kg.extract.cues, /{row.pattern}/): {row.reason}. e.g. {row.example}"
    return f"{cue}: no rule or cue row of that id"
