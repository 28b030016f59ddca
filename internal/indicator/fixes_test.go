package indicator

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/typo"
)

// labelled is each figure of a text as label:written, joined by " | ".
func labelled(text string) string {
	var out []string
	for _, in := range extractText(text) {
		out = append(out, in.Label+":"+in.Written)
	}
	return strings.Join(out, " | ")
}

// checkLabelled runs labelled over cases of text and want.
func checkLabelled(t *testing.T, cases [][2]string) {
	t.Helper()
	for _, c := range cases {
		if got := labelled(c[0]); got != c[1] {
			t.Errorf("%s\n got %s\nwant %s", c[0], got, c[1])
		}
	}
}

// Ordinals of sessions, class-defining thresholds and ages, figures of
// speech and fill-in blanks for names are not quantities (r12).
func TestNotQuantitiesInContext(t *testing.T) {
	checkLabelled(t, [][2]string{
		// Sessions of a body elected for a term.
		{"按照省委十四届十次全会和省委经济工作会议部署", ""},
		{"县十八届人大三次会议审议通过了政府工作报告", ""},
		{"共召开党委会议12次", "召开党委会议:12次"},
		{"召开专题会议3次，研究重大事项", "召开专题会议:3次"},
		// A threshold or an age before a noun says which of it are meant.
		{"控制孕产妇、婴儿和5岁以下儿童死亡率", ""},
		{"为0-3岁婴幼儿家庭提供照护服务", ""},
		{"5岁以下儿童死亡率降至4.5‰", "5岁以下儿童死亡率:4.5‰"},
		{"培养出栏50头以上养殖大户23户", "培养出栏50头以上养殖大户:23户"},
		{"培育年产值1000万元以上企业12家", "培育年产值1000万元以上企业:12家"},
		{"中考700分以上5人", "中考:700分 | 中考700分以上:5人"},
		{"平均寿命提高到75.3岁", "平均寿命:75.3岁"},
		{"粮食产量稳定在6.5万吨以上", "粮食产量:6.5万吨"},
		// Figures of speech and references back.
		{"面对这两场没有销烟的“战役”，全镇众志成城", ""},
		{"打好疫情防控和经济发展两场硬仗", ""},
		{"举办两场招聘会", "招聘会:两场"},
		// A fill-in blank before a count and a verb is a name.
		{"并在_场设置互通式出入口", ""},
		{"开展文艺演出_场，", "开展文艺演出:_场"},
		{"发放补贴资金_万元", "发放补贴资金:_万元"},
		{"改造危房XX户", "改造危房:XX户"},
	})
}

// Units of electricity, racks and computing power (r13).
func TestMoreUnits(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"输出345亿度、增长32%", "345亿度=345 亿度 亿:34500000000 | 32%=32 % change"},
		{"全年用电量1.2万度", "1.2万度=1.2 万度 万:12000"},
		{"建成标准机架4万架、算力规模超2.2万P", "4万架=4 万架 万:40000 | 2.2万P=2.2 万P 万:22000 超"},
		{"算力总规模突破4万P", "4万P=4 万P 万:40000"},
		{"智算规模达到300P", "300P=300 P"},
		{"新增光伏装机100MW", "100MW=100 MW"},
		{"超算能力达到2EFlops", "2EFlops=2 EFlops"},
		// Names with letters and words that start with 度 or 架 stay what they were.
		{"建成5G基站1200个", "1200个=1200 个"},
		{"新增4A级景区3家", "3家=3 家"},
		{"PM2.5平均浓度下降3%", "3%=-3 % change"},
		{"建成3个度假区", "3个=3 个"},
		{"搭建2个架构", "2个=2 个"},
		{"2023年度考核", ""},
		{"引进P2P平台", ""},
		{"温度达到3度以上", "3度=3 度 以上"},
	} {
		if got := readings(extractText(c.text)); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.text, got, c.want)
		}
	}
	checkLabelled(t, [][2]string{
		{"建成标准机架4万架", "标准机架:4万架"},
		{"绿电外送拓展至22个省区市，输出345亿度", "省区市:22个 | 输出:345亿度"},
	})
}

