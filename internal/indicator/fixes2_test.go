package indicator

import (
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
