package indicator

import (
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
)

// Targets in a part that plans a five-year period are for its last year,
// unless the sentence names its own; a change over years keeps 年均 in its
// label; a span of years is a quantity in 年 (r21).
func TestPlanPeriodYears(t *testing.T) {
	part := func(id, title string) report.Block { return report.Block{Kind: report.Part, ID: id, Lead: title} }
	para := func(id, text string) report.Block { return report.Block{Kind: report.Paragraph, ID: id, Text: text} }
	for _, c := range []struct {
		name   string
		blocks []report.Block
		want   string
	}{
		{"十五五 part", []report.Block{
			part("s1", "一、2025年和“十四五”时期工作回顾"), para("p1", "五年来，规上工业增加值年均增长9%。"),
			part("s2", "二、“十五五”主要目标任务"), para("p2", "常住人口城镇化率提升至67%左右。新增劳动力平均受教育年限达到14.2年，人均预期寿命再提高1.5岁。"),
			para("p3", "到2028年，新建5G基站1万个。"),
			part("s3", "三、2026年重点工作任务"), para("p4", "地区生产总值增长4.5%左右。"),
		}, "p1 9% actual 2025\np2 67% target 2030 左右\np2 14.2年 target 2030\np2 1.5岁 target 2030\np3 1万个 target 2028\np4 4.5% target 2026 左右"},
		{"今后五年", []report.Block{
			part("s1", "二、今后五年的目标任务"), para("p1", "城镇化率达到70%。"),
		}, "p1 70% target 2030"},
		{"到十五五末 in a year's plan", []report.Block{
			part("s1", "二、2026年工作安排"), para("p1", "到“十五五”末，森林覆盖率达到40%。全年新增就业5000人。"),
		}, "p1 40% target 2030\np1 5000人 target 2026"},
		// Unchanged: a year's plan whose title also names the period.
		{"year named beside the period", []report.Block{
			part("s1", "二、“十五五”开局之年2026年工作安排"), para("p1", "新增就业5000人。"),
		}, "p1 5000人 target 2026"},
	} {
		doc := &report.Doc{Meta: report.Meta{Year: 2025}, Blocks: c.blocks}
		if got := kinds(doc); got != c.want {
			t.Errorf("%s:\n got\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
	if y, _ := fiveYearPlan("“十四五”时期"); y != 2025 {
		t.Errorf("十四五 ends in %d", y)
	}
	if y, _ := fiveYearPlan("十分重视五项工作"); y != 0 {
		t.Errorf("十分…五 is a plan ending in %d", y)
	}
}

func TestAverageChangeAndSpans(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"五年来，规上工业增加值年均增长9%，货物贸易年均增长24.1%", "规上工业增加值年均增长:9% | 货物贸易年均增长:24.1%"},
		{"地区生产总值达到100亿元，年均增长6%，增长5%", "地区生产总值:100亿元 | 地区生产总值年均增长:6% | 地区生产总值:5%"},
		{"单位GDP能耗年平均下降3%", "单位GDP能耗年平均下降:3%"},
		{"新增劳动力平均受教育年限达到14.2年", "新增劳动力平均受教育年限:14.2年"},
		{"城镇调查失业率平均为5.1%", "城镇调查失业率:5.1%"},
		// Counts in words that name a slogan or only count the items listed
		// before them measure nothing; other counts in words do.
		{"统筹国内国际两个大局", ""},
		{"充分发挥安阳、商丘、信阳、三门峡四个端点城市作用", ""},
		{"深入抓好垃圾分类和物业管理两个关键小事", ""},
		{"落实“三个80%”要求", ""},
		{"两次降低存款准备金率、两次下调政策利率", "降低存款准备金率:两次 | 下调政策利率:两次"},
		{"新建两个污水处理厂", "污水处理厂:两个"},
		// A count of a plan's indicators is not one of them.
		{"《纲要（草案）》细化提出20项主要指标", ""},
		{"围绕增长、结构、效率提出3项指标", ""},
		{"制定修订国家标准583项", "制定修订国家标准:583项"},
		// Ranks listed before a noun share it.
		{"国家级、部级创新平台分别达到22家、182家", "国家级创新平台:22家 | 部级创新平台:182家"},
		{"工业、服务业企业分别达到30家、50家", "工业:30家 | 服务业企业:50家"},
		// 总量 after a change is the level of the same thing.
		{"国内生产总值增长5%，总量达到140.19万亿元", "国内生产总值:5% | 国内生产总值:140.19万亿元"},
		{"经济总量达到140亿元", "经济总量:140亿元"},
		// A range whose ends each carry the unit is one figure.
		{"地区生产总值年均增速4.5%-5%", "地区生产总值年均增速:4.5%-5%"},
		{"粮食产量稳定在3万吨—3.5万吨", "粮食产量:3万吨—3.5万吨"},
		{"新增就业500人-800人", "新增就业:500人-800人"},
		{"义务教育年限延长至12年", "义务教育年限:12年"},
		{"项目建设周期缩短至1.5年", "项目建设周期:1.5年"},
		// Not averages or spans: a level, a year, a streak, a time.
		{"年均接待游客200万人次", "年均接待游客:200万人次"},
		{"2023年新增就业500人", "新增就业:500人"},
		{"粮食产量连续5年稳定在50万吨以上", "粮食产量:50万吨"},
		{"5年来累计投入3亿元", "投入:3亿元"},
		{"3年内建成学校2所", "学校:2所"},
		{"服务年限满10年的", ""},
		{"粮食总产量连续18年保持在100万吨以上", "粮食总产量:100万吨"},
		{"近三年来新建学校2所", "新建学校:2所"},
	})
}

