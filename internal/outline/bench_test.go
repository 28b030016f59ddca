package outline

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
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
	out := bytes.NewBuffer(make([]byte, 0, size))
	for out.Len()+body.Len()+1 <= size {
		out.Write(body.Bytes())
		out.WriteByte('\n')
	}
	return out.Bytes()
}

// shortLines is about size bytes of short sentences, one a line, every
// other one stating a figure, as many lines as MaxBlocks allows: the most
// paragraphs, and about the most figures, a report may have.
func shortLines(size int) []byte {
	var out bytes.Buffer
	out.WriteString("2023年青山镇政府工作报告\n各位代表：\n")
	for n := 0; out.Len() < size && n < MaxBlocks-10; n++ {
		if n%2 == 0 {
			fmt.Fprintf(&out, "全年完成财政收入%d万元。\n", 1000+n%9000)
		} else {
			out.WriteString("我镇坚持稳中求进工作总基调。\n")
		}
	}
	return out.Bytes()
}

// longParagraphs is about size bytes of paragraphs of MaxParagraph bytes
// each: the longest paragraphs a report may have.
func longParagraphs(size int) []byte {
	var out bytes.Buffer
	out.WriteString("2023年青山镇政府工作报告\n各位代表：\n")
	sentence := "我镇坚持稳中求进工作总基调，经济社会发展取得新成效。"
	for out.Len()+MaxParagraph < size {
		para := strings.Repeat(sentence, MaxParagraph/len(sentence))
		out.WriteString(para)
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
	grew := peak - min(peak, base.HeapAlloc)
	b.ReportMetric(float64(grew)/float64(len(data)), "peak-heap/input")
	b.ReportMetric(float64(grew)/(1<<20), "peak-heap-MiB")
}

// BenchmarkImportSeed: the seed, source bytes to document with findings.
func BenchmarkImportSeed(b *testing.B) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	benchImport(b, "seed.txt", data)
}

// BenchmarkImportLimit imports inputs of a quarter, half and all of the
// largest text accepted (source.MaxText), of three shapes: the seed's body
// repeated, the most short paragraphs (MaxBlocks), the longest paragraphs
// (MaxParagraph). Time and peak heap per input byte staying flat across
// the sizes is what linear means here.
func BenchmarkImportLimit(b *testing.B) {
	for _, shape := range []struct {
		name string
		make func(int) []byte
	}{
		{"seed", func(n int) []byte { return bigInput(b, n) }},
		{"short-lines", shortLines},
		{"long-paragraphs", longParagraphs},
	} {
		for _, size := range []int{source.MaxText / 4, source.MaxText / 2, source.MaxText} {
			data := shape.make(size)
			b.Run(fmt.Sprintf("%s/%dKiB", shape.name, len(data)>>10), func(b *testing.B) { benchImport(b, "big.txt", data) })
		}
	}
}

func TestBigInputImports(t *testing.T) {
	if testing.Short() {
		t.Skip("1 MB import")
	}
	data := bigInput(t, source.MaxText)
	doc, _, err := Import("big.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	points := len(blocksOf(doc, report.Point))
	if want := 21 * bytes.Count(data, []byte("\n")); points != want {
		t.Errorf("%d points, want %d (21 in each copy of the seed)", points, want)
	}
}

// TestLimitShapesImport: the benchmark inputs at the largest size are
// accepted, so the benchmark measures the worst case that is read.
func TestLimitShapesImport(t *testing.T) {
	if testing.Short() {
		t.Skip("1 MB imports")
	}
	inputs := map[string][]byte{"seed": bigInput(t, source.MaxText), "short-lines": shortLines(source.MaxText), "long-paragraphs": longParagraphs(source.MaxText)}
	for name, data := range inputs {
		doc, _, err := Import(name+".txt", data)
		if err == nil {
			err = indicator.CheckLimit(name+".txt", doc)
		}
		if err != nil {
			t.Errorf("%s (%d bytes): %v", name, len(data), err)
		}
	}
}
