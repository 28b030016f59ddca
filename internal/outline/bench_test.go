package outline

import (
	"bytes"
	"os"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/govreport/govreport/internal/report"
)

// bigInput repeats the seed's body (its header and page markers dropped)
// until the input is about size bytes: one report of many parts.
func bigInput(tb testing.TB, size int) []byte {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		tb.Fatal(err)
	}
	lines := bytes.Split(seed, []byte("\n"))
	var body bytes.Buffer
	for _, l := range lines[1:] {
		if i := bytes.Index(l, []byte("、")); i > 0 && i <= 2 {
			l = l[i+len("、"):]
		}
		body.Write(l)
	}
	out := bytes.NewBuffer(make([]byte, 0, size+body.Len()))
	for out.Len() < size {
		out.Write(body.Bytes())
		out.WriteByte('\n')
	}
	return out.Bytes()
}

// peakHeap samples the heap while f runs and returns the largest size seen.
func peakHeap(f func()) uint64 {
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	f()
	close(done)
	return peak.Load()
}

func benchImport(b *testing.B, name string, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	peak := peakHeap(func() {
		for b.Loop() {
			if _, _, err := Import(name, data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.ReportMetric(float64(peak-min(peak, base.HeapAlloc))/float64(len(data)), "peak-heap/input")
}

// BenchmarkImportSeed: the seed, source bytes to document with findings.
func BenchmarkImportSeed(b *testing.B) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	benchImport(b, "seed.txt", data)
}

// BenchmarkImport20MB: the seed's body repeated to 20 MB.
func BenchmarkImport20MB(b *testing.B) {
	benchImport(b, "big.txt", bigInput(b, 20<<20))
}

func TestBigInputImports(t *testing.T) {
	if testing.Short() {
		t.Skip("20 MB import")
	}
	data := bigInput(t, 2<<20)
	doc, _, err := Import("big.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	points := len(blocksOf(doc, report.Point))
	if want := 21 * bytes.Count(data, []byte("\n")); points != want {
		t.Errorf("%d points, want %d (21 in each copy of the seed)", points, want)
	}
}
