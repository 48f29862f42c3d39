"""Extraction rules, one invented sentence per pattern (no sentence or name is taken from the seeds).

Each test names the general cause it guards: a rule, a lexicon entry or a resolver step (see kg/extract/*).
"""
from __future__ import annotations

import pytest

from kg.records import Article


def _article(text: str) -> Article:
    return Article(doc_id="t", source="t.txt", text=text, raw=text, to_raw=tuple(range(len(text) + 1)))


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
    ents, _, _, _ = run("会议在成都锦江产业园举行。宜宾高新区大数据发展办公室相关负责人介绍了情况。")
    assert ents.get("成都锦江产业园") == "Park"
    assert ents.get("宜宾高新区大数据发展办公室") == "GovernmentBody"


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
    ents, _, _, _ = run("近日，市政府与迈康医疗集团签署协议。\n立恒集团在当地建设新基地。")
    assert ents.get("迈康医疗集团") == "Company"
    assert ents.get("立恒集团") == "Company"


def test_one_character_is_no_name(run):
    ents, _, _, _ = run("全市省级以上孵化器数量增长至52家。")
    assert not [n for n, c in ents.items() if c == "Institute"]


def test_lab_ranks_are_not_names(run):
    ents, _, _, _ = run("企业拥有专业的江苏省工程实验室，还建有江苏省精密传感重点实验室。")
    assert "江苏省工程实验室" not in ents
    assert ents.get("江苏省精密传感重点实验室") == "Institute"


def test_district_next_to_a_park_word_is_not_a_park(run):
    ents, _, _, _ = run("编制出台《武侯区高新区协同发展方案》。")
    assert "武侯区高新区" not in ents


def test_planned_parks_in_project_lists_are_not_parks(run):
    ents, _, _, _ = run("加快推进智能传感产业园、量子信息科技园等重点项目建设。公司将建设红星健康产业园生产基地项目。")
    assert not [n for n, c in ents.items() if c == "Park"]


def test_parks_named_with_common_words_only(run):
    ents, _, rels, _ = run("新区将打造西部文创产业发展示范区和数字文创合作区。当天，南山区创意设计产业基地、数字音乐产业基地同时揭牌。")
    assert "文创产业发展示范区" not in ents and "数字文创合作区" not in ents
    # coordinated right after a park of the same kind named with a place: a park of that place
    assert ents.get("数字音乐产业基地") == "Park"
    assert ("数字音乐产业基地", "locatedIn", "南山区") in rels


def test_whole_park_name_of_common_words(run):
    ents, _, _, _ = run("园区提出争创世界一流高科技园区的目标。")
    assert not [n for n, c in ents.items() if c == "Park"]


def test_enumeration_needs_its_head_noun(run):
    # 等与企业融资相关的举措: the list is of measures, not firms (and 上市 is not a place name)
    ents, _, _, _ = run("技术改造、股权投资、上市融资等与企业融资相关的政策同时发布。")
    assert not [n for n, c in ents.items() if c == "Company"]


def test_enumeration_counts_with_approximations(run):
    ents, _, _, _ = run("园区聚集了华美、康瑞、泰和丰等近30多家医药企业。")
    assert ents.get("康瑞") == "Company" and ents.get("泰和丰") == "Company"


def test_partner_names_after_every_connective(run):
    ents, _, _, _ = run("这是他和同事们与东岳重工合作研发的设备。双方还将加强与德国开展合作。")
    assert ents.get("东岳重工") == "Company"
    assert "德国开展" not in ents


def test_role_organisation_loses_the_leading_verb(run):
    ents, _, rels, _ = run("工厂新添了设备。专业的团队，让华远模具车间主管孙立新有了信心。")
    assert "让华远模具" not in ents
    assert ("孙立新", "worksFor", "华远模具") in rels


def test_people_listed_after_a_word_for_people(run):
    ents, _, _, _ = run("平台签约了头部达人小鹿酱、阿星哥等，人气很高。")
    assert ents.get("小鹿酱") == "Person" and ents.get("阿星哥") == "Person"


def test_verbs_are_not_people(run):
    ents, _, _, _ = run("会上，县委书记强调要抓好落实。有关专家强化技术攻关。")
    assert "强调" not in ents and "强化技" not in ents


def test_generic_government_phrases(run):
    ents, _, _, _ = run("在产业发展中，企业唱主角，而党委政府甘当配角。")
    assert not [n for n, c in ents.items() if c == "GovernmentBody"]


def test_doctor_roles(run):
    ents, _, rels, _ = run("会上，南州市人民医院影像科主任医师周立新表示，愿意合作。")
    assert "医师周立新" not in ents and ents.get("周立新") == "Person"


# --------------------------------------------------------------------------------------------- places

