"""The cue table: the words of 招商 news that signal a relation, as data.

Every row has an ``id`` (what a statement's ``pk:cue`` names), the relation ``kind`` it speaks for (``hosts``,
``partnersWith``, ``subsidiaryOf``, or ``against`` for words that speak against a relation), the ``pattern``
(a regular expression over the clean text), an invented ``example`` sentence in which the pattern must match,
and the ``reason`` it is there. The learned relation classifier (:mod:`kg.extract.learned`) reads each row as
features (the cue in the sentence, between the two names, right before or after them); its weights, not the
row, decide. ``tests/test_cues.py`` generates a test from every row.

To change what "X落户Y高新区" does: the row ``settle`` below (its words), then ``kg train-relations`` to refit.
No row exists because of one article's names: rows are families of 招商 language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    id: str
    kind: str
    pattern: str
    example: str
    reason: str
    veto: bool = False      # an "against" row that vetoes hosts for the park's visitor (see learned._visitor)

    @property
    def regex(self) -> re.Pattern:
        return _compiled(self.pattern)


_CACHE: dict[str, re.Pattern] = {}


def _compiled(p: str) -> re.Pattern:
    r = _CACHE.get(p)
    if r is None:
        r = _CACHE[p] = re.compile(p)
    return r


CUES: tuple[Cue, ...] = (
    # ---------------------------------------------------------------- hosts: a park and the firms it holds
    Cue("settle", "hosts", r"落户|入驻|进驻|落地|扎根|安家|迁入|搬迁至",
        "星海光电的封装项目上月正式落户青川高新区。",
        "a firm or project settling in a park: the commonest hosts cue"),
    Cue("sign-settle", "hosts", r"签约落户|签约入驻|集中签约|签约仪式|签约项目",
        "青川经开区举行集中签约仪式，蓝湾新材料等八个项目签约落户。",
        "signing ceremonies of a park list the firms that come"),
    Cue("introduce", "hosts", r"引进|引入|招引|吸引|招来|招商",
        "近年来青川高新区先后引进了星海光电、蓝湾新材料等企业。",
        "a park bringing firms in (P引进A、B)"),
    Cue("cluster", "hosts", r"集聚|聚集|汇聚|云集|集中了|拥有|聚焦",
        "园区已集聚星海光电、蓝湾新材料等龙头企业。",
        "a park gathering firms"),
    Cue("park-firm", "hosts", r"(?:园区|高新区|开发区|经开区|新区|园内|区内|片区)(?:内)?(?:的)?(?:企业|公司|龙头)",
        "园区企业星海光电今年营收增长三成。",
        "P企业X: a firm presented as the park's"),
    Cue("located", "hosts", r"位于|坐落于|地处|坐落在|设在|设于",
        "位于青川高新区的星海光电正在扩产。",
        "位于P的X"),
    Cue("project-milestone", "hosts", r"开工|投产|竣工|奠基|封顶|试生产|达产|开业|揭牌|启用|动工|点火",
        "星海光电二期项目在青川经开区开工。",
        "X项目在P开工/投产/竣工"),
    Cue("invest-build", "hosts", r"投资|建设|新建|扩建|设立|布局|打造|兴建|总投资|增资",
        "蓝湾新材料将在青川高新区投资建设研发中心。",
        "a firm investing or building in a park"),
    Cue("rely-on", "hosts", r"依托",
        "青川高新区依托星海光电、蓝湾新材料等企业发展光电产业。",
        "a park's industry resting on its firms"),
    Cue("project", "hosts", r"项目",
        "星海光电年产十万片晶圆项目进展顺利。",
        "firms come to parks as projects"),
    Cue("facility", "hosts", r"基地|总部|工厂|厂区|生产线|厂房|研发中心|产业园",
        "星海光电华东总部设在青川高新区。",
        "a firm's base, headquarters or plant in a park"),
    Cue("here", "hosts", r"这里|此地|在此|区内|园内|辖区",
        "这里已经聚集了上百家光电企业。",
        "the park referred to without its name"),
    # ---------------------------------------------------------------- partnersWith
    Cue("cooperate", "partnersWith", r"合作|携手|牵手|联手|对接|结对",
        "星海光电与蓝湾新材料开展深度合作。",
        "与X合作: the commonest partners cue"),
    Cue("sign", "partnersWith", r"签约|签署|签订|协议|备忘录|合同",
        "青川高新区管委会与星海光电签署投资协议。",
        "a signing between two parties (a park or its 管委会 included)"),
    Cue("strategic", "partnersWith", r"战略|框架",
        "双方签订战略合作框架协议。",
        "strategic cooperation agreements"),
    Cue("supply", "partnersWith", r"供应商|供货|配套|供应|采购",
        "蓝湾新材料是星海光电的核心供应商。",
        "supplier and buyer"),
    Cue("client", "partnersWith", r"客户|订单|赶制|交付",
        "星海光电的客户包括多家整车企业。",
        "clients and orders"),
    Cue("joint", "partnersWith", r"合资|联合成立|共同出资|共建|联合设立|共同成立|联合打造|共同打造",
        "星海光电与蓝湾新材料合资成立一家新公司。",
        "joint ventures and jointly built platforms"),
    Cue("with", "partnersWith", r"与|同|和|跟",
        "星海光电与蓝湾新材料达成一致。",
        "与 before the second party"),
    Cue("both-sides", "partnersWith", r"双方|三方|多方",
        "双方将在光电材料领域展开研发。",
        "two parties named before"),
    # rules of kg/extract/signing.py (their statements carry these ids as pk:cue)
    Cue("with-sign", "partnersWith", r"(?:与|同|跟).{1,80}?(?:签约|签署|签订|达成(?:了)?(?:战略)?合作|合作|协作|共建|携手|牵手|联手|"
        r"共同投资|共同出资|联合投资|合资)",
        "青川高新区管委会与星海光电、蓝湾新材料分别签署入驻协议。",
        "every party between 与 and the verb partners with the party before 与 (or the park in focus)"),
    Cue("joint-list", "partnersWith", r"联手|携手|合资|联合成立|联合设立|共同出资|共同投资|共同打造|共同建设|联合打造",
        "由星海光电、蓝湾新材料联手打造的封装基地开工。",
        "parties listed right before a joint verb partner with each other"),
    Cue("park-signs", "partnersWith", r"签约|集中签约",
        "青川高新区重大项目昨日集中签约，星海光电等企业的项目落户该区。",
        "a park that signs partners with the firms of the same sentence"),
    # ---------------------------------------------------------------- subsidiaryOf
    Cue("subsidiary", "subsidiaryOf", r"子公司|分公司|分厂|分支机构",
        "星海光电是蓝湾集团的全资子公司。",
        "A是B的子公司"),
    Cue("owned", "subsidiaryOf", r"全资|控股|参股|持股",
        "蓝湾集团控股的星海光电今年上市。",
        "ownership words"),
    Cue("under", "subsidiaryOf", r"旗下|下属|所属|隶属",
        "蓝湾集团旗下的星海光电落户园区。",
        "A旗下B"),
    Cue("set-up-by", "subsidiaryOf", r"投资设立|出资设立|设立的|投资成立|成立的",
        "星海光电由蓝湾集团投资设立。",
        "为X投资设立"),
    # ---------------------------------------------------------------- against: words that speak against a relation
    Cue("visit", "against", r"考察|调研|参观|走访|莅临|慰问|拜访|会见|接待|座谈",
        "蓝湾集团董事长一行到青川高新区考察。",
        "a firm visiting a park (X一行到P考察) is not its tenant; firms visited by officials in the park are",
        veto=True),
    Cue("plan-only", "against", r"拟|计划|有意|意向|洽谈",
        "星海光电有意在青川高新区布局新产线。",
        "intentions are weaker than settlements"),
    Cue("compare", "against", r"排名|位居|位列|超过|高于|同比",
        "星海光电营收排名全省第三。",
        "rankings and statistics name firms without relating them"),
)

CUE_BY_ID = {c.id: c for c in CUES}


def cue_hits(text: str) -> list[tuple[int, int, str]]:
    """Every cue occurrence in ``text`` as (start, end, row id), each row matched on its own (rows overlap)."""
    out = []
    for c in CUES:
        for m in c.regex.finditer(text):
            out.append((m.start(), m.end(), c.id))
    out.sort()
    return out
