package archive

import (
	"fmt"
	"slices"
	"strconv"
	"testing"

	"github.com/govreport/govreport/internal/indicator"
)

// describePromise writes a promise in one line: year, label, the target
// with its direction (≥ a floor, ≤ a ceiling), the result and where it is
// stated, the status, the gap or the note.
func describePromise(p Promise) string {
	dir := "≥"
	if p.Ceiling {
		dir = "≤"
	}
	t := p.Target.Indicator
	s := fmt.Sprintf("%d %s %s%s%s", p.Year, p.Label, dir, t.Written, t.Qualifier)
	if p.Result != nil {
		s += fmt.Sprintf(" → %s@%s#%s", p.Result.Indicator.Written, p.Result.Report, p.Result.Anchor)
	}
	s += ": " + string(p.Status)
	if p.Gap != nil {
		s += " " + strconv.FormatFloat(*p.Gap, 'g', -1, 64) + p.GapUnit
	}
	if p.Note != "" {
		s += " (" + p.Note + ")"
	}
	return s
}

func TestPromisesReports(t *testing.T) {
	all := loadReports(t)
	tests := []struct {
		name  string
		files []string
		want  []string
	}{
		{"青山镇 2021-2023", []string{"qingshan-2021.txt", "qingshan-2022.txt", "qingshan-2023.txt"}, []string{
			"2022 地区生产总值 ≥6%左右 → 5.8%@qingshan-2022#s1-1-p1: 达成 -0.2个百分点", // within 5% of 6
			"2022 一般公共预算收入 ≥5% → XX%@qingshan-2022#s1-1-p1: 无法比较 (结果为占位符)",
			"2022 固定资产投资 ≥13亿元以上 → 13.8亿元@qingshan-2022#s1-1-p1: 达成 0.8亿元",
			"2022 城镇登记失业率 ≤3.5%以内 → 3.6%@qingshan-2022#s1-3-p1: 未达成 0.1个百分点",
			"2022 城镇新增就业 ≥800人以上: 未报告",
			"2022 家庭农场 ≥65个 → 63个@qingshan-2022#s1-3-p1: 未达成 -2个",
			"2022 新建高标准农田 ≥3000亩: 未报告",
			"2022 民生实事 ≥十件: 未报告",
			"2022 改造青山路老旧供水管网 ≥8公里: 未报告",
			"2022 新建白石村幼儿园 ≥1所: 未报告",
			"2023 地区生产总值 ≥5.5%左右 → 5.2%@qingshan-2023#s1-1-p1: 未达成 -0.3个百分点",
			"2023 一般公共预算收入 ≥XX% → 4.1%@qingshan-2023#s1-1-p1: 无法比较 (目标为占位符)",
			"2023 固定资产投资 ≥15亿元 → 14.2亿元@qingshan-2023#s1-1-p1: 未达成 -0.8亿元",
			// a renamed figure: 城镇居民… set, 城镇常住居民… stated
			"2023 城镇居民人均可支配收入 ≥5%以上 → 4.7%@qingshan-2023#s1-1-p1: 未达成 -0.3个百分点",
			"2024 地区生产总值 ≥5%: 无下年报告",
			"2024 一般公共预算收入 ≥4%: 无下年报告",
			"2024 城镇登记失业率 ≤3.5%以内: 无下年报告",
		}},
		{"白河县 2022-2023", []string{"baihe-2022.txt", "baihe-2023.txt", "baihe-2023-revised.txt"}, []string{
			"2023 地区生产总值 ≥5%左右 → 5.3%@baihe-2023#s1-1-p1: 达成 0.3个百分点",
			"2023 社会消费品零售总额 ≥7% → 52.6亿元@baihe-2023#s1-1-p1: 无法比较 (目标为增减幅度，结果为总量)",
			// a fall of at least 3%: 3.4% is more; renamed (万元地区生产总值能耗)
			"2023 单位地区生产总值能耗 ≥3%以上 → 3.4%@baihe-2023#s1-1-p1: 达成 -0.4个百分点",
			// a range is met by its near end; 规上 is 规模以上
			"2023 新增规上工业企业 ≥3至5家 → 4家@baihe-2023#s1-1-p1: 达成 1家",
			"2023 新建农村公路 ≥30公里 → 28000米@baihe-2023#s1-2-p1: 无法比较 (单位不同)",
			"2024 地区生产总值 ≥5%: 无下年报告",
			"2024 单位地区生产总值能耗 ≥2.5%: 无下年报告",
			"2024 地区生产总值 ≥5%: 无下年报告", // the revised report sets it again
		}},
	}
	for _, tt := range tests {
		rs := reportsOfFiles(t, all, tt.files...)
		c := Compare(rs)
		var got []string
		for _, p := range c.Promises {
			got = append(got, describePromise(p))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
		checkRefs(t, rs, c)
	}
}

// TestJudge: how a target set in 2022 for 2023 fares against the 2023
// report's result.
func TestJudge(t *testing.T) {
	tests := []struct {
		name   string
		target indicator.Indicator
		result []indicator.Indicator // nil: no report of 2023
		want   string
	}{
		{"floor met", fig("财政收入", "增长5%", target), []indicator.Indicator{fig("财政收入", "增长5.2%")},
			"2023 财政收入 ≥5% → 5.2%@b#p1: 达成 0.2个百分点"},
		{"floor met exactly", fig("财政收入", "增长5%", target), []indicator.Indicator{fig("财政收入", "增长5%")},
			"2023 财政收入 ≥5% → 5%@b#p1: 达成 0个百分点"},
		{"floor missed", fig("财政收入", "增长5%以上", target), []indicator.Indicator{fig("财政收入", "增长4.9%")},
			"2023 财政收入 ≥5%以上 → 4.9%@b#p1: 未达成 -0.1个百分点"},
		{"about: within 5%", fig("地区生产总值", "增长6%左右", target), []indicator.Indicator{fig("地区生产总值", "增长5.7%")},
			"2023 地区生产总值 ≥6%左右 → 5.7%@b#p1: 达成 -0.3个百分点"},
		{"about: beyond 5%", fig("地区生产总值", "增长6%左右", target), []indicator.Indicator{fig("地区生产总值", "增长5.6%")},
			"2023 地区生产总值 ≥6%左右 → 5.6%@b#p1: 未达成 -0.4个百分点"},
		{"about: above is met", fig("地区生产总值", "增长6%左右", target), []indicator.Indicator{fig("地区生产总值", "增长7%")},
			"2023 地区生产总值 ≥6%左右 → 7%@b#p1: 达成 1个百分点"},
		{"ceiling 以内 met", fig("城镇登记失业率", "3.5%以内", target), []indicator.Indicator{fig("城镇登记失业率", "3.5%")},
			"2023 城镇登记失业率 ≤3.5%以内 → 3.5%@b#p1: 达成 0个百分点"},
		{"ceiling 以内 missed", fig("城镇登记失业率", "3.5%以内", target), []indicator.Indicator{fig("城镇登记失业率", "3.6%")},
			"2023 城镇登记失业率 ≤3.5%以内 → 3.6%@b#p1: 未达成 0.1个百分点"},
		{"ceiling by 控制在", fig("PM2.5平均浓度", "35微克/立方米", target, text("PM2.5平均浓度控制在35微克/立方米")),
			[]indicator.Indicator{fig("PM2.5平均浓度", "31微克/立方米")},
			"2023 PM2.5平均浓度 ≤35微克/立方米 → 31微克/立方米@b#p1: 达成 -4微克/立方米"},
		{"控制 far from the figure is no ceiling", fig("PM2.5平均浓度", "35微克/立方米", target, text("控制污染，PM2.5平均浓度35微克/立方米")),
			[]indicator.Indicator{fig("PM2.5平均浓度", "31微克/立方米")},
			"2023 PM2.5平均浓度 ≥35微克/立方米 → 31微克/立方米@b#p1: 未达成 -4微克/立方米"},
		{"a cap by nature: consumer prices", fig("居民消费价格", "增长3%左右", target), []indicator.Indicator{fig("居民消费价格", "增长0.2%")},
			"2023 居民消费价格 ≤3%左右 → 0.2%@b#p1: 达成 -2.8个百分点"},
		{"a fall of at least 2%: 2.8%", fig("单位地区生产总值能耗", "下降2%以上", target), []indicator.Indicator{fig("单位地区生产总值能耗", "下降2.8%")},
			"2023 单位地区生产总值能耗 ≥2%以上 → 2.8%@b#p1: 达成 -0.8个百分点"},
		{"a fall of at least 2%: 1.5%", fig("单位地区生产总值能耗", "下降2%以上", target), []indicator.Indicator{fig("单位地区生产总值能耗", "下降1.5%")},
			"2023 单位地区生产总值能耗 ≥2%以上 → 1.5%@b#p1: 未达成 0.5个百分点"},
		{"a fall of at least 2%: a rise", fig("单位地区生产总值能耗", "下降2%", target), []indicator.Indicator{fig("单位地区生产总值能耗", "增长0.5%")},
			"2023 单位地区生产总值能耗 ≥2% → 0.5%@b#p1: 未达成 2.5个百分点"},
		{"a fall of at most 1%", fig("耕地面积", "下降1%以内", target), []indicator.Indicator{fig("耕地面积", "下降0.5%")},
			"2023 耕地面积 ≤1%以内 → 0.5%@b#p1: 达成 0.5个百分点"},
		{"a fall of at most 1%: 1.5%", fig("耕地面积", "下降1%以内", target), []indicator.Indicator{fig("耕地面积", "下降1.5%")},
			"2023 耕地面积 ≤1%以内 → 1.5%@b#p1: 未达成 -0.5个百分点"},
		{"a range: its near end", fig("新引进企业", "3至5家", target), []indicator.Indicator{fig("新引进企业", "3家")},
			"2023 新引进企业 ≥3至5家 → 3家@b#p1: 达成 0家"},
		{"a range: below", fig("新引进企业", "3至5家", target), []indicator.Indicator{fig("新引进企业", "2家")},
			"2023 新引进企业 ≥3至5家 → 2家@b#p1: 未达成 -1家"},
		{"a range as a ceiling: its far end", fig("城镇调查失业率", "3至5%", target, text("城镇调查失业率控制在3至5%")),
			[]indicator.Indicator{fig("城镇调查失业率", "5.5%")},
			"2023 城镇调查失业率 ≤3至5% → 5.5%@b#p1: 未达成 0.5个百分点"},
		{"亿元 against 万元", fig("固定资产投资", "13亿元以上", target), []indicator.Indicator{fig("固定资产投资", "138000万元")},
			"2023 固定资产投资 ≥13亿元以上 → 138000万元@b#p1: 达成 0.8亿元"},
		{"万元 against 亿元", fig("财政收入", "9000万元", target), []indicator.Indicator{fig("财政收入", "0.85亿元")},
			"2023 财政收入 ≥9000万元 → 0.85亿元@b#p1: 未达成 -500万元"},
		{"a placeholder target", fig("财政收入", "XX万元", target), []indicator.Indicator{fig("财政收入", "9000万元")},
			"2023 财政收入 ≥XX万元 → 9000万元@b#p1: 无法比较 (目标为占位符)"},
		{"a placeholder result", fig("财政收入", "9000万元", target), []indicator.Indicator{fig("财政收入", "XX万元")},
			"2023 财政收入 ≥9000万元 → XX万元@b#p1: 无法比较 (结果为占位符)"},
		{"a level for a change", fig("社会消费品零售总额", "增长7%", target), []indicator.Indicator{fig("社会消费品零售总额", "52.6亿元")},
			"2023 社会消费品零售总额 ≥7% → 52.6亿元@b#p1: 无法比较 (目标为增减幅度，结果为总量)"},
		{"a change for a level, beside the level", fig("社会消费品零售总额", "50亿元", target),
			[]indicator.Indicator{fig("社会消费品零售总额", "增长7%"), fig("社会消费品零售额", "52.6亿元")},
			"2023 社会消费品零售总额 ≥50亿元 → 52.6亿元@b#p2: 达成 2.6亿元"},
		{"a running total is no year's result", fig("城镇新增就业", "800人", target), []indicator.Indicator{fig("城镇新增就业", "累计4200人")},
			"2023 城镇新增就业 ≥800人 → 4200人@b#p1: 无法比较 (一方为累计数)"},
		{"another unit", fig("新建农村公路", "30公里", target), []indicator.Indicator{fig("新建农村公路", "28000米")},
			"2023 新建农村公路 ≥30公里 → 28000米@b#p1: 无法比较 (单位不同)"},
		{"renamed", fig("生产总值", "增长6%", target), []indicator.Indicator{fig("GDP", "增长6.1%")},
			"2023 生产总值 ≥6% → 6.1%@b#p1: 达成 0.1个百分点"},
		{"not stated", fig("家庭农场", "65个", target), []indicator.Indicator{fig("农民专业合作社", "40个")},
			"2023 家庭农场 ≥65个: 未报告"},
		{"stated for another year only", fig("家庭农场", "65个", target), []indicator.Indicator{fig("家庭农场", "58个", forYear(2021))},
			"2023 家庭农场 ≥65个: 未报告"},
		{"no report of 2023", fig("家庭农场", "65个", target), nil,
			"2023 家庭农场 ≥65个: 无下年报告"},
	}
	for _, tt := range tests {
		rs := []Report{rep("a", 2022, tt.target)}
		if tt.result != nil {
			rs = append(rs, rep("b", 2023, tt.result...))
		}
		c := Compare(rs)
		if len(c.Promises) != 1 {
			t.Errorf("%s: %d promises, want 1", tt.name, len(c.Promises))
			continue
		}
		if got := describePromise(c.Promises[0]); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
		checkRefs(t, rs, c)
	}
}

// TestTargetsOfTheNextYear: only targets for the year after the report's
// count, one per figure (the featured one).
func TestTargetsOfTheNextYear(t *testing.T) {
	rs := []Report{
		rep("a", 2022,
			fig("地区生产总值", "增长5%", target),
			fig("地区生产总值", "增长5.5%", target, featured),
			fig("森林覆盖率", "60%", target, forYear(2025)), // the plan's horizon
			fig("家庭农场", "58个")),
		rep("b", 2023, fig("地区生产总值", "增长5.6%")),
	}
	var got []string
	for _, p := range Compare(rs).Promises {
		got = append(got, describePromise(p))
	}
	want := []string{"2023 地区生产总值 ≥5.5% → 5.6%@b#p1: 达成 0.1个百分点"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
