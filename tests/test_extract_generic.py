"""Generic entity rules for real park news (kg/extract/entities.py, lexicon.py, words.py, resolve.py).

One invented sentence per rule; no name or sentence is taken from any article of the dev sets.
"""
from __future__ import annotations

import pytest

from kg.records import Article


_article = Article.from_text


@pytest.fixture(scope="module")
def run(extractor):
    """text -> ({name: class}, {every name and alias})."""
    def _run(text: str):
        d = extractor.extract(_article(text))
        ents = {e.name: e.cls.value for e in d.entities}
        names = {n for e in d.entities for n in (e.name, *e.aliases)}
        return ents, names
    return _run


# ------------------------------------------------------------------------------------------------ parks

@pytest.mark.parametrize("name", ["青禾新区", "临川经济开发区", "东渚产业区", "西岭工业区", "安澜生态园",
                                  "北湾科创城", "南坪新城"])
def test_park_suffixes_by_grammar(run, name):
    ents, _ = run(f"近日，{name}举行项目集中签约仪式。")
    assert ents.get(name) == "Park"


def test_nested_named_area_of_a_park(run):
    ents, _ = run("近日，潍河高新区柳岸片区举行招商签约仪式。")
    assert ents.get("潍河高新区柳岸片区") == "Park"


def test_bare_area_is_no_park(run):
    ents, _ = run("该示范区将在东部、西部两个片区内布局。")
    assert not [n for n, c in ents.items() if c == "Park" and n.endswith("片区")]


def test_time_words_are_not_the_left_edge_of_a_park(run):
    ents, _ = run("两个月期间高新区的同志多次上门服务。继上月高新区首批项目签约后，又有新项目落地。")
    assert not [n for n in ents if n.endswith("高新区")]


def test_superlative_and_count_are_not_park_names(run):
    ents, _ = run("当地将打造全国首个数字产业园。全区规划了五大特色产业园。")
    assert not [n for n, c in ents.items() if c == "Park"]


def test_alias_bracket_ends_the_clause_before_a_park(run):
    ents, _ = run("青木科技有限公司（以下简称“青木科技”）正式进驻经开区。")
    assert not [n for n in ents if "进驻" in n]


def test_place_named_park_project_is_a_park(run):
    ents, _ = run("投产的湖州(青松)智能装备产业园项目总投资10亿元。")
    assert ents.get("湖州(青松)智能装备产业园") == "Park"


# -------------------------------------------------------------------------------------- government bodies

def test_bodies_named_by_level_alone(run):
    ents, _ = run("市委书记李建明在签约仪式上讲话。省政府副秘书长周立出席。市人大常委会副主任吴平参加。")
    assert ents.get("市委") == "GovernmentBody"
    assert ents.get("省政府") == "GovernmentBody"
    assert ents.get("市人大常委会") == "GovernmentBody"


def test_standing_committee_member_works_for_the_committee(run):
    # the annotation conventions count a partly named body (市委, 省委) where the text gives a person's rank in it:
    # 省委常委 is a member of the provincial committee
    ents, rels = run("省委常委、柳城市委书记王建平出席。")
    assert ents.get("省委") == "GovernmentBody" and ents.get("柳城市委") == "GovernmentBody"


def test_adjacent_bodies_are_split(run):
    ents, _ = run("江南省委省政府高度重视园区建设。")
    assert ents.get("江南省委") == "GovernmentBody"
    assert ents.get("省政府") == "GovernmentBody"
    assert "江南省委省政府" not in ents


def test_bureau_with_and_inside_its_name(run):
    ents, _ = run("公司与杭州市规划和自然资源管理局签订土地出让合同。")
    assert ents.get("杭州市规划和自然资源管理局") == "GovernmentBody"


@pytest.mark.parametrize("name", ["青州开发区行审局", "宁海市合作交流办", "东湖市科委", "高新区投促中心"])
def test_short_forms_of_commissions_and_offices(run, name):
    ents, _ = run(f"据{name}统计，今年已签约项目20个。")
    assert ents.get(name) == "GovernmentBody"


# ------------------------------------------------------------------------------------------------ institutes

@pytest.mark.parametrize("name", ["杭州市江西商会", "青川医药孵化基金", "滨江科创中心", "长河科技大市场",
                                  "东岭产业技术创新联盟"])
def test_institute_suffixes(run, name):
    ents, _ = run(f"活动在{name}举行。")
    assert ents.get(name) == "Institute"


def test_suffix_inside_another_word_is_no_institute(run):
    ents, _ = run("线上招商会吸引了众多企业。全球筛分行业知名企业来了。")
    assert not [n for n, c in ents.items() if c in ("Institute", "Company")]


# ------------------------------------------------------------------------------------------------ companies

