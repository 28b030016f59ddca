package indicator

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// reviewDoc is a report of 2025 whose review part holds text.
func reviewDoc(text string) *report.Doc {
	return &report.Doc{Meta: report.Meta{Year: 2025}, Blocks: []report.Block{
		{Kind: report.Part, ID: "s1", Lead: "一、2025年工作回顾"},
		{Kind: report.Paragraph, ID: "p1", Text: text},
	}}
}

// dated is each figure of a review as label written kind year qualifier
// and F when featured.
func dated(text string) string {
	var got []string
	for _, in := range Extract(reviewDoc(text)) {
		f := ""
		if in.Featured {
			f = "F"
		}
		got = append(got, strings.Join(strings.Fields(fmt.Sprintf("%s %s %s %d %s %s", in.Label, in.Written, in.Kind, in.Year, in.Qualifier, f)), " "))
	}
	return strings.Join(got, "\n")
}

func checkDated(t *testing.T, cases [][2]string) {
	t.Helper()
	for _, c := range cases {
		if got := dated(c[0]); got != c[1] {
			t.Errorf("%s\n got\n%s\nwant\n%s", c[0], got, c[1])
		}
	}
}

// A change from a year's figure to another year's (从2020年的51%提升到2025年
// 的70%) names the subject before 从 and dates each figure; a change of
// several things at once pairs the things with both lists (r23).
func TestFromYearToYear(t *testing.T) {
	checkDated(t, [][2]string{
		{"农产品加工转化率从2020年的51%提升到2025年的70%。",
			"农产品加工转化率 51% actual 2020\n农产品加工转化率 70% actual 2025"},
		{"常住人口城镇化率由2020年底的53.2%提高到2025年底的57.7%。",
			"常住人口城镇化率 53.2% actual 2020\n常住人口城镇化率 57.7% actual 2025"},
		{"城乡居民人均可支配收入从2021年的46503元和16935元分别提高到58794元和23184元。",
			"城镇居民人均可支配收入 46503元 actual 2021\n农村居民人均可支配收入 16935元 actual 2021\n" +
				"城镇居民人均可支配收入 58794元 actual 2025 F\n农村居民人均可支配收入 23184元 actual 2025 F"},
		{"小学、初中合格率由2020年的88%、97%提高到93%、99%。",
			"小学合格率 88% actual 2020\n初中合格率 97% actual 2020\n小学合格率 93% actual 2025\n初中合格率 99% actual 2025"},
		{"城镇化率从“十三五”末的53.2%提高到57.7%。",
			"城镇化率 53.2% actual 2020\n城镇化率 57.7% actual 2025"},
		{"技术合同成交额从1795亿元增加到5260亿元。",
			"技术合同成交额 1795亿元 actual 2025\n技术合同成交额 5260亿元 actual 2025"},
		// Not a change: the figures after 从 are not joined to the ones after 到.
		{"城乡居民收入分别达到46503元和16935元。",
			"城镇居民收入 46503元 actual 2025\n农村居民收入 16935元 actual 2025"},
	})
}

// A change over years written before or after 分别 (年均分别增长) keeps
// 年均 in each label and is not featured as the year's figure (r23).
func TestAverageList(t *testing.T) {
	checkDated(t, [][2]string{
		{"一般公共预算收入、税收收入年均分别增长4.5%、3%。",
			"一般公共预算收入年均增长 4.5% actual 2025\n税收收入年均增长 3% actual 2025"},
		{"地区生产总值、工业增加值分别年均增长5.1%、6%。",
			"地区生产总值年均增长 5.1% actual 2025\n工业增加值年均增长 6% actual 2025"},
		{"其中一二三产增加值年均分别增长3.5%左右、6%左右、5%左右。",
			"第一产业增加值年均增长 3.5% actual 2025 左右\n第二产业增加值年均增长 6% actual 2025 左右\n第三产业增加值年均增长 5% actual 2025 左右"},
		// Unchanged: a change of the year.
		{"一般公共预算收入、税收收入分别增长4.5%、3%。",
			"一般公共预算收入 4.5% actual 2025 F\n税收收入 3% actual 2025 F"},
	})
}