// A respectively-list pairs its things with its figures in order (r14).
func TestRespectively(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"高技术制造业、装备制造业增加值分别增长9.5%、10.7%", "高技术制造业增加值:9.5% | 装备制造业增加值:10.7%"},
		{"一产增加值增长5.5%，牛羊出栏分别增长5.2%、1.9%", "一产增加值:5.5% | 牛出栏:5.2% | 羊出栏:1.9%"},
		{"城镇、农村居民人均可支配收入分别增长3.4%、5.2%", "城镇居民人均可支配收入:3.4% | 农村居民人均可支配收入:5.2%"},
		{"全年小麦和玉米产量分别达到3.2万吨、4.1万吨", "小麦产量:3.2万吨 | 玉米产量:4.1万吨"},
		{"城乡居民人均可支配收入分别达到41260元和19870元，分别增长5.1%和7.6%",
			"城镇居民人均可支配收入:41260元 | 农村居民人均可支配收入:19870元 | 城镇居民人均可支配收入:5.1% | 农村居民人均可支配收入:7.6%"},
		// Things that are measures themselves share nothing.
		{"进口货值、免签入境游客、新增外资企业分别增长38.9%、64%、13%", "进口货值:38.9% | 免签入境游客:64% | 新增外资企业:13%"},
		// As many things as figures, or the list is not split.
		{"工业、农业、服务业分别增长1%、2%", "服务业:1% | 服务业:2%"},
		{"新增市级教坛新星2人、市级骨干教师2人", "新增市级教坛新星:2人 | 市级骨干教师:2人"},
		{"2座光热发电项目分别在格尔木、德令哈开工", "光热发电项目:2座"},
	})
	// Every figure of the list is a change when the first is.
	if got := readings(extractText("能耗和水耗分别下降3%和4.5%")); got != "3%=-3 % change | 4.5%=-4.5 % change" {
		t.Errorf("changes of a list: %s", got)
	}
}

// kinds is each figure of a document as anchor written kind year
// qualifier.
func kinds(doc *report.Doc) string {
	var got []string
	for _, in := range Extract(doc) {
		got = append(got, strings.TrimSpace(fmt.Sprintf("%s %s %s %d %s", in.Anchor, in.Written, in.Kind, in.Year, in.Qualifier)))
	}
	return strings.Join(got, "\n")
}