def test_items_of_a_fortune_list(run):
    ents, _ = run("园区已经吸引博瑞德、联合动力等世界500强落户。")
    assert ents.get("博瑞德") == "Company"


def test_firm_at_the_head_of_project_names(run):
    ents, _ = run("本次签约的项目分别是：卓岚达婴幼儿奶粉项目、沃菲斯特汽车零部件项目、高端医疗器械项目。")
    assert ents.get("卓岚达") == "Company"
    # a brand and its industry (汽车零部件) is how such firms are annotated in real news: the item's whole name
    assert ents.get("沃菲斯特汽车零部件") == "Company" or ents.get("沃菲斯特") == "Company"
    assert not [n for n in ents if n.startswith("高端")]


def test_firm_before_its_regional_base(run):
    ents, _ = run("此前，星澜互娱扬州基地项目也落户开发区。")
    assert ents.get("星澜互娱") == "Company"


def test_counted_projects_are_no_firm(run):
    ents, _ = run("今年又有4个高科技外资项目、2个楼宇经济项目落户。")
    assert not [n for n, c in ents.items() if c == "Company"]


def test_members_of_a_group_named_by_its_short_name(run):
    ents, _ = run("东汽集团有关部门，东汽远航、东汽奔驰等相关负责同志参加。")
    assert ents.get("东汽远航") == "Company" and ents.get("东汽奔驰") == "Company"
    assert ents.get("东汽集团") == "Company"


def test_parent_named_before_its_subsidiary(run):
    ents, _ = run("行业领军企业青岚九章的全资子公司正式落户。")
    assert ents.get("青岚九章") == "Company"


def test_park_before_a_registered_name_is_not_part_of_it(run):
    ents, _ = run("在青禾新区博远通信股份有限公司的展厅里，工作人员介绍了产品。")
    assert ents.get("博远通信股份有限公司") == "Company"
    assert ents.get("青禾新区") == "Park"


def test_assistant_titles_are_roles_not_names(run):
    ents, _ = run("青禾新区区长助理方勇表示，新区将加快建设。公司总经理助理沈丽说，订单已排满。")
    assert ents.get("方勇") == "Person" and ents.get("沈丽") == "Person"
    assert not [n for n in ents if n.startswith("助理")]


# ------------------------------------------------------------------------------------------- traditional script

def test_traditional_script_is_matched_as_simplified(run):
    text = "東州納米科技產業園是東州市科委與青嵐區政府共同建設的產業園，這裡聚集了許多高新技術企業，發展勢頭強勁。"
    ents, _ = run(text)
    assert ents.get("東州納米科技產業園") == "Park"        # the name keeps the text's own characters
    assert ents.get("東州市科委") == "GovernmentBody"
    assert ents.get("青嵐區政府") == "GovernmentBody"


def test_simplified_text_is_left_as_it_is():
    from kg.extract.script import simplified

    text = "近日，青禾新区举行项目集中签约仪式，著名企业家出席。"
    assert simplified(text) is text
    assert simplified("青嵐區政府與東州市科委簽署協議，雙方將共同推進產業園區發展。") == \
        "青岚区政府与东州市科委签署协议，双方将共同推进产业园区发展。"


def test_brand_at_the_head_of_a_phrase():
    from kg.extract import word_classes as words

    assert words.leading_brand("卓岚达婴幼儿奶粉") == 3
    assert words.leading_brand("高端医疗器械") == 0


# ------------------------------------------------------------------------------------------------ round 3: identity

def _entity_of(run, text, name):
    """The names of the entity that has ``name`` among its names (empty when none)."""
    ents, _ = run(text)
    return ents


@pytest.fixture(scope="module")
def groups(extractor):
    """text -> [(class, {names})] per entity."""
    def _groups(text: str):
        d = extractor.extract(_article(text))
        return [(e.cls.value, {e.name, *e.aliases}) for e in d.entities]
    return _groups


def test_park_with_leading_place_chain_is_one_entity(groups):
    g = groups("在浙江湖州，有一个青溪经济开发区。记者在浙江湖州青溪经济开发区看到，多家企业入驻青溪经济开发区。")
    parks = [names for cls, names in g if cls == "Park"]
    assert len(parks) == 1 and {"浙江湖州青溪经济开发区", "青溪经济开发区"} <= parks[0]


def test_qualified_park_before_city_park_is_one_entity(groups):
    g = groups("8家企业与苏黔协作贵阳智谷科技城签订入驻协议。捐赠仪式暨苏黔协作贵阳智谷科技城企业签约仪式举行。")
    parks = [names for cls, names in g if cls == "Park"]
    assert len(parks) == 1 and "苏黔协作贵阳智谷科技城" in parks[0]


def test_nested_park_with_parent_prefix_stays_two(groups):
    g = groups("近日，青禾新区智能装备产业园举行开园仪式，青禾新区将持续招商。")
    parks = [names for cls, names in g if cls == "Park"]
    assert len(parks) == 2


