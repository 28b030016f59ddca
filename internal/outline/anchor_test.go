package outline

import (
	"slices"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
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
