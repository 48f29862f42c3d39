"""Extraction rules, one invented sentence per pattern (no sentence or name is taken from the seeds).

Each test names the general cause it guards: a rule, a lexicon entry or a resolver step (see kg/extract/*).
"""
from __future__ import annotations

import pytest

from kg.records import Article


_article = Article.from_text


@pytest.fixture(scope="module")
def run(extractor):
    """text -> (entities {name: class}, all names {name}, relations {(head, kind, tail)}, records)."""
    def _run(text: str):
        d = extractor.extract(_article(text))
        names = {e.key: e.name for e in d.entities}
        ents = {e.name: e.cls.value for e in d.entities}
        all_names = {n for e in d.entities for n in (e.name, *e.aliases)}
        rels = {(names[r.head], r.kind.value, names[r.tail]) for r in d.relations}
        return ents, all_names, rels, d
    return _run


# --------------------------------------------------------------------------------------------- entity names

def test_stop_characters_inside_words_do_not_cut_names(run):
    # 都 (成都), 据 (大数据) are stop characters, but here they sit inside a place name and a noun
    ents, _, _, _ = run("会议在成都锦江产业园举行。宜宾高新区大数据应用办公室的同志介绍了情况。")
    assert ents.get("成都锦江产业园") == "Park"
    assert ents.get("宜宾高新区大数据应用办公室") == "GovernmentBody"


def test_registered_firm_names_made_of_common_words(run):
    ents, _, _, _ = run("青石科技有限公司成立于2015年。一家科技有限公司也来了。")
    assert ents.get("青石科技有限公司") == "Company"
    assert "科技有限公司" not in ents            # no brand left: not a name


def test_numeral_brands_and_suffixed_list_items(run):
    ents, _, _, _ = run("会上，广泰电子、五一集团、华岳科技等企业签约。引导水利设计院、路桥院等服务企业走出去。")
    assert ents.get("五一集团") == "Company"
    assert ents.get("水利设计院") == "Company"


def test_lone_first_character_belongs_to_the_name(run):
    # 迈 and 立 are verbs on their own, but here they begin unknown brand names
    ents, _, _, _ = run("近日，市政府与迈康医疗集团签了协议。\n立恒集团在当地建设新基地。")
    assert ents.get("迈康医疗集团") == "Company"
    assert ents.get("立恒集团") == "Company"


def test_one_character_is_no_name(run):
    ents, _, _, _ = run("全省市级以上孵化器已有30家。")
    assert not [n for n, c in ents.items() if c == "Institute"]


def test_lab_ranks_are_not_names(run):
    ents, _, _, _ = run("企业拥有专业的江苏省工程实验室，还建有江苏省精密传感重点实验室。")
    assert "江苏省工程实验室" not in ents
    assert ents.get("江苏省精密传感重点实验室") == "Institute"


def test_district_next_to_a_park_word_is_not_a_park(run):
    ents, _, _, _ = run("编制出台《武侯区高新区协同发展方案》。")
    assert "武侯区高新区" not in ents


def test_planned_parks_in_project_lists_are_not_parks(run):
    ents, _, _, _ = run("今年要推动智能传感产业园、量子通信科技园等重大项目开工。企业计划建设红星营养产业园生产基地项目。")
    assert not [n for n, c in ents.items() if c == "Park"]


def test_parks_named_with_common_words_only(run):
    ents, _, rels, _ = run("新区将建设东部文创产业融合示范区和数字文创先行区。当天，南山区创意设计产业基地和音乐版权产业基地同时揭牌。")
    assert not [n for n in ents if "文创" in n]
    # coordinated right after a park of the same kind named with a place: a park of that place
    assert ents.get("音乐版权产业基地") == "Park"
    assert ("音乐版权产业基地", "locatedIn", "南山区") in rels


def test_whole_park_name_of_common_words(run):
    ents, _, _, _ = run("这里要建成全国一流高科技园区。")
    assert not [n for n, c in ents.items() if c == "Park"]


def test_enumeration_needs_its_head_noun(run):
    # 等与企业成长有关的政策: the list is of measures, not firms (and 上市 is not a place name)
    ents, _, _, _ = run("设备更新、股权激励、上市辅导等与企业成长有关的政策一并推出。")
    assert not [n for n, c in ents.items() if c == "Company"]


def test_one_firm_before_deng_qiye(run):
    # X等(一批)…企业 with one item: a firm when it is named like one (a brand and its industry word)
    ents, _, rels, _ = run("青川高新区依托区内蓝湾电子等企业，加快发展新材料产业。")
    assert ents.get("蓝湾电子") == "Company"
    assert ("青川高新区", "hosts", "蓝湾电子") in rels
    ents, _, _, _ = run("园区引进了宏泰精密等一批龙头企业。")
    assert ents.get("宏泰精密") == "Company"
    # one item that is not named like a firm, or a project: nothing
    ents, _, _, _ = run("政策惠及小微等企业。园区推进道路改造等项目。")
    assert not [n for n, c in ents.items() if c == "Company"]


def test_a_park_introduces_firms_in_a_clause_without_subject(run):
    # a topic chain: the park of the sentence before is the subject of 签约引进 / 先后引入
    _, _, rels, _ = run("青川经开区去年实现产值300亿元。签约引进岳寻位置、热川科技等9个项目。")
    assert ("青川经开区", "hosts", "岳寻位置") in rels and ("青川经开区", "hosts", "热川科技") in rels
    # 等龙头企业和…等配套企业: two lists, both governed by the verb
    _, _, rels, _ = run("青川经开区产业链日趋完整，先后引入岳恒纳米、朗宁科技等龙头企业和梓岳铜箔、飞川科技等配套企业。")
    assert {("青川经开区", "hosts", f) for f in ("岳恒纳米", "朗宁科技", "梓岳铜箔", "飞川科技")} <= rels
    # a Fortune Global 500 firm brought in is hosted like any firm (the annotation conventions)
    _, _, _, d = run("青川高新区近年先后引进了巴斯夫、岳宁科技等一批企业。")
    names = {e.key: e.name for e in d.entities}
    assert ("青川高新区", "巴斯夫") in {(names[r.head], names[r.tail]) for r in d.relations
                                      if r.cue == "park-introduces"}
    # 等<category>，then a second list that again ends in 等: both lists are what the park brought in
    _, _, _, d = run("青川生态园近年招商成效明显。园区先后引进了巴斯夫、岳合技术等外资企业，岳泽精工、QTM等专精特新企业，"
                     "累计落户企业80余家。")
    names = {e.key: e.name for e in d.entities}
    assert {("青川生态园", f) for f in ("巴斯夫", "岳合技术", "岳泽精工", "QTM")} <= {
        (names[r.head], names[r.tail]) for r in d.relations if r.cue == "park-introduces"}
    _, _, _, d = run("青川高新区引进临岳科技、朗宁电子等企业，岳川集团有限公司负责人表示满意。")
    names = {e.key: e.name for e in d.entities}
    assert {names[r.tail] for r in d.relations if r.cue == "park-introduces"} == {"临岳科技", "朗宁电子"}
    # a name that qualifies the object (引进X体系的项目) is not what was brought in
    _, _, _, d = run("青川经开区发布规划。下一步，要引进临岳研究院体系的一批项目。")
    assert not [r for r in d.relations if r.cue == "park-introduces"]
    # a firm named before the verb in the same clause is its subject: the park hosts nothing by this rule
    _, _, _, d = run("青川经开区举行推介会。临岳集团有限公司引进了朗宁科技有限公司的生产线。")
    assert not [r for r in d.relations if r.cue == "park-introduces"]


def test_banks_and_the_parks_own_operator_are_not_its_tenants(run):
    # a bank branch signs a credit line with the park: a partner, not a firm the park hosts
    _, _, rels, _ = run("青川高新区与临岳银行青川分行签署战略合作协议，授信50亿元支持园区企业。")
    assert ("青川高新区", "partnersWith", "临岳银行青川分行") in rels
    assert not {r for r in rels if r[1] == "hosts"}
    # the company named after the park that runs it gets no relation; a tenant in the same sentence does
    _, _, rels, _ = run("青川高新区运营管理有限公司与朗宁科技有限公司签约，朗宁科技有限公司落户青川高新区。")
    assert ("青川高新区", "hosts", "朗宁科技有限公司") in rels
    assert ("青川高新区", "hosts", "青川高新区运营管理有限公司") not in rels
    # an institute named after the park is in it
    _, _, rels, _ = run("青川高新区发布新政。青川高新区创新研究院当天揭牌。")
    assert ("青川高新区", "hosts", "青川高新区创新研究院") in rels


def test_a_group_named_in_a_passage_about_a_park_is_not_its_tenant_by_topic(run):
    # topic-park: a firm named in full in a passage about a park is hosted by it; a group named so is mostly the
    # parent, investor or visitor, so the passage alone does not make it a tenant
    _, _, _, d = run("青川经开区产业链加速成型。临岳集团有限公司、朗宁精密制造有限公司等企业负责人出席活动。")
    names = {e.key: e.name for e in d.entities}
    topic = {names[r.tail] for r in d.relations if r.cue == "topic-park"}
    assert "朗宁精密制造有限公司" in topic and "临岳集团有限公司" not in topic


def test_list_items_with_a_place_in_brackets_do_not_end_the_list(run):
    ents, _, _, _ = run("青川高新区已集聚岳川光电、朗硕电子、中科岳(山西)研究院、岳显电子等一批企业。")
    assert {n: ents.get(n) for n in ("岳川光电", "朗硕电子", "岳显电子")} == dict.fromkeys(
        ("岳川光电", "朗硕电子", "岳显电子"), "Company")
    assert ents.get("中科岳(山西)研究院") == "Institute"


def test_he_starts_a_partnership_only_between_two_names(run):
    # 和 is "with" when a name stands right before it (A和B开展合作); after 包括 it only starts the list
    _, _, rels, _ = run("临岳科技有限公司和朗宁大学开展合作。")
    assert ("临岳科技有限公司", "partnersWith", "朗宁大学") in rels
    _, _, _, d = run("临岳科技有限公司是园区龙头。目前园区拥有包括和岳光电、朗硕电子等多家企业，彼此加强合作。")
    assert not [r for r in d.relations if r.cue == "partner-cue"]


def test_a_park_named_by_its_kind_alone_is_the_last_park_of_that_kind(run):
    # 进驻经开区 after a 新城 was named: the 经开区 named before, not the last park
    _, _, _, d = run("青川经开区与亦岳新城签署合作协议。临岳数智研究院有限公司正式入驻经开区。")
    names = {e.key: e.name for e in d.entities}
    hosts = {(names[r.head], names[r.tail]) for r in d.relations if r.kind.value == "hosts"}
    assert ("青川经开区", "临岳数智研究院有限公司") in hosts
    assert ("亦岳新城", "临岳数智研究院有限公司") not in hosts


def test_a_park_administration_is_where_its_name_says(run):
    # a park's 党工委 named after a city lies in that city, as the park does
    _, _, rels, _ = run("洛阳高新区党工委召开会议，部署招商工作。")
    assert ("洛阳高新区党工委", "locatedIn", "洛阳市") in rels
    assert ("洛阳高新区党工委", "manages", "洛阳高新技术产业开发区") in rels


def test_an_administration_named_by_the_parks_short_form_manages_it(run):
    # named by the park's kind alone: the one park of that kind in the article
    _, _, rels, _ = run("青川经开区发布新政。经开区党工委召开会议。")
    assert ("经开区党工委", "manages", "青川经开区") in rels
    _, _, rels, _ = run("青川经开区与岳川高新区签约。高新区党工委书记王晓川出席。")
    assert ("高新区党工委", "manages", "岳川高新区") in rels
    assert ("高新区党工委", "manages", "青川经开区") not in rels
    # two parks of the kind: the name does not say which, so nothing
    _, _, _, d = run("青川高新区与岳川高新区签约。高新区党工委书记王晓川出席。")
    assert not [r for r in d.relations if r.cue == "short-manages"]


def test_ascii_clause_marks_read_like_full_width_ones(run):
    # pages passed through NFKC write 近日,经…: the comma ends the clause, 经 is not part of the body's name
    ents, _, _, d = run("日前,经岳川经济开发区管委会审议,临岳集团的新材料项目获准落地。")
    assert ents.get("岳川经济开发区管委会") == "GovernmentBody"
    assert "经岳川经济开发区管委会" not in ents
    # the evidence keeps the article's own characters
    assert d.relations and all("," in r.evidence for r in d.relations if r.evidence)
    from kg.extract.pipeline import cjk_punctuation
    assert cjk_punctuation("总投资1,000万元,10:30举行") == "总投资1,000万元，10:30举行"


def test_the_administration_of_a_park_named_with_yuanqu(run):
    # X工业园区党工委: 园区 alone is no name, but here it ends the park's name the body is named after
    ents, _, rels, _ = run("青川智造工业园区党工委召开会议，书记王明致辞。")
    assert ents.get("青川智造工业园区党工委") == "GovernmentBody"
    assert ("王明", "worksFor", "青川智造工业园区党工委") in rels
    assert ("青川智造工业园区党工委", "manages", "青川智造工业园区") in rels
    ents, _, _, _ = run("该园区管委会召开会议。")
    assert not ents