def test_dash_joined_park_is_one_name(run):
    ents, _ = run("考察团莅临南通—苏州合作科技园参观调研。")
    assert ents.get("南通—苏州合作科技园") == "Park"
    assert "苏州合作科技园" not in ents


def test_park_short_name_inside_firm_name_is_no_park(run):
    ents, _ = run("近日，海门开发区与中关村云帆信息谷公司签约。")
    assert ents.get("中关村云帆信息谷公司") == "Company"
    assert not [n for n, c in ents.items() if c == "Park" and n.startswith("中关村")]


def test_area_named_by_its_administration_is_a_park(groups):
    g = groups("宁波市青港管委会表示，新项目在青港地区落地。青港还将积极布局未来产业，与青港集团共同招商。")
    parks = [names for cls, names in g if cls == "Park"]
    assert parks and "青港地区" in parks[0] and "青港" in parks[0]


def test_plan_title_is_no_park(run):
    ents, _ = run("管委会发布《青港地区低空无人系统综合示范区规划》。")
    assert not [n for n, c in ents.items() if c == "Park" and n.endswith("示范区")]


def test_dateline_is_not_part_of_a_body(run):
    ents, _ = run("据新华社电 上海市青港管委会17日表示，项目已签约。")
    assert not [n for n in ents if n.startswith("电")]


def test_province_abbreviations_in_a_list_are_places(run):
    ents, names = run("公司产品已销往晋、陕、蒙等地的煤矿。")
    assert {"晋", "陕", "蒙"} <= names


def test_paired_province_abbreviations_open_a_park_name(run):
    ents, _ = run("多家企业签约入驻沪黔合作贵阳智谷科技城。")
    assert ents.get("沪黔合作贵阳智谷科技城") == "Park"


@pytest.mark.parametrize("text", ["第十届中国国际青年创业博览会在杭州开幕。", "本届中国航展吸引了众多观众。"])
def test_country_inside_event_name_is_no_place(run, text):
    ents, _ = run(text)
    assert "中国" not in ents


def test_country_inside_national_body_name_is_no_place(run):
    ents, _ = run("该地块属于中国科学院大学的校区。")
    assert "中国" not in ents


# ------------------------------------------------------------------------------------------------ round 3: firms

def test_country_prefixed_brand_is_a_firm(run):
    ents, _ = run("作为全球知名的玻璃制造商——日本星川硝子增资扩产的重要项目，总投资5亿元。")
    assert ents.get("日本星川硝子") == "Company"


def test_city_plus_common_word_brand_is_a_firm(groups):
    g = groups("动力电池领军企业温州星辰在本地投资建厂。温州星辰和当地政府签订协议，台州星辰运营总监李明介绍。")
    firms = [names for cls, names in g if cls == "Company"]
    assert any("温州星辰" in n for n in firms)
    assert not any("温州星辰" in n and "台州星辰" in n for n in firms)
    assert not [names for cls, names in g if cls == "Place" and "温州" in names]


def test_city_before_common_noun_stays_a_place(run):
    ents, _ = run("温州企业纷纷来到本地投资。")
    assert "温州企业" not in ents


# ------------------------------------------------------------------------------------------------ round 3: persons

def test_name_after_descriptor_before_founder_verb(run):
    ents, _ = run("2019年返乡的郑海涛创立了一家新能源企业。浙商孔维东投资2亿元建设新项目。")
    assert ents.get("郑海涛") == "Person" and ents.get("孔维东") == "Person"


def test_list_of_leaders_without_deng(run):
    ents, _ = run("出席仪式的有区领导郑海涛、孔维东，区直相关部门负责人。")
    assert ents.get("郑海涛") == "Person" and ents.get("孔维东") == "Person"


def test_adverb_surname_after_role(run):
    ents, _ = run("在其董事长曾立峰看来，基地是公司布局的重要一环。")
    assert ents.get("曾立峰") == "Person"


def test_given_name_ending_before_shuo(run):
    ents, _ = run("“我们很有信心。”该公司执行总经理郑冬明说。")
    assert ents.get("郑冬明") == "Person"


def test_one_character_given_name_in_a_list(run):
    ents, _ = run("科技园办公室主任孔强、副主任郑然参加接待。")
    assert ents.get("孔强") == "Person"


# ------------------------------------------------------------------------------------------------ round 4: edges

def test_clause_verbs_and_conjunctions_stop_a_name(run):
    # 暨 joins two events; 考察, 代表, 抢抓, 不断加快 are the clause's verbs, not a name's first words
    ents, _ = run("青川市项目签约仪式暨云岚高新区推介会举行。张明代表岳山公司签约。"
                  "青川经济开发区抢抓东湖新区建设机遇。")
    assert ents.get("云岚高新区") == "Park" and "仪式暨云岚高新区" not in ents
    assert ents.get("岳山公司") == "Company" and not [n for n in ents if n.startswith("张明代表")]
    assert not [n for n in ents if "抢抓" in n]