// Labels name the subject of the sentence, never a verb, an adverb, a level
// or half a word (r22).
func TestLabelSubjects(t *testing.T) {
	checkLabelled(t, [][2]string{
		// A change from one figure to another: both name the subject before 由/从.
		{"进口“零关税”商品税目比例由21%提升至74%", "进口零关税商品税目比例:21% | 进口零关税商品税目比例:74%"},
		{"中职学校由71所优化整合为47所", "中职学校:71所 | 中职学校:47所"},
		{"贫困发生率从5.2%下降到0.5%", "贫困发生率:5.2% | 贫困发生率:0.5%"},
		{"城镇化率由2020年的50%提高到55%", "城镇化率:50% | 城镇化率:55%"},
		{"由政府投资500万元，新建道路3公里", "由政府投资:500万元 | 新建道路:3公里"},
		// An adverb before a change word.
		{"CPI微降0.1%", "CPI:0.1%"},
		{"CPI微涨0.5%", "CPI:0.5%"},
		{"居民消费价格小幅上涨1.2%", "居民消费价格:1.2%"},
		{"财政收入略有增长", ""},
		// A per-capita base is part of the label, not a figure; words are not cut.
		{"每10万人口高等教育平均在校生增长27%", "每10万人口高等教育平均在校生:27%"},
		{"每万元地区生产总值能耗下降3%", "每万元地区生产总值能耗:3%"},
		{"新增10万人口", "人口:10万"},
		{"培养30名高等教育人才", "高等教育人才:30名"},
		{"建成15个在建项目", "在建项目:15个"},
		{"安置120人就业", "就业:120人"},
		// A level reached is not the thing measured.
		{"全省地区生产总值历史性迈上4000亿元台阶", "地区生产总值:4000亿元"},
		{"社会消费品零售总额突破100亿元大关", "社会消费品零售总额:100亿元"},
		{"新建4000平方米台阶式广场", "台阶式广场:4000平方米"},
		// A name with 、 and 和 is one thing; a list with 等 is examples of its head.
		{"交通运输、仓储和邮政业增长8.5%", "交通运输、仓储和邮政业:8.5%"},
		{"住宿和餐饮业增加值增长6%", "住宿和餐饮业增加值:6%"},
		{"新建学校3所、改造道路和桥梁5座", "新建学校:3所 | 改造道路和桥梁:5座"},
		{"2020年中央、省、市、县等各级领导莅临我镇调研指导20余次", "各级领导莅临调研指导:20余次"},
		{"推进卡阳、松如沟等14个750千伏电网工程", "750千伏电网工程:14个"},
		{"改造城市供排水、燃气、供热等管网600公里", "管网:600公里"},
		// A noun after a count ends at a verb; some nouns start like verbs.
		{"20.3亿元以旧换新补贴拉动消费215亿元", "以旧换新补贴:20.3亿元 | 拉动消费:215亿元"},
		{"打造150个和美乡村", "和美乡村:150个"},
		{"5000万元资金带动社会投资2亿元", "资金:5000万元 | 带动社会投资:2亿元"},
		{"以3个项目为重点", "项目:3个"},
		// A figure of a list of things after 的; a share of what follows 的.
		{"总投资近2000亿元的格尔木东、海南清洁能源基地开工建设", "格尔木东、海南清洁能源基地总投资:2000亿元"},
		{"全长12公里的青年路、人民路完成改造", "青年路、人民路全长:12公里"},
		{"所有市州和98%的县市区建成全国民族团结进步示范区", "县市区:98%"},
		{"全县98%的行政村实现通公交", "行政村:98%"},
		// Leading discourse words.
		{"特别是农村居民人均可支配收入完成13006元，增长10.5%", "农村居民人均可支配收入:13006元 | 农村居民人均可支配收入:10.5%"},
		{"尤其是规上工业增加值增长8%", "规上工业增加值:8%"},
		{"特别是在教育方面投入1亿元", "在教育方面投入:1亿元"},
		// A measure alone measures the thing of the figure before it.
		{"粮食播种面积达84911亩，产量28360吨；生猪出栏5.9万头，产值达9585万元",
			"粮食播种面积:84911亩 | 粮食产量:28360吨 | 生猪出栏:5.9万头 | 生猪产值:9585万元"},
		{"种植柠檬4000余亩，产量4820吨，产值达77.12万元", "种植柠檬:4000余亩 | 柠檬产量:4820吨 | 柠檬产值:77.12万元"},
		{"医疗旅游人次86.5万、收入83.9亿元", "医疗旅游人次:86.5万 | 医疗旅游收入:83.9亿元"},
		{"生物降解制品总产量增长19%、产值增长18%", "生物降解制品总产量:19% | 生物降解制品产值:18%"},
		{"产值增长18%", "产值:18%"},
		{"工业产值12亿元，增长9%", "工业产值:12亿元 | 工业产值:9%"},
		// A count that defines the noun after the next figure.
		{"培育3至5个产值超10亿元的产业集群", "产业集群:3至5个 | 产业集群产值:10亿元"},
	})
}