// Figures of the year under review are actuals; 预计 of that year is an
// actual qualified 预计 (r15).
func TestKindReview(t *testing.T) {
	part := func(id, title string) report.Block {
		return report.Block{Kind: report.Part, ID: id, Lead: title}
	}
	para := func(id, text string) report.Block {
		return report.Block{Kind: report.Paragraph, ID: id, Text: text}
	}
	for _, c := range []struct {
		name   string
		blocks []report.Block
		want   string
	}{
		{"review read as a section after a table of contents", []report.Block{
			part("s2", "2024年工作安排"), part("s3", "全面加强政府自身建设"),
			{Kind: report.Section, ID: "s3-1", Lead: "2023年工作回顾"},
			para("p1", "全年地区生产总值完成82.86亿元，增长2.5%。"),
			{Kind: report.Section, ID: "s3-2", Lead: "聚焦重点任务"},
			para("p2", "新增企业5家。"),
		}, "p1 82.86亿元 actual 2023\np1 2.5% actual 2023\np2 5家 actual 2023"},
		{"a section without a year decides nothing", []report.Block{
			part("s2", "2024年工作安排"), {Kind: report.Section, ID: "s2-1", Lead: "坚持目标导向"},
			para("p1", "新建农田8000亩。"),
		}, "p1 8000亩 target 2024"},
		{"预计 with 下同 makes the rest of the part estimates", []report.Block{
			part("s1", "2023年工作回顾"),
			para("p1", "预计（下同），全镇实现生产总值6.35亿元，同比增长18.3%。新增企业5家。"),
			part("s2", "2024年工作安排"), para("p2", "新建农田8000亩。"),
		}, "p1 6.35亿元 actual 2023 预计\np1 18.3% actual 2023 预计\np1 5家 actual 2023 预计\np2 8000亩 target 2024"},
		{"预计 alone makes its sentence estimates", []report.Block{
			part("s1", "2023年工作回顾"),
			para("p1", "预计全年完成投资5亿元以上。完成财政收入3亿元。预计明年增长5%。"),
		}, "p1 5亿元 actual 2023 以上\np1 3亿元 actual 2023\np1 5% target 2024"},
		{"预计 in a plan is a target", []report.Block{
			part("s2", "2024年工作安排"), para("p1", "预计完成投资6亿元。"),
		}, "p1 6亿元 target 2024"},
		{"done and secured in a review", []report.Block{
			part("s1", "2023年工作回顾"),
			para("p1", "西线供水工程顺利竣工，确保了6.8万人的安全饮水问题。争取上级资金3000万元。人均预期寿命提高到75.3岁。虚拟现实产业产值5亿元。"),
		}, "p1 6.8万人 actual 2023\np1 3000万元 actual 2023\np1 75.3岁 actual 2023\np1 5亿元 actual 2023"},
		{"确保 and 争取 in a plan or outside any part", []report.Block{
			para("p0", "确保城镇新增就业800人。"),
			part("s2", "2024年工作安排"), para("p1", "争取上级资金3000万元。力争新增企业5家。"),
		}, "p0 800人 target 2023\np1 3000万元 target 2024\np1 5家 target 2024"},
	} {
		doc := &report.Doc{Meta: report.Meta{Year: 2023}, Blocks: c.blocks}
		if got := kinds(doc); got != c.want {
			t.Errorf("%s:\n got\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
	checkLabelled(t, [][2]string{
		{"人均预期寿命提高到75.3岁", "人均预期寿命:75.3岁"},
		{"确保了6.8万人的安全饮水问题", "安全饮水问题:6.8万人"},
		{"争取到位资金3000万元", "到位资金:3000万元"},
	})
}

// Without a report year a figure has no year: 0, no field in JSON, an
// empty cell in CSV, and never year 1 for a plan.
func TestNoYear(t *testing.T) {
	doc := &report.Doc{Blocks: []report.Block{
		{Kind: report.Part, ID: "s1", Lead: "工作回顾"},
		{Kind: report.Paragraph, ID: "p1", Text: "完成财政收入3亿元。2022年完成投资4亿元。"},
		{Kind: report.Part, ID: "s2", Lead: "工作安排"},
		{Kind: report.Paragraph, ID: "p2", Text: "力争明年新增就业500人。"},
	}}
	if got, want := kinds(doc), "p1 3亿元 actual 0\np1 4亿元 actual 2022\np2 500人 target 0"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	ins := Extract(doc)
	var js, cs bytes.Buffer
	WriteJSON(&js, ins[:1])
	WriteCSV(&cs, ins[:1])
	if strings.Contains(js.String(), `"year"`) {
		t.Errorf("JSON has a year: %s", js.String())
	}
	if !strings.Contains(cs.String(), ",actual,,true,") {
		t.Errorf("CSV year is not empty: %s", cs.String())
	}
}

// A figure with no subject of its own takes the one of the figure before
// it in the sentence, and a share of a plan does not pass its own words on;
// a clause that names its own subject before a 、 keeps it (r18).
func TestLabelCarry(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"2020年地方财政收入实现2496万元，完成任务的117.46%，同比增长28.7%",
			"地方财政收入:2496万元 | 地方财政收入任务完成率:117.46% | 地方财政收入:28.7%"},
		{"固定资产投资完成15.2亿元，为年度计划的105%，增长8%", "固定资产投资:15.2亿元 | 固定资产投资计划完成率:105% | 固定资产投资:8%"},
		{"完成年度目标任务的103%", "任务完成率:103%"},
		{"民生领域财政支出占比保持在76%以上，全体居民人均可支配收入增速高于经济增速、突破3万元",
			"民生领域财政支出占比:76% | 全体居民人均可支配收入:3万元"},
		{"新增就业500人，工业增加值增长快于全省平均、达到120亿元", "新增就业:500人 | 工业增加值:120亿元"},
		// Unchanged: a change after its subject, a list of figures, a task that is no share.
		{"限上社会消费品零售额XX万元，同比增长20.56%", "限上社会消费品零售额:XX万元 | 限上社会消费品零售额:20.56%"},
		{"地区生产总值增长5%、达到100亿元", "地区生产总值:5% | 地区生产总值:100亿元"},
		{"承担重点任务的12家企业", "企业:12家"},
		{"人均预期寿命再提高1.5岁", "人均预期寿命:1.5岁"},
	})
}

