package indicator

import (
	"fmt"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
)

// figuresDoc is a report stating n figures, one clause each, in paragraphs
// of a few hundred clauses.
func figuresDoc(n int) *report.Doc {
	doc := &report.Doc{Meta: report.Meta{Year: 2023}}
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "第%d村完成投资%d万元；", i, 100+i)
		if (i+1)%500 == 0 || i == n-1 {
			doc.Blocks = append(doc.Blocks, report.Block{Kind: report.Paragraph, Text: b.String() + "。", ID: fmt.Sprintf("p%d", len(doc.Blocks)+1)})
			b.Reset()
		}
	}
	return doc
}

// TestCheckLimit (issue 8 item 18): a report stating MaxFigures figures
// passes; one more is refused, naming the file.
func TestCheckLimit(t *testing.T) {
	if n := len(Extract(figuresDoc(MaxFigures))); n != MaxFigures {
		t.Fatalf("the test report states %d figures, want %d", n, MaxFigures)
	}
	if err := CheckLimit("x.md", figuresDoc(MaxFigures)); err != nil {
		t.Errorf("at the limit: %v", err)
	}
	err := CheckLimit("x.md", figuresDoc(MaxFigures+1))
	if want := "x.md: 10001 figures, more than the 10000"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %v, want %s…", err, want)
	}
}
