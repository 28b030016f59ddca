package indicator

import (
	"testing"

	"github.com/govreport/govreport/internal/report"
)

func BenchmarkExtractSeed(b *testing.B) {
	doc := buildDoc(b, seedPath)
	b.SetBytes(int64(len(doc.Text())))
	b.ReportAllocs()
	for b.Loop() {
		Extract(doc)
	}
}

// BenchmarkExtract20MB runs Extract on a document of about 20 MB of text,
// the seed's blocks repeated.
func BenchmarkExtract20MB(b *testing.B) {
	seed := buildDoc(b, seedPath)
	doc := &report.Doc{Meta: seed.Meta}
	size := 0
	for size < 20<<20 {
		for _, bl := range seed.Blocks {
			doc.Blocks = append(doc.Blocks, bl)
			size += len(bl.Content())
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		Extract(doc)
	}
}
