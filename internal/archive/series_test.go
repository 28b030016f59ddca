package archive

import (
	"slices"
	"testing"
)

// TestSeriesReports runs the made-up reports of testdata/reports through
// import, extraction and Compare: the figures across years as a place page
// shows them.
func TestSeriesReports(t *testing.T) {
	all := loadReports(t)
	tests := []struct {
		name  string
		files []string
		want  []string
	}{
		{"青山镇 2021-2023", []string{"qingshan-2023.txt", "qingshan-2021.txt", "qingshan-2022.txt"}, []string{
			// 25.6亿元, 生产总值27.1亿元 (a synonym), 286000万元 (another magnitude)
			"地区生产总值 亿元 level: 2021=25.6 2022=27.1(+5.86%) 2023=28.6(+5.54%)",
			"地区生产总值 % change: 2021=6.5 2022=5.8(-0.70个百分点) 2023=5.2(-0.60个百分点)",
			// XX万元 in 2022: a gap, and no change across it
			"一般公共预算收入 万元 level: 2021=8600 2022=gap 2023=9400",
			"一般公共预算收入 % change: 2021=5.2 2022=gap 2023=4.1",
			"固定资产投资 亿元 level: 2021=12.4 2022=13.8(+11.29%) 2023=14.2(+2.90%)",
			// 城镇居民人均可支配收入 in 2021, 城镇常住居民… after
			"城镇常住居民人均可支配收入 元 level: 2021=38200 2022=40100(+4.97%) 2023=42000(+4.74%)",
			"城镇常住居民人均可支配收入 % change: 2021=5.5 2022=5(-0.50个百分点) 2023=4.7(-0.30个百分点)",
			// a rate: changes in percentage points
			"城镇登记失业率 % level: 2021=3.2 2022=3.6(+0.40个百分点) 2023=3.1(-0.50个百分点)",
			"家庭农场 个 level: 2021=58 2022=63(+8.62%) 2023=66(+4.76%)",
		}},
		{"白河县, two reports of 2023", []string{"baihe-2022.txt", "baihe-2023-revised.txt", "baihe-2023.txt"}, []string{
			// the earlier report of 2023 stands; the revised one is counted
			"地区生产总值 亿元 level: 2022=186.4 2023=196.1(+5.20%)[+1]",
			"地区生产总值 % change: 2022=4.8 2023=5.3(+0.50个百分点)[+1]",
			"社会消费品零售总额 亿元 level: 2022=48.2 2023=52.6(+9.13%)",
			"新增规模以上工业企业 家 level: 2022=6 2023=4(-33.33%)",
			"单位地区生产总值能耗 % change: 2022=-2.6 2023=-3.4(-0.80个百分点)",
		}},
		{"one report: nothing recurs", []string{"qingshan-2021.txt"}, nil},
	}
	for _, tt := range tests {
		rs := reportsOfFiles(t, all, tt.files...)
		c := Compare(rs)
		var got []string
		for _, s := range c.Series {
			got = append(got, describe(s))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
		checkRefs(t, rs, c)
	}
}

// TestSeriesRules: the rules of a figure across years, one at a time.
func TestSeriesRules(t *testing.T) {
	tests := []struct {
		name    string
		reports []Report
		want    []string
	}{
		{"a missing year: no change across it", []Report{
			rep("a", 2020, fig("家庭农场", "50个")),
			rep("b", 2022, fig("家庭农场", "60个")),
		}, []string{"家庭农场 个 level: 2020=50 2022=60"}},
		{"a level and a change never mix", []Report{
			rep("a", 2021, fig("财政收入", "1.2亿元"), fig("财政收入", "增长5%")),
			rep("b", 2022, fig("财政收入", "增长4%")),
			rep("c", 2023, fig("财政收入", "1.35亿元")),
		}, []string{
			"财政收入 亿元 level: 2021=1.2 2023=1.35",
			"财政收入 % change: 2021=5 2022=4(-1.00个百分点)",
		}},
		{"万元 and 亿元: the unit most are written in", []Report{
			rep("a", 2021, fig("财政收入", "9800万元")),
			rep("b", 2022, fig("财政收入", "1.05亿元")),
			rep("c", 2023, fig("财政收入", "11200万元")),
		}, []string{"财政收入 万元 level: 2021=9800 2022=10500(+7.14%) 2023=11200(+6.67%)"}},
		{"万元 and 亿元, one each: the newer", []Report{
			rep("a", 2021, fig("财政收入", "9800万元")),
			rep("b", 2022, fig("财政收入", "1.05亿元")),
		}, []string{"财政收入 亿元 level: 2021=0.98 2022=1.05(+7.14%)"}},
		{"units of another family are another figure", []Report{
			rep("a", 2021, fig("新建农村公路", "30公里")),
			rep("b", 2022, fig("新建农村公路", "28000米")),
		}, nil},
		{"a placeholder is a gap, never zero", []Report{
			rep("a", 2021, fig("税收收入", "XX万元")),
			rep("b", 2022, fig("税收收入", "XX万元")),
			rep("c", 2023, fig("税收收入", "3200万元")),
		}, []string{"税收收入 万元 level: 2021=gap 2022=gap 2023=3200"}},
		{"a range is a gap", []Report{
			rep("a", 2021, fig("新建幼儿园", "3至5所")),
			rep("b", 2022, fig("新建幼儿园", "4所")),
		}, []string{"新建幼儿园 所 level: 2021=gap 2022=4"}},
		{"one report twice: the featured statement", []Report{
			rep("a", 2021, fig("地区生产总值", "25亿元"), fig("地区生产总值", "25.6亿元", featured)),
			rep("b", 2022, fig("地区生产总值", "27亿元"), fig("地区生产总值", "27.1亿元")),
		}, []string{"地区生产总值 亿元 level: 2021=25.6[+1] 2022=27(+5.47%)[+1]"}},
		{"the report of the year before one that looks back", []Report{
			rep("a", 2021, fig("粮食总产量", "5.1万吨")),
			rep("b", 2022, fig("粮食总产量", "5.2万吨", forYear(2021)), fig("粮食总产量", "5.4万吨")),
		}, []string{"粮食总产量 万吨 level: 2021=5.1[+1] 2022=5.4(+5.88%)"}},
		{"two years in one report only: no series", []Report{
			rep("a", 2022, fig("森林覆盖率", "50%", forYear(2020)), fig("森林覆盖率", "52%")),
			rep("b", 2023, fig("耕地保有量", "3万亩")),
		}, nil},
		{"running totals are their own figure", []Report{
			rep("a", 2021, fig("流转土地", "累计1.2万亩"), fig("流转土地", "3000亩")),
			rep("b", 2022, fig("流转土地", "累计1.5万亩")),
			rep("c", 2023, fig("流转土地", "3500亩")),
		}, []string{
			"流转土地 亩 level: 2021=3000 2023=3500",
			"流转土地 万亩 level total: 2021=1.2 2022=1.5(+25.00%)",
		}},
		{"targets are no results", []Report{
			rep("a", 2021, fig("家庭农场", "65个", target)),
			rep("b", 2022, fig("家庭农场", "63个")),
		}, nil},
		{"a general label recurs but names nothing", []Report{
			rep("a", 2021, fig("占比", "70%")),
			rep("b", 2022, fig("占比", "72%")),
		}, nil},
		{"from zero: no relative change", []Report{
			rep("a", 2021, fig("新增上市企业", "0家")),
			rep("b", 2022, fig("新增上市企业", "2家")),
		}, []string{"新增上市企业 家 level: 2021=0 2022=2"}},
		{"featured first, then as the newest report states them", []Report{
			rep("a", 2021, fig("家庭农场", "50个"), fig("农民专业合作社", "40个"), fig("地区生产总值", "25亿元", featured)),
			rep("b", 2022, fig("农民专业合作社", "42个"), fig("家庭农场", "55个"), fig("地区生产总值", "27亿元", featured)),
		}, []string{
			"地区生产总值 亿元 level: 2021=25 2022=27(+8.00%)",
			"农民专业合作社 个 level: 2021=40 2022=42(+5.00%)",
			"家庭农场 个 level: 2021=50 2022=55(+10.00%)",
		}},
	}
	for _, tt := range tests {
		c := Compare(tt.reports)
		var got []string
		for _, s := range c.Series {
			got = append(got, describe(s))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
		checkRefs(t, tt.reports, c)
	}
}

// TestCompareOrderFree: the order reports come in changes nothing.
func TestCompareOrderFree(t *testing.T) {
	all := loadReports(t)
	rs := reportsOfFiles(t, all, "qingshan-2021.txt", "qingshan-2022.txt", "qingshan-2023.txt")
	a, b := Compare(rs), Compare(reversed(rs))
	if len(a.Series) != len(b.Series) || len(a.Promises) != len(b.Promises) || len(a.Projects) != len(b.Projects) {
		t.Fatalf("order changes the comparison")
	}
	for i := range a.Series {
		if describe(a.Series[i]) != describe(b.Series[i]) {
			t.Errorf("series %d: %s against %s", i, describe(a.Series[i]), describe(b.Series[i]))
		}
	}
}