// 远超预期 says a result beat what was expected: no target; a list of bare
// numbers shares the unit of its last (提高20.9、36.2、54个百分点) (r23).
func TestReviewListUnits(t *testing.T) {
	checkDated(t, [][2]string{
		{"中老铁路发展远超预期，累计发送旅客超6400万人次、运输货物超7400万吨。",
			"发送旅客 6400万人次 actual 2025 超\n运输货物 7400万吨 actual 2025 超"},
		{"经济运行好于预期，新增就业5万人。", "新增就业 5万人 actual 2025"},
		// Still a target: 预期 as a goal.
		{"预期新增就业5万人。", "新增就业 5万人 target 2025"},
	})
	checkLabelled(t, [][2]string{
		{"农村卫生户厕覆盖率、污水治理（管控）率、生活垃圾处理设施覆盖率分别提高20.9、36.2、54个百分点",
			"农村卫生户厕覆盖率:20.9 | 污水治理（管控）率:36.2 | 生活垃圾处理设施覆盖率:54个百分点"},
		{"小麦、玉米产量分别增加1.2和3.5万吨", "小麦产量:1.2 | 玉米产量:3.5万吨"},
		// Not shared: times, and a number with no unit anywhere.
		{"2020、2021年新增学校3所", "新增学校:3所"},
		{"完成1、2号楼建设", ""},
	})
	in := extractText("小麦、玉米产量分别增加1.2和3.5万吨")
	if len(in) != 2 || in[0].Unit != "万吨" || *in[0].Base != 12000 || !in[0].Change || !in[1].Change {
		t.Errorf("shared unit: %+v", in)
	}
}

// Figures of a period of years in a review are dated to its last year,
// never featured, and a total among them is qualified 累计 (r23).
func TestPeriodTotals(t *testing.T) {
	checkDated(t, [][2]string{
		{"“十四五”期间，完成营造林2027万亩，城镇新增就业261.6万人，地区生产总值年均增长5%。",
			"营造林 2027万亩 actual 2025 累计\n城镇新增就业 261.6万人 actual 2025 累计\n地区生产总值年均增长 5% actual 2025"},
		{"五年来，新建学校120所，地区生产总值突破3万亿元，城镇化率达到57.7%，人均住房面积38平方米。",
			"新建学校 120所 actual 2025 累计\n地区生产总值 3万亿元 actual 2025\n城镇化率 57.7% actual 2025\n人均住房面积 38平方米 actual 2025"},
		{"这五年，累计发送旅客超6400万人次。", "发送旅客 6400万人次 actual 2025 超"},
		// The year's own figures stay the year's.
		{"全年地区生产总值增长4.9%，新建学校12所。", "地区生产总值 4.9% actual 2025 F\n新建学校 12所 actual 2025"},
	})
	// A block that opens with 这五年 makes the block after it a review of
	// the five years; the one after that is the year's again.
	para := func(id, text string) report.Block { return report.Block{Kind: report.Paragraph, ID: id, Text: text} }
	doc := &report.Doc{Meta: report.Meta{Year: 2025}, Blocks: []report.Block{
		{Kind: report.Part, ID: "s1", Lead: "一、“十四五”时期和2025年工作回顾"},
		para("p1", "这五年，我们深入践行以人民为中心的发展思想。"),
		para("p2", "一般公共预算支出3.4万亿元。城镇新增就业261.6万人。"),
		para("p3", "各位代表！刚刚过去的2025年，地区生产总值增长4.9%，城镇新增就业52万人。"),
	}}
	var got []string
	for _, in := range Extract(doc) {
		got = append(got, fmt.Sprintf("%s %s %d %s %v", in.Anchor, in.Written, in.Year, in.Qualifier, in.Featured))
	}
	want := "p2 3.4万亿元 2025 累计 false\np2 261.6万人 2025 累计 false\np3 4.9% 2025  true\np3 52万人 2025  false"
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("period block:\n got\n%s\nwant\n%s", g, want)
	}
}

// A clause without figures that starts with a measure (全省进出口总值创历史
// 新高) names the figures of the clauses after it; 进出口 in a list stays
// 进出口 (r23).
func TestClauseSubject(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"对中亚五国、东盟进出口分别增长37.2%、19%，全省进出口总值创历史新高，达到5379亿元、增长18.5%",
			"对中亚五国进出口:37.2% | 对东盟进出口:19% | 进出口总值:5379亿元 | 进出口总值:18.5%"},
		{"工业增加值增长6%，全市社会消费品零售总额保持全省前列，达到800亿元",
			"工业增加值:6% | 社会消费品零售总额:800亿元"},
		{"对东盟、欧盟出口分别增长5%、6%", "对东盟出口:5% | 对欧盟出口:6%"},
		{"全市社会消费品零售总额保持全省前列，工业增加值100亿元、增长5%", "工业增加值:100亿元 | 工业增加值:5%"},
		// Not a subject: a clause that does not start with a measure.
		{"工业增加值增长6%，我们坚持创新驱动，达到800亿元", "工业增加值:6% | 工业增加值:800亿元"},
	})
	for _, in := range extractText("对中亚五国、东盟进出口分别增长37.2%、19%，全省进出口总值创历史新高，达到5379亿元") {
		if in.Featured != (in.Label == "进出口总值") {
			t.Errorf("%s %s featured %v", in.Label, in.Written, in.Featured)
		}
	}
}