// Note marks are no part of a label; numerals that are part of a name are
// (r20).
func TestNoteMarksAndNames(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"2025年四大主导产业［2］占GDP比重较2020年提高约14个百分点", "四大主导产业占GDP比重:14个百分点"},
		{"ESI［5］全球排名前1%的学科数量增长两倍", "ESI全球排名前1%的学科数量:两倍"},
		{"绿色发展指数①提高到85%", "绿色发展指数:85%"},
		{"规上工业增加值²增长7%，研发投入强度[3]达到2.1%", "规上工业增加值:7% | 研发投入强度:2.1%"},
		{"全省四大主导产业增加值占GDP比重较上年提高2个百分点", "四大主导产业增加值占GDP比重:2个百分点"},
		{"三农投入增长10%", "三农投入:10%"},
		{"支持两新政策资金5亿元", "支持两新政策资金:5亿元"},
		{"实施3个三农项目", "三农项目:3个"},
		// A name cut by the length cap keeps its numeral.
		{"加快四大主导产业上下游企业协同发展重点项目投资12亿元", "四大主导产业上下游企业协同发展重点项目投资:12亿元"},
		// Brackets that are not note marks stay.
		{"东政〔2023〕12号文件安排资金50万元", "东政〔2023〕12号文件安排资金:50万元"},
	})
	// The text keeps the marks.
	if ins := extractText("四大主导产业［2］产值增长8%"); len(ins) != 1 || ins[0].Text != "四大主导产业［2］产值增长8%" {
		t.Errorf("text lost its note mark: %+v", ins)
	}
}

// Reports in Traditional script are read as in Simplified; records quote
// them as written, with units normalised (r19).
func TestTraditional(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"完成財政收入6365萬元,超額完成任務。招商引資到位資金6.22億元,新增規(guī)上工業(yè)企業(yè)1家,新增稻蝦(漁)綜合種養(yǎng)3600畝。",
			"財政收入 6365萬元=6365 万元 万:63650000 | 招商引資到位資金 6.22億元=6.22 亿元 亿:622000000 | " +
				"新增規上工業企業 1家=1 家 | 新增稻蝦(漁)綜合種養 3600畝=3600 亩"},
		{"硬化道路12.5公裏，新建橋樑3座，改造危房20戶，惠及群眾1.2萬人次，外商直接投資300萬美元",
			"硬化道路 12.5公裏=12.5 公里 | 新建橋樑 3座=3 座 | 改造危房 20戶=20 户 | 惠及群眾 1.2萬人次=1.2 万人次 万:12000 | " +
				"外商直接投資 300萬美元=300 万美元 万:3000000"},
		{"地區生產總值同比增長8.5%，糧食產量下降2.1萬噸", "地區生產總值 8.5%=8.5 % change | 糧食產量 2.1萬噸=-2.1 万吨 万:-21000 change"},
		{"實施兩個項目", "項目 兩個=2 个"},
		// Not quantities, as in Simplified.
		{"按照省委十四屆十次全會部署，做到“兩個維護”，推進XX項目", ""},
	} {
		var got []string
		for _, in := range extractText(c.text) {
			got = append(got, in.Label+" "+reading(in))
			if !strings.Contains(c.text, in.Text) {
				t.Errorf("text %q is not as written", in.Text)
			}
		}
		if g := strings.Join(got, " | "); g != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.text, g, c.want)
		}
	}
	doc := &report.Doc{Meta: report.Meta{Year: 2020}, Blocks: []report.Block{
		{Kind: report.Part, ID: "s1", Lead: "2020年工作回顧"},
		{Kind: report.Paragraph, ID: "p1", Text: "預計全年完成投資5億元。"},
		{Kind: report.Part, ID: "s2", Lead: "2021年工作安排"},
		{Kind: report.Paragraph, ID: "p2", Text: "力爭新增企業5家。"},
	}}
	if got, want := kinds(doc), "p1 5億元 actual 2020 预计\np2 5家 target 2021"; got != want {
		t.Errorf("kinds in Traditional:\n got\n%s\nwant\n%s", got, want)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"萬億畝噸個項戶兩": "万亿亩吨个项户两", "增長預計": "增长预计", "完成財政收入": "完成财政收入",
		"abc 1,200": "abc 1,200", "": "",
	} {
		got, _ := typo.Fold(in)
		if got != want || len(got) != len(in) {
			t.Errorf("typo.Fold(%q) = %q, want %q", in, got, want)
		}
	}
	if _, ok := typo.Fold("完成财政收入3亿元"); ok {
		t.Error("fold reports a change in Simplified text")
	}
	for _, c := range []struct{ label, folded, src, want string }{
		{"财政收入", "完成财政收入XX", "完成財政收入XX", "財政收入"},
		{"财政收入任务完成率", "完成财政收入", "完成財政收入", "財政收入任务完成率"},
		{"新增规上企业", "新增规(guī)上企业", "新增規(guī)上企業", "新增規上企業"},
	} {
		if got := unfold(c.label, c.folded, c.src); got != c.want {
			t.Errorf("unfold(%q) = %q, want %q", c.label, got, c.want)
		}
	}
}