def test_a_bare_committee_office_goes_to_the_named_committee(run):
    # 党工委副书记、管委会主任X: a 党工委 office; the article names the park's 党工委, so X works for it
    _, _, rels, _ = run("青川经开区党工委召开会议。党工委副书记、管委会主任岳明远主持签约仪式。")
    assert ("岳明远", "worksFor", "青川经开区党工委") in rels
    # without a named 党工委 the person works for the park
    _, _, rels, _ = run("青川经开区举行签约仪式。党工委副书记、管委会主任岳明远主持签约仪式。")
    assert ("岳明远", "worksFor", "青川经开区") in rels


def test_a_park_and_its_own_administration_are_not_partners(run):
    _, _, rels, _ = run("岳湾经济开发区管委会与岳湾经济开发区、临航集团共同签署三方合作协议。")
    assert ("岳湾经济开发区管委会", "manages", "岳湾经济开发区") in rels
    assert not {r for r in rels if r[1] == "partnersWith" and {r[0], r[2]} == {"岳湾经济开发区管委会", "岳湾经济开发区"}}


def test_party_departments_are_bodies_when_named_with_their_committee(run):
    ents, _, _, _ = run("青川高新区党工委宣传部供图。")
    assert ents.get("青川高新区党工委宣传部") == "GovernmentBody"
    # 县委常委、统战部部长X: the department is part of X's role in the 县委
    ents, _, rels, _ = run("县委常委、统战部部长岳明远出席会议。")
    assert "统战部" not in ents and ("岳明远", "worksFor", "县委") in rels
    ents, _, _, _ = run("公司事业部和销售部负责人出席。")
    assert not ents


def test_parks_named_as_districts_ports_and_valleys(run):
    for name in ("青川科创区", "青川总部商务区", "岳川空天科技港", "青川电动智能汽车谷"):
        ents, _, _, _ = run(f"临岳科技有限公司项目落户{name}。")
        assert ents.get(name) == "Park", name
    ents, _, _, _ = run("中央商务区建设加快。")
    assert not ents


def test_a_rank_before_an_institute_suffix_is_no_name(run):
    ents, _, _, _ = run("青川的创新平台里，国家级博士后工作站有两家，高校有岳川大学、高水平研究型大学等。")
    assert ents.get("岳川大学") == "Institute"
    assert "国家级博士后工作站" not in ents and "高水平研究型大学" not in ents


def test_a_pair_in_a_project_list_does_not_keep_its_conjunction(run):
    ents, _, _, _ = run("朗川集团与青川大学合作项目、英岳科技与上海岳机所等两个项目下月签约。")
    assert ents.get("英岳科技") == "Company" and "英岳科技与" not in ents
    # the brand of a project item cut at a place: 某某科技与|上海基地 (a pair: the first firm) is 某某科技
    from kg.extract.entities import EntityFinder
    finder = EntityFinder()
    for item in ("英岳科技与上海基地", "英岳科技和南京总部"):
        cand = finder._project_brand(item, 0, len(item), whole=True)
        assert cand is not None and item[cand.start:cand.end] == "英岳科技", item


def test_the_investors_of_a_parks_signed_projects_are_its_tenants(run):
    _, _, _, d = run("青川经济开发区昨日举行招商推介会，签下5个项目。签约项目中有岳荣精密有限公司投资的轴承生产线项目、"
                     "朗宇材料有限公司投资的涂料项目。")
    names = {e.key: e.name for e in d.entities}
    topic = {(names[r.head], names[r.tail]) for r in d.relations if r.cue == "topic-park"}
    assert {("青川经济开发区", f) for f in ("岳荣精密有限公司", "朗宇材料有限公司")} <= topic


def test_items_of_a_firm_list_are_firms(run):
    # two items are firms by their names; the brands beside them in the same 等-list are firms too
    ents, _, _, _ = run("会上，岳川科技有限公司、岚之岳、中科岳海、朗宁电子有限公司等单位代表依次发言。")
    assert {n: ents.get(n) for n in ("岚之岳", "中科岳海")} == {"岚之岳": "Company", "中科岳海": "Company"}
    # a list of industries stays no list of firms
    ents, _, _, _ = run("主导产业为新能源、新材料、生物医药等。")
    assert not ents


def test_the_brand_before_a_placed_park_project_is_a_firm(run):
    ents, _, _, _ = run("总投资8亿元的朗川精工洛阳智造科技园项目开工。")
    assert ents.get("朗川精工") == "Company"
    ents, _, _, _ = run("总投资10亿元的绿色智能北海产业园项目开工。")
    assert "绿色智能" not in ents


def test_enumeration_counts_with_approximations(run):
    ents, _, _, _ = run("园区聚集了华美、康瑞、泰和丰等近30多家医药企业。")
    assert ents.get("康瑞") == "Company" and ents.get("泰和丰") == "Company"


def test_partner_names_after_every_connective(run):
    ents, _, _, _ = run("这是他和同事们与东岳重工合作研发的设备。双方还将加强与德国开展合作。")
    assert ents.get("东岳重工") == "Company"
    assert "德国开展" not in ents


def test_role_organisation_loses_the_leading_verb(run):
    ents, _, rels, _ = run("工厂新添了设备。专业的团队，让华远模具冲压车间主管孙立新有了信心。")
    assert not [n for n in ents if n.startswith("让")]
    assert [o for p, k, o in rels if p == "孙立新" and k == "worksFor" and o.startswith("华远模具")]


def test_people_listed_after_a_word_for_people(run):
    ents, _, _, _ = run("平台签约了头部达人小鹿酱、阿星哥等，人气很高。")
    assert ents.get("小鹿酱") == "Person" and ents.get("阿星哥") == "Person"


def test_verbs_are_not_people(run):
    ents, _, _, _ = run("会上，县委书记强调要抓好落实。有关专家强化技能培训。")
    assert "强调" not in ents and "强化技" not in ents


def test_generic_government_phrases(run):
    ents, _, _, _ = run("在这件事上，企业唱主角，而党委政府做好服务。")
    assert not [n for n, c in ents.items() if c == "GovernmentBody"]


def test_doctor_roles(run):
    ents, _, rels, _ = run("会上，南州市人民医院放射科主任医师周立新表示，愿意参与。")
    assert "医师周立新" not in ents and ents.get("周立新") == "Person"


# --------------------------------------------------------------------------------------------- places

def test_places_at_the_start_of_gazetteer_names(run):
    ents, _, rels, _ = run("宁波高新区举办推介会。中科院的专家出席。")
    assert ents.get("宁波市") == "Place"
    assert ("宁波高新技术产业开发区", "locatedIn", "宁波市") in rels
    assert ents.get("中国科学院") == "Institute"                  # official name of 中科院


def test_county_level_cities_and_province_names(run):
    ents, _, _, _ = run("昆山与常熟市签约。北京、天津和河北三地也有布局。")
    assert ents.get("昆山市") == "Place" and ents.get("常熟市") == "Place"
    assert ents.get("河北省") == "Place" and "河北区" not in ents


def test_short_names_across_word_boundaries(run):
    ents, _, _, _ = run("要加强生态修复。以蓝天等品牌为代表。\n刘长兴是一名工程师，他说要坚持。")
    assert not [n for n, c in ents.items() if c in ("Company", "Place")]


def test_given_names_are_not_places(run):
    ents, _, _, _ = run("公司总经理吕安达表示，将扩大生产。")
    assert ents.get("吕安达") == "Person" and "安达市" not in ents


# --------------------------------------------------------------------------------------------- relations

def test_role_after_a_comma_is_measured_from_the_sentence(run):
    _, _, rels, _ = run("记者来到园区。在青禾智能装备公司的车间里，创始人赵明远向记者介绍了新产品。")
    assert ("赵明远", "worksFor", "青禾智能装备公司") in rels


def test_role_after_company_with_a_long_title(run):
    _, _, rels, _ = run("南州市星辰化工有限公司在园区投资5亿元。公司副总裁兼总设计师钱文斌表示，项目明年投产。")
    assert ("钱文斌", "worksFor", "南州市星辰化工有限公司") in rels


def test_places_inside_names(run):
    _, _, rels, _ = run("与中国宏达合作。中国宏达青岛配件公司的车间里很忙。深圳(河源)产业转移工业园举行开工仪式。"
                        "成都武侯区政府出台政策。")
    assert ("中国宏达青岛配件公司", "locatedIn", "青岛市") in rels
    assert ("中国宏达青岛配件公司", "locatedIn", "中国") not in rels          # 中国 belongs to the parent's name
    assert ("深圳(河源)产业转移工业园", "locatedIn", "河源市") in rels
    assert ("深圳(河源)产业转移工业园", "locatedIn", "深圳市") not in rels    # 河源 is not inside 深圳
    assert ("成都武侯区政府", "locatedIn", "武侯区") in rels
    assert ("成都武侯区政府", "locatedIn", "成都市") not in rels              # a body is where its jurisdiction is


def test_parks_inside_names_are_transparent(run):
    _, _, rels, _ = run("合肥高新区(蜀山)软件园发展服务中心主任吴国平表示。")
    assert ("合肥高新区(蜀山)软件园", "locatedIn", "合肥市") in rels
    assert ("合肥高新区(蜀山)软件园发展服务中心", "manages", "合肥高新区(蜀山)软件园") in rels
    assert ("合肥高新区(蜀山)软件园发展服务中心", "manages", "合肥高新技术产业开发区") not in rels


def test_only_a_park_administration_manages(run):
    _, _, rels, _ = run("合肥高新区管委会和合肥高新区科技创新局联合发文。")
    assert ("合肥高新区管委会", "manages", "合肥高新技术产业开发区") in rels
    assert ("合肥高新区科技创新局", "manages", "合肥高新技术产业开发区") not in rels


def test_a_clause_naming_the_administration(run):
    ents, _, rels, _ = run("作为云岚智造产业园的管理部门，云岚企业服务中心积极招商。")
    assert ents.get("云岚企业服务中心") == "GovernmentBody"
    assert ("云岚企业服务中心", "manages", "云岚智造产业园") in rels


def test_firm_named_after_a_park_is_hosted(run):
    _, _, rels, _ = run("苏州高新区发布新政。苏州高新技术产业研究院当天揭牌。")
    assert ("苏州高新技术产业开发区", "hosts", "苏州高新技术产业研究院") in rels


def test_branches_are_subsidiaries_not_aliases(run):
    ents, names, rels, _ = run("招商银行江苏省分行与园区签约，招商银行表示支持。")
    assert ents.get("招商银行江苏省分行") == "Company"
    assert ("招商银行江苏省分行", "subsidiaryOf", "招商银行股份有限公司") in rels or \
        ("招商银行江苏省分行", "subsidiaryOf", "招商银行") in rels


def test_wholly_owned_subsidiary_named_after_a_dash(run):
    ents, _, rels, _ = run("早在2010年，宏达科技全资子公司——江苏宏达精密制造有限公司就已成立。")
    assert ents.get("宏达科技") == "Company"
    assert ("江苏宏达精密制造有限公司", "subsidiaryOf", "宏达科技") in rels


def test_no_subsidiary_of_an_institute_by_name(run):
    _, _, rels, _ = run("中国工程院投资有限公司与中国工程院共同出资。")
    assert not [r for r in rels if r[1] == "subsidiaryOf"]


def test_park_variants_are_one_park(run):
    ents, names, _, _ = run("合肥蜀山区(合肥高新区)国际产业园内人气很旺。合肥蜀山国际产业园已吸引百余家企业。"
                            "今年将升级蜀山国际产业园区。")
    parks = [n for n, c in ents.items() if c == "Park" and "国际产业园" in n]
    assert len(parks) == 1
    assert {"合肥蜀山国际产业园", "蜀山国际产业园区"} <= names


def test_bank_short_form_is_not_a_generic_word(run):
    ents, names, _, _ = run("企业拿到了中国银行的贷款。园区还与银行和保险机构一起推出新产品。")
    assert "银行" not in names


def test_listed_buyers_at_a_park_event_are_not_tenants(run):
    _, _, rels, _ = run("南州经开区举行配套对接会。会上，甲辰科技、乙巳集团、丙午智能等8家链主企业发布采购清单。")
    assert not [r for r in rels if r[1] == "hosts"]


def test_client_list_follows_the_known_partner(run):
    text = ("禾丰科技公司正在为世界500强奥迪赶制零件。\n在凯瑞智能公司的实验室里，工程师很忙。\n"
            "来自奥迪、宝腾、雷诺等国际客户的订单已排满全年。")
    _, _, rels, _ = run(text)
    partners = {(a, b) for a, k, b in rels if k == "partnersWith"} | {(b, a) for a, k, b in rels if k == "partnersWith"}
    assert ("禾丰科技公司", "宝腾") in partners
    assert ("凯瑞智能公司", "宝腾") not in partners


def test_anaphora_is_typed(run):
    text = ("瑞岚电子公司参加了活动。随后，南州大学的专家也来了。该公司与宏翔集团签约合作。")
    _, _, rels, _ = run(text)
    pairs = {frozenset((a, b)) for a, k, b in rels if k == "partnersWith"}
    assert frozenset(("瑞岚电子公司", "宏翔集团")) in pairs        # 该公司: the company, not the university
    assert frozenset(("南州大学", "宏翔集团")) not in pairs