def test_industrial_concentration_zones_and_sub_zones(run):
    ents, _ = run("云岭工业集中区今年新签约三个项目。星海物流拟在青川经济开发区北山分区建设物流港。")
    assert ents.get("云岭工业集中区") == "Park"
    assert ents.get("青川经济开发区北山分区") == "Park"


def test_bodies_named_by_level_political_consultative_and_offices(run):
    ents, _ = run("市政协主席张明、区委办主任李强出席。东城区委办公室发布通知。")
    assert ents.get("市政协") == "GovernmentBody" and ents.get("区委办") == "GovernmentBody"
    assert ents.get("东城区委办公室") == "GovernmentBody"


def test_factories_are_firms(run):
    ents, _ = run("岳山雪峰酒厂年产五千吨白酒项目开工。")
    assert ents.get("岳山雪峰酒厂") == "Company"


def test_investment_centres_are_firms_and_namo_is_no_name_start(run):
    ents, _ = run("东岭软件股份公司、北京云杉集团投资中心分别与青川经济开发区签约。如果说区位重要，那么岳山实业有限公司看中的是市场。")
    assert ents.get("北京云杉集团投资中心") == "Company"
    assert ents.get("岳山实业有限公司") == "Company" and not [n for n in ents if n.startswith("么")]


def test_firm_before_a_projects_yearly_output(run):
    ents, _ = run("近日，在青川经济开发区，云岚纳米年产11万吨正极材料项目正式投产。会上，蓝湾新材料年产5000吨碳纤维项目签约。"
                  "“正极材料项目是两个标志性项目之一。”")
    assert ents.get("云岚纳米") == "Company" and ents.get("蓝湾新材料") == "Company"
    assert "正极材料" not in ents and not [n for n in ents if n.startswith("吨")]


def test_a_park_named_with_its_province_is_also_found_without_it(run):
    _, names = run("近日，在云南保山岚峰经济开发区，一个新项目正式投产。")
    assert "保山岚峰经济开发区" in names


def test_lists_of_projects_name_their_firms(run):
    ents, _ = run("当天，还有8个项目集中开工，其中园区本部5个：格岚拉克研发中心、云岭汽车零部件、佳岚特汽车电子、云麦食品、"
                  "大岳农生物；东区3个：岚济医药、泽岳医药物流、金岚源包装。活动中，集中签约万岳航空、华岚新能源等44个招商引资项目。"
                  "形成了以黔岚化工为龙头的化工产业集群，以永岳机电、海岚科技为代表的装备制造产业集群。")
    for firm in ("格岚拉克", "云岭汽车零部件", "佳岚特汽车电子", "云麦食品", "岚济医药", "金岚源包装", "万岳航空",
                 "华岚新能源", "黔岚化工", "永岳机电", "海岚科技"):
        assert ents.get(firm) == "Company", firm


def test_leaders_lists_zone_committees_and_cluster_zones(run):
    ents, _ = run("县领导郑海涛、孔维东、郭立新\n出席仪式。副区长孔伟及相关部门负责同志参加。"
                  "云岚经开区工委书记郑然出席。浙东产业集聚区今年引进企业十家。中共岳山市委常委郭明出席。")
    for p in ("郑海涛", "孔维东", "郭立新", "孔伟", "郑然", "郭明"):
        assert ents.get(p) == "Person", p
    assert ents.get("云岚经开区工委") == "GovernmentBody" and ents.get("浙东产业集聚区") == "Park"
    assert ents.get("中共岳山市委") == "GovernmentBody"


def test_kinds_of_parks_and_enumeration_marks_are_no_names(run):
    ents, _ = run("（一）云岚工业集中区今年引进企业。市直部门赴岳山工业集中区调研。园区将建设绿色低碳示范园和生命健康产业园。")
    assert ents.get("云岚工业集中区") == "Park" and ents.get("岳山工业集中区") == "Park"
    assert not [n for n in ents if n.startswith(("（", "部门", "赴"))]
    assert "绿色低碳示范园" not in ents and "生命健康产业园" not in ents


def test_pairs_of_signing_parties_pair_neighbours(extractor):
    d = extractor.extract(_article("西安云岚研究所与星海光电有限公司、南州大学与蓝湾新材料有限公司等3个项目签约。"))
    names = {e.key: e.name for e in d.entities}
    partners = {(names[r.head], names[r.tail]) for r in d.relations if r.kind.value == "partnersWith"}
    with_sign = {(names[r.head], names[r.tail]) for r in d.relations if r.cue == "with-sign"}
    assert ("西安云岚研究所", "星海光电有限公司") in partners and ("南州大学", "蓝湾新材料有限公司") in partners
    assert ("西安云岚研究所", "蓝湾新材料有限公司") not in with_sign