// Headline figures of a review are key figures whatever the variant of
// their name; a streak and a change over years are not (r23).
func TestFeaturedHeadlines(t *testing.T) {
	featured := func(text string) string {
		var out []string
		for _, in := range extractText(text) {
			if in.Featured {
				out = append(out, in.Label+":"+in.Written)
			}
		}
		return strings.Join(out, " | ")
	}
	for _, c := range [][2]string{
		{"全年财政总收入6.45亿元，固定资产投资额10.2亿元、建筑业省内产值6.72亿元。社零实现145.98亿",
			"财政总收入:6.45亿元 | 固定资产投资额:10.2亿元 | 社零:145.98亿"},
		{"全年我镇国民生产总值（GDP）实现41045.58万元，增速11%；财政一般预算收入任务174万，完成198万；实现农村人均纯收入8880元，同比增长15%。",
			"国民生产总值（GDP）:41045.58万元 | 国民生产总值（GDP）:11% | 财政一般预算收入:198万 | 农村人均纯收入:8880元 | 农村人均纯收入:15%"},
		{"社会消费品零售总额4.05亿元，地方财政一般预算收入989万元，农民人均纯收入10474元",
			"社会消费品零售总额:4.05亿元 | 地方财政一般预算收入:989万元 | 农民人均纯收入:10474元"},
		// A streak, a change over years, a mere mention: not key figures.
		{"粮食总产量119.3万吨。粮食总产量连续18年保持在100万吨以上。", "粮食总产量:119.3万吨"},
		{"地区生产总值年均增长6%，规上工业增加值年均增长9%", ""},
		{"万元地区生产总值能耗下降3%，农民专业合作社12个", ""},
	} {
		if got := featured(c[0]); got != c[1] {
			t.Errorf("%s\n got %s\nwant %s", c[0], got, c[1])
		}
	}
}

// A list whose first halves are written alone shares the rest of the last
// thing (r22).
func TestListHalves(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"金融机构本外币存、贷款余额分别突破1.5万亿元、1.4万亿元", "金融机构本外币存款余额:1.5万亿元 | 金融机构本外币贷款余额:1.4万亿元"},
		{"全市进、出口额分别增长5%、8%", "进口额:5% | 出口额:8%"},
		{"产业新城、乡村振兴示范区分别投入3亿元、2亿元", "产业新城:3亿元 | 乡村振兴示范区:2亿元"},
		{"城镇、农村居民人均可支配收入分别增长3.4%、5.2%", "城镇居民人均可支配收入:3.4% | 农村居民人均可支配收入:5.2%"},
	})
}

