package outline

import (
	"slices"
	"testing"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
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