def test_places_at_the_start_of_gazetteer_names(run):
    ents, _, rels, _ = run("宁波高新区举办推介会。中科院的专家出席。")
    assert ents.get("宁波市") == "Place"
    assert ("宁波高新技术产业开发区", "locatedIn", "宁波市") in rels
    assert ents.get("中国科学院") == "Institute"                  # official name of 中科院


def test_county_level_cities_and_province_names(run):
    ents, _, _, _ = run("昆山与常熟市签约。天津及河北等地也有布局。")
    assert ents.get("昆山市") == "Place" and ents.get("常熟市") == "Place"
    assert ents.get("河北省") == "Place" and "河北区" not in ents


def test_short_names_across_word_boundaries(run):
    ents, _, _, _ = run("要加强生态保护。以蓝天等为代表的企业。\n刘长兴是一名工程师，他说要坚持。")
    assert not [n for n, c in ents.items() if c in ("Company", "Place")]


def test_given_names_are_not_places(run):
    ents, _, _, _ = run("公司总经理吕安达表示，将扩大生产。")
    assert ents.get("吕安达") == "Person" and "安达市" not in ents


# --------------------------------------------------------------------------------------------- relations

def test_role_after_a_comma_is_measured_from_the_sentence(run):
    _, _, rels, _ = run("记者来到园区。在青禾智能装备公司的车间里，创始人赵明远向记者介绍了新产品。")
    assert ("赵明远", "worksFor", "青禾智能装备公司") in rels


def test_role_after_company_with_a_long_title(run):
    _, _, rels, _ = run("南州市星辰化工有限公司在园区投资5亿元。公司副总经理兼总工程师钱文斌表示，项目明年投产。")
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
    ents, _, rels, _ = run("作为云岚智造产业园的管理部门，云岚创新创业服务中心积极招商。")
    assert ents.get("云岚创新创业服务中心") == "GovernmentBody"
    assert ("云岚创新创业服务中心", "manages", "云岚智造产业园") in rels


def test_firm_named_after_a_park_is_hosted(run):
    _, _, rels, _ = run("苏州高新区发布新政。苏州高新技术产业研究院当天揭牌。")
    assert ("苏州高新技术产业开发区", "hosts", "苏州高新技术产业研究院") in rels


def test_branches_are_subsidiaries_not_aliases(run):
    ents, names, rels, _ = run("招商银行江苏省分行与园区签约，招商银行表示支持。")
    assert ents.get("招商银行江苏省分行") == "Company"
    assert ("招商银行江苏省分行", "subsidiaryOf", "招商银行股份有限公司") in rels or \
        ("招商银行江苏省分行", "subsidiaryOf", "招商银行") in rels


def test_wholly_owned_subsidiary_named_after_a_dash(run):
    ents, _, rels, _ = run("多年前，宏达科技全资子公司——江苏宏达精密制造有限公司开始研发。")
    assert ents.get("宏达科技") == "Company"
    assert ("江苏宏达精密制造有限公司", "subsidiaryOf", "宏达科技") in rels


def test_no_subsidiary_of_an_institute_by_name(run):
    _, _, rels, _ = run("中国科学院控股有限公司与中国科学院共同出资。")
    assert not [r for r in rels if r[1] == "subsidiaryOf"]


def test_park_variants_are_one_park(run):
    ents, names, _, _ = run("合肥蜀山区(合肥高新区)国际产业园内人气很旺。合肥蜀山国际产业园已吸引百余家企业。"
                            "今年将升级蜀山国际产业园区。")
    parks = [n for n, c in ents.items() if c == "Park" and "国际产业园" in n]
    assert len(parks) == 1
    assert {"合肥蜀山国际产业园", "蜀山国际产业园区"} <= names


def test_bank_short_form_is_not_a_generic_word(run):
    ents, names, _, _ = run("企业对接到中国银行的贷款。园区联合银行和信贷机构推出服务。")
    assert "银行" not in names


def test_listed_buyers_at_a_park_event_are_not_tenants(run):
    _, _, rels, _ = run("南州经开区举行供需对接会。会上，甲辰科技、乙巳集团、丙午智能等10家龙头企业发布采购需求信息。")
    assert not [r for r in rels if r[1] == "hosts"]


def test_client_list_follows_the_known_partner(run):
    text = ("禾丰科技公司正在为世界500强奥迪赶制零件。\n在凯瑞智能公司的展厅里，工程师很忙。\n"
            "来自奥迪、宝腾、雷诺等国际客户的订单，已经排到了明年。")
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
    _, _, rels, _ = run("济南高新区吸引了一批企业。该中心落地济南高新区。甘肃酒泉星火发射中心也参与了。"
                        "这是该中心落地济南高新区后的成果。")
    assert not [r for r in rels if r[1] == "hosts" and "酒泉" in r[2]]


