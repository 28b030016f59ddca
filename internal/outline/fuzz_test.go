package outline

import (
	"testing"

	"github.com/govreport/govreport/internal/source"
	"github.com/govreport/govreport/internal/testcorpus"
)

// FuzzOutline: any text gives a document without panicking, every block has
// a unique id, and no character of the text is lost or added.
func FuzzOutline(f *testing.F) {
	for name, data := range allInputs(f) {
		if !testcorpus.IsDocx(name) {
			f.Add(string(data))
		}
	}
	f.Add("一、二、三、\n（一）（二）一是二是1、2、（1）")
	f.Add("各位代表：一、回顾2023年是一是。二是：一是；二是。三是")
	f.Fuzz(func(t *testing.T, text string) {
		src, err := source.ReadText("fuzz.txt", []byte(text))
		if err != nil {
			return
		}
		doc, _ := Build(src)
		seen := map[string]bool{}
		for _, b := range doc.Blocks {
			if b.ID == "" || seen[b.ID] {
				t.Fatalf("id %q empty or repeated", b.ID)
			}
			seen[b.ID] = true
		}
		want := sourceText(src, doc.Meta.Speaker)
		got := docText(src, doc, want)
		if w, g := noSpace(want), noSpace(got); w != g {
			t.Fatalf("text changed %s", firstDiff(w, g))
		}
	})
}