def test_firms_from_another_province_are_not_hosted(run):
    _, _, rels, _ = run("青岛高新区吸引了一批企业。甘肃酒泉星火测控中心也参与了。"
                        "这是该中心入驻青岛高新区后的成绩。")
    assert not [r for r in rels if r[1] == "hosts" and "酒泉" in r[2]]


def test_long_company_prefix_is_cut_to_its_place(run):
    ents, _, _, _ = run("晋城高新区新材料基地订单多山西恒泰智能科技有限公司。")
    assert ents.get("山西恒泰智能科技有限公司") == "Company"


# --------------------------------------------------------------------------------------------- more people and roles

def test_name_before_a_role_and_adverb_before_a_speech_verb(run):
    ents, _, _, _ = run("3月5日，赵建平总书记在会上讲话。当时，孙志刚却认为这是机会。公司董事长表示同意。"
                        "会上，市委常委、组织部部长钱宏介绍了情况。")
    assert ents.get("赵建平") == "Person" and ents.get("孙志刚") == "Person"
    assert "公司" not in ents and "组织部" not in ents


def test_roles_chained_over_several_bodies(run):
    _, _, rels, d = run("会上，浙江省委常委、东州市委书记韩立伟表示支持。据芜湖高新区党工委委员、管委会主任钱卫东说，"
                        "园区发展很快。")
    assert ("韩立伟", "worksFor", "东州市委") in rels and ("韩立伟", "worksFor", "浙江省委") in rels
    # 党工委委员、管委会主任: one office of the park's leadership, held in the 党工委 (as the gold annotates it)
    assert ("钱卫东", "worksFor", "芜湖高新区党工委") in rels
    assert not [e for e in d.entities if e.name == "芜湖高新区管委会"]
    roles = {(r.role, r.cue) for r in d.relations if r.kind.value == "worksFor"}
    assert ("常委", "role-chain") in roles and ("委员、管委会主任", "role") in roles


def test_a_firm_role_right_after_the_firm(run):
    ents, _, rels, _ = run("工人们在南州宏图智能科技有限公司车间里调试机器。旁边，生产经理孙丽正与供应商通话。")
    assert ents.get("孙丽") == "Person"                 # 正 (正在) is not part of the name
    assert ("孙丽", "worksFor", "南州宏图智能科技有限公司") in rels


# --------------------------------------------------------------------------------------------- more firms and hosts

def test_firms_named_by_industry_in_lists_and_after_the_park(run):
    ents, _, rels, _ = run("西安高新区企业奥林科技从中受益。园区已引进凌迈智能、时越智能等15个高端创新研发项目。")
    assert ents.get("奥林科技") == "Company"
    assert ("西安高新技术产业开发区", "hosts", "奥林科技") in rels
    assert ents.get("凌迈智能") == "Company"            # not 已引进凌迈智能
    assert ("西安高新技术产业开发区", "hosts", "凌迈智能") in rels     # 引进: the park brings the firm in


def test_providing_support_to_listed_firms_is_a_partnership(run):
    _, _, rels, _ = run("星河保理有限公司为南州天衡电子科技公司、凯越科技公司等9家中小企业的知识产权提供担保。")
    assert ("星河保理有限公司", "partnersWith", "南州天衡电子科技公司") in rels or \
        ("南州天衡电子科技公司", "partnersWith", "星河保理有限公司") in rels


def test_national_centres_named_by_their_field(run):
    ents, _, _, _ = run("这里有国家智能网联汽车检测中心等平台，还有国家重点实验室和国家级跨境电商孵化器。")
    assert ents.get("国家智能网联汽车检测中心") == "Institute"
    assert not [n for n in ents if n.startswith("国家级") or n == "国家重点实验室"]


def test_county_names_read_as_personal_names_need_confirmation(run):
    ents, _, _, _ = run("山东昌乐发展新产业，昌乐的企业很活跃。")
    assert ents.get("昌乐县") == "Place"
    ents, _, _, _ = run("公司总经理孙昌乐说，订单很多。")
    assert "昌乐县" not in ents


def test_lakes_named_like_counties(run):
    ents, _, _, _ = run("游客沿着祥符荡散步。")
    assert "祥符区" not in ents


def test_places_lie_in_every_mentioned_division_above(run):
    _, _, rels, _ = run("山东潍坊昌乐县的企业很多。")
    assert ("昌乐县", "locatedIn", "潍坊市") in rels and ("昌乐县", "locatedIn", "山东省") in rels


def test_counting_slogans_and_verb_lists_are_not_firms(run):
    ents, _, _, _ = run("规划提出“一中心两集团四平台”。计划围绕技能培训、用工对接、数字赋能等方面支持中小企业。")
    assert not [n for n, c in ents.items() if c == "Company"]


def test_universities_are_not_tenants_by_mention(run):
    _, _, rels, _ = run("依托南州高新区，用好数据中心和南州大学的实验条件。")
    assert not [r for r in rels if r[1] == "hosts"]


def test_a_city_firm_is_not_merged_into_the_parent(run):
    ents, _, rels, _ = run("在高新区建设康迈集团华东总部、太仓康迈医疗集团。康迈医疗集团总裁钱进说，将加大投入。")
    assert ents.get("康迈医疗集团") == "Company" and ents.get("太仓康迈医疗集团") == "Company"
    assert ("钱进", "worksFor", "康迈医疗集团") in rels


def test_two_places_are_not_partners(run):
    _, _, rels, _ = run("按照约定，双方将推动无锡、江阴两地协同发展。")
    assert not [r for r in rels if r[1] == "partnersWith"]


def test_what_goes_public_is_a_firm(run):
    ents, _, _, _ = run("3月9日，金华科在创业板挂牌。同日，兰石智能申报科创板。")
    assert ents.get("金华科") == "Company" and ents.get("兰石智能") == "Company"


def test_less_frequent_surnames(run):
    ents, _, _, _ = run("3月5日，洪建明董事长在会上讲话。")
    assert ents.get("洪建明") == "Person"


def test_registered_names_with_a_province_inside_are_kept(run):
    ents, _, _, _ = run("中铁十四局集团山东工程有限公司中标。")
    assert ents.get("中铁十四局集团山东工程有限公司") == "Company"


# --------------------------------------------------------------------------------------------- long lines

def test_sentence_splitter_caps_unpunctuated_runs():
    # a line without sentence punctuation is cut into bounded pieces (per-sentence rules pair up mentions)
    from kg.extract.entities import MAX_SENTENCE, split_sentences

    line = "东川新区青禾材料公司，" * 3000 + "西岭工业园云杉电子集团" * 15000
    sents = split_sentences(line + "。末句。")
    assert max(s.end - s.start for s in sents) <= MAX_SENTENCE
    assert sents[0].start == 0 and sents[-1].end == len(line) + 4
    assert all(a.end == b.start for a, b in zip(sents, sents[1:]))   # contiguous, nothing lost
    # a comma in the second half of the window is preferred as the cut
    assert all(line[s.end - 1] == "，" for s in sents[:50])


def test_long_unpunctuated_line_gives_the_same_names_as_a_short_one(extractor):
    unit = "西岭工业园云杉电子集团"
    short = extractor.extract(_article(unit * 2000))
    long = extractor.extract(_article(unit * 18200))    # ~200k characters on one line
    assert len(unit) * 18200 > 200_000
    assert {(e.name, e.cls) for e in long.entities} == {(e.name, e.cls) for e in short.entities}
    assert {(r.kind, r.cue) for r in long.relations} == {(r.kind, r.cue) for r in short.relations}


def test_left_extension_stops_at_the_same_words_as_a_scan():
    # the per-length set lookup agrees with a plain scan over every multi-character stop word
    from kg.extract import lexicon as L
    from kg.extract.entities import EntityFinder

    finder = EntityFinder()
    text = "".join(w + "青禾" for w in L.LEFT_STOP_WORDS if len(w) > 1)[:3000]
    for i in range(1, len(text)):
        slow = any(len(w) > 1 and text.endswith(w, 0, i) for w in L.LEFT_STOP_WORDS)
        fast = any(text[i - n:i] in ws for n, ws in finder._stop_words_by_len if i - n >= 0)
        assert slow == fast


# --------------------------------------------------------------------------------------------- general news

def test_names_do_not_open_with_the_clause(run):
    # a pronoun + verb, a preposition, an adverb + verb, a verb + complement before a name belong to the clause
    ents, _, _, _ = run("他希望巴西政府尽快回应。双方同法国政府签署协议。要不断提高新区的水平。"
                        "会议要求发挥好综合保税区作用。")
    names = set(ents)
    assert "巴西政府" in names and "法国政府" in names
    assert not any(n.startswith(("他希望", "同法国", "不断", "提高", "发挥")) for n in names)
    assert not any(n.endswith("新区") and len(n) <= 4 for n in names)


def test_datelines_and_bylines_are_not_part_of_names(run):
    ents, _, _, _ = run("本报杭州３月２日电（记者王青禾、李云杉）东岭青禾集团今天发布年报。"
                        "新华社南京５月８日电东岭云杉科技公司宣布扩产。")
    names = set(ents)
    assert "东岭青禾集团" in names and "东岭云杉科技公司" in names
    assert not any(n.startswith(("电", "（记者", "记者")) or "日电" in n for n in names)


def test_clause_words_are_no_surnames_and_names_end_before_a_word(run):
    ents, _, _, _ = run("他和有关部门负责人座谈。院长刘明要求各单位抓好落实。董事长王青先生表示满意。")
    persons = {n for n, c in ents.items() if c == "Person"}
    assert "和有关" not in persons
    assert "刘明要" not in persons and "王青先" not in persons
    ents, _, _, _ = run("司机表示，路况良好。官兵们表示，任务完成。")
    assert not {n for n, c in ents.items() if c == "Person"} & {"司机", "官兵"}


# --------------------------------------------------------------------------------------------- honour lists

def _lists(d) -> dict[str, tuple[str, ...]]:
    return {e.name: e.lists for e in d.entities if e.lists}


def test_an_enumeration_that_enters_a_quoted_list(run):
    # A、B等企业入选“L”: every firm of the enumeration is on L, quotes stripped (kg/extract/lists.py, shape 1)
    *_, d = run("近日，青禾科技有限公司、蓝岭智能装备有限公司等企业入选“瞪羚企业”，园区企业总数达到300家。")
    assert _lists(d) == {"青禾科技有限公司": ("瞪羚企业",), "蓝岭智能装备有限公司": ("瞪羚企业",)}


def test_quoted_list_keeps_the_quote_and_drops_the_trailing_noun(run):
    # 等成为‘L’中小企业: the list is what the quotes hold
    *_, d = run("白鹭电子有限公司等成为‘专精特新’中小企业，发展势头良好。")
    assert _lists(d) == {"白鹭电子有限公司": ("专精特新",)}


def test_recognised_as_and_list_names_without_quotes(run):
    *_, d = run("远帆生物有限公司被认定为国家高新技术企业。2023年，白鹭电子有限公司入选省级专精特新中小企业名单。"
                "蓝岭智能装备有限公司跻身中国民营企业500强。青禾科技有限公司荣获“隐形冠军”称号。")
    assert _lists(d) == {"远帆生物有限公司": ("国家高新技术企业",), "白鹭电子有限公司": ("省级专精特新中小企业名单",),
                         "蓝岭智能装备有限公司": ("中国民营企业500强",), "青禾科技有限公司": ("隐形冠军",)}


def test_a_list_name_heading_an_enumeration(run):
    # L企业A、B (shape 2); the list words are not part of the first firm's name (entities.trim_left)
    ents, _, _, d = run("园区内的专精特新企业青禾科技有限公司、蓝岭智能装备有限公司发展迅速。")
    assert "青禾科技有限公司" in ents
    assert _lists(d) == {"青禾科技有限公司": ("专精特新企业",), "蓝岭智能装备有限公司": ("专精特新企业",)}


def test_list_words_without_an_enumeration_put_nobody_on_a_list(run):
    *_, d = run("青禾科技有限公司今年扩产。园区今年新增瞪羚企业12家，高新技术企业总数达到80家。")
    assert _lists(d) == {}


def test_persons_parks_and_plain_descriptions_are_not_listed(run):
    ents, _, _, d = run("青禾科技有限公司董事长王海峰入选省级领军人才名单。青川高新区入选国家级创新型产业集群试点名单。"
                        "蓝岭智能装备有限公司成为行业龙头企业。白鹭电子有限公司成为国内领先的科技型中小企业。")
    assert ents.get("王海峰") == "Person" and ents.get("青川高新区") == "Park"
    assert _lists(d) == {}


def test_the_fortune_global_500_is_no_honour_list(run):
    *_, d = run("青禾科技有限公司与世界500强蓝岭集团合作。远帆生物有限公司入选世界500强。")
    assert _lists(d) == {}


# ------------------------------------------------------------------------- firms in focus, lists and clients
# Invented sentences (names made up) for cue structures issue 3 lists.

