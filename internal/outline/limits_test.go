package outline

import (
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
)

// TestCheckLimits (issue 8 item 18): a report at the limits passes; one
// block or one byte more is refused, a paragraph at its line.
func TestCheckLimits(t *testing.T) {
	blocks := func(n int) []report.Block {
		bs := make([]report.Block, n)
		for i := range bs {
			bs[i] = report.Block{Kind: report.Paragraph, Text: "正文。", Line: i + 1}
		}
		return bs
	}
	long := func(n int) []report.Block {
		return []report.Block{{Kind: report.Paragraph, Text: "短。", Line: 3}, {Kind: report.Paragraph, Text: strings.Repeat("a", n), Line: 42}}
	}
	for _, tt := range []struct {
		name   string
		blocks []report.Block
		want   string
	}{
		{"most blocks", blocks(MaxBlocks), ""},
		{"one block more", blocks(MaxBlocks + 1), "x.md: 20001 headings, paragraphs and tables, more than the 20000"},
		{"longest paragraph", long(MaxParagraph), ""},
		{"one byte more", long(MaxParagraph + 1), "x.md:42: a paragraph of 65537 bytes, more than the 65536"},
		{"longest table", []report.Block{{Kind: report.Table, Rows: [][]string{{strings.Repeat("a", MaxParagraph/2), strings.Repeat("a", MaxParagraph/2+1)}}, Line: 7}},
			"x.md:7: a paragraph of 65537 bytes"},
	} {
		err := CheckLimits("x.md", &report.Doc{Blocks: tt.blocks})
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestImportLimits (issue 8 item 18): import refuses a text over
// source.MaxText before reading it, and a paragraph over MaxParagraph at
// its line.
func TestImportLimits(t *testing.T) {
	head := "2023年青山镇政府工作报告\n各位代表：\n"
	big := []byte(head + strings.Repeat("全年完成财政收入1200万元。\n", source.MaxText/30))
	if _, _, err := Import("big.txt", big); err == nil || !strings.Contains(err.Error(), "big.txt: "+strconv.Itoa(len(big))+" bytes is too large for a report") {
		t.Errorf("%d bytes: %v", len(big), err)
	}
	para := head + "一、工作回顾\n" + strings.Repeat("我镇坚持稳中求进工作总基调。", MaxParagraph/40) + "\n"
	if _, _, err := Import("long.txt", []byte(para)); err == nil || !strings.HasPrefix(err.Error(), "long.txt:4: a paragraph of") {
		t.Errorf("a paragraph of %d bytes: %v", len(para), err)
	}
}
