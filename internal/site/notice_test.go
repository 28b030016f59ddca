package site

import (
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
)

// TestNoticeRendered: the paragraphs of a transmittal notice printed before
// a report are shown, anchored and marked as the notice, on the page and in
// its print version; the report's paragraphs are not.
func TestNoticeRendered(t *testing.T) {
	doc := &report.Doc{Blocks: []report.Block{
		{Kind: report.Notice, Text: "青山县人民政府关于印发2024年政府工作报告的通知", ID: "n1"},
		{Kind: report.Notice, Text: "（此件公开发布）", ID: "n2"},
		{Kind: report.Paragraph, Text: "各位代表：", ID: "p1"},
	}}
	for name, html := range map[string]string{"page": renderBody(doc, nil), "print": renderPrint(doc)} {
		for _, want := range []string{"<p id=n1 class=notice>青山县人民政府关于印发", "<p id=n2 class=notice>（此件公开发布）", "<p id=p1>各位代表："} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %s:\n%s", name, want, html)
			}
		}
	}
}