def test_words_for_a_kind_of_firm_are_not_part_of_its_name(run):
    # 园区企业X / 旗下子公司X: the classifier before a name is not in it (lexicon.LEFT_STOP_WORDS)
    ents, _, rels, _ = run("青川高新区的临岳电器有限公司旗下子公司临岳华晟科技有限公司近日投产。"
                           "园区企业瑞泰光电股份有限公司副总裁陈立新出席。")
    assert ents.get("临岳华晟科技有限公司") == "Company" and ents.get("瑞泰光电股份有限公司") == "Company"
    assert ("临岳华晟科技有限公司", "subsidiaryOf", "临岳电器有限公司") in rels
    assert ("陈立新", "worksFor", "瑞泰光电股份有限公司") in rels


def test_the_object_of_a_partner_cue_does_not_take_the_focus(run):
    # X为B赶制订单。该公司总经理Y…: 该公司 is X, the subject, not the client B
    _, _, rels, _ = run("位于青川高新区的临岳智能装备有限公司正在为德国霍斯特集团赶制一批订单。"
                        "该公司总经理王建明介绍，订单同比增长三成。")
    assert ("临岳智能装备有限公司", "partnersWith", "德国霍斯特集团") in rels
    assert ("王建明", "worksFor", "临岳智能装备有限公司") in rels
    assert ("王建明", "worksFor", "德国霍斯特集团") not in rels


def test_fortune_500_appositive_before_a_partner(run):
    ents, _, rels, d = run("落户青川经开区的临岳住工科技有限公司与世界500强企业瑞德斯塔集团签约。")
    assert ("临岳住工科技有限公司", "partnersWith", "瑞德斯塔集团") in rels
    assert next(e for e in d.entities if e.name == "瑞德斯塔集团").fortune500


def test_clients_named_after_the_word_for_clients(run):
    _, _, rels, _ = run("青川高新区内的临岳生物制药有限公司董事长周启明说，他们的客户包括霍斯特医药公司。")
    assert ("临岳生物制药有限公司", "partnersWith", "霍斯特医药公司") in rels


def test_subsidiary_is_the_subject_of_its_own_partnership(run):
    # A旗下子公司B，近日与C牵手: B is the party, A is its parent
    _, _, rels, _ = run("临岳电器有限公司旗下子公司临岳华晟科技有限公司，近日与霍斯特电子株式会社牵手。")
    assert ("临岳华晟科技有限公司", "partnersWith", "霍斯特电子株式会社") in rels
    assert ("临岳电器有限公司", "partnersWith", "霍斯特电子株式会社") not in rels


def test_park_firms_listed_in_a_sentence_about_the_park_administration(run):
    # the park is only inside 管委会's name; 园区企业A、B等 are its firms
    ents, _, rels, _ = run("青川高新区管委会主任王晓川表示，园区企业瑞泰光电、岳盛捷通等已成为行业龙头。")
    assert ents.get("瑞泰光电") == "Company" and ents.get("岳盛捷通") == "Company"
    park = next(n for n, c in ents.items() if c == "Park")
    assert {(park, "hosts", "瑞泰光电"), (park, "hosts", "岳盛捷通")} <= rels


def test_given_names_ending_like_a_verb(run):
    # 强 (强调), 表 (表示) end given names too: only the verb itself stops the name
    ents, _, _, _ = run("公司董事长马新强出席了仪式。市委书记刘军强调，要加快发展。总经理张国强介绍，订单饱满。")
    assert {"马新强", "刘军", "张国强"} <= {n for n, c in ents.items() if c == "Person"}
    assert "刘军强" not in ents


def test_park_firm_classifier_and_words_before_cooperation(run):
    ents, _, rels, _ = run("青川高新区企业临岳物联科技有限公司获评“小巨人”企业。他们将与霍斯特深化合作。")
    assert ents.get("临岳物联科技有限公司") == "Company" and "霍斯特" in ents and "霍斯特深化" not in ents
    assert ("临岳物联科技有限公司", "partnersWith", "霍斯特") in rels


def test_a_park_named_as_its_city_and_short_name_is_one_park(run):
    # the national list knows 武汉东湖新技术开发区 as 东湖高新区; 武汉东湖高新区 is the same park
    ents, _, _, _ = run("入驻武汉东湖高新区的临岳光电有限公司扩产。")
    assert [n for n, c in ents.items() if c == "Park"] == ["武汉东湖新技术开发区"]


def test_a_national_institute_of_another_province_is_not_hosted(run):
    # 中国科学院X所: the place after the national prefix decides; a park off the national list has its own place
    _, _, rels, _ = run("天津经济技术开发区管委会副主任孙立新，中国科学院深圳先进技术研究院院长樊建平也出席。")
    assert not any(k == "hosts" and t.startswith("中国科学院") for _, k, t in rels)


def test_each_person_of_a_list_gets_only_its_own_role(run):
    _, _, rels, d = run("临岳集团董事长兼总裁吴建华、副总裁郑晓燕出席签约仪式。")
    by_person = {next(e.name for e in d.entities if e.key == r.head): r.role for r in d.relations
                 if r.kind.value == "worksFor"}
    assert by_person == {"吴建华": "董事长兼总裁", "郑晓燕": "副总裁"}


def test_a_firm_building_in_the_park_is_hosted_by_the_park_in_focus(run):
    # 园区 is not named: the park of the sentence (here only inside 管理委员会) or the one last named
    _, _, rels, _ = run("青川经开区管理委员会与临岳集团签订投资协议，临岳集团将在园区投资建设新能源电池项目。")
    assert ("青川经开区", "hosts", "临岳集团") in rels
    _, _, rels, _ = run("青川高新区是国家级高新区。记者了解到，临岳科技有限公司已在园区落户三年。")
    assert any(k == "hosts" and t == "临岳科技有限公司" for _, k, t in rels)


def test_fortune_500_brands_without_their_group_word(run):
    # the Fortune list says 博世集团 / 马士基集团: the brand alone is the firm; brands that are common words are not
    ents, _, _, d = run("世界500强企业博世投资建设智能传感器项目。园区与马士基签约。他联想到了过去，最美的风景在路上。"
                        "北京首钢队客场取胜。")
    f500 = {e.name for e in d.entities if e.fortune500}
    assert {"博世", "马士基"} <= f500
    assert not {"联想", "美的", "首钢"} & set(ents)


def test_fortune_500_firms_by_the_short_names_news_uses(run):
    # the list says 中国电信集团有限公司 / 中国南方电网 / 中国第一汽车集团: news writes 中国电信, 南方电网, 一汽; a short
    # name then a group word is the same firm, a short name then a trade is a member firm; words holding one are not
    ents, _, rels, d = run("中国海油和中铝均在新区设立了区域总部。中电科集团与园区签约。"
                           "华润环境研发中心落户临岳高新区。全国网络集中行动，中华能源。")
    f500 = {e.name for e in d.entities if e.fortune500}
    assert {"中国海油", "中铝", "中电科集团"} <= f500
    assert "华润环境" in ents and "华润环境" not in f500 and "华润" in f500
    assert ("华润环境", "subsidiaryOf", "华润") in rels
    assert not {"国网", "中行", "华能"} & set(ents)


def test_verbs_the_dictionary_tags_as_names_stay_out_of_a_firm(run):
    # jieba's dictionary tags 拓宽 as a personal name and 充分发挥 as a noun; the hand-tagged newspaper corpus reads
    # them as verbs and adverbs, so the firm's name starts after them (a list's first item too)
    ents, _, _, _ = run("这将拓宽岳峰集团的业务板块。园区将充分发挥临泰集团的龙头作用。"
                        "近年来，充分发挥云岚耀能、恒岳科技等企业的示范效应。")
    assert {"岳峰集团", "临泰集团", "云岚耀能", "恒岳科技"} <= set(ents)
    assert not any(n.startswith(("拓宽", "充分")) for n in ents)


def test_projects_counted_after_the_list_and_firms_named_before_their_products(run):
    # `A、B等项目10个` counts its projects after them; a firm's name with its trade is not stretched over the
    # product words after it, and a brand is named with its first trade word when a product follows
    ents, _, rels, _ = run("临岳高新区集中开工岳松科技激光焊接设备二期、云嘉电子智能传感器等项目10个。")
    assert {"岳松科技", "云嘉电子"} <= set(ents)
    assert not any(n.startswith("岳松科技激光") for n in ents)
    assert {("临岳高新区", "hosts", "岳松科技"), ("临岳高新区", "hosts", "云嘉电子")} <= set(rels)


def test_an_article_in_traditional_characters_is_read_and_named_in_its_own_characters(run):
    text = "廣東江門高新區管委會與雲嘉科技有限公司簽署投資協議，該公司將在園區建設華南總部。"
    ents, names, rels, d = run(text)
    park = next(e for e in d.entities if e.cls.value == "Park")
    assert "廣東江門高新區" in (park.name, *park.aliases)       # the national list's zone, in the text's form
    assert ents.get("雲嘉科技有限公司") == "Company"
    assert (park.name, "hosts", "雲嘉科技有限公司") in rels
    for e in d.entities:          # names and offsets point into the article as written
        assert all(text[m.start:m.end] == m.text for m in e.mentions)
    assert all(r.evidence in text for r in d.relations if r.evidence)
    # a simplified article with a few characters the table also maps (著, 乾) is read as it is
    ents, _, _, _ = run("临岳高新区成效显著，乾元科技有限公司落户园区。")
    assert "乾元科技有限公司" in ents


def test_a_park_or_body_name_does_not_reach_back_over_another_name(run):
    # a park holds no government body, and a body named after a province starts there; only places stand before
    # a park of the national lists; a firm in a part of a listed park is hosted by the park by any of its names
    ents, _, rels, _ = run("重庆市渝北区投资促进局四川东岳新区岳川科学城管委会参加。"
                           "他们在上海招商江门高新区推介会上发言。")
    assert {"重庆市渝北区投资促进局", "四川东岳新区岳川科学城管委会", "四川东岳新区岳川科学城"} <= set(ents)
    assert not any("促进局四川" in n or n.startswith("上海招商") for n in ents)
    _, names, rels, _ = run("洛阳高新区东岳片区签约项目10个。岳电、岳通等企业已入驻东岳片区。")
    assert ("洛阳高新技术产业开发区", "hosts", "岳电") in rels and "洛阳高新区" in names


def test_two_firms_that_invest_together_are_partners(run):
    _, _, rels, _ = run("该基地由临岳纺织有限公司与云泰投资集团共同投资兴建。")
    assert ("临岳纺织有限公司", "partnersWith", "云泰投资集团") in rels


def test_listed_companies_by_their_short_names(run):
    # the A-share list names firms that no suffix shows (迈瑞医疗, 北方华创); everyday words on it (起步), parks'
    # heads (苏州高新 of 苏州高新区) and the start of a longer name (…医药|谷) name none
    ents, _, rels, _ = run("迈瑞医疗和北方华创均已落户临岳高新区。"
                           "苏州高新区起步区建设加快，临岳华东医药谷创新园开园。")
    assert {"迈瑞医疗", "北方华创"} <= set(ents)
    assert ("临岳高新区", "hosts", "北方华创") in rels
    assert not {"起步", "苏州高新", "华东医药"} & set(ents)


def test_a_known_firm_at_the_head_of_a_park_or_a_project(run):
    # a Fortune or listed firm naming a park is a firm too; a project named after one is the known firm's
    # (a facility's 国际 is not a member firm's trade); a list item ending with one starts where it starts
    ents, _, _, _ = run("临岳高新区推进博世智能物流产业基地项目，中国海油国际研发中心、岳嘉科技研发总部等5个项目建成。"
                        "园区产品直销博世、岳信等企业。")
    assert ents.get("博世") == "Company" and ents.get("中国海油") == "Company"
    assert "中国海油国际" not in ents and not any(n.endswith("直销博世") for n in ents)


def test_autonomous_region_committees_and_provincial_departments_are_bodies(run):
    ents, _, _, _ = run("广西壮族自治区党委书记王岳山讲话。自治区党委、工信厅负责同志出席。省商务厅厅长李临川出席。")
    assert ents.get("广西壮族自治区党委") == "GovernmentBody" and ents.get("自治区党委") == "GovernmentBody"
    assert ents.get("省商务厅") == "GovernmentBody"


def test_a_name_written_with_its_place_in_brackets_keeps_its_head(run):
    ents, _, rels, _ = run("临岳市与东部(云州)科技城管委会签约，岳川科技落户东部(云州)科技城。")
    assert ents.get("东部(云州)科技城") == "Park" and ents.get("东部(云州)科技城管委会") == "GovernmentBody"
    assert ("东部(云州)科技城", "hosts", "岳川科技") in rels


def test_pilot_free_trade_zones_and_their_areas_are_parks(run):
    ents, _, rels, _ = run("中国(云南)自由贸易试验区岳川片区正式揭牌，临岳科技落户岳川片区。"
                           "湖南自贸试验区临州片区管委会与岳泰集团签约。中国(河北)自由贸易试验区建设提速。")
    assert ents.get("中国(云南)自由贸易试验区岳川片区") == "Park"
    assert ents.get("湖南自贸试验区临州片区") == "Park" and ents.get("中国(河北)自由贸易试验区") == "Park"
    assert "中国(云南)自由贸易试验区" not in ents       # named only as the area's zone


