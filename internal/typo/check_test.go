package typo

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
)

// checkCases are texts and the issues Check must find, each written
// "code:text"; an empty list means no issue at all.
var checkCases = []struct {
	name string
	in   string
	want []string
}{
	// Placeholders.
	{"XX amount", "财政收入XX万元", []string{"placeholder:XX"}},
	{"xx lower", "增长xx%", []string{"placeholder:xx"}},
	{"xxxx", "xxxx年", []string{"placeholder:xxxx"}},
	{"X.X", "增长X.X%", []string{"placeholder:X.X"}},
	{"times", "投资××万元", []string{"placeholder:××"}},
	{"stars", "投资**万元，增长***%", []string{"placeholder:**", "placeholder:***"}},
	{"underscores", "完成投资___万元", []string{"placeholder:___"}},
	{"partial decimal", "增长xx0.9%", []string{"placeholder:xx0.9"}},
	{"partial yi", "完成xx.51亿元", []string{"placeholder:xx.51"}},
	{"partial year", "20xx年和202x年", []string{"placeholder:20xx", "placeholder:202x"}},
	{"over-redaction", "全年实X区生产总值", []string{"placeholder:X"}},
	{"place name", "XX镇人民政府", []string{"placeholder:XX"}},
	{"full-width", "投资ＸＸ万元", []string{"placeholder:ＸＸ"}},
	{"not latin", "APP XML Excel COVID-19 box Xbox", nil},
	{"roman in latin", "Chapter XX of the book", nil},
	{"product", "规格3x4米，分辨率1920x1080", nil},
	{"multiply", "长×宽，3×4", nil},
	{"x-ray", "做X光检查，X射线", nil},
	{"identifier", "file_name a_b", nil},
	{"lone x latin", "a x b", nil},

	// Suspicious characters.
	{"question in name", "阿不都?热合曼", []string{"suspicious:?"}},
	{"greek in year", "到二Ο三五", []string{"suspicious:Ο"}},
	{"replacement", "经济\uFFFD发展", []string{"suspicious:\uFFFD"}},
	{"control", "经济\x01发展", []string{"suspicious:\x01"}},
	{"zero width", "经济\u200b发展", []string{"suspicious:\u200b"}},
	{"private use", "经济\ue000发展", []string{"suspicious:\ue000"}},
	{"katakana", "经济ｱｲ发展", []string{"suspicious:ｱｲ"}},
	{"invalid utf8", "经济\xff发展", []string{"suspicious:\xff"}},
	{"lone o", "元/月o", []string{"suspicious:o"}},
	{"lone O in number", "1O0", []string{"suspicious:O"}},
	{"o in words", "Hello world O2O", nil},
	{"traditional", "促進經濟發展", []string{"suspicious:進經濟發"}},
	{"document number", "政发[2023]1号和政发〔2023]2号", []string{"suspicious:[2023]", "suspicious:〔2023]"}},
	{"document number ok", "政发〔2023〕1号", nil},
	{"lost date", "于2021124日召开", []string{"suspicious:2021124"}},
	{"two years", "规划（20212025年）", []string{"suspicious:20212025"}},
	{"date ok", "2021年12月4日", nil},
	{"year lost a zero", "到二三五年基本实现", []string{"suspicious:二三五"}},
	{"year lost a zero, 一九", "一九九年建成", []string{"suspicious:一九九"}},
	{"year in numerals ok", "到二〇三五年，二〇二五年", nil},
	{"two or three years", "用二三年时间，三五年内", nil},
	{"year in a longer run", "十二三五年", nil},
	{"subscript lost", "细颗粒物（PM_2.5）年平均浓度", []string{"suspicious:PM_2.5"}},
	{"subscript lost, CO2", "减少CO_2排放", []string{"suspicious:CO_2"}},
	{"subscript ok", "细颗粒物（PM2.5）浓度", nil},
	{"identifier with a figure", "见文件file_2.pdf和files_2", nil},
	{"lone dash after a bracketed name", "中国（河南）—东盟粮农合作", []string{"suspicious:—"}},
	{"lone dash between words", "加快西宁—海东都市圈一体化", []string{"suspicious:—"}},
	{"lone dash, other names", "青海湖—岗什卡雪山入选", []string{"suspicious:—"}},
	{"lone horizontal bar", "西宁―海东", []string{"suspicious:―"}},
	{"dash chain", "“西宁—成都—曼谷”全货机", nil},
	{"dash chain, four names", "北京—天津—沈阳—长春", nil},
	{"dashes far apart", "目标—建设美丽乡村和宜居宜业—和美乡村", []string{"suspicious:—", "suspicious:—"}},
	{"dash ok", "——综合实力更强，1—2个，2020—2025年", nil},
	{"pinyin", "泥河鎮(zhèn)人民政府", []string{"suspicious:鎮", "suspicious:(zhèn)"}},
	{"pinyin full-width", "全镇（zhèn）粮食（shí）产量", []string{"suspicious:（zhèn）", "suspicious:（shí）"}},
	{"not pinyin", "阜阳港(FYG)，项目(a)，稻虾(zhen)，单位(mg)", nil},

	// Rewritten figures.
	{"rewritten yuan", "人均收入到达20230元", []string{"rewritten:20230"}},
	{"rewritten percent", "比重到达2023%", []string{"rewritten:2023"}},
	{"year ok", "2023年，20000亩，12023元", nil},

	// Missing figures.
	{"missing semicolon", "同比增长；", []string{"missing-figure:同比增长"}},
	{"missing period", "同比下降。", []string{"missing-figure:同比下降"}},
	{"missing percent", "增长%", []string{"missing-figure:%"}},
	{"missing after colon", "调整为：，", []string{"missing-figure:调整为"}},
	{"missing half-width", "同比增长;", []string{"missing-figure:同比增长"}},
	{"missing unit phrase", "投资增长万元", []string{"missing-figure:增长万元"}},
	{"complete ok", "项目已全部完成。意识明显提高，收入稳步增长。", nil},
	{"category yiyuan project", "超额完成亿元项目招引的年度目标任务", nil},
	{"category above", "新增亿元以上项目5个，增加万元户12户", nil},
	{"category level", "完成亿元级企业培育，打造千亿级产业和百亿企业", nil},
	{"missing before unit, then words", "投资增长万元，完成亿元。", []string{"missing-figure:增长万元", "missing-figure:完成亿元"}},
	{"figure ok", "同比增长5%，XX%", []string{"placeholder:XX"}},

	// Units missing.
	{"no unit yi", "生产总值145.98亿，", []string{"unit-missing:145.98亿"}},
	{"no unit wan", "收入238.68万；", []string{"unit-missing:238.68万"}},
	{"counted before", "常住人口238.68万；医疗旅游人次86.5万，", nil},
	{"shared unit", "分别提高15、22个百分点；分别增长5、6.5%。", nil},
	{"no shared unit", "分别增长5、6.5。", []string{"unit-missing:5"}},
	{"no percent", "同比增长18.3;", []string{"unit-missing:18.3"}},
	{"units ok", "生产总值145.98亿元，同比增长18.3%；", nil},
	{"no unit whole wan", "财政一般预算收入任务174万，完成198万。", []string{"unit-missing:174万", "unit-missing:198万"}},
	{"no unit whole yi", "固定资产投资突破12亿；", []string{"unit-missing:12亿"}},
	{"no unit wanyi", "社会消费品零售总额1.2万亿，", []string{"unit-missing:1.2万亿"}},
	{"no unit at end", "完成税收174万", []string{"unit-missing:174万"}},
	{"whole units ok", "收入174万元，人口5万人，198万多，12亿元以上", nil},
}