def test_formal_zone_names_of_common_words(run):
    ents, _ = run("东州新型建材经济技术开发区相继与岳山建材、云迪阻燃材料等5家企业签订投资协议。建设世界一流高新技术产业开发区。")
    assert ents.get("东州新型建材经济技术开发区") == "Park"
    assert not [n for n in ents if n.startswith("世界一流")]


def test_signing_with_each_on_its_project(extractor):
    d = extractor.extract(_article("云岚经济技术开发区推介会举行。开发区与岳山碳素研究院、星海新材料科技有限公司分别就碳材料产业园、"
                                   "年产3000万平方米建筑陶瓷、氯代醚酮、10000吨系列复配型防腐防霉助剂项目签约。"))
    names = {e.key: e.name for e in d.entities}
    rels = {(names[r.head], r.kind.value, names[r.tail]) for r in d.relations}
    assert ("云岚经济技术开发区", "partnersWith", "星海新材料科技有限公司") in rels \
        or ("星海新材料科技有限公司", "partnersWith", "云岚经济技术开发区") in rels


def test_foreign_missions_and_short_named_offices(run):
    ents, _ = run("芬兰驻华大使馆公使吴明表示支持。市金融办主任李强介绍情况。")
    assert ents.get("芬兰驻华大使馆") == "GovernmentBody" and ents.get("市金融办") == "GovernmentBody"


def test_a_zones_name_holds_no_place_of_another_province(run):
    # 东湖高新区 is the national list's Wuhan zone; 东湖区 is a district of another province
    ents, _ = run("星海光电有限公司的新工厂落户东湖高新区。")
    assert "东湖区" not in ents


# ------------------------------------------------------------------------------------------------ firms by their slot

@pytest.mark.parametrize("text, firms", [
    ("由蓝岳汽车、赛普勒两个世界500强联手打造的高端装备项目在青川经开区投产。", ("蓝岳汽车", "赛普勒")),
    ("华岳、锦程两家企业在青川高新区签约。", ("华岳", "锦程")),
])
def test_counted_list_of_firms(run, text, firms):
    ents, _ = run(text)
    for f in firms:
        assert ents.get(f) == "Company"


def test_counted_list_of_people_is_no_firm_list(run):
    ents, _ = run("青川高新区有张三、李四两个项目经理。")
    assert "张三" not in ents or ents["张三"] != "Company"


@pytest.mark.parametrize("text, firm", [
    ("锂电材料领域的全球行业龙头——瑞恩科投资30亿元，在青川高新区建设隔膜生产基地。", "瑞恩科"),
    ("龙头企业泰岳新能源在青川高新区投资建设电池基地。", "泰岳新能源"),
    ("全球知名企业德科姆再次在青川经开区增资。", "德科姆"),
])
def test_investor_after_a_descriptor_is_a_firm(run, text, firm):
    ents, _ = run(text)
    assert ents.get(firm) == "Company"


def test_descriptor_without_a_name_gives_no_firm(run):
    ents, _ = run("一批龙头企业在青川高新区投资建设。龙头企业纷纷落户青川经开区。")
    assert not [n for n, c in ents.items() if c == "Company"]


def test_firm_at_the_head_of_a_project_with_its_figures(run):
    ents, _ = run("其中，云途云数据中心项目总用地面积约80亩，落户青川经开区。")
    assert ents.get("云途云") == "Company"


def test_firm_named_by_a_word_and_its_industry_at_the_head_of_a_settling_project(run):
    ents, _ = run("星河新材料柔性显示面板项目正式落户青川经开区。")
    assert ents.get("星河新材料") == "Company"


def test_a_frequent_common_word_before_an_industry_word_is_no_firm(run):
    ents, _ = run("，打造电路材料华东制造基地项目，选址青川。")
    assert not [n for n, c in ents.items() if c == "Company"]


@pytest.mark.parametrize("text, firms", [
    ("星图科技在青川高新区投资建设封测基地。", ("星图科技",)),
    ("华晟电子与蓝海通信共建联合实验室。", ("华晟电子", "蓝海通信")),
    ("星海光电项目由岳泰集团投资设立。", ("星海光电", "岳泰集团")),
])
def test_brand_and_industry_word_in_a_slot_of_its_own(run, text, firms):
    ents, _ = run(text)
    for f in firms:
        assert ents.get(f) == "Company"