def test_long_company_prefix_is_cut_to_its_place(run):
    ents, _, _, _ = run("长治高新区5G智造基地生产忙山西恒泰智能科技有限公司。")
    assert ents.get("山西恒泰智能科技有限公司") == "Company"


# --------------------------------------------------------------------------------------------- more people and roles

def test_name_before_a_role_and_adverb_before_a_speech_verb(run):
    ents, _, _, _ = run("8月20日，赵建平总书记在会上讲话。当时，孙志刚却认为这是机会。公司董事长表示同意。"
                        "会上，区委常委、宣传部部长钱宏介绍了情况。")
    assert ents.get("赵建平") == "Person" and ents.get("孙志刚") == "Person"
    assert "公司" not in ents and "宣传部" not in ents


def test_roles_chained_over_several_bodies(run):
    _, _, rels, d = run("会上，浙江省委常委、东州市委书记韩立伟表示支持。据合肥高新区党工委委员、管委会副主任钱卫东介绍，"
                        "园区发展很快。")
    assert ("韩立伟", "worksFor", "东州市委") in rels and ("韩立伟", "worksFor", "浙江省委") in rels
    assert ("钱卫东", "worksFor", "合肥高新区管委会") in rels and ("钱卫东", "worksFor", "合肥高新区党工委") in rels
    roles = {(r.role, r.cue) for r in d.relations if r.kind.value == "worksFor"}
    assert ("常委", "role-chain") in roles and ("副主任", "role") in roles


def test_a_firm_role_right_after_the_firm(run):
    ents, _, rels, _ = run("工人们在南州宏图智能科技有限公司车间里组装器件。一旁，生产经理孙丽正与客户通话。")
    assert ents.get("孙丽") == "Person"                 # 正 (正在) is not part of the name
    assert ("孙丽", "worksFor", "南州宏图智能科技有限公司") in rels


# --------------------------------------------------------------------------------------------- more firms and hosts

def test_firms_named_by_industry_in_lists_and_after_the_park(run):
    ents, _, rels, _ = run("天津高新区企业奥林科技正是受益者。现已引进英迈智能、时创智能等21个高端创新创业项目。")
    assert ents.get("奥林科技") == "Company"
    assert ("天津高新区", "hosts", "奥林科技") in rels
    assert ents.get("英迈智能") == "Company"            # not 现已引进英迈智能
    assert ("天津高新区", "hosts", "英迈智能") in rels     # 引进: the park brings the firm in


def test_providing_support_to_listed_firms_is_a_partnership(run):
    _, _, rels, _ = run("星河融资租赁有限公司为南州创天电子科技公司、凯越科技公司等14家科技企业103项核心专利提供支持。")
    assert ("星河融资租赁有限公司", "partnersWith", "南州创天电子科技公司") in rels or \
        ("南州创天电子科技公司", "partnersWith", "星河融资租赁有限公司") in rels


def test_national_centres_named_by_their_field(run):
    ents, _, _, _ = run("园区已建成国家智能网联汽车检测中心等平台，还有国家重点实验室和国家级电子商务孵化器。")
    assert ents.get("国家智能网联汽车检测中心") == "Institute"
    assert not [n for n in ents if n.startswith("国家级") or n == "国家重点实验室"]


def test_county_names_read_as_personal_names_need_confirmation(run):
    ents, _, _, _ = run("山东昌乐培育新产业，昌乐的企业很活跃。")
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
    ents, _, _, _ = run("项目包括“一总部两集团三中心”。活动围绕创业培训、融资对接、产业赋能等方面帮助小微企业。")
    assert not [n for n, c in ents.items() if c == "Company"]


def test_universities_are_not_tenants_by_mention(run):
    _, _, rels, _ = run("依托南州高新区，整合超算中心和南州大学科研资源。")
    assert not [r for r in rels if r[1] == "hosts"]


def test_a_city_firm_is_not_merged_into_the_parent(run):
    ents, _, rels, _ = run("在高新区建设康迈集团中国总部、昆山康迈医疗集团。康迈医疗集团董事长钱进说，将加大投入。")
    assert ents.get("康迈医疗集团") == "Company" and ents.get("昆山康迈医疗集团") == "Company"
    assert ("钱进", "worksFor", "康迈医疗集团") in rels


def test_two_places_are_not_partners(run):
    _, _, rels, _ = run("根据协议，双方将推动苏州、昆山产业集聚发展。")
    assert not [r for r in rels if r[1] == "partnersWith"]


def test_what_goes_public_is_a_firm(run):
    ents, _, _, _ = run("5月6日，金华科在创业板敲钟上市。4月24日，兰石智能申报科创板获受理。")
    assert ents.get("金华科") == "Company" and ents.get("兰石智能") == "Company"


def test_less_frequent_surnames(run):
    ents, _, _, _ = run("8月20日，洪建明董事长在会上讲话。")
    assert ents.get("洪建明") == "Person"