func TestCheck(t *testing.T) {
	for _, c := range checkCases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, is := range Check(c.in) {
				got = append(got, is.Code+":"+c.in[is.Off:is.End])
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("Check(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

func TestCheckMessageAndLevel(t *testing.T) {
	is := Check("我镇2023年度完成财政收入XX万元，其中")
	if len(is) != 1 {
		t.Fatalf("got %+v", is)
	}
	if want := `placeholder "XX" in "23年度完成财政收入XX万元"`; is[0].Message != want || is[0].Level != report.Warning {
		t.Errorf("got %q %v, want %q", is[0].Message, is[0].Level, want)
	}
	if is := Check("生产总值145.98亿，"); len(is) != 1 || is[0].Level != report.Info {
		t.Errorf("unit-missing: %+v", is)
	}
}

// TestControlIsError (issue 8 item 12): a control character is an error,
// never published; an invisible one (zero width) stays a warning.
func TestControlIsError(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want report.Level
	}{
		{"经济\x00发展", report.Error}, {"经济\x1b[31m发展", report.Error}, {"经济\x7f发展", report.Error},
		{"经济\u0093发展", report.Error}, {"经济\u200b发展", report.Warning},
	} {
		is := Check(tt.in)
		if len(is) != 1 || is[0].Level != tt.want {
			t.Errorf("Check(%q) = %+v, want one %v", tt.in, is, tt.want)
		}
	}
	if off, r := FirstControl("甲\t乙\n丙\r\x1b"); off != len("甲\t乙\n丙\r") || r != 0x1b {
		t.Errorf("FirstControl = %d, %U", off, r)
	}
}

func TestPlaceholders(t *testing.T) {
	s := "完成XX万元，xx0.9%，20xx年，APP"
	var got []string
	for _, r := range Placeholders(s) {
		got = append(got, s[r[0]:r[1]])
	}
	if want := []string{"XX", "xx0.9", "20xx"}; !slices.Equal(got, want) {
		t.Errorf("got %q want %q", got, want)
	}
}

func ExampleCheck() {
	for _, is := range Check("财政收入XX万元，同比增长；比重到达2023%") {
		fmt.Println(is.Level, is.Code, strings.TrimSpace(is.Message))
	}
	// Output:
	// warning placeholder placeholder "XX" in "财政收入XX万元"
	// warning missing-figure no figure after "同比增长" in "同比增长"
	// warning rewritten figure that starts with a year (find-and-replace?) "2023" in "比重到达2023%"
}

// TestRewrittenLevel: a share that starts with a year is surely a slip of a
// find-and-replace; an amount may be genuine, so it is only noted.
func TestRewrittenLevel(t *testing.T) {
	for s, want := range map[string]report.Level{"比重到达2023%。": report.Warning, "完成营造林2027万亩。": report.Info} {
		is := Check(s)
		if len(is) != 1 || is[0].Code != CodeRewritten || is[0].Level != want {
			t.Errorf("%s: %+v, want one %s %s", s, is, want, CodeRewritten)
		}
	}
}
