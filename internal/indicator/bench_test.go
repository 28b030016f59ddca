package indicator

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
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

// BenchmarkExtractLimit runs Extract on the largest documents the limits
// let through, and on a quarter and a half of them: the seed's blocks
// repeated to source.MaxText bytes of text, and MaxFigures figures one
// clause each. Time and peak heap per byte staying flat across the sizes
// is what linear means here.
func BenchmarkExtractLimit(b *testing.B) {
	seed := buildDoc(b, seedPath)
	for _, frac := range []int{4, 2, 1} {
		doc := &report.Doc{Meta: seed.Meta}
		for size := 0; size < source.MaxText/frac; {
			for _, bl := range seed.Blocks {
				doc.Blocks = append(doc.Blocks, bl)
				size += len(bl.Content())
			}
		}
		b.Run(fmt.Sprintf("seed/%dKiB", len(doc.Text())>>10), func(b *testing.B) { benchExtract(b, doc) })
	}
	for _, frac := range []int{4, 2, 1} {
		doc := figuresDoc(MaxFigures / frac)
		b.Run(fmt.Sprintf("figures/%d", MaxFigures/frac), func(b *testing.B) { benchExtract(b, doc) })
	}
}

func benchExtract(b *testing.B, doc *report.Doc) {
	b.SetBytes(int64(len(doc.Text())))
	b.ReportAllocs()
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak.Store(max(peak.Load(), ms.HeapAlloc))
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	n := 0
	for b.Loop() {
		n = len(Extract(doc))
	}
	close(done)
	grew := peak.Load() - min(peak.Load(), base.HeapAlloc)
	b.ReportMetric(float64(n), "figures")
	b.ReportMetric(float64(grew)/(1<<20), "peak-heap-MiB")
}
