package archive

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
)

func describeProject(p Project) string {
	s := fmt.Sprintf("%d %s@%s#%s: %s", p.Year, p.Text, p.Report, p.Anchor, p.Status)
	if p.Mention != nil {
		s += fmt.Sprintf(" %s#%s 「%s」", p.Mention.Report, p.Mention.Anchor, p.Phrase)
	}
	return s
}

func TestProjectsReports(t *testing.T) {
	all := loadReports(t)
	tests := []struct {
		name  string
		files []string
		want  []string
	}{
		{"青山镇: items under a heading", []string{"qingshan-2021.txt", "qingshan-2022.txt"}, []string{
			"2022 1.改造青山路老旧供水管网8公里。@qingshan-2021#s2-2-1: 已找到 qingshan-2022#s1-2-p1 「青山路老旧供水管网」",
			"2022 2.新建白石村幼儿园1所。@qingshan-2021#s2-2-2: 未找到", // two paragraphs speak of 白石村幼儿园
			"2022 3.建成镇区农贸市场。@qingshan-2021#s2-2-3: 未找到",   // none does
		}},
		{"白河县: points; 实事求是 is no list", []string{"baihe-2022.txt", "baihe-2023.txt", "baihe-2023-revised.txt"}, []string{
			// 污水处理厂 is five characters; 城北污水处理厂 is in the plan part
			"2023 一是新建城北污水处理厂。@baihe-2022#s2-2-1: 未找到",
			"2023 二是实施白河大桥加固工程。@baihe-2022#s2-2-2: 已找到 baihe-2023#s1-2-p1 「白河大桥加固工程」",
			// 提升群众获得感 is said elsewhere in its own report
			"2023 三是开展老年人免费体检，提升群众获得感。@baihe-2022#s2-2-3: 未找到",
			"2023 四是改造城关镇老旧小区供热管网。@baihe-2022#s2-2-4: 未找到", // two paragraphs
		}},
		{"白河县: the next report says nothing of them", []string{"baihe-2022.txt", "baihe-2023-revised.txt"}, []string{
			"2023 一是新建城北污水处理厂。@baihe-2022#s2-2-1: 未找到",
			"2023 二是实施白河大桥加固工程。@baihe-2022#s2-2-2: 未找到",
			"2023 三是开展老年人免费体检，提升群众获得感。@baihe-2022#s2-2-3: 未找到",
			"2023 四是改造城关镇老旧小区供热管网。@baihe-2022#s2-2-4: 未找到",
		}},
		{"no report of the next year", []string{"qingshan-2021.txt"}, []string{
			"2022 1.改造青山路老旧供水管网8公里。@qingshan-2021#s2-2-1: 无下年报告",
			"2022 2.新建白石村幼儿园1所。@qingshan-2021#s2-2-2: 无下年报告",
			"2022 3.建成镇区农贸市场。@qingshan-2021#s2-2-3: 无下年报告",
		}},
	}
	for _, tt := range tests {
		rs := reportsOfFiles(t, all, tt.files...)
		c := Compare(rs)
		var got []string
		for _, p := range c.Projects {
			got = append(got, describeProject(p))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
		checkRefs(t, rs, c)
	}
}

// Blocks of a made-up document; mkDoc gives them anchors b1, b2, ….
func part(title string) report.Block {
	return report.Block{Kind: report.Part, Marker: "一、", Lead: title}
}
func sec(title string) report.Block {
	return report.Block{Kind: report.Section, Marker: "（一）", Lead: title}
}
func item(text string) report.Block { return report.Block{Kind: report.Item, Marker: "1.", Lead: text} }
func sub(text string) report.Block {
	return report.Block{Kind: report.SubItem, Marker: "（1）", Lead: text}
}
func point(text string) report.Block {
	return report.Block{Kind: report.Point, Marker: "一是", Lead: text}
}
func para(text string) report.Block { return report.Block{Kind: report.Paragraph, Text: text} }

func mkDoc(year int, bs ...report.Block) *report.Doc {
	d := &report.Doc{Meta: report.Meta{Year: year}}
	for i, b := range bs {
		b.ID = "b" + strconv.Itoa(i+1)
		d.Blocks = append(d.Blocks, b)
	}
	return d
}

func TestProjectLists(t *testing.T) {
	tests := []struct {
		name string
		doc  *report.Doc
		want []string // per list: its heading's anchor, then its items' first anchors
	}{
		{"items under a section", mkDoc(2023,
			part("二、2024年工作安排"), sec("办好民生实事"), item("新建幼儿园"), item("改造供水管网"), item("建成农贸市场"),
			sec("加强自身建设"), item("依法行政"), item("从严治政"),
		), []string{"b2: b3 b4 b5"}},
		{"points right after a paragraph", mkDoc(2023,
			part("2024年工作安排"), para("2024年，重点办好以下十件实事："), point("新建幼儿园"), point("改造供水管网"),
			para("我们将全力以赴。"), point("狠抓落实"),
		), []string{"b2: b3 b4"}},
		{"a paragraph between: no list", mkDoc(2023,
			part("2024年工作安排"), para("重点办好民生实事。"), para("全力以赴。"), item("新建幼儿园"), item("改造供水管网"),
		), nil},
		{"a paragraph under the heading, then items", mkDoc(2023,
			part("2024年工作安排"), sec("办好十件民生实事"), para("坚持尽力而为、量力而行。"), item("新建幼儿园"), item("改造供水管网"),
		), []string{"b2: b4 b5"}},
		{"sub-items join their item", mkDoc(2023,
			part("2024年工作安排"), sec("为民办实事"), item("教育"), sub("新建幼儿园"), sub("改造校舍"), item("供水"),
		), []string{"b2: b3 b6"}},
		{"in the review: done, not promised", mkDoc(2023,
			part("一、2023年工作回顾"), sec("民生实事全面完成"), item("新建幼儿园"), item("改造供水管网"),
		), nil},
		{"实事求是 names no list", mkDoc(2023,
			part("2024年工作安排"), sec("坚持实事求是"), item("完善统计制度"), item("加强统计执法"),
		), nil},
		{"我为群众办实事 names no list", mkDoc(2023,
			part("2024年工作安排"), sec("深入开展“我为群众办实事”实践活动"), item("走访群众"), item("解决难题"),
		), nil},
		{"one item is no list", mkDoc(2023,
			part("2024年工作安排"), sec("办好民生实事"), item("新建幼儿园"), sec("加强自身建设"),
		), nil},
		{"no parts at all", mkDoc(2023,
			sec("办好民生实事"), item("新建幼儿园"), item("改造供水管网"),
		), []string{"b1: b2 b3"}},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range projectLists(tt.doc, tt.doc.Meta.Year) {
			var ids []string
			for _, it := range l.items {
				ids = append(ids, tt.doc.Blocks[it.first].ID)
			}
			got = append(got, tt.doc.Blocks[l.head].ID+": "+strings.Join(ids, " "))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestClearMatch: what makes a mention of a project in the next report
// clear, with near misses. The project is always 改造青山路老旧供水管网,
// item 1 of a 2023 list; the cases vary the 2024 report.
func TestClearMatch(t *testing.T) {
	promised := mkDoc(2023,
		part("二、2024年工作安排"), para("全面提升群众获得感。"), sec("办好民生实事"),
		item("改造青山路老旧供水管网，提升群众获得感"), item("新建白石村幼儿园"))
	review, plan := part("一、2024年工作回顾"), part("二、2025年工作安排")
	tests := []struct {
		name string
		next []report.Block
		want string // the mention's anchor and phrase, or ""
	}{
		{"one paragraph", []report.Block{review, para("完成青山路老旧供水管网改造。"), para("新建幼儿园。")},
			"b2 青山路老旧供水管网"},
		{"six characters are enough", []report.Block{review, para("路老旧供水管道全部更换。")},
			"b2 路老旧供水管"},
		{"five are not", []report.Block{review, para("老旧供水管道全部更换。")}, ""},
		{"two phrases in one paragraph add up", []report.Block{review, para("改造青山一带的老旧供水设施。")},
			"b2 改造青山"},
		{"two paragraphs: not clear", []report.Block{review, para("青山路老旧供水管网改造完成。"), para("青山路老旧供水管网通水。")}, ""},
		{"phrases split over two paragraphs: not clear", []report.Block{review, para("青山路老旧改造完成。"), para("老旧供水管网通水。")}, ""},
		{"a phrase its own report repeats says nothing", []report.Block{review, para("群众获得感全面提升群众获得感。")}, ""},
		{"the plan part is not where a result is", []report.Block{review, para("成绩来之不易。"), plan, para("继续改造青山路老旧供水管网。")}, ""},
		{"the review before the plan", []report.Block{review, para("完成青山路老旧供水管网改造。"), plan, para("继续改造青山路老旧供水管网。")},
			"b2 青山路老旧供水管网"},
	}
	for _, tt := range tests {
		rs := []Report{
			{Meta: report.Meta{Slug: "a", Year: 2023}, Doc: promised},
			{Meta: report.Meta{Slug: "b", Year: 2024}, Doc: mkDoc(2024, tt.next...)},
		}
		c := Compare(rs)
		if len(c.Projects) != 2 {
			t.Fatalf("%s: %d projects", tt.name, len(c.Projects))
		}
		p := c.Projects[0]
		got := ""
		if p.Mention != nil {
			got = p.Mention.Anchor + " " + p.Phrase
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q (%s)", tt.name, got, tt.want, p.Status)
		}
		checkRefs(t, rs, c)
	}
}