def test_a_body_named_by_its_level_alone_is_the_named_body_of_the_article(run):
    # 市委常委… after 某阳市委 was named: the official works for that committee (one entity, 市委 its alias)
    ents, names, rels, _ = run("江门市委、市政府十分重视。市委常委、副市长、临岳经开区党工委书记王岳峰主持会议。")
    assert "市委" not in ents and ("王岳峰", "worksFor", "江门市委") in rels
    assert ("王岳峰", "worksFor", "临岳经开区党工委") in rels


def test_a_city_committee_after_a_park_committee_and_party_group_members(run):
    # X党工委书记、市委书记Y: the second office is in the city's committee, not in a 'X市委'; 党组成员 is a role
    ents, _, rels, _ = run("临岳经开区党工委书记、县委书记王岳山讲话。县政府党组成员李临川主持。")
    assert ents.get("县委") == "GovernmentBody" and not any(n.endswith("经开区县委") for n in ents)
    assert ("王岳山", "worksFor", "县委") in rels and ("李临川", "worksFor", "县政府") in rels


def test_a_preparatory_committee_is_a_body_and_a_party(run):
    ents, _, rels, _ = run("岳川水务集团与临岳新区筹委会签署合作协议。")
    assert ents.get("临岳新区筹委会") == "GovernmentBody"
    assert ("岳川水务集团", "partnersWith", "临岳新区筹委会") in rels


def test_one_registered_name_ends_where_the_next_clause_starts(run):
    # X有限公司主动向Y公司…: Y's name does not reach back over X's legal suffix; branches still do
    ents, _, rels, _ = run("面对疫情，瑞泰半导体有限公司主动向临岳汽车零部件公司伸出橄榄枝。"
                           "中国移动通信集团有限公司北京分公司与临岳科技有限公司签订合同。")
    assert {"瑞泰半导体有限公司", "临岳汽车零部件公司", "中国移动通信集团有限公司北京分公司"} <= set(ents)
    assert ("瑞泰半导体有限公司", "partnersWith", "临岳汽车零部件公司") in rels
    assert ("中国移动通信集团有限公司北京分公司", "partnersWith", "临岳科技有限公司") in rels


def test_person_in_apposition_with_organisation_and_role(run):
    ents, _, rels, _ = run("吴海峰，临岳精密机械有限公司创始人，2010年回国创业。")
    assert ents.get("吴海峰") == "Person"
    assert ("吴海峰", "worksFor", "临岳精密机械有限公司") in rels


def test_located_in_the_most_specific_place_and_before_the_firm(run):
    _, _, rels, _ = run("临岳食品有限公司位于浙江省湖州市长兴县，成立于2008年。")
    assert ("临岳食品有限公司", "locatedIn", "长兴县") in rels
    _, _, rels, _ = run("总部位于深圳的临岳通信技术有限公司在青川高新区设立研发中心。")
    assert ("临岳通信技术有限公司", "locatedIn", "深圳市") in rels


def test_two_parties_founding_something_together(run):
    _, _, rels, _ = run("临岳科技有限公司与青川大学联合成立了智能传感器研究院。")
    assert ("临岳科技有限公司", "partnersWith", "青川大学") in rels


def test_bureaus_named_with_and(run):
    # 工业和信息化局: 和 is a stop character elsewhere; a bureau is a government body, each with its own head
    ents, _, rels, _ = run("杭州市科学技术局局长孙涛、杭州市工业和信息化局副局长钱明参加了会议。")
    assert ents.get("杭州市科学技术局") == "GovernmentBody" and ents.get("杭州市工业和信息化局") == "GovernmentBody"
    assert ("钱明", "worksFor", "杭州市工业和信息化局") in rels


def test_name_is_the_role_of_an_organisation(run):
    # 王建国是X公司的董事长: 国是 is a word, but here 是 follows a name that opens the clause
    ents, _, rels, _ = run("王建国是临岳科技有限公司的董事长。他说，李国是临岳精工有限公司的创始人。")
    assert ents.get("临岳科技有限公司") == "Company" and "王建国是临岳科技有限公司" not in ents
    assert ("王建国", "worksFor", "临岳科技有限公司") in rels and ("李国", "worksFor", "临岳精工有限公司") in rels


def test_firms_a_park_brings_in_are_hosted_whatever_their_names_say(run):
    # 宁德时代 carries a place of another province, which alone would keep it out of a 青川 park
    _, _, rels, _ = run("近年来，青川高新区先后引进了京东方、宁德时代等一批龙头企业。")
    park = next(h for h, k, _ in rels if k == "hosts")
    assert {(park, "hosts", "京东方"), (park, "hosts", "宁德时代")} <= rels


def test_a_list_closed_by_deng_alone_and_more_bureaus(run):
    ents, _, rels, _ = run("目前，园区已入驻企业300余家，其中包括临岳电气、瑞泰化工等。会议讨论了包括北京、上海等。"
                           "据青川高新区科技创新局局长马强介绍，高新区新增高新技术企业45家。")
    assert ents.get("临岳电气") == "Company" and ents.get("瑞泰化工") == "Company"
    assert ents.get("北京市") == "Place"
    assert ents.get("青川高新区科技创新局") == "GovernmentBody" and ("马强", "worksFor", "青川高新区科技创新局") in rels


def test_a_firm_written_with_its_industry_is_also_named_by_its_brand(run):
    # a brand + industry short name is one firm under both names; the brand before industry words in a list takes
    # the longer, written form as its label; a registered name and a place keep theirs
    ents, names, rels, d = run("本月，青川高新区同星岚化纤、岳泰机电设备、朗川电源等4家企业完成签约。"
                               "该区还引进了宝岭激光、河北朔川电气等企业。临岳科技有限公司也来了。")
    assert ents.get("岳泰机电设备") == "Company" and "岳泰" not in ents
    aliases = {e.name: set(e.aliases) for e in d.entities}
    assert "岳泰" in aliases["岳泰机电设备"] and "宝岭" in aliases["宝岭激光"]
    assert "河北朔川" in aliases["河北朔川电气"] and "河北" not in aliases["河北朔川电气"]
    assert not aliases["临岳科技有限公司"] & {"临岳", "临岳科技"}


def test_words_classifying_a_firm_and_a_firm_before_a_park_stay_out_of_names(run):
    # 生产企业|X集团, 出口品牌|X贸易有限公司: the classifier goes; 某某企业管理有限公司 keeps its trade
    ents, _, _, _ = run("作为电池生产企业临岳集团的配套，知名品牌广州岚川贸易有限公司也入驻了。"
                        "青石企业管理有限公司成立。")
    assert ents.get("临岳集团") == "Company" and ents.get("广州岚川贸易有限公司") == "Company"
    assert ents.get("青石企业管理有限公司") == "Company"
    # 某某集团|青川新区北片区: the firm before a park that starts at its place is not part of the park's name
    ents, _, _, _ = run("青川新区今年开工项目40个。临岳集团青川新区北片区物流园项目已完成选址。")
    assert ents.get("临岳集团") == "Company" and "临岳集团青川新区" not in ents
    assert not any(n.startswith("临岳集团") and c == "Park" for n, c in ents.items())


def test_a_new_area_whose_name_the_dictionary_reads_as_a_persons(run):
    # jieba's dictionary holds 嘉瑞新 as a personal name: 新区 still ends the park's name
    ents, _, _, _ = run("近日，嘉瑞新区引进了青石科技有限公司。")
    assert ents.get("嘉瑞新区") == "Park"


def test_the_firms_at_the_head_of_a_counted_list_of_projects(run):
    # P甲50MW…、乙年产…等N个项目: each project's name starts with its firm's brand, ended by its output; a unit
    # glued to a number (40MWh) is no name
    ents, _, rels, _ = run("一季度，青川工业园星岚源20MW/40MWh储能电站、东岳川年产3万吨硫酸钾等3个项目陆续开工。")
    assert ents.get("星岚源") == "Company" and ents.get("东岳川") == "Company"
    assert not any(n.startswith("MWh") for n in ents)
    assert {("青川工业园", "hosts", "星岚源"), ("青川工业园", "hosts", "东岳川")} <= rels


def test_a_verb_before_a_branded_park_is_not_its_name(run):
    # 确保|岳岚…产业园: a verb, then a brand opening the park's name; 自主创新示范区: a verb inside a name stays
    ents, _, _, _ = run("会议要求，今年内确保岳岚农机装备产业园主体完工。青川自主创新示范区也在建设。")
    assert ents.get("岳岚农机装备产业园") == "Park" and not any("确保" in n for n in ents)
    assert ents.get("青川自主创新示范区") == "Park"


def test_a_list_a_third_of_whose_items_are_firms_is_a_list_of_firms(run):
    # 岳丰食品、朗丰食品 are firms by their names; the brands beside them in the same 等-list are firms too
    ents, _, _, _ = run("在农产品加工板块，岳丰食品、岚禾坊、朗丰食品、青曜、木之岚等项目已建成。")
    assert all(ents.get(n) == "Company" for n in ("岳丰食品", "岚禾坊", "朗丰食品", "青曜", "木之岚"))
    # one firm among places and plans is not enough
    ents, _, _, _ = run("会议讨论了甲川、乙岚、丙河、临岳科技等事项。")
    assert "甲川" not in ents and "乙岚" not in ents


def test_a_province_or_city_then_a_brand_opening_a_project_is_a_firm(run):
    # 杭州某诺威|年产…项目: the place belongs to the firm's name; its product does not
    ents, _, _, _ = run("总投资15亿元的杭州岚诺威年产5万吨电子级硅材料项目近日签约。")
    assert ents.get("杭州岚诺威") == "Company"


def test_the_firm_of_a_project_named_after_its_investment(run):
    # 投资N亿美元的X…项目, 投资N亿元的Y…等项目: the project's name opens with its firm's brand, wherever it stands
    ents, _, _, _ = run("投资1.2亿美元的岚川孚苏州二期工厂项目、投资6亿元的朗汇高端轴承等项目进展顺利。")
    assert ents.get("岚川孚") == "Company" and ents.get("朗汇") == "Company"


def test_a_park_absorbing_firms_hosts_them(run):
    # 吸纳A、B等…: the firms a park attracted are its tenants
    _, _, rels, d = run("青川高新区去年吸纳临岳电气、瑞泰光电、朗硕科技等40余家企业入园。")
    assert {("青川高新区", "hosts", n) for n in ("临岳电气", "瑞泰光电", "朗硕科技")} <= rels
    names = {e.key: e.name for e in d.entities}
    assert {names[r.tail] for r in d.relations if r.cue == "park-introduces"} == {"临岳电气", "瑞泰光电", "朗硕科技"}


def test_more_kinds_of_park_names(run):
    # 经合区 (经济合作区 in short) and 数谷 end a park's name like 芯谷 and 合作区 do
    ents, _, _, _ = run("青川经合区引进临岳科技有限公司。大岚数谷已集聚企业50家。")
    assert ents.get("青川经合区") == "Park" and ents.get("大岚数谷") == "Park"


def test_a_unit_of_an_academy_or_university_named_by_so(run):
    # 中科院某某所, 某某大学岩土所: one institute named with its parent; 所在/所属 and 派出所 are not units
    ents, _, rels, _ = run("中科院岚川所与园区共建实验平台。临岳集团与青川大学岩土所签约。"
                           "青川大学所在地。青川大学派出所民警到场。")
    assert ents.get("中科院岚川所") == "Institute" and ents.get("青川大学岩土所") == "Institute"
    assert ("临岳集团", "partnersWith", "青川大学岩土所") in rels
    assert not any(n.endswith(("所在", "派出所")) for n in ents)
    # the university named in the unit's name is an institute of its own, and the unit is its (name-unit)
    assert ents.get("青川大学") == "Institute" and ("青川大学岩土所", "subsidiaryOf", "青川大学") in rels
    assert "中国科学院" not in ents       # an academy named in short inside its unit's name stays inside it


def test_a_chain_of_offices_joined_by_a_comma(run):
    # 甲市委常委，乙经开区党工委书记X: one person, an office in each body
    _, _, rels, _ = run("青川市委常委，青川经开区党工委书记周岚山主持会议。")
    assert {("周岚山", "worksFor", "青川市委"), ("周岚山", "worksFor", "青川经开区党工委")} <= rels


def test_a_clause_opened_by_yu_goes_on_with_the_sentences_subject(run):
    # A与B签订X，与C签订Y: C is A's partner, not B's
    _, _, rels, _ = run("青川经开区与上海岚川产业园签署飞地合作备忘录，与中岚集团签订物流基地投资协议。")
    assert ("青川经开区", "partnersWith", "中岚集团") in rels or ("中岚集团", "partnersWith", "青川经开区") in rels
    assert not {("上海岚川产业园", "partnersWith", "中岚集团"), ("中岚集团", "partnersWith", "上海岚川产业园")} & rels


def test_an_office_named_after_another_persons_body_is_not_in_it(run):
    # 甲市委书记A，市长B: the 市委 is A's; B's body (the city's government) is not named, so no worksFor
    _, _, rels, _ = run("青川市委书记王岚，市长李川出席签约仪式。")
    assert ("王岚", "worksFor", "青川市委") in rels
    assert not any(h == "李川" and k == "worksFor" for h, k, _ in rels)