// A magnitude written without a unit (174万 for 174万元) is unit_missing in
// every form, and a unit written after it never is (r16).
func TestUnitMissing(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"财政一般预算收入任务174万，完成198万，其中税收性一般预算收入完成174万；社零实现145.98亿",
			"174万=174 万 万:1740000 unit_missing | 198万=198 万 万:1980000 unit_missing | " +
				"174万=174 万 万:1740000 unit_missing | 145.98亿=145.98 亿 亿:14598000000 unit_missing"},
		{"调整预算1506万。", "1506万=1506 万 万:15060000 unit_missing"},
		{"存款余额1.5万亿", "1.5万亿=1.5 万亿 万亿:1500000000000 unit_missing"},
		{"投入资金XX万", "XX万=null 万 万: redacted unit_missing"},
		{"补助3-5万", "3-5万=3~5 万 万:30000 unit_missing"},
		{"补助3万至5万", "3万至5万=3~5 万 万:30000 unit_missing"},
		{"投资十万", "十万=10 万 万:100000 unit_missing"},
		{"投资两万余", "两万余=2 万 万:20000 余 unit_missing"},
		{"投入1.2万以上", "1.2万=1.2 万 万:12000 以上 unit_missing"},
		{"投入约3000万用于道路建设", "3000万=3000 万 万:30000000 约 unit_missing"},
		{"完成財政收入174萬", "174萬=174 万 万:1740000 unit_missing"},
		// With a unit it is not missing.
		{"完成198万元，惠及1.2万人", "198万元=198 万元 万:1980000 | 1.2万人=1.2 万人 万:12000"},
		{"完成財政收入174萬元", "174萬元=174 万元 万:1740000"},
	} {
		if got := readings(extractText(c.text)); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.text, got, c.want)
		}
	}
}

// A result after its plan takes the thing planned, not the plan.
func TestResultAfterPlan(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"财政一般预算收入任务174万，完成198万", "财政一般预算收入任务:174万 | 财政一般预算收入:198万"},
		{"年度计划投资2亿元，完成1.5亿元", "年度计划投资:2亿元 | 投资:1.5亿元"},
		// Not after a plan, or not a result: unchanged.
		{"固定资产投资完成132.6亿元，下降3.4%", "固定资产投资:132.6亿元 | 固定资产投资:3.4%"},
		{"财政收入任务174万，增长5%", "财政收入任务:174万 | 财政收入任务:5%"},
	})
}
