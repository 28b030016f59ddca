package outline

import (
	"slices"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
)

// TestAnchorsStable: editing one section (a paragraph added, text changed)
// changes no id outside it.
func TestAnchorsStable(t *testing.T) {
	_, doc, _ := buildFile(t, seedPath)
	before := map[int]string{}
	var edited []report.Block
	for i, b := range doc.Blocks {
		before[i] = b.ID
		b.ID = ""
		if strings.HasPrefix(b.Text, "2023年是") {
			b.Text = "（改写）" + b.Text
		}
		edited = append(edited, b)
		if before[i] == "s1-2-1" { // a new paragraph inside section （二）
			edited = append(edited, report.Block{Kind: report.Paragraph, Text: "新增的一段。"})
		}
	}
	doc.Blocks = edited
	if fs := FillIDs(doc); len(fs) > 0 {
		t.Fatal(fs)
	}
	j := 0
	for i := 0; i < len(doc.Blocks); i++ {
		b := doc.Blocks[i]
		if b.Text == "新增的一段。" {
			if b.ID != "s1-2-1-p1" {
				t.Errorf("new paragraph got %q", b.ID)
			}
			continue
		}
		if b.ID != before[j] {
			t.Errorf("block %d: id %q became %q", j, before[j], b.ID)
		}
		j++
	}
}

// TestFillIDsKeepsHandWritten: ids set by hand stay, numbered children
// derive from them, and a repeated hand-written id is an error.
func TestFillIDsKeepsHandWritten(t *testing.T) {
	doc := &report.Doc{Blocks: []report.Block{
		{Kind: report.Part, Marker: "一、", Lead: "回顾", ID: "review"},
		{Kind: report.Paragraph, Text: "甲。"},
		{Kind: report.Section, Marker: "（一）", Lead: "经济"},
		{Kind: report.Paragraph, Text: "乙。", ID: "mine"},
		{Kind: report.Paragraph, Text: "丙。", ID: "mine"},
	}}
	fs := FillIDs(doc)
	var ids []string
	for _, b := range doc.Blocks {
		ids = append(ids, b.ID)
	}
	if want := []string{"review", "review-p1", "review-1", "mine", "mine"}; !slices.Equal(ids, want) {
		t.Errorf("ids %v, want %v", ids, want)
	}
	if len(fs) != 1 || fs[0].Code != "duplicate-id" || fs[0].Level != report.Error {
		t.Errorf("findings %v, want one duplicate-id error", fs)
	}
}

// TestFillIDsNewBeforeWritten (issue 8 item 10): a block added before
// blocks whose ids are written gets an id of its own, never one written
// further on; the written ids stay as they are.
func TestFillIDsNewBeforeWritten(t *testing.T) {
	para := func(text, id string) report.Block { return report.Block{Kind: report.Paragraph, Text: text, ID: id} }
	part := func(marker, id string) report.Block {
		return report.Block{Kind: report.Part, Marker: marker, Lead: "回顾", ID: id}
	}
	for _, tt := range []struct {
		name   string
		blocks []report.Block
		want   []string
	}{
		{"paragraph before the first", []report.Block{para("新。", ""), para("甲。", "p1")}, []string{"p1_2", "p1"}},
		{"paragraph between two", []report.Block{part("一、", "s1"), para("甲。", "s1-p1"), para("新。", ""), para("乙。", "s1-p2")},
			[]string{"s1", "s1-p1", "s1-p1_2", "s1-p2"}},
		{"part before the first", []report.Block{part("一、", ""), para("新。", ""), part("一、", "s1"), para("甲。", "s1-p1")},
			[]string{"s1_2", "s1_2-p1", "s1", "s1-p1"}},
		{"two new, one suffix each", []report.Block{para("新。", ""), para("新。", ""), para("甲。", "p1"), para("乙。", "p2")},
			[]string{"p1_2", "p2_2", "p1", "p2"}},
	} {
		doc := &report.Doc{Blocks: tt.blocks}
		if fs := FillIDs(doc); len(fs) > 0 {
			t.Errorf("%s: %v", tt.name, fs)
		}
		var ids []string
		for _, b := range doc.Blocks {
			ids = append(ids, b.ID)
		}
		if !slices.Equal(ids, tt.want) {
			t.Errorf("%s: ids %v, want %v", tt.name, ids, tt.want)
		}
	}
}