def test_two_fortune_global_500_brands_written_together_are_one_firm(run):
    # 甲乙 (a joint venture of two Fortune Global 500 firms) is one firm; listed apart they are two
    ents, _, _, d = run("中粮壳牌新工厂落户青川高新区。青川高新区引进了中粮、壳牌等企业。")
    assert ents.get("中粮壳牌") == "Company" and ents.get("壳牌") == "Company"
    jv = next(e for e in d.entities if e.name == "中粮壳牌")
    assert not jv.fortune500 and "中粮" not in jv.aliases   # the joint venture is neither parent
    assert any(e.fortune500 and "中粮" in (e.name, *e.aliases) for e in d.entities)


def test_the_firm_a_park_is_named_after(run):
    # 某岳食品冷链产业园: a firm's brand (and its trade) opens the name of the park it builds; a place, a town the
    # dictionary knows, or two countries opening the name name no firm
    ents, _, _, d = run("恒岳食品冷链产业园项目开工。岳泰(青川)智能产业园竣工。"
                        "中韩生态园、新塘智能农机产业园和绿色食品产业园相继投用。")
    assert ents.get("恒岳食品冷链产业园") == "Park" and ents.get("恒岳食品") == "Company"
    assert "恒岳" in next(e for e in d.entities if e.name == "恒岳食品").aliases
    assert ents.get("岳泰") == "Company"
    assert not {"中韩", "新塘", "新塘智能农机", "绿色食品", "绿色"} & set(ents)


def test_a_park_named_after_its_firm_hosts_no_firm(run):
    # a firm's own park (某岳食品冷链产业园) is one of the park's projects: the firms of the passage are the park's
    _, _, rels, _ = run("青川经开区今年引进项目20个。其中，恒岳食品冷链产业园已开工，园内引进了岳华光电、川泰机械等企业。")
    assert {("青川经开区", "hosts", "岳华光电"), ("青川经开区", "hosts", "川泰机械")} <= rels
    assert not any(h == "恒岳食品冷链产业园" and k == "hosts" for h, k, _ in rels)


def test_a_rare_dictionary_word_in_a_list_of_firms_is_a_firm(run):
    # brands are often words (云雀): in a list whose other items are firms, a rare word is one too
    ents, _, rels, _ = run("青川高新区引进了岚泰科技、川岳集团、云雀等企业。")
    assert ents.get("云雀") == "Company" and ("青川高新区", "hosts", "云雀") in rels


def test_the_left_edge_of_a_park_after_a_conjunction_a_siting_verb_or_a_count(run):
    # 甲经济开发区同乙高新区签订…: two parks; 选址乙产业园: the verb is not part of the name; 近百个综保区: no name
    ents, _, rels, _ = run("青川经济开发区同临江高新区签署飞地共建协议。该公司决定选址岚山产业园建设新工厂。"
                           "目前各地近百个综保区都在扩容。")
    assert ents.get("青川经济开发区") == "Park" and ents.get("临江高新区") == "Park"
    assert ents.get("岚山产业园") == "Park"
    assert not any(("同" in n or "选址" in n or "百个" in n or n.endswith("签订")) for n in ents)
    assert any(k == "partnersWith" and {h, t} == {"青川经济开发区", "临江高新区"} for h, k, t in rels)


def test_a_place_the_dictionary_reads_as_a_common_word_opens_a_name(run):
    # 焦作 is a common word to the dictionary: 焦作工业大学 still has a place and a name
    ents, _, rels, _ = run("焦作工业大学与青川经开区签约。")
    assert ents.get("焦作工业大学") == "Institute" and ("焦作工业大学", "locatedIn", "焦作市") in rels


def test_projects_listed_after_fenbiewei_and_he_and_a_brand_of_lone_characters(run):
    # 分别为A项目、B项目和C项目: every item's firm; 岳科恒川|高端装备…项目: lone characters before 高端 end the brand
    ents, _, _, _ = run("投产项目6个，分别为岳亚机械项目、川协汽配项目和岚达项目。"
                        "此外，岳科恒川高端数控机床项目总投资9亿元。")
    assert {"岳亚机械", "川协", "岚达", "岳科恒川"} <= {n for n, c in ents.items() if c == "Company"}


def test_a_park_that_has_landed_projects_and_a_project_that_lands_in_a_park(run):
    # P已落地A等N个项目: the park hosts A; A项目落地/入驻P: the firm of the project settles in P
    _, _, rels, _ = run("青川高新区目前已落地岚佳集团等27个项目。岳泰项目落地临江经开区。川岳新能源电池项目入驻临江经开区。")
    assert ("青川高新区", "hosts", "岚佳集团") in rels
    assert ("临江经开区", "hosts", "岳泰") in rels
    assert any(h == "临江经开区" and k == "hosts" and t.startswith("川岳") for h, k, t in rels)


def test_a_body_named_by_its_level_after_a_places_party_committee(run):
    # 运城 is a common word to the dictionary: 运城市委 is still the city's committee; 市政府 after it is the city's
    ents, _, rels, _ = run("运城市委、市政府高度重视招商工作。")
    assert ents.get("运城市委") == "GovernmentBody" and ("运城市委", "locatedIn", "运城市") in rels
    assert ("市政府", "locatedIn", "运城市") in rels


def test_firms_listed_as_a_places_brands_or_projects_are_in_that_place(run):
    # A、B等一批香港优质品牌企业 / A、B等上海项目: each firm of the list is in the place
    _, _, rels, _ = run("已落户岳院数据、川据宝等上海项目20多个。另有岳福集团、岚他奶等一批香港优质品牌企业的项目。")
    assert {("岳院数据", "locatedIn", "上海市"), ("川据宝", "locatedIn", "上海市")} <= rels
    assert {("岳福集团", "locatedIn", "香港特别行政区"), ("岚他奶", "locatedIn", "香港特别行政区")} <= rels


def test_officials_whose_given_name_opens_with_a_function_character_and_leaders_named_before_the_title(run):
    # 厅长陈向某 (向 often follows a name), 副厅长何某某 (何 is also a pronoun), 某某某总书记 (the title after the name)
    ents, _, rels, _ = run("青川省商务厅厅长陈向川、副厅长何守川出席。会议要求深入贯彻落实王近川总书记重要讲话精神。")
    assert {"陈向川", "何守川", "王近川"} <= {n for n, c in ents.items() if c == "Person"}
    assert ("陈向川", "worksFor", "青川省商务厅") in rels
    # a preposition after a surname opens no name: 主任李在会上表示
    ents, _, _, _ = run("园区主任李在会上表示欢迎。局长陈向记者介绍了情况。")
    assert not any(c == "Person" for c in ents.values())


def test_the_projects_a_park_counts_are_hosted_by_it(run):
    # P…。其中，竣工项目4个，分别为A项目、B项目和C项目: the firms of the park's counted projects are its tenants
    _, _, rels, _ = run("青川经开区全年推进重点项目30个。其中，竣工项目3个，分别为岳大光电二期项目、川达项目和岚研实验室项目。")
    assert {("青川经开区", "hosts", "川达"), ("青川经开区", "hosts", "岚研实验室")} <= rels


def test_a_list_item_whose_left_edge_would_split_a_word_is_no_firm(run):
    # …年产20万平方米绿色节能型…项目、…等12个项目: the reach of the first item ends inside 绿色
    ents, _, _, _ = run("岳川公司年产20万平方米绿色节能型门窗配套装备项目、云港产业园二期等12个项目签约。")
    assert not any(n.startswith("色") for n in ents)
    assert ents.get("岳川公司") == "Company"


def test_a_firm_found_by_its_context_does_not_start_inside_a_word_or_after_a_quantity(run):
    # 年产2万吨|岩棉新材料…项目: a unit, then a product; 岚城重|工智能…项目, 兼|顾下游光通信: inside a word
    ents, _, _, _ = run("包括年产2万吨岩棉新材料精深加工项目、配套项目。其中，岳松产业基地、岚城重工智能农机装备产业项目等。"
                        "园区主攻芯片制造，兼顾下游光通信、车载终端等应用方向。")
    assert not any(n.startswith(("吨", "工智", "顾下")) for n in ents)
    assert ents.get("岚城重工") == "Company"


def test_the_owner_of_a_facility_listed_among_projects_is_a_firm(run):
    # 集中开工A、B研发生产基地、C北方信息中心等项目: a facility is no entity, its owner is (conventions)
    ents, _, _, _ = run("青川经开区集中开工日岚能源、中岳电气研发制造基地、人岳北方信息中心、长江协同空间等项目。")
    firms = {n for n, c in ents.items() if c == "Company"}
    assert {"中岳电气", "人岳"} <= firms
    assert not any(n.endswith(("基地", "中心")) for n in firms)


def test_a_rare_word_and_a_trade_in_a_list_of_firms_a_park_brought_in(run):
    # 引进A、B、苍穹科技等一批企业: 苍穹 is a rare dictionary word, a brand with its trade
    ents, _, _, _ = run("青川智谷近年先后引进鄂州锐岚、精微视岳、苍穹科技等一批优质企业。")
    assert ents.get("苍穹科技") == "Company"
    ents, _, _, _ = run("园区围绕电子信息、生物医药等产业，发展智能制造、现代科技等企业。")
    assert "现代科技" not in ents


def test_schools_and_hospitals_are_institutes(run):
    ents, _, _, _ = run("青川县岳博外国语学校与园区签约。青川市第一人民医院参与合作。园区配套建设学校、医院等设施。")
    assert ents.get("青川县岳博外国语学校") == "Institute" and ents.get("青川市第一人民医院") == "Institute"
    assert not {"学校", "医院"} & set(ents)


def test_a_party_working_committee_named_by_the_kind_of_park_alone(run):
    # 开发区党工委书记X (no place): a body of its own that manages the park in focus; X works for it
    ents, _, rels, _ = run("青川经开区今年新签项目20个。开发区党工委书记王晓川出席会议。")
    assert ents.get("开发区党工委") == "GovernmentBody"
    assert ("王晓川", "worksFor", "开发区党工委") in rels and ("开发区党工委", "manages", "青川经开区") in rels
    # 开发区管委会主任X: the 管委会 named by the kind alone stands for the park (conventions), no firm
    ents, _, rels, _ = run("青川经开区今年新签项目20个。开发区管委会主任王晓川出席会议。")
    assert ("王晓川", "worksFor", "青川经开区") in rels and not any(c == "Company" for c in ents.values())
    _, _, rels, _ = run("青川经开区今年新签项目20个。管委会主任王晓川出席会议。")
    assert ("王晓川", "worksFor", "青川经开区") in rels and not any(k == "hosts" for _h, k, _t in rels)


def test_a_rare_word_and_a_trade_in_a_list_of_projects(run):
    # 云雀食品、…等项目: a rare dictionary word and a trade opens a list of projects as a firm
    ents, _, _, _ = run("烘焙食品板块，云雀食品、桂川堂、岳林食品等项目陆续建成。")
    assert ents.get("云雀食品") == "Company"


def test_a_part_of_a_park_named_in_a_firms_project_does_not_take_the_passage(run):
    # 某集团|甲新区东南片区…项目: the part of the park is the project's site; the firms the next sentence brings in
    # are the park's, not its part's
    _, _, rels, _ = run("青川新区今年开工项目50个，岳鑫集团青川新区东南片区标准厂房配套项目等正在做前期工作。"
                        "目前，已引进岚石油、川岳电网等企业。")
    assert {("青川新区", "hosts", "岚石油"), ("青川新区", "hosts", "川岳电网")} <= rels
    assert not any(h == "青川新区东南片区" and k == "hosts" for h, k, _t in rels)


def test_a_taiwanese_investment_zone_is_a_park(run):
    # 某地台商投资区: a kind of development zone (not a firm named 某地台商)
    ents, _, _, _ = run("青川台商投资区举办招商大会，岳闽机械等企业签约入驻。")
    assert ents.get("青川台商投资区") == "Park" and "青川台商" not in ents


def test_entrepreneurs_listed_with_their_firms_and_roles(run):
    # A公司CEO甲、B董事长乙等企业家代表: a list of entrepreneurs; each firm ends where its person's role starts
    ents, _, rels, _ = run("北京佰才岳CEO孙立川、深圳朗科智岚董事长陈静川等企业家代表先后发言。")
    assert ents.get("北京佰才岳") == "Company" and ents.get("深圳朗科智岚") == "Company"
    assert ents.get("孙立川") == "Person" and ents.get("陈静川") == "Person"
    assert ("陈静川", "worksFor", "深圳朗科智岚") in rels
    assert not any("董事长" in n or "CEO" in n for n in ents)
    # a department after 、 in a chain of offices is no firm: 市委常委、宣传部部长X
    ents, _, _, _ = run("市委常委、宣传部部长王岚川出席。")
    assert "宣传部" not in ents or ents["宣传部"] != "Company"


def test_a_party_committee_before_a_role_is_no_firm(run):
    # 推介会由某市委副书记X主持: the run before the role ends with the committee; no firm is made of it
    ents, _, rels, _ = run("推介会由岚山市委副书记柳思川主持。")
    assert ents.get("岚山市委") == "GovernmentBody" and not any(c == "Company" for c in ents.values())
    assert ("柳思川", "worksFor", "岚山市委") in rels