// Formats (3人制), quoted programmes (“3个100万”), units completed after
// them (吨标准煤, 亩次), a short noun before a threshold, the base of a
// multiple and a verb at the start of a long label (r23).
func TestLabelMisc(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"建成250个社区健身路径或3人制篮球场", "社区健身路径:250个"},
		{"新建5人制足球场12个", "新建5人制足球场:12个"},
		{"投入100万元制作宣传片", "制作宣传片:100万元"},
		{"以新一轮“3个100万”为抓手推进新型城镇化", ""},
		{"实施“1+3”行动，新增就业3万人", "新增就业:3万人"},
		{"打造“100个精品村”", "精品村:100个"},
		{"能源综合生产能力达2.3亿吨标准煤左右", "能源综合生产能力:2.3亿吨标准煤"},
		{"农机作业服务面积60万亩次以上", "农机作业服务面积:60万亩次"},
		{"粮食产量60万吨以上", "粮食产量:60万吨"},
		{"为100所海拔1500米以上农村中小学幼儿园建设供暖设施", "海拔1500米以上农村中小学幼儿园:100所"},
		{"为200户60岁以上老人改造住房", "60岁以上老人:200户"},
		// Not a threshold: 1500米 is a quantity (the label of 100所 is as before).
		{"为100所学校建设1500米跑道", "学校建设:100所 | 跑道:1500米"},
		{"省国资委监管企业“十四五”时期利润总额为“十三五”时期的2.2倍", "省国资委监管企业十四五时期利润总额:2.2倍"},
		{"实施中华优秀传统文化保护传承和精品工程项目1239个", "中华优秀传统文化保护传承和精品工程项目:1239个"},
		{"实施项目12个", "实施项目:12个"},
	})
	in := extractText("能源综合生产能力达2.3亿吨标准煤左右")
	if len(in) != 1 || in[0].Qualifier != "左右" || in[0].Unit != "亿吨标准煤" || *in[0].Base != 2.3e8 {
		t.Errorf("吨标准煤: %+v", in)
	}
}

// Found in whole 2026 reports: an age a change starts from, 降低至 before a
// figure, 两位数, 二人转, 亿方 (r23).
func TestWholeReportLabels(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"人均预期寿命从2020年的75.2岁提升至2025年的76.8岁左右", "人均预期寿命:75.2岁 | 人均预期寿命:76.8岁"},
		{"为5岁以下儿童接种疫苗1万人次", "为5岁以下儿童接种疫苗:1万人次"},
		{"社会物流总费用与GDP比率降低至13.6%左右", "社会物流总费用与GDP比率:13.6%"},
		{"城乡居民收入比缩小到2.1%", "城乡居民收入比:2.1%"},
		{"无人机、光子等8条产业链产值两位数增长", "产业链:8条"},
		{"吉林鲜食玉米全产业链产值保持两位数增长", ""},
		{"打造二人转等文化品牌", ""},
		{"明确稳定、发展、生态、强边四件大事", ""},
		{"办好四件民生实事", "民生实事:四件"},
		{"做靓村歌、村超、三人篮球、广场舞展演等特色群众文体品牌", ""},
		{"地区生产总值年均增长5%左右、迈上3万亿元台阶", "地区生产总值年均增长:5% | 地区生产总值:3万亿元"},
		{"迈上3万亿元台阶", ":3万亿元"},
		{"新增天然气产量10亿方以上", "新增天然气产量:10亿方"},
		{"延长石油150亿方/年天然气产能倍增工程", "天然气产能倍增工程:150亿方/年"},
	})
	for _, in := range extractText("推进3万方面积改造，完成10亿方案设计") {
		if in.Unit == "万立方米" || in.Unit == "亿立方米" {
			t.Errorf("方面, 方案 read as cubic metres: %+v", in)
		}
	}
	in := extractText("新增天然气产量10亿方以上")
	if len(in) != 1 || in[0].Unit != "亿立方米" || in[0].Qualifier != "以上" {
		t.Errorf("亿方: %+v", in)
	}
}