def test_group_and_member_named_after_it_are_two_firms(extractor):
    d = extractor.extract(_article("岳泰集团旗下的岳泰精工落户青川经开区。"))
    names = {e.key: e.name for e in d.entities}
    assert {"岳泰集团", "岳泰精工"} <= set(names.values())
    subs = {(names[r.head], names[r.tail]) for r in d.relations if r.kind.value == "subsidiaryOf"}
    assert subs == {("岳泰精工", "岳泰集团")}


def test_group_with_its_legal_suffix_is_one_firm(run):
    ents, names = run("绿岳科技集团有限责任公司发布新品。绿岳科技集团今年营收增长。")
    assert [n for n, c in ents.items() if c == "Company"] == ["绿岳科技集团有限责任公司"]


def test_new_area_of_another_city_is_a_park(run):
    ents, _ = run("湛江滨海新区又添重磅产业园。")
    assert ents.get("湛江滨海新区") == "Park"


def test_the_district_named_new_area_stays_a_place(run):
    ents, _ = run("天津滨海新区发布新政。")
    assert ents.get("滨海新区") == "Place" and "天津滨海新区" not in ents


def test_photo_credit_bracket_is_not_part_of_a_park(run):
    ents, _ = run("（受访者供图）星海科技城医药项目即将竣工。")
    assert ents.get("星海科技城") == "Park"


def test_leaders_listed_before_a_verb_are_people(run):
    ents, _ = run("市领导周岚、闻涛、蹇洪参加活动。")
    assert all(ents.get(n) == "Person" for n in ("周岚", "闻涛", "蹇洪"))


def test_role_chain_joined_by_jian(extractor):
    d = extractor.extract(_article("青川市副市长、青川临空经济区党工委书记兼管委会主任丁伟表示，要加快发展。"))
    names = {e.key: e.name for e in d.entities}
    works = {(names[r.head], names[r.tail]) for r in d.relations if r.kind.value == "worksFor"}
    assert ("丁伟", "青川临空经济区党工委") in works
    assert not [n for n in names.values() if "书记" in n]


def test_old_brand_honour_is_not_part_of_the_name(run):
    ents, _ = run("沃岚生物、中华老字号北京稻香斋等一批龙头企业相继入驻青川高新区。")
    assert ents.get("北京稻香斋") == "Company"


def test_sub_park_named_after_its_park_is_one_name(run):
    ents, _ = run("目前，青川科技园区东岭生物医药产业基地经过20多年发展。青川科技园区发布新政。")
    assert ents.get("青川科技园区东岭生物医药产业基地") == "Park"
    assert ents.get("青川科技园区") == "Park"


def test_firms_a_park_brings_in_as_projects(run):
    ents, _ = run("2021年，青川高新区引入了华锐开天、神舟锦程、卓越恒通、量子云芯等12个上下游项目集中签约落地。")
    assert all(ents.get(n) == "Company" for n in ("华锐开天", "神舟锦程", "卓越恒通", "量子云芯"))


def test_kinds_of_project_are_no_firms(run):
    ents, _ = run("重点推进城市更新、乡村振兴等12个项目落地。")
    assert not ents


def test_firm_whose_industry_word_stops_names_elsewhere(run):
    ents, _ = run("日前，星岳建设集团有限公司与青川高新区签署投资合作协议。")
    assert ents.get("星岳建设集团有限公司") == "Company"


def test_a_bare_park_word_is_never_a_firm(run):
    ents, _ = run("青川高新区发布新政。日前，星岳集团与高新区签署投资合作协议。")
    assert "高新区" not in ents


def test_signing_with_the_bare_park_word_is_with_the_park_in_focus(extractor):
    d = extractor.extract(_article("青川保税区发布新政。日前，星岳集团与保税区签署项目合作协议。"))
    names = {e.key: e.name for e in d.entities}
    partners = {frozenset((names[r.head], names[r.tail])) for r in d.relations if r.kind.value == "partnersWith"}
    assert frozenset(("青川保税区", "星岳集团")) in partners


def test_officials_of_a_bare_administration_work_for_the_park(extractor):
    d = extractor.extract(_article("青川高新区发布新政。高新区党工委委员、管委会副主任王强出席。高新区管委会主任李明表示欢迎。"))
    names = {e.key: e.name for e in d.entities}
    assert "高新区管委会" not in names.values()
    works = {(names[r.head], names[r.tail], r.role) for r in d.relations if r.kind.value == "worksFor"}
    assert ("李明", "青川高新区", "管委会主任") in works
    # 党工委委员、管委会副主任: one office, held in the 党工委
    assert ("王强", "高新区党工委", "委员、管委会副主任") in works


@pytest.mark.parametrize("text, person", [
    ("青川高新区管委会副主任李强出席活动。", "李强"),
])
def test_one_character_given_name_that_opens_a_verb(run, text, person):
    ents, _ = run(text)
    assert ents.get(person) == "Person"


def test_speech_verb_after_a_surname_is_no_name(run):
    ents, _ = run("青川高新区党工委书记李强调，要加快发展。")
    assert "李强" not in ents