def test_a_foreign_firm_written_with_its_country_is_also_named_alone(run):
    # 澳大利亚某岚 / 德国某泽纳公司: the firm's name without its country is an alias (annotators write either)
    _, _, _, d = run("产品受到澳大利亚力岚、瑞典岳科等世界500强企业的青睐。德国岳泽纳公司落户青川高新区。")
    names = {e.name: e.aliases for e in d.entities}
    assert "力岚" in names.get("澳大利亚力岚", ()) and "岳泽纳公司" in names.get("德国岳泽纳公司", ())


def test_a_list_of_projects_brought_in_by_the_verb_after_it(run):
    # A、B、C等外资项目陆续落户P: the items are the firms the park brought in, named by brand alone
    ents, _, rels, _ = run("近年来，泰洛岚、博安川、维思岳等外资项目陆续落户青川高新区。")
    assert {ents.get(n) for n in ("泰洛岚", "博安川", "维思岳")} == {"Company"}
    assert ("青川高新区", "hosts", "泰洛岚") in rels
    # a common dictionary word (冬虫夏草) and a park's phase (X产业园二期) listed with projects are no firms
    ents, _, _, _ = run("冬虫夏草、维思岳产业园二期等项目相继落地青川高新区。")
    assert ents.get("冬虫夏草") != "Company" and not any("二期" in n for n in ents)


def test_firms_counted_in_households(run):
    # A、B、C等26户…企业: 户 counts firms as 家 does
    ents, _, _, _ = run("青川高新区已聚集蓝岚织物、锦川服饰、雅岳内衣等26户纺织服装企业。")
    assert {ents.get(n) for n in ("蓝岚织物", "锦川服饰", "雅岳内衣")} == {"Company"}


def test_a_counted_list_of_projects_then_its_items(run):
    # 签约项目3个，分别为：A、B、C，…: the items of a counted list of projects are firms
    ents, _, _, _ = run("今年一季度，青川经开区新签约项目3个，分别为：瑞岚医疗、常州恒岳、博川天成，投资额共计2.6亿元。")
    assert {ents.get(n) for n in ("瑞岚医疗", "常州恒岳", "博川天成")} == {"Company"}


def test_a_brand_and_one_trade_word_before_a_product_name_the_firm(run):
    # 某岳医药|透皮贴剂项目: the brand and its trade word are the firm's name, the brand alone its short name;
    # a trade word that starts a longer word (某云|数据中心) or is a verb (某城|建设…) stays out of the name
    _, _, _, d = run("新岳医药缓释胶囊项目、星岚数控西北基地项目等落户青川新区。其中，云途川数据中心项目占地80亩。")
    names = {e.name: set(e.aliases) for e in d.entities if e.cls.value == "Company"}
    assert "新岳" in names.get("新岳医药", ()) and "星岚" in names.get("星岚数控", ())
    assert "云途川" in names and "云途川数据" not in names


def test_the_firm_at_the_head_of_a_project_in_a_passage_about_a_park_is_its_tenant(run):
    # a passage about P, then 某某医药|透皮贴剂项目 with no park in its sentence: the firm is P's tenant (topic-park);
    # a dictionary word at a project's head (高精尖|…项目) is not taken as a tenant
    _, _, rels, _ = run("青川经开区位于县城东部，重点发展医药产业。园区去年实现产值50亿元。"
                        "今年，岳泰川医药缓释胶囊项目占地80亩，达产后年产值10亿元。")
    assert ("青川经开区", "hosts", "岳泰川医药") in rels
    _, _, rels, _ = run("青川经开区位于县城东部，重点发展医药产业。园区去年实现产值50亿元。"
                        "今年，高精尖智能装备项目占地80亩。")
    assert not any(k == "hosts" for _h, k, _t in rels)


def test_a_bureau_or_office_named_by_its_level_alone(run):
    # 市招商局局长X, 省发展改革委主任Y, 省台办主任Z: a body named by its level is still a body its officials work for;
    # 区党工委 stays the park's committee (not a district's body of its own)
    ents, _, rels, _ = run("市招商局局长岳川明、省发展改革委主任王川岳、省台办主任柳岚山出席。")
    assert {ents.get(n) for n in ("市招商局", "省发展改革委", "省台办")} == {"GovernmentBody"}
    assert ("岳川明", "worksFor", "市招商局") in rels and ("柳岚山", "worksFor", "省台办") in rels


def test_institutes_whose_names_are_dictionary_words(run):
    # 华侨大学 (the dictionary's organisation name), 大连理工大学 (a place opening the dictionary's word), an
    # association whose field is a word of its own before 协会 (某省家纺行业协会, 中国某某工业协会)
    ents, _, _, _ = run("青川高新区与华侨大学、大连理工大学签约，岚山省家纺行业协会会长王岳川出席。")
    assert {ents.get(n) for n in ("华侨大学", "大连理工大学", "岚山省家纺行业协会")} == {"Institute"}
    ents, _, _, _ = run("该区被中国岚川工业协会授予称号。")
    assert ents.get("中国岚川工业协会") == "Institute"


def test_medical_centres_transfer_centres_and_science_associations_are_institutes(run):
    # 某某大学某某医学中心, 某某转化中心, 某市科协 (an association); an institute listed among a park's projects keeps
    # its class; 市药监局 is a bureau
    ents, _, _, _ = run("岳川大学怀岚医学中心、青川岚湖科技成果转化中心等一批重点项目陆续落户青川高新区。")
    assert ents.get("岳川大学怀岚医学中心") == "Institute" and ents.get("青川岚湖科技成果转化中心") == "Institute"
    ents, _, _, _ = run("青川市科协、市药监局负责人出席。")
    assert ents.get("青川市科协") == "Institute" and ents.get("市药监局") == "GovernmentBody"


def test_a_park_named_after_its_district_is_also_named_without_it(run):
    # 某区岚湖科学城 is also 岚湖科学城; 某市某区新兴产业园 is also 某区新兴产业园 (not the bare 新兴产业园);
    # a county's 工业园区 keeps its county (工业园区 alone names nothing); 青川|市… is no city then a name
    _, _, _, d = run("位于江宁区岚湖科学城的岳川工厂落成。南京市江宁区新兴产业园引进岳川公司。青川县工业园区开工。"
                     "青川市岚宁区新兴产业园开园。")
    names = {e.name: set(e.aliases) for e in d.entities if e.cls.value == "Park"}
    assert "岚湖科学城" in names.get("江宁区岚湖科学城", ())
    assert "江宁区新兴产业园" in names.get("南京市江宁区新兴产业园", ())
    assert "新兴产业园" not in names.get("南京市江宁区新兴产业园", ())
    assert not any("工业园区" in a for a in names.get("青川县工业园区", ()))
    assert not any(a.startswith("市") for aliases in names.values() for a in aliases)


def test_an_office_named_right_after_its_park(run):
    # 某经济开发区主任X: the park's own office (its administration unnamed); 某产业园总经理Y is not the park's office
    _, _, rels, _ = run("青川经济开发区主任柳岳川出席。岚山产业园总经理李川明介绍情况。")
    assert ("柳岳川", "worksFor", "青川经济开发区") in rels
    assert ("李川明", "worksFor", "岚山产业园") not in rels


def test_bio_cities_space_cities_and_bonded_port_zones_are_parks(run):
    # 某某国际生物城, 某某国际航天城, 某州保税港区 are parks; 全域航天城 (the whole area) names none
    ents, _, _, _ = run("青川国际生物城、岚山国际航天城和岚州保税港区今年引进岳川科技等企业。该县推进全域航天城建设。")
    assert {ents.get(n) for n in ("青川国际生物城", "岚山国际航天城", "岚州保税港区")} == {"Park"}
    assert "全域航天城" not in ents


def test_a_park_name_ending_in_yuanqu_and_a_municipalitys_park_without_its_city(run):
    # 某某物流园区 is named to its end (not 某某物流园); 重庆市某某智慧新城 is also 某某智慧新城
    _, _, _, d = run("青川冷链电商物流园区开工。重庆市蔡岳智慧新城引进岳川公司。")
    names = {e.name: set(e.aliases) for e in d.entities if e.cls.value == "Park"}
    assert "青川冷链电商物流园区" in names and "青川冷链电商物流园" not in names
    assert "蔡岳智慧新城" in names.get("重庆市蔡岳智慧新城", ())


def test_a_brand_before_the_place_of_a_park_stays_in_its_name(run):
    # 某食林|福建食品工业园, 中马|某州…产业园区: a brand (or a pair of countries) before the park's place is part of
    # its name; a verb phrase (某产业异军突起|某某高新区) or a person (柳某|山东…研究院) before it is not
    ents, _, _, _ = run("美岚林福建食品工业园开园。中马钦州岳川产业园区引进岳川公司。")
    assert ents.get("美岚林福建食品工业园") == "Park" and ents.get("中马钦州岳川产业园区") == "Park"
    ents, _, _, _ = run("光伏产业异军突起青岛高新区。院长柳岚山东岳川技术研究院成立。")
    assert not any(n.startswith(("光伏", "柳岚")) for n in ents)


def test_a_national_slogan_or_a_congress_names_no_place(run):
    # 中国特色社会主义, “中国制造2025”, 第N届中国某某大会: no Place 中国; 在中国 still names the country
    ents, _, _, _ = run("园区聚焦“中国制造2025”，坚持中国特色社会主义道路，承办第十届中国岚川产业大会。")
    assert "中国" not in ents
    ents, _, _, _ = run("岳川科技在中国设立了三家工厂。")
    assert ents.get("中国") == "Place"


def test_a_county_named_like_part_of_another_citys_park_is_no_place_there(run):
    # 武汉|东湖高新区: 东湖区 is a district of another province's city, so the park is not placed in it; a county of
    # the province named before it still is (山东|昌乐…: 昌乐县)
    ents, _, rels, _ = run("武汉东湖高新区引进岳川公司。山东昌乐经济开发区引进岚山公司。")
    assert "东湖区" not in ents
    assert ents.get("昌乐县") == "Place"


def test_a_verb_of_the_clause_inside_a_park_or_body_name_cuts_it(run):
    # 某区纳入|…科学城, 某开发区召开|党工委会议, 划归|片区管委会: the verb belongs to the clause; verbs that names use
    # as nouns stay (自主创新示范区, 动能转换示范区)
    ents, _, _, _ = run("岚山区纳入岳川科学城范围。青川开发区近日召开党工委会议。青川综保区划归岚湖片区管委会管理。")
    assert not any(w in n for n in ents for w in ("纳入", "召开", "划归"))
    ents, _, _, _ = run("岚南自主创新示范区和岚州动能转换示范区签约。")
    assert ents.get("岚南自主创新示范区") == "Park" and ents.get("岚州动能转换示范区") == "Park"


def test_a_list_of_names_closed_by_a_word_for_people(run):
    # A、B、C等市级领导参加 / A、B、C3位企业家: the items are people
    ents, _, _, _ = run("宋岳华、孙春岚、鲁川等市级领导参加。青川经开区聘任瞿欢岚、卢岳、米仁川3位企业家为顾问。")
    assert {ents.get(n) for n in ("宋岳华", "孙春岚", "鲁川", "瞿欢岚", "卢岳", "米仁川")} == {"Person"}


def test_a_name_in_latin_script_right_after_a_role_is_a_person(run):
    # 某公司亚太区总经理John Carter: a Person, working for the firm; a lone capitalised word is no name
    ents, _, rels, _ = run("岳川公司亚太区总经理John Carter在签约仪式上致辞。总经理Smith出席。")
    assert ents.get("John Carter") == "Person" and ("John Carter", "worksFor", "岳川公司") in rels
    assert "Smith" not in ents


def test_a_committees_department_a_peoples_congress_and_a_parks_office(run):
    # 市委组织部部长X (a department of the committee named by its level), 某市人大, 某经开区党政办
    ents, _, rels, _ = run("市委组织部部长王岳川出席。岚州市人大代表李川发言。青川经开区党政办发布通知。")
    assert ents.get("市委组织部") == "GovernmentBody" and ("王岳川", "worksFor", "市委组织部") in rels
    assert ents.get("岚州市人大") == "GovernmentBody" and ents.get("青川经开区党政办") == "GovernmentBody"


def test_a_foreign_firm_at_the_head_of_a_project_with_its_country(run):
    # 新加坡某海嘉里|粮油加工项目: the country, then a brand, then what the project makes; the brand alone is an alias
    _, _, _, d = run("世界500强新加坡岳海嘉里粮油加工项目、德国岚川精密机械项目开工。")
    names = {e.name: set(e.aliases) for e in d.entities if e.cls.value == "Company"}
    assert "岳海嘉里" in names.get("新加坡岳海嘉里", ())


def test_shipbuilding_and_offshore_engineering_are_trades(run):
    # 某赛海洋工程|生产基地, 某岚船业|制造基地: the trade is part of the firm's name
    ents, _, _, _ = run("海工装备方面，岚湖重工总装基地、岳赛海洋工程生产基地、大岚船业制造基地等项目相继签约。")
    assert ents.get("岳赛海洋工程") == "Company" and ents.get("大岚船业") == "Company"