// A change over a span of years (3年增长58.6%) names the thing before it
// with the span, and is not featured (r23).
func TestSpanChange(t *testing.T) {
	checkDated(t, [][2]string{
		{"财政收入达到1350亿元，3年增长58.6%。", "财政收入 1350亿元 actual 2025 F\n财政收入3年增长 58.6% actual 2025"},
		{"地区生产总值达到500亿元，五年增长30%。", "地区生产总值 500亿元 actual 2025 F\n地区生产总值五年增长 30% actual 2025"},
		// Not a span: a change of the year.
		{"财政收入达到1350亿元，增长5.8%。", "财政收入 1350亿元 actual 2025 F\n财政收入 5.8% actual 2025 F"},
	})
}

// A label is not cut inside a word when it is a little long, and a year
// reached (到2030年) is no part of it (r23).
func TestLongLabels(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"第三轮中央生态环境保护督察交办的群众举报件办结率达99.1%", "第三轮中央生态环境保护督察交办的群众举报件办结率:99.1%"},
		{"“四化”等政府投资基金支持民间投资项目的资金占比不低于50%", "四化等政府投资基金支持民间投资项目的资金占比:50%"},
		{"到2030年全社会研发投入强度达到3.2%左右", "全社会研发投入强度:3.2%"},
		{"到2030年底森林覆盖率达到40%", "森林覆盖率:40%"},
	})
	// Still cut: a run of words far over the cap.
	in := extractText("全面贯彻落实党的二十大和二十届历次全会精神坚持稳中求进工作总基调全省地区生产总值达到100亿元")
	if len(in) != 1 || utf8.RuneCountInString(in[0].Label) != maxLabel {
		t.Errorf("run-on label not capped: %+v", in)
	}
}

// In a paragraph, a sentence opening with 五年来 makes the sentences after
// it figures of the five years; levels (里程, 装机), figures of a change from
// one to another and per-head counts take no 累计; a base 较“十三五”末 and
// 跨过 leave labels; what a project brought (带动进出口) is not featured (r23).
func TestPeriodParagraph(t *testing.T) {
	checkDated(t, [][2]string{
		{"各位代表！2025年目标任务顺利完成，标志着“十四五”圆满收官。五年来，我们牢记嘱托。一是综合实力再上台阶。" +
			"地区生产总值跨过3万亿元、年均增长5.2%，较“十三五”末净增1万亿元。新增铁路里程989公里，高速公路通车里程6895公里，" +
			"技术合同成交额从1795亿元增加到5260亿元，每千人口执业医师3.57个，新建学校120所。",
			"地区生产总值 3万亿元 actual 2025\n地区生产总值年均增长 5.2% actual 2025\n地区生产总值 1万亿元 actual 2025\n" +
				"新增铁路里程 989公里 actual 2025 累计\n高速公路通车里程 6895公里 actual 2025\n" +
				"技术合同成交额 1795亿元 actual 2025\n技术合同成交额 5260亿元 actual 2025\n每千人口执业医师 3.57个 actual 2025\n" +
				"新建学校 120所 actual 2025 累计"},
		{"五年来，实有经营主体688.3万户，新增经营主体120万户。", "实有经营主体 688.3万户 actual 2025\n新增经营主体 120万户 actual 2025 累计"},
		// A sentence naming its year is the year's.
		{"五年来，我们牢记嘱托。2025年，新建学校12所。", "新建学校 12所 actual 2025"},
		{"中欧班列开行6037列、增长21.1%，带动进出口415.4亿元、增长11.7%。",
			"中欧班列开行6037列 21.1% actual 2025\n带动进出口 415.4亿元 actual 2025\n带动进出口 11.7% actual 2025"},
		{"营业收入较“十三五”末期翻一番，省属一级企业由66户整合至12户。",
			"省属一级企业 66户 actual 2025\n省属一级企业 12户 actual 2025"},
	})
}

// 分别 with nothing before it in its clause pairs its figures with the
// things a clause without figures before it names; 和 between figures is
// no label (r23).
func TestListFromClauseBefore(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"参保人数和参保率从2021年起逐年提高，分别达到50万人和95%", "参保人数:50万人 | 参保率:95%"},
		{"粮食和油料产量稳步增长，分别达到120万吨、8万吨", "粮食产量:120万吨 | 油料产量:8万吨"},
		// Not as many things as figures: nothing is paired.
		{"参保人数逐年提高，分别达到50万人和95%", ":50万人 | :95%"},
	})
}
