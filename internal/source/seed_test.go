package source

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedPath is a real report copied from a document-sharing site: a header
// line, then one line per page, each after a page marker N、.
const seedPath = "../../sources/000_08af8ba22e60be61.txt"

func readSeed(tb testing.TB) []byte {
	tb.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func TestReadTextSeed(t *testing.T) {
	data := readSeed(t)
	s, err := ReadText("seed.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "2023年XX镇政府工作报告" || s.Date != "2024-01-27" {
		t.Errorf("title, date = %q, %q", s.Title, s.Date)
	}
	if len(s.Paras) != 1 {
		t.Fatalf("%d paragraphs, want 1", len(s.Paras))
	}
	p := s.Paras[0]
	if p.Line != 2 || strings.Contains(p.Text, "由会员分享") || strings.Contains(p.Text, "优知文库") {
		t.Errorf("header not removed: line %d, text %.60q", p.Line, p.Text)
	}
	lines := strings.Split(string(data), "\n")
	// The file has pages 1、 to 16、 on lines 2 to 17; count them from the
	// file rather than trust a number.
	pages := 0
	for i, l := range lines[1:] {
		if n, size, ok := leadingMarker(l); ok && n == pages+1 {
			pages++
			if i > 0 { // the words cut at this page break are whole again
				prev := []rune(lines[i])
				cutWord := string(prev[len(prev)-2:]) + firstRunes(l[size:], 2)
				if !strings.Contains(p.Text, cutWord) {
					t.Errorf("page %d: %q not rejoined", n, cutWord)
				}
			}
		}
	}
	if pages != 16 || countCode(s, "page-marker") != pages {
		t.Errorf("%d page-marker findings, %d pages in the file (want 16)", countCode(s, "page-marker"), pages)
	}
	if countCode(s, "header") != 1 || len(s.Findings) != pages+1 {
		t.Errorf("findings:\n%s", formatFindings(s.Findings))
	}
	for _, w := range []string{"非税收入XX万元", "高质高效生产", "太阳能路灯正在安装", "1、农保和医保工作", "2、"} {
		if !strings.Contains(p.Text, w) {
			t.Errorf("text lacks %q", w)
		}
	}
	off := strings.Index(p.Text, "农保和医保")
	want := 0
	for i, l := range lines {
		if strings.Contains(l, "农保和医保") {
			want = i + 1
		}
	}
	if got := p.LineAt(off); got != want || want != 8 {
		t.Errorf("LineAt(农保和医保) = %d, want %d (line 8)", got, want)
	}
	if got := p.Slice(off, off+10).Line; got != want {
		t.Errorf("Slice(农保和医保).Line = %d, want %d", got, want)
	}
}

func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

func countCode(s *Source, code string) int {
	n := 0
	for _, f := range s.Findings {
		if f.Code == code {
			n++
		}
	}
	return n
}
