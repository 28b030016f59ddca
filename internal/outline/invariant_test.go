package outline

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
	"github.com/govreport/govreport/internal/testcorpus"
	"github.com/govreport/govreport/internal/typo"
)

// allInputs returns the seed, every corpus input and every test .docx.
func allInputs(t testing.TB) map[string][]byte {
	t.Helper()
	in, err := testcorpus.Inputs()
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// sourceText is a source's text as the outline must keep it: its
// paragraphs and table cells, normalised, with the speaker's line as the
// outline keeps it (speaker is the document's; see shortSpeaker).
func sourceText(src *source.Source, speaker string) string {
	var b strings.Builder
	for _, p := range src.Paras {
		for _, row := range p.Rows {
			for _, c := range row {
				n, _ := typo.Normalize(strings.ReplaceAll(c, "\n", " "))
				b.WriteString(n)
			}
		}
		n, _ := typo.Normalize(p.Text)
		b.WriteString(shortSpeaker(n, speaker))
	}
	return b.String()
}

// shortSpeaker returns a source paragraph that printed the speaker with
// their organisation and place (青山镇人民政府镇长 张三, perhaps after the
// subtitle on the same line) as the front keeps it: office and name only,
// the line as printed being reported. Other paragraphs are returned as
// they are.
func shortSpeaker(t, speaker string) string {
	tt := strings.TrimSpace(t)
	if speaker == "" || tt == speaker || !strings.HasSuffix(tt, speaker) {
		return t
	}
	start := 0
	if k := strings.LastIndex(tt[:len(tt)-len(speaker)], "会议上"); k >= 0 {
		start = k + len("会议上")
	}
	if speakerOffice(strings.TrimSpace(tt[start:])) != speaker {
		return t
	}
	return tt[:start] + speaker
}

// docText is a document's text to compare with sourceText: the notice
// printed before the report, the title, subtitle and speaker, the body.
// Lines the page printed above the title (a column's name) stay in the
// body, before the report's text: the front may come after them. The title
// is left out if it came only from a sharing site's header line, the page's
// name for the report or a name the text quotes (then the rest alone must
// match).
func docText(src *source.Source, doc *report.Doc, want string) string {
	var notice strings.Builder
	var body []string
	for _, b := range doc.Blocks {
		if b.Kind == report.Notice {
			notice.WriteString(b.Content())
		} else {
			body = append(body, b.Content())
		}
	}
	fronts := []string{doc.Meta.Title + doc.Meta.Subtitle + doc.Meta.Speaker}
	if src.Title != "" && doc.Meta.Title == cleanTitle(src.Title) || strings.Contains(want, "《"+doc.Meta.Title+"》") {
		fronts = append(fronts, doc.Meta.Subtitle+doc.Meta.Speaker) // a title named by the page, or quoted by the text
	}
	for _, front := range fronts {
		for k := 0; k <= len(body) && k <= frontLimit; k++ { // k blocks printed above the title
			if g := notice.String() + strings.Join(body[:k], "") + front + strings.Join(body[k:], ""); noSpace(g) == noSpace(want) {
				return g
			}
		}
	}
	return notice.String() + fronts[0] + strings.Join(body, "")
}

// TestNoTextLost: the report's text after the outline stage is the
// source's text (wrappers already removed by the reader), normalised and
// nothing else: no character dropped, added or moved.
func TestNoTextLost(t *testing.T) {
	for name, data := range allInputs(t) {
		src, err := source.Read(name, data)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := Build(src)
		want := sourceText(src, doc.Meta.Speaker)
		got := docText(src, doc, want)
		if w, g := noSpace(want), noSpace(got); w != g {
			t.Errorf("%s: text changed %s", name, firstDiff(w, g))
		}
	}
}

// TestDeterministic: the same input gives the same document.
func TestDeterministic(t *testing.T) {
	for name, data := range allInputs(t) {
		a, fa := buildBytes(t, name, data)
		b, fb := buildBytes(t, name, data)
		if a.Text() != b.Text() || Format(a) != Format(b) || len(fa) != len(fb) {
			t.Errorf("%s: two builds differ", name)
		}
	}
}

func buildBytes(t *testing.T, name string, data []byte) (*report.Doc, []report.Finding) {
	src, err := source.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return Build(src)
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// firstDiff describes where two texts first differ, with context.
func firstDiff(want, got string) string {
	w, g := []rune(want), []rune(got)
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	ctx := func(r []rune) string { return string(r[max(0, i-15):min(len(r), i+15)]) }
	return fmt.Sprintf("at rune %d:\n", i) + "  source: …" + ctx(w) + "…\n  output: …" + ctx(g) + "…"
}
