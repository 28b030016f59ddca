package outline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
)

const seedPath = "../../sources/000_08af8ba22e60be61.txt"

func buildFile(t testing.TB, path string) (*source.Source, *report.Doc, []report.Finding) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src, err := source.Read(filepath.Base(path), data)
	if err != nil {
		t.Fatal(err)
	}
	doc, fs := Build(src)
	return src, doc, fs
}

func blocksOf(doc *report.Doc, k report.Kind) []report.Block {
	var out []report.Block
	for _, b := range doc.Blocks {
		if b.Kind == k {
			out = append(out, b)
		}
	}
	return out
}

func hasCode(fs []report.Finding, code string) bool {
	for _, f := range fs {
		if f.Code == code {
			return true
		}
	}
	return false
}

// TestSeedStructure checks the structure the import issue fixes for the seed.
func TestSeedStructure(t *testing.T) {
	_, doc, fs := buildFile(t, seedPath)
	if doc.Meta.Title != "2023年XX镇政府工作报告" || doc.Meta.Date != "2024-01-27" || doc.Meta.Year != 2023 || doc.Meta.Place != "XX镇" {
		t.Errorf("meta = %+v", doc.Meta)
	}
	parts := blocksOf(doc, report.Part)
	if len(parts) != 2 || parts[0].Marker+parts[0].Title() != "一、2023年工作回顾" || parts[1].Marker+parts[1].Title() != "二、2024年工作计划" {
		t.Errorf("parts = %+v", parts)
	}
	var perPart [3][]string
	part := 0
	for _, b := range doc.Blocks {
		switch b.Kind {
		case report.Part:
			part++
		case report.Section:
			perPart[part] = append(perPart[part], b.Marker)
		}
	}
	if got := strings.Join(perPart[1], ""); got != "（一）（二）（三）（四）（五）" {
		t.Errorf("sections of part 一 = %s", got)
	}
	if got := strings.Join(perPart[2], ""); got != "一、二、三、" {
		t.Errorf("sections of part 二 = %s", got)
	}
	if n := len(blocksOf(doc, report.Point)); n != 21 {
		t.Errorf("%d points, want 21", n)
	}
	items := blocksOf(doc, report.Item)
	if len(items) != 2 || items[0].Marker+items[0].Title() != "1、农保和医保工作" || items[1].Marker+items[1].Title() != "2、着力解决弱势群众生活问题" {
		t.Errorf("items = %+v", items)
	}
	if !hasCode(fs, "truncated") {
		t.Error("no truncated finding for a copy that ends in a heading")
	}
	for _, b := range doc.Blocks {
		if strings.Contains(b.Text, "四是少数干部") {
			if b.Kind != report.Paragraph || !strings.Contains(b.Text, "：一是经济增长") {
				t.Errorf("closing enumeration split: %v %q", b.Kind, b.Text)
			}
			return
		}
	}
	t.Error("closing paragraph with its inline 一是…四是… not found")
}

// TestDocxOutline: .docx made by pandoc and LibreOffice, with headings by
// style, by direct formatting and by typed numbering, give their structure.
func TestDocxOutline(t *testing.T) {
	tests := map[string][]string{
		"pandoc_styles.docx": {"1\t\t某某镇人民政府工作报告\t", "2\t一、\t2023年工作回顾\ts1", "4\t一是\t产业提质\ts1-1-1", "6\t（1）\t粮食生产\ts1-1-2-1-1", "2\t二、\t2024年工作安排\ts2"},
		"lo_direct.docx":     {"1\t\t关于2023年某某街道政府工作报告\t", "3\t（一）\t经济运行\ts1-1", "5\t1、\t招商引资\ts1-1-2-1"},
		"lo_odt.docx":        {"1\t\t政府工作报告\t", "2\t一、\t2023年工作回顾\ts1", "3\t（一）\t综合实力稳步提升\ts1-1"},
	}
	for name, want := range tests {
		_, doc, _ := buildFile(t, filepath.Join("../source/testdata/docx", name))
		got := Format(doc)
		for _, line := range want {
			if !strings.Contains(got, line+"\n") {
				t.Errorf("%s: outline lacks %q:\n%s", name, line, got)
			}
		}
	}
}
