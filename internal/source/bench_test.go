package source

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func BenchmarkReadText(b *testing.B) {
	seed := readSeed(b)
	big := repeatSeed(seed, 20<<20)
	for _, in := range []struct {
		name string
		data []byte
	}{{"seed", seed}, {"20MB", big}} {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadText("bench.txt", in.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// repeatSeed builds an input of about size bytes: the seed's header, then
// its pages repeated, renumbered 1、 2、 3、 … so that the whole body is one
// paragraph of page after page.
func repeatSeed(seed []byte, size int) []byte {
	lines := strings.Split(string(seed), "\n")
	var out bytes.Buffer
	out.WriteString(lines[0])
	for n := 1; out.Len() < size; {
		for _, l := range lines[1:] {
			_, m, _ := leadingMarker(l)
			fmt.Fprintf(&out, "\n%d、%s", n, l[m:])
			n++
		}
	}
	return out.Bytes()
}

// TestReadTextBig checks the 20 MB input: one paragraph, every page
// marker removed, and LineAt/Slice right at the far end.
func TestReadTextBig(t *testing.T) {
	if testing.Short() {
		t.Skip("20 MB")
	}
	big := repeatSeed(readSeed(t), 20<<20)
	s, err := ReadText("big.txt", big)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Count(big, []byte("\n")) + 1
	if len(s.Paras) != 1 || countCode(s, "page-marker") != lines-1 {
		t.Fatalf("%d paras, %d markers, %d lines", len(s.Paras), countCode(s, "page-marker"), lines)
	}
	p := s.Paras[0]
	off := strings.LastIndex(p.Text, "农保和医保")
	if got := p.LineAt(off); got != lines-9 {
		t.Errorf("LineAt(last 农保和医保) = %d, want %d", got, lines-9)
	}
	for i := 0; i < 10000; i++ { // many slices of a huge paragraph stay cheap
		_ = p.Slice(off, off+3)
	}
	checkSource(t, s, lines)
}

// BenchmarkReadDocxLimit reads the largest .docx the bounds let through —
// docxMaxParas paragraphs, and a table of docxMaxCells cells — and a
// quarter and a half of them, reporting peak heap: linear means time and
// heap per paragraph or cell staying flat across the sizes.
func BenchmarkReadDocxLimit(b *testing.B) {
	for _, frac := range []int{4, 2, 1} {
		n := docxMaxParas/frac - 10
		var body strings.Builder
		for i := range n {
			fmt.Fprintf(&body, `<w:p><w:r><w:t>第%d段。</w:t></w:r></w:p>`, i)
		}
		b.Run(fmt.Sprintf("paragraphs/%d", n), func(b *testing.B) { benchDocx(b, buildDocx(b, body.String())) })
	}
	for _, frac := range []int{4, 2, 1} {
		rows := (docxMaxCells/frac - 10) / 10
		var body strings.Builder
		body.WriteString(`<w:tbl>`)
		for i := range rows {
			body.WriteString(`<w:tr>`)
			for c := range 10 {
				fmt.Fprintf(&body, `<w:tc><w:p><w:r><w:t>%d</w:t></w:r></w:p></w:tc>`, i*10+c)
			}
			body.WriteString(`</w:tr>`)
		}
		body.WriteString(`</w:tbl>`)
		b.Run(fmt.Sprintf("cells/%d", rows*10), func(b *testing.B) { benchDocx(b, buildDocx(b, body.String())) })
	}
}

func benchDocx(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
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
	for b.Loop() {
		if _, err := Read("limit.docx", data); err != nil {
			b.Fatal(err)
		}
	}
	close(done)
	b.ReportMetric(float64(peak.Load()-min(peak.Load(), base.HeapAlloc))/(1<<20), "peak-heap-MiB")
}