def test_part_of_a_named_park_named_by_its_industry(run):
    ents, _ = run("东岭科技园区生物医药产业基地经过20多年发展。")
    assert ents.get("东岭科技园区生物医药产业基地") == "Park"


def test_a_kind_of_park_after_the_bare_word_is_no_park(run):
    ents, _ = run("园区智能制造产业园加快建设。")
    assert not [n for n, c in ents.items() if c == "Park"]


def test_the_clause_before_a_list_of_firms_is_not_their_name(run):
    ents, _ = run("另外，青川高新区成功盘活岳华新能源、南岭客车等低效企业和闲置用地。")
    assert ents.get("岳华新能源") == "Company" and ents.get("青川高新区") == "Park"


@pytest.mark.parametrize("text, park", [
    ("投资10亿元的岳能清洁能源智链科技产业园项目落户青川高新区。", "岳能清洁能源智链科技产业园"),
    ("华锐科技项目落户晨曦科创园。", "晨曦科创园"),
    ("星河生态园发布新政。", "星河生态园"),
    ("青川临空经济区发布新政。", "青川临空经济区"),
])
def test_named_parks_and_branded_park_projects(run, text, park):
    ents, _ = run(text)
    assert ents.get(park) == "Park"


@pytest.mark.parametrize("text", ["建设智能制造产业园项目。", "加快推进新能源产业园项目建设。", "绿色产业园加快建设。"])
def test_kinds_of_park_projects_are_no_parks(run, text):
    ents, _ = run(text)
    assert not [n for n, c in ents.items() if c == "Park"]


def test_firms_at_the_head_of_long_listed_project_names(run):
    ents, _ = run("5月24日，青川高新区集中签约仪式举行，华岳动力xHEV电池系统项目(二期)、拓岳半导体射频芯片稀土靶向材料总部"
                  "及研发生产项目、岚沃科技新能源材料研发生产项目等4个优质项目先后签约，正式落户青川高新区。")
    assert all(ents.get(n) == "Company" for n in ("华岳动力", "拓岳半导体", "岚沃科技"))


def test_a_product_after_the_brand_is_not_part_of_the_firm(run):
    ents, _ = run("，菲岳玛特汽车零部件研发生产项目正式落户青川高新区。")
    assert "菲岳玛特汽车" not in ents


def test_list_of_firms_with_a_long_description_before_settling(run):
    ents, _ = run("青川经开区设立至今，鱼岳、碧泉源、今日快讯等一批关联度大、带动性强的行业龙头企业先后入驻。")
    assert all(ents.get(n) == "Company" for n in ("鱼岳", "碧泉源", "今日快讯"))


def test_a_preposition_before_a_park_is_not_part_of_it(run):
    ents, _ = run("新加坡星航集团经岚湾经济开发区管委会引荐落户。")
    assert ents.get("岚湾经济开发区") == "Park" and ents.get("新加坡星航集团") == "Company"


def test_each_new_town_of_a_park_is_not_a_park(run):
    ents, _ = run("六家企业分别与各青川新区新城签约。")
    assert ents.get("青川新区") == "Park" and "青川新区新城" not in ents


def test_leadership_office_of_party_committee_and_administration(extractor):
    d = extractor.extract(_article("青川高新区党工委书记、管委会主任王建国出席签约仪式。"))
    names = {e.key: e.name for e in d.entities}
    assert "青川高新区管委会" not in names.values()
    works = {(names[r.head], names[r.tail], r.role) for r in d.relations if r.kind.value == "worksFor"}
    assert works == {("王建国", "青川高新区党工委", "书记、管委会主任")}


def test_both_bodies_named_are_both_entities(run):
    ents, _ = run("青川高新区党工委、管委会主要负责同志出席。")
    assert ents.get("青川高新区党工委") == "GovernmentBody" and ents.get("青川高新区管委会") == "GovernmentBody"


def test_page_metadata_is_no_park(run):
    ents, _ = run("发布时间:2021-10-15 来源:江州区人民政府 发布开发区:江州经济技术开发区 ")
    assert ents.get("江州经济技术开发区") == "Park"
    assert not [n for n in ents if "发布" in n]


def test_a_clause_opening_preposition_is_not_part_of_a_body(run):
    ents, _ = run("近日，经岚湾经济开发区管委会研究，同意新加坡星航集团项目落地。")
    assert ents.get("岚湾经济开发区管委会") == "GovernmentBody"


def test_listed_bases_and_regions_are_no_firms(run):
    ents, _ = run("青川经开区成功引进了大岳英联绿色包装产业园、星讯云工业云基地、高端油服产业基地、氢能源产业园等一批项目。"
                  "与广东地区对口合作项目已达11个。")
    assert ents.get("大岳英联绿色包装产业园") == "Park"
    assert not [n for n, c in ents.items() if c == "Company" and n.endswith(("基地", "产业园", "地区"))]


