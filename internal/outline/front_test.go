package outline

import (
	"slices"
	"testing"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
	"github.com/govreport/govreport/internal/testcorpus"
)

// TestFront: the title, subtitle, speaker, date, year and place a report's
// front gives, in the shapes real reports write them.
func TestFront(t *testing.T) {
	const body = "各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议。\n"
	for _, c := range []struct {
		name, in string
		want     report.Meta
	}{
		{"subtitle over two lines, office and name", "政府工作报告\n——2021年2月27日在青山镇第十六届人民代表大会\n第六次会议上\n青山镇镇长 李四\n" + body + "2020年工作回顾\n财政收入2496万元，同比增长28.7%。\n",
			report.Meta{Title: "政府工作报告", Subtitle: "——2021年2月27日在青山镇第十六届人民代表大会第六次会议上", Speaker: "镇长 李四", Date: "2021-02-27", Year: 2020, Place: "青山镇"}},
		{"a name alone after the subtitle", "政府工作报告\n——2021年3月1日在白水乡第九届人民代表大会第五次会议上\n王小明\n" + body,
			report.Meta{Title: "政府工作报告", Subtitle: "——2021年3月1日在白水乡第九届人民代表大会第五次会议上", Speaker: "王小明", Date: "2021-03-01", Year: 2020, Place: "白水乡"}},
		{"horizontal bar, a governor", "政府工作报告\n――2026年1月27日在青海省第十四届人民代表大会第四次会议上\n省长 张三\n" + body + "一、2025年工作回顾\n全省地区生产总值增长4.1%。\n",
			report.Meta{Title: "政府工作报告", Subtitle: "——2026年1月27日在青海省第十四届人民代表大会第四次会议上", Speaker: "省长 张三", Date: "2026-01-27", Year: 2025, Place: "青海省"}},
		{"a candidate", "2025年红旗镇政府工作报告\n——2025年2月20日在红旗镇第二届人民代表大会第五次会议上\n红旗镇党委副书记、镇长候选人 赵六\n" + body,
			report.Meta{Title: "2025年红旗镇政府工作报告", Subtitle: "——2025年2月20日在红旗镇第二届人民代表大会第五次会议上", Speaker: "党委副书记、镇长候选人 赵六", Date: "2025-02-20", Year: 2024, Place: "红旗镇"}},
		{"year named in the title, given the next year", "2023年XX镇政府工作报告\n——2024年1月27日在XX镇第二届人民代表大会第三次会议上\n" + body,
			report.Meta{Title: "2023年XX镇政府工作报告", Subtitle: "——2024年1月27日在XX镇第二届人民代表大会第三次会议上", Date: "2024-01-27", Year: 2023, Place: "XX镇"}},
		{"given in December of the year it reviews", "2023年青山镇政府工作报告\n——2023年12月28日在青山镇第二届人民代表大会第四次会议上\n" + body,
			report.Meta{Title: "2023年青山镇政府工作报告", Subtitle: "——2023年12月28日在青山镇第二届人民代表大会第四次会议上", Date: "2023-12-28", Year: 2023, Place: "青山镇"}},
		{"the review heading's year wins", "2024年夏县政府工作报告\n" + body + "一、2023年工作回顾\n过去的一年，极不平凡。\n",
			report.Meta{Title: "2024年夏县政府工作报告", Year: 2023, Place: "夏县"}},
		{"a date line with the day left blank", "青山镇政府工作报告\n2015年 月 日\n镇长 XX\n" + body,
			report.Meta{Title: "青山镇政府工作报告", Subtitle: "2015年 月 日", Speaker: "镇长 XX", Place: "青山镇"}},
		{"Traditional script", "泥河鎮人民政府工作報告\n——2021年6月8日在泥河鎮第十六屆人民代表大會第九次會議上\n泥河鎮黨委副書記鎮長鄧宏俊\n" + body + "2020年工作回顧\n完成財政收入6365萬元。\n",
			report.Meta{Title: "泥河鎮人民政府工作報告", Subtitle: "——2021年6月8日在泥河鎮第十六屆人民代表大會第九次會議上", Speaker: "黨委副書記鎮長鄧宏俊", Date: "2021-06-08", Year: 2020, Place: "泥河鎮"}},
		{"a hard-wrapped subtitle", "政府工作报告\n——2024年1月5日在青山镇第二届人民代表大会第三次会议\n上\n镇长 张三\n" + body,
			report.Meta{Title: "政府工作报告", Subtitle: "——2024年1月5日在青山镇第二届人民代表大会第三次会议上", Speaker: "镇长 张三", Date: "2024-01-05", Year: 2023, Place: "青山镇"}},
		{"a name with 建 in it", "政府工作报告\n——2024年1月5日在青山镇第二届人民代表大会第三次会议上\n王建国\n" + body,
			report.Meta{Title: "政府工作报告", Subtitle: "——2024年1月5日在青山镇第二届人民代表大会第三次会议上", Speaker: "王建国", Date: "2024-01-05", Year: 2023, Place: "青山镇"}},
		{"a heading after the subtitle is no name", "政府工作报告\n——2024年1月5日在青山镇第二届人民代表大会第三次会议上\n过去一年\n" + body,
			report.Meta{Title: "政府工作报告", Subtitle: "——2024年1月5日在青山镇第二届人民代表大会第三次会议上", Date: "2024-01-05", Year: 2023, Place: "青山镇"}},
		{"a year in Chinese numerals, given early that year", "二〇二四年青山镇政府工作报告\n——2024年1月5日在青山镇第二届人民代表大会第三次会议上\n" + body,
			report.Meta{Title: "二〇二四年青山镇政府工作报告", Subtitle: "——2024年1月5日在青山镇第二届人民代表大会第三次会议上", Date: "2024-01-05", Year: 2023, Place: "青山镇"}},
		{"no such day", "2024年青山镇政府工作报告\n——2024年2月30日在青山镇第二届人民代表大会第三次会议上\n" + body,
			report.Meta{Title: "2024年青山镇政府工作报告", Subtitle: "——2024年2月30日在青山镇第二届人民代表大会第三次会议上", Year: 2024, Place: "青山镇"}},
		{"a subtitle ending 大会上, then a name", "政府工作报告\n——2026年1月20日在青山镇第二十届人民代表大会第五次会议全体大会上\n张三\n" + body,
			report.Meta{Title: "政府工作报告", Subtitle: "——2026年1月20日在青山镇第二十届人民代表大会第五次会议全体大会上", Speaker: "张三", Date: "2026-01-20", Year: 2025, Place: "青山镇"}},
		{"no place, only the kind of place", "镇人民政府2021年工作报告\n" + body,
			report.Meta{Title: "镇人民政府2021年工作报告", Year: 2021}},
		{"a short heading is no speaker", "政府工作报告\n" + body + "工作回顾\n一年来，我们攻坚克难。\n",
			report.Meta{Title: "政府工作报告"}},
		{"title, subtitle and speaker on one line", "2029年白河县政府工作报告——2030年1月8日在白河县第十九届人民代表大会第二次会议上县长 李四\n" + body,
			report.Meta{Title: "2029年白河县政府工作报告", Subtitle: "——2030年1月8日在白河县第十九届人民代表大会第二次会议上", Speaker: "县长 李四", Date: "2030-01-08", Year: 2029, Place: "白河县"}},
		{"title and a bracketed subtitle on one line", "政府工作报告（2030年1月8日在白河县第十九届人民代表大会第二次会议上）\n县长 李四\n" + body,
			report.Meta{Title: "政府工作报告", Subtitle: "（2030年1月8日在白河县第十九届人民代表大会第二次会议上）", Speaker: "县长 李四", Date: "2030-01-08", Year: 2029, Place: "白河县"}},
		{"an ideographic space between office and name", "政府工作报告\n——2030年1月8日在白河县第十九届人民代表大会第二次会议上\n白河县县长\u3000李四\n" + body,
			report.Meta{Title: "政府工作报告", Subtitle: "——2030年1月8日在白河县第十九届人民代表大会第二次会议上", Speaker: "县长 李四", Date: "2030-01-08", Year: 2029, Place: "白河县"}},
		{"a report to the 全国人民代表大会", "政府工作报告\n——2030年3月5日在第十六届全国人民代表大会第一次会议上\n国务院总理\u3000王五\n" + body,
			report.Meta{Title: "政府工作报告", Subtitle: "——2030年3月5日在第十六届全国人民代表大会第一次会议上", Speaker: "国务院总理 王五", Date: "2030-03-05", Year: 2029, Place: "全国"}},
		{"a report by the 国务院总理, its subtitle lost", "政府工作报告\n国务院代总理 王五\n" + body,
			report.Meta{Title: "政府工作报告", Speaker: "国务院代总理 王五", Place: "全国"}},
		{"a province's report names 全国 in its text", "政府工作报告\n——2030年1月20日在白河省第十五届人民代表大会第三次会议上\n省长 王五\n各位代表：\n现在，我代表省人民政府向大会报告工作，请全国人大代表提出意见。\n",
			report.Meta{Title: "政府工作报告", Subtitle: "——2030年1月20日在白河省第十五届人民代表大会第三次会议上", Speaker: "省长 王五", Date: "2030-01-20", Year: 2029, Place: "白河省"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			src, err := source.ReadText("front.txt", []byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			doc, _ := Build(src)
			got := doc.Meta
			if got != c.want {
				t.Errorf("front matter\n got %+v\nwant %+v", got, c.want)
			}
		})
	}
}

// TestDateSource: the date is the day the report was given, from its
// subtitle; the portal's dates are its own (written_date, pub_date) and
// never fill it.
func TestDateSource(t *testing.T) {
	const portal = "沙沟镇2021年政府工作报告\n索 引 号: | abc/2021-0000066 | 公开方式: | 主动公开 |\n浏览次数: | 有 效 性: | 成文日期: | 2021-02-27 | ||\n政府工作报告\n"
	for _, c := range []struct {
		name, in, date string
	}{
		{"only the portal's", portal + "各位代表：\n现在，我代表镇政府向大会报告工作。\n", ""},
		{"the subtitle's", portal + "——2021年2月26日在沙沟镇第十六届人民代表大会第六次会议上\n各位代表：\n现在，我代表镇政府向大会报告工作。\n", "2021-02-26"},
	} {
		src, err := source.ReadText("t.txt", []byte(c.in))
		if err != nil {
			t.Fatal(err)
		}
		doc, fs := Build(src)
		noDate := slices.ContainsFunc(fs, func(f report.Finding) bool { return f.Code == "no-date" })
		if doc.Meta.Date != c.date || doc.Meta.WrittenDate != "2021-02-27" || noDate != (c.date == "") {
			t.Errorf("%s: date %q (want %q), written_date %q, no-date reported %v", c.name, doc.Meta.Date, c.date, doc.Meta.WrittenDate, noDate)
		}
	}
}

// TestPlaceUnits: the places a short text names, as their short names, and
// none in words that only end like one.
func TestPlaceUnits(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"重庆市巴南区木洞镇人民政府镇长 邓迎春", []string{"重庆市", "巴南区", "木洞镇"}},
		{"——2024年1月5日在青山县第十八届人民代表大会第三次会议上", []string{"青山县"}},
		{"2016年北京市大兴区白沙镇政府信息公开工作年度报告", []string{"北京市", "大兴区", "白沙镇"}},
		{"五角亭街道办事处2023年工作总结", []string{"五角亭街道"}},
		{"2024年长乐路街道社区代表会议报告", []string{"长乐路街道"}},
		{"乌溪镇镇", []string{"乌溪镇镇"}},
		{"镇川县人民政府", []string{"镇川县"}},
		{"杭安市西湖区", []string{"杭安市", "西湖区"}},
		{"苏宁州市", []string{"苏宁州市"}},
		{"下各镇政府", []string{"下各镇"}},
		{"在xx镇人民代表大会第一次会议上", []string{"xx镇"}},
		{"**乡第**届人民政府", []string{"**乡"}},
		{"2022年漢臺區政府工作報告", []string{"漢臺區"}},
		{"在县第十八届人民代表大会第三次会议上的", nil},
		{"乡镇政府换届工作报告", nil},
		{"镇人民政府2021年工作报告", nil},
		{"县人民政府县长 张三", nil},
		{"我代表镇人民政府", nil},
		{"全县上下团结一心，城乡面貌持续改善，社区服务更加便民", nil},
		{"汉滨区人民政府代区长", []string{"汉滨区"}},
		{"某乡镇政府工作报告", nil},
		{"年月日在镇第十二届人民代表大会第六次会议上 镇代镇长", nil},
		{"全县地区生产总值增长5.6%", nil}, // 全县 is no part of a name
		{"全省城乡居民收入", nil},
		{"青山省阿里地区", []string{"青山省", "阿里地区"}},
	} {
		var got []string
		for _, u := range placeUnits(c.in) {
			got = append(got, c.in[u.start:u.end])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSubtitleDate: a subtitle's date, and one that lost its 年 or 月: read
// where one reading names a real day, left out where two do or none; both
// reported.
func TestSubtitleDate(t *testing.T) {
	for _, c := range []struct {
		in, want string
		reported bool
	}{
		{"——2024年1月23日在青山镇第二十届人民代表大会第八次会议上", "2024-01-23", false},
		{"——2025228日在青山镇第十五届人民代表大会第七次会议上", "2025-02-28", true},
		{"2022324日在青山区第十八届人民代表大会第一次会议上", "2022-03-24", true},
		{"2021124日在青山县第十七届人民代表大会第六次会议上", "", true},
		{"——20252月28日在青山镇第十五届人民代表大会第七次会议上", "2025-02-28", true},
		{"——2025年2月30日在青山镇第十五届人民代表大会第七次会议上", "", false},
		{"——2025999日在青山镇第十五届人民代表大会第七次会议上", "", true},
		{"——在青山镇第十五届人民代表大会第七次会议上", "", false},
	} {
		f := &frontReader{}
		got := f.subtitleDate(c.in)
		if got != c.want || (len(f.fs) > 0) != c.reported {
			t.Errorf("%s: got %q (findings %v), want %q (reported %v)", c.in, got, f.fs, c.want, c.reported)
		}
	}
}

// TestSpeakerOffice: the speaker is the office and the name, without the
// organisation or place printed before them.
func TestSpeakerOffice(t *testing.T) {
	for in, want := range map[string]string{
		"重庆市巴南区木洞镇人民政府镇长 邓迎春": "镇长 邓迎春",
		"汉滨区人民政府代区长 向诗兵":      "代区长 向诗兵",
		"县人民政府县长 张作林":         "县长 张作林",
		"青山镇镇长 李四":            "镇长 李四",
		"青海省省长 张三":            "省长 张三",
		"红旗镇党委副书记、镇长候选人 赵六":   "党委副书记、镇长候选人 赵六",
		"镇长 XX":        "镇长 XX",
		"白河街道办事处主任 王五": "主任 王五",
		"王小明":          "王小明",
	} {
		if got := speakerOffice(in); got != want {
			t.Errorf("%s: got %q, want %q", in, got, want)
		}
	}
}

// TestImportFlattened: a page whose paragraphs were joined on one line and
// whose numbering was stripped is imported, with its breaks rebuilt and
// reported; text with too little of a report is still refused.
func TestImportFlattened(t *testing.T) {
	sec, err := testcorpus.Sections("testdata/quirks/flattened_no_numbering.txtar")
	if err != nil {
		t.Fatal(err)
	}
	doc, fs, err := Import("flat.txt", []byte(sec["input.txt"]))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) < 5 || !slices.ContainsFunc(fs, func(f report.Finding) bool { return f.Code == "breaks" }) {
		t.Errorf("%d blocks, findings %v", len(doc.Blocks), fs)
	}
	for _, in := range []string{"各位代表：现在，我代表镇人民政府报告工作。", "hello world, this is not a report at all."} {
		if _, _, err := Import("short.txt", []byte(in)); err == nil {
			t.Errorf("%q: imported, want refused", in)
		}
	}
}

// TestNoticeAnchors: the notice's paragraphs are anchored n1, n2 … and do
// not shift the report's own paragraph anchors.
func TestNoticeAnchors(t *testing.T) {
	doc := &report.Doc{Blocks: []report.Block{
		{Kind: report.Notice, Text: "青山县人民政府关于印发2024年政府工作报告的通知"},
		{Kind: report.Notice, Text: "（此件公开发布）"},
		{Kind: report.Paragraph, Text: "各位代表："},
		{Kind: report.Part, Marker: "一、", Lead: "2023年工作回顾"},
		{Kind: report.Paragraph, Text: "全县地区生产总值增长5.8%。"},
	}}
	FillIDs(doc)
	var ids []string
	for _, b := range doc.Blocks {
		ids = append(ids, b.ID)
	}
	if want := []string{"n1", "n2", "p1", "s1", "s1-p1"}; !slices.Equal(ids, want) {
		t.Errorf("ids %q, want %q", ids, want)
	}
}
