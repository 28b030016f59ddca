package source

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func FuzzDecode(f *testing.F) {
	f.Add([]byte(gbText))
	f.Add([]byte("\uFEFF各位代表：\r\n"))
	f.Add([]byte{0xFF, 0xFE, 0x04, 0x54, 0x0D, 0x00, 0x0A, 0x00})
	f.Add([]byte{0xFE, 0xFF, 0xD8, 0x40, 0xDC, 0x00})
	if b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(gbText)); err == nil {
		f.Add(b)
	}
	f.Add([]byte("Caf\xe9"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode("fuzz.txt", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.txt: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\r\x00") || strings.TrimSpace(s) == "" {
			t.Fatalf("bad output %q", s)
		}
	})
}

func FuzzReadText(f *testing.F) {
	for _, c := range textCases {
		f.Add([]byte(c.in))
	}
	f.Add(readSeed(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadText("fuzz.txt", data)
		if err != nil {
			return
		}
		text, _ := Decode("fuzz.txt", data)
		checkSource(t, s, strings.Count(text, "\n")+1)
	})
}

// checkSource checks what must hold for any input: valid UTF-8 out, and
// every line number within the input's lines.
func checkSource(t *testing.T, s *Source, lines int) {
	t.Helper()
	for _, f := range s.Findings {
		if f.Line < 1 || f.Line > lines || !utf8.ValidString(f.Message) {
			t.Fatalf("finding %+v outside lines 1-%d", f, lines)
		}
	}
	for _, p := range s.Paras {
		if !utf8.ValidString(p.Text) || p.Line < 1 || p.Line > lines {
			t.Fatalf("para line %d of %d: %q", p.Line, lines, p.Text)
		}
		if p.Text == "" && len(p.Rows) == 0 {
			t.Fatalf("empty para at line %d", p.Line)
		}
		for _, r := range p.Rows {
			for _, c := range r {
				if !utf8.ValidString(c) {
					t.Fatalf("cell %q", c)
				}
			}
		}
		prev := 0
		for _, b := range p.breaks {
			if b.off <= prev || b.off >= len(p.Text) || b.line <= p.Line || b.line > lines || !utf8.RuneStart(p.Text[b.off]) {
				t.Fatalf("break %+v in para at line %d (%d bytes)", b, p.Line, len(p.Text))
			}
			prev = b.off
		}
	}
	for k := range s.Meta {
		if !utf8.ValidString(k) || !utf8.ValidString(s.Meta[k]) {
			t.Fatalf("meta %q", k)
		}
	}
	if !utf8.ValidString(s.Title) || !utf8.ValidString(s.Date) {
		t.Fatalf("title %q, date %q", s.Title, s.Date)
	}
}