// A count at a clause's end with no noun after it is labelled by what it is
// said to do, after a verb of help or nothing (r22).
func TestCountPredicate(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"82项获国家层面认可、37项向全国推广", "获国家层面认可:82项 | 向全国推广:37项"},
		{"组织招聘会六场次，帮助1,260人实现就业", "组织招聘会:六场次 | 帮助实现就业:1,260人"},
		{"带动300户实现增收", "带动实现增收:300户"},
		// A subject before the count, or a long run after it, stays as it was.
		{"改造危房20户已入住", "改造危房:20户"},
		{"完成投资5亿元，建成项目12个", "投资:5亿元 | 项目:12个"},
		{"帮助1,260人在家门口实现了稳定就业并且增加收入", "帮助:1,260人"},
	})
}

// A noun after a count ends at a verb; a quote opened at its start may
// close inside it; a rating (20万吨级) is no quantity (r22).
func TestNounEnds(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"西部矿业、能源发展集团等6家企业入选2025西部企业数字化建设成效卓越单位", "企业:6家"},
		{"新生儿免费参加城乡医保等10件民生实事圆满完成", "民生实事:10件"},
		{"化隆县拉扎村3.73亿立方米山体滑坡未造成人员伤亡", "山体滑坡:3.73亿立方米"},
		{"关爱3000名未成年人", "未成年人:3000名"},
		{"100项“两重”项目加快实施", "两重项目:100项"},
		{"实现七个行政村“一村一品”全覆盖", "行政村:七个"},
		{"实现年产4万吨基础锂盐一体化和2万吨高质碳酸锂项目顺利投产", "基础锂盐一体化:4万吨 | 高质碳酸锂项目:2万吨"},
		{"建成20万吨级泊位2个", "20万吨级泊位:2个"},
		{"“零关税”政策享惠主体新增超1万家", "零关税政策享惠主体:1万家"},
		{"成为全国地表水国考断面水质优良率连续五年保持100%的省份", "全国地表水国考断面水质优良率:100%"},
		{"旅游人次和花费增长均超20%", "旅游人次和花费:20%"},
		// A count of levels keeps them; an amount reached is not one.
		{"全省地区生产总值连跨3个千亿级台阶", "千亿级台阶:3个"},
		{"地区生产总值跨越1000亿元台阶", "地区生产总值:1000亿元"},
	})
}

// A change from a year's figure dates that figure to that year and the one
// it reaches to the sentence's (r22).
func TestFromYear(t *testing.T) {
	doc := func(text string) *report.Doc {
		return &report.Doc{Meta: report.Meta{Year: 2025}, Blocks: []report.Block{
			{Kind: report.Part, ID: "s1", Lead: "一、2025年工作回顾"},
			{Kind: report.Paragraph, ID: "p1", Text: text},
		}}
	}
	for _, c := range [][2]string{
		{"城镇化率由2020年的50%提高到55%，增长5个百分点。", "p1 50% actual 2020\np1 55% actual 2025\np1 5个百分点 actual 2025"},
		{"贫困发生率由2015年底的12.5%下降至0.5%。", "p1 12.5% actual 2015\np1 0.5% actual 2025"},
		// Unchanged: no 由, or a year named as the time of the figure.
		{"2024年城镇化率为54%。", "p1 54% actual 2024"},
		{"比2020年增长10%。", "p1 10% actual 2025"},
	} {
		if got := kinds(doc(c[0])); got != c[1] {
			t.Errorf("%s\n got\n%s\nwant\n%s", c[0], got, c[1])
		}
	}
}

func TestScopeNoun(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"在16个农民专业合作社中，成功申报县级农民专业合作社2个", "农民专业合作社:16个 | 成功申报县级农民专业合作社:2个"},
		{"与9家中介机构建立合作", "中介机构:9家"},
		{"建成3个集中安置点中心", "集中安置点中心:3个"},
	})
}

// A long noun after a figure is cut where a list joins another thing to it,
// not inside a word (r22).
func TestCapNoun(t *testing.T) {
	checkLabelled(t, [][2]string{
		{"加快格尔木、德令哈3座35万千瓦光热电站和光热产业科技创新中心建设", "35万千瓦光热电站:3座 | 光热电站和光热产业科技创新中心建设:35万千瓦"},
		{"建成3座光热电站和光热产业科技创新中心", "光热电站和光热产业科技创新中心:3座"},
	})
}