def test_a_project_named_after_its_firm_then_its_progress(run):
    # 某岳羊业|养殖项目建成…: a project at the head of its clause, then what it has done, is its firm's
    ents, _, _, _ = run("园区重点项目进展顺利。蒙岳羊业肉羊养殖项目建成三栋圈舍。")
    assert ents.get("蒙岳羊业") == "Company"


def test_an_office_in_a_chain_of_roles_is_no_firm_of_a_list(run):
    # 甲党工委书记王某，党工委委员、管委会副主任刘某分别与A、B、C等6家企业签约: 党工委委员 before 、 is an office,
    # not a firm listed with A, B and C
    ents, _, rels, _ = run("签约仪式上，岚湖科技城党工委书记王岳，党工委委员、管委会副主任刘川分别与"
                           "岳优车、老岚工业云、绿川智能制造等6家企业签约。")
    assert "党工委委员" not in ents
    assert ("岚湖科技城", "hosts", "岳优车") in rels


def test_a_verbal_noun_or_zaiyu_before_a_parks_place_is_not_its_name(run):
    # 助推|某安新区, 关键在于|某东新区: the clause's verb before the place that opens the name; a brand whose
    # second word is a verbal noun after a province stays whole (某省建工(某市)…产业园)
    ents, _, _, _ = run("项目将助推岚安新区产业升级。发展的关键在于柳岳新区的产业升级。")
    assert ents.get("岚安新区") == "Park" and ents.get("柳岳新区") == "Park"
    assert "助推岚安新区" not in ents and "关键在于柳岳新区" not in ents
    ents, _, _, _ = run("湖南建工(岚州)装配式建筑产业园开园。")
    assert ents.get("湖南建工(岚州)装配式建筑产业园") == "Park"


def test_a_slash_in_a_projects_output_keeps_its_firm(run):
    # 某拓科技|3000吨/年…项目: the output written with a slash still ends the brand
    ents, _, rels, _ = run("岚州经济开发区集中开工项目6个，其中恒岳科技年产3000吨/年锂电材料项目总投资5亿元。")
    assert ents.get("恒岳科技") == "Company" and ("岚州经济开发区", "hosts", "恒岳科技") in rels


def test_a_registered_name_whose_brand_holds_he_or_lianhe(run):
    # 吉林某和|精细化工股份有限公司, 北京某和|精测科技有限公司 (a province or city, then a short brand with 和),
    # 某电某谷联合|控股有限公司; 甲集团和乙有限公司 stays two names
    ents, _, _, _ = run("签约项目包括冷链项目、吉林岚和精细化工股份有限公司投资的涂料项目。"
                        "区政府与岚电川岳联合控股有限公司及上海岳控置业集团签约。"
                        "位于岚海新区的北京岚和精测科技有限公司开工。")
    for name in ("吉林岚和精细化工股份有限公司", "岚电川岳联合控股有限公司", "北京岚和精测科技有限公司"):
        assert ents.get(name) == "Company", name
    ents, _, _, _ = run("岚州集团和北京岚和有限公司签约。岚州市政府和岚海科技有限公司签约。")
    assert ents.get("岚州集团") == "Company" and ents.get("北京岚和有限公司") == "Company"
    assert ents.get("岚海科技有限公司") == "Company" and "岚州市政府和岚海科技有限公司" not in ents


def test_a_firm_named_after_a_part_of_its_park_is_whole(run):
    # P高新区某智园|运营有限公司: the firm is named after a part of the park; P新区|某某股份有限公司 is not
    ents, _, _, _ = run("项目由岚州城投建设有限公司和岚州高新区岳智园运营有限公司联合出资。")
    assert ents.get("岚州高新区岳智园运营有限公司") == "Company"
    ents, _, _, _ = run("在岚州新区岚海川拓股份有限公司的展厅里。")
    assert ents.get("岚海川拓股份有限公司") == "Company" and ents.get("岚州新区") == "Park"


def test_the_head_of_a_project_that_is_a_phrase_is_no_firm(run):
    # 两大|项目, 某陀镇|…项目, 高科技|项目: a slogan's words, a town or a common word at the head of a project is not
    # its firm; a brand of two plain characters (广某|汽车饰件项目) still is
    ents, _, _, _ = run("全县两大项目、多好项目、高科技项目、岚陀镇污水处理项目等陆续开工。")
    for junk in ("两大", "多好", "高科技", "岚陀镇"):
        assert ents.get(junk) != "Company", junk
    ents, _, _, _ = run("签约项目包括兆岳汽车零部件项目、广岚汽车饰件项目。")
    assert ents.get("广岚汽车") == "Company"


def test_a_registered_firms_base_or_park_is_its_facility_not_a_park(run):
    # 某某有限公司|奶酪深加工产业园, 某某(无锡)有限公司|偏光膜产业基地: the firm's facility, not a park; the firm stays
    ents, _, _, _ = run("岳川光电(无锡)有限公司偏光膜生产园区项目开工。岚川岳甘食品有限公司奶酪深加工产业园投产。")
    assert ents.get("岳川光电(无锡)有限公司") == "Company" and ents.get("岚川岳甘食品有限公司") == "Company"
    assert not any(cls == "Park" for cls in ents.values())


def test_a_park_named_once_leaves_the_passage_to_the_articles_park(run):
    # the article is about 岚州经开区 (named twice); 川东新材料产业园 is named once, as a project's site: the firms
    # named in full after it are the zone's tenants; a part of the zone (岚州经开区某山片区) keeps its own
    text = ("岚州经开区今年以来招商引资成效明显。岚州经开区全年签约项目32个。"
            "川东新材料产业园一期建成。岚州岳辰机械有限公司、岚州川昱光伏科技有限公司年内投产。")
    _, _, rels, _ = run(text)
    assert ("岚州经开区", "hosts", "岚州岳辰机械有限公司") in rels
    assert ("川东新材料产业园", "hosts", "岚州岳辰机械有限公司") not in rels
    _, _, rels, _ = run("岚州经开区今年以来招商引资成效明显。岚州经开区全年签约项目32个。"
                        "岚州经开区岳山片区一期建成。岚州岳辰机械有限公司年内投产。")
    assert ("岚州经开区岳山片区", "hosts", "岚州岳辰机械有限公司") in rels
    # the same for the park a sentence refers to without naming it (园区已入驻A、B等企业)
    _, _, rels, _ = run("岚州经开区今年以来招商引资成效明显。岚州经开区全年签约项目32个。"
                        "川东新材料产业园一期建成。园区已入驻岳辰科技、川昱新材等企业。")
    assert ("岚州经开区", "hosts", "岳辰科技") in rels and ("川东新材料产业园", "hosts", "岳辰科技") not in rels


def test_china_opening_a_firms_name_is_a_place_of_the_name(run):
    # 中国某信 (a name the gazetteer matched whole) is in 中国, as 加拿大某某公司 is in 加拿大; a slogan opening a
    # park's name (中国特色社会主义现代化产业园) is not the country
    ents, _, rels, _ = run("中国华能与岚州高新区签订框架协议。")
    assert ents.get("中国") == "Place" and ("中国华能", "locatedIn", "中国") in rels
    ents, _, rels, _ = run("岚州建设中国特色社会主义现代化产业园取得新进展。")
    assert not any(r[1] == "locatedIn" and r[2] == "中国" for r in rels)


def test_a_parks_fund_or_capital_arm_is_its_partner_not_its_tenant(run):
    # 某投资本, 某泰创投, 某岚母基金 signing with the park: partners, no tenants; a fund management company is a tenant
    _, _, rels, _ = run("岚州高新区与岳投资本、川泰创投、新岚母基金等机构签约，共同设立产业基金。"
                        "岚州高新区引进岳华基金管理有限公司和岚川精密机械有限公司落户。")
    for fund in ("岳投资本", "川泰创投", "新岚母基金"):
        assert ("岚州高新区", "hosts", fund) not in rels and ("岚州高新区", "partnersWith", fund) in rels
    assert ("岚州高新区", "hosts", "岳华基金管理有限公司") in rels


def test_a_chamber_or_alliance_is_no_tenant(run):
    # 某省某商会, 某产业联盟 named in a passage about the park: bodies of members, not tenants
    _, _, rels, _ = run("岚州高新区引进岳川商会、岚州新能源产业联盟、岚川光电有限公司落户。")
    assert ("岚州高新区", "hosts", "岚川光电有限公司") in rels
    assert ("岚州高新区", "hosts", "岳川商会") not in rels and ("岚州高新区", "hosts", "岚州新能源产业联盟") not in rels


def test_a_university_named_with_the_parks_tenants_is_not_one(run):
    # 某川大学 in a list of what a park brought in: a partner of its research, not a tenant
    _, _, rels, _ = run("岚州高新区引进岳川大学、岚川光电有限公司落户。")
    assert ("岚州高新区", "hosts", "岚川光电有限公司") in rels and ("岚州高新区", "hosts", "岳川大学") not in rels


def test_an_unknown_brand_is_the_short_form_of_the_firm_it_names_not_its_parent(run):
    # 某阳岳拓 / 某阳岳拓汽车配件制造有限公司: one firm (the brand, then words of its trade), not a subsidiary of its
    # own brand; a group and its member (某汽集团 / 某汽解放) stay two firms
    _, _, rels, d = run("贵阳岳拓汽车配件制造有限公司落户园区。园区已引进贵阳岳拓、岳川科技、川岚电子等企业。")
    firm = next(e for e in d.entities if e.name == "贵阳岳拓汽车配件制造有限公司")
    assert "贵阳岳拓" in firm.aliases and not any(e.name == "贵阳岳拓" for e in d.entities)
    assert not any(r[1] == "subsidiaryOf" for r in rels)
    _, _, rels, _ = run("岳汽集团与岳汽解放签约。")
    assert ("岳汽解放", "subsidiaryOf", "岳汽集团") in rels


def test_a_county_short_form_inside_a_name_of_another_city_is_no_place(run):
    # 绵阳高新区与华安大学…签约: 华安 of the university is no 华安县 (a county of another province than the one the
    # article names); 宿迁|沭阳经济开发区 holds the county of the city named, which stays
    ents, _, _, _ = run("绵阳高新区与华安大学岚川研究所签约。")
    assert "华安县" not in ents and ents.get("绵阳市") == "Place"
    ents, _, _, _ = run("宿迁沭阳经济开发区举行项目推介会。")
    assert ents.get("沭阳县") == "Place"


def test_an_innovation_demonstration_base_is_an_institute(run):
    # 某某科技创新示范基地, 某川双创示范基地: innovation platforms (Institutes, the conventions); an industry's
    # demonstration base (某州竹木加工产业示范基地) is a park
    ents, _, _, _ = run("岚川双创示范基地揭牌。岳州竹木加工产业示范基地开工。")
    assert ents.get("岚川双创示范基地") == "Institute" and ents.get("岳州竹木加工产业示范基地") == "Park"


def test_a_policys_demonstration_zone_is_no_park(run):
    # 共同富裕示范区, 美丽宜居乡村示范区: a policy's title, not a zone that hosts firms; 某州市港城融合示范区 and the
    # short form of a listed zone (中关村示范区) are parks
    ents, _, _, _ = run("浙江建设共同富裕示范区。岚州打造美丽宜居乡村示范区。岚州市港城融合示范区签约。中关村示范区企业增多。")
    assert "共同富裕示范区" not in ents and "美丽宜居乡村示范区" not in ents
    assert ents.get("岚州市港城融合示范区") == "Park" and ents.get("中关村示范区") == "Park"


def test_more_roles_and_a_pronoun_surname_after_a_role(run):
    # 运营副总X, 高级专员X, 协会理事X are roles; 副书记任某新 (任, a pronoun as a word, opens a name after a role)
    ents, _, rels, _ = run("岚川生物集团副总赵岳戈表示，将扩大投资。岚州友好协会理事王建国出席。"
                           "岚州开发区党工委副书记任岳新在会上表示，今年以来成效明显。")
    assert ("赵岳戈", "worksFor", "岚川生物集团") in rels and ("王建国", "worksFor", "岚州友好协会") in rels
    assert ents.get("任岳新") == "Person"
    ents, _, _, _ = run("主任任务繁重。书记任何时候都要带头。")
    assert not any(cls == "Person" for cls in ents.values())


def test_a_city_the_dictionary_reads_as_a_common_noun_names_its_zone(run):
    # 营口开发区, 铜仁开发区: the dictionary reads 营口 and 铜仁 as common words, yet they are cities naming the zone
    ents, _, _, _ = run("营口开发区举行项目签约仪式。铜仁开发区新增入驻企业12家。")
    assert ents.get("营口开发区") == "Park" and ents.get("铜仁开发区") == "Park"


def test_the_investor_named_after_tou_zi_fang_wei(run):
    # 投资方为X有限公司, 签约方为X有限公司: the clause's words before the registered name are not part of it
    ents, _, _, _ = run("该项目签约额15亿元，投资方为岚迈无人机科技有限公司。签约方为岳川精密机械有限公司。")
    assert ents.get("岚迈无人机科技有限公司") == "Company" and ents.get("岳川精密机械有限公司") == "Company"
