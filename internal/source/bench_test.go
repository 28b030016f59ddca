package source

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
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