def test_the_distinctive_part_of_a_park_name():
    from kg.extract.entities import EntityFinder
    from kg.extract.resolve import Resolver
    r = Resolver(EntityFinder())
    assert r.park_core("广东青岚湖高新技术产业开发区") == "青岚湖"
    assert r.park_core("青川高新区") == ""           # a place and the park word: nothing distinctive
    assert r.park_core("绿色产业园") == ""            # common words only


def test_a_parks_short_name_after_its_full_name(extractor):
    d = extractor.extract(_article("湛江云屏高新区发布新政。锐泰科技落户云屏。云屏港码头繁忙。"))
    park = next(e for e in d.entities if e.cls.value == "Park")
    assert "云屏" in park.aliases
    assert len([m for m in park.mentions if m.text == "云屏"]) == 1     # not 云屏港


def test_firms_of_projects_named_after_their_amounts(run):
    ents, _ = run("新开工项目6个，分别是总投资5亿元的岳犇液晶显示模组扩建项目、总投资0.82亿元的佰岚可降解环保日用品项目。")
    assert ents.get("岳犇") == "Company" and ents.get("佰岚") == "Company"


def test_firm_before_its_output_figures(run):
    ents, _ = run("大岳公司15GW光伏组件配套项目、合岚硅业20万吨密封胶项目相继投产。")
    assert ents.get("合岚硅业") == "Company"


def test_partners_of_one_clause_are_not_paired_with_the_next_clause(extractor):
    d = extractor.extract(_article("8月30日，岳川科技服务有限公司与河北星河研究院签订协议；9月20日，中科岳威与西安精密机械研究所签订合作协议。"))
    names = {e.key: e.name for e in d.entities}
    pairs = {frozenset((names[r.head], names[r.tail])) for r in d.relations if r.kind.value == "partnersWith"}
    assert frozenset(("岳川科技服务有限公司", "河北星河研究院")) in pairs
    assert not [p for p in pairs if "西安精密机械研究所" in p and "岳川科技服务有限公司" in p]


def test_people_and_countries_are_no_partners(run):
    ents, _ = run("山东深化与日韩合作。希望能够与企业家们携手并进。")
    assert not [n for n, c in ents.items() if c in ("Company", "Institute")]


def test_firm_named_after_its_park_is_kept_whole(run):
    ents, _ = run("江苏星岳科技产业园运营管理有限公司投资总监表示。")
    assert ents.get("江苏星岳科技产业园运营管理有限公司") == "Company"


def test_a_verb_of_leverage_is_not_part_of_a_name(run):
    ents, _ = run("，借力星岳大学碳基复合材料技术优势。")
    assert ents.get("星岳大学") == "Institute"


def test_party_committee_office_chain_with_a_short_park_name(extractor):
    d = extractor.extract(_article("长春岳开区发布新政。项目启动仪式上，岳开区党工委副书记、管委会主任李国明主持。"))
    names = {e.key: e.name for e in d.entities}
    works = {(names[r.head], names[r.tail], r.role) for r in d.relations if r.kind.value == "worksFor"}
    assert works == {("李国明", "岳开区党工委", "副书记、管委会主任")}


def test_merchants_of_a_province_and_a_firms_own_project_are_no_firms(run):
    ents, _ = run("标志着又一批楚商返乡项目落地见效。推动中山市恒岳实业有限公司模具制造项目在年底投产。")
    assert [n for n, c in ents.items() if c == "Company"] == ["中山市恒岳实业有限公司"]


def test_jingkaiqu_is_not_a_preposition(run):
    ents, _ = run("会上，经开区党工委书记李建明讲话。")
    assert ents.get("经开区党工委") == "GovernmentBody"


def test_xie_joins_two_delegations(extractor):
    d = extractor.extract(_article("1月24日，湖北省星河商贸服务协会会长韩立远携上海岳证实业集团有限公司董事长孙志刚一行到江州考察。"))
    names = {e.key: e.name for e in d.entities}
    works = {(names[r.head], names[r.tail]) for r in d.relations if r.kind.value == "worksFor"}
    assert works == {("韩立远", "湖北省星河商贸服务协会"), ("孙志刚", "上海岳证实业集团有限公司")}


def test_the_cloud_arm_of_a_listed_brand_and_its_parent(extractor):
    d = extractor.extract(_article("中粮云落户青川高新区。"))
    names = {e.key: e.name for e in d.entities}
    assert {"中粮云", "中粮"} <= set(names.values())
    subs = {(names[r.head], names[r.tail], r.implied) for r in d.relations if r.kind.value == "subsidiaryOf"}
    assert subs == {("中粮云", "中粮", True)}