// TestTopLevelIDs: numbered blocks without a numbered parent never take a
// part's id.
func TestTopLevelIDs(t *testing.T) {
	src, err := source.ReadText("t.txt", []byte("2023年青山镇政府工作报告\n各位代表：\n1、加强学习，提高本领。\n一、工作回顾\n全年完成财政收入1200万元。\n"))
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := Build(src)
	if got := Format(doc); !strings.Contains(got, "5\t1、\t加强学习，提高本领\ti1\n") || !strings.Contains(got, "2\t一、\t工作回顾\ts1\n") {
		t.Errorf("outline:\n%s", got)
	}
}

// TestChineseYear: a title with its year in Chinese numerals still gives
// year, place and slug.
func TestChineseYear(t *testing.T) {
	src, err := source.ReadText("t.txt", []byte("二〇二三年青山镇政府工作报告\n各位代表：\n现在，我代表青山镇人民政府向大会报告工作。\n一、工作回顾\n全年完成财政收入1200万元。\n"))
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := Build(src)
	if m := doc.Meta; m.Year != 2023 || m.Place != "青山镇" || Slug(m.Year, m.Place) != "2023-qingshan-zhen" {
		t.Errorf("meta %+v", m)
	}
}

func TestSlug(t *testing.T) {
	for _, c := range []struct {
		year        int
		place, want string
	}{
		{2023, "青山镇", "2023-qingshan-zhen"},
		{2023, "XX镇", "2023-xx-zhen"},
		{2020, "泥河鎮", "2020-nihe-zhen"}, // Traditional: the kind of place still splits off
		{2025, "青海省", "2025-qinghai-sheng"},
		{2024, "广西壮族自治区", "2024-guangxizhuangzu-zizhiqu"},
		{2024, "金山街道", "2024-jinshan-jiedao"},
		{2025, "陕西省", "2025-shaanxi-sheng"}, // not 山西's shanxi
		{2025, "山西省", "2025-shanxi-sheng"},
		{2025, "西藏自治区", "2025-xizang-zizhiqu"},
		{2025, "重庆市", "2025-chongqing-shi"},
		{2025, "长沙市", "2025-changsha-shi"},
		{2029, "全国", "2029-quanguo"}, // a report on the whole country
		{0, "", "report"},
	} {
		if got := Slug(c.year, c.place); got != c.want {
			t.Errorf("Slug(%d, %q) = %q, want %q", c.year, c.place, got, c.want)
		}
	}
}

// TestFileSlug: a report whose place is unknown is named by its year and
// its file's name, without a year the file's name repeats or contradicts.
func TestFileSlug(t *testing.T) {
	for _, c := range []struct {
		year       int
		stem, want string
	}{
		{2024, "02_shencun_2025", "2024-02-shencun"},
		{2029, "2030-baihe", "2029-baihe"},        // given in 2030, reviews 2029
		{2029, "baihe_2029", "2029-baihe"},        // the same year, not twice
		{0, "2030-baihe", "2030-baihe"},           // no year read: the file's stays
		{2029, "baihe-12345", "2029-baihe-12345"}, // not a year
		{2029, "白河 报告", "2029-baihe-baogao"},
		{0, "", "report"},
	} {
		if got := fileSlug(c.year, c.stem); got != c.want {
			t.Errorf("fileSlug(%d, %q) = %q, want %q", c.year, c.stem, got, c.want)
		}
	}
}
