package indicator

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/typo"
)

// TestFoldKeepsEnds: folding a character gives one of the CJK block, as
// wide, so that the ends and the keys of a text can be read before it is
// folded (load).
func TestFoldKeepsEnds(t *testing.T) {
	n := 0
	for r := rune(0); r <= utf8.MaxRune; r++ {
		f, folds := typo.FoldRune(r)
		if !folds {
			if f != r {
				t.Fatalf("FoldRune(%q) = %q, false", r, f)
			}
			continue
		}
		n++
		if r < 0x4000 || r >= cjkEnd || f < cjkStart || f >= cjkEnd || ending(f) != 0 {
			t.Errorf("%q folds to %q: not both in the CJK block", r, f)
		}
	}
	if n < 100 {
		t.Errorf("only %d characters fold", n)
	}
}

// TestBitmaps: the bitmaps over the CJK block mark what keyOf and
// isCnDigit say, and the notes' brackets are isNoteRune's.
func TestBitmaps(t *testing.T) {
	for r := rune(0x3000); r < 0xA000; r++ {
		if got, want := inBits(&keyBits, r), keyOf(r) != 0; got != want {
			t.Errorf("keyBits(%q) = %v", r, got)
		}
		if got, want := inBits(&cnDigitBits, r), isCnDigit(r) && r >= cjkStart; got != want {
			t.Errorf("cnDigitBits(%q) = %v", r, got)
		}
	}
	for open := range noteOpen {
		if !isNoteRune(open) {
			t.Errorf("isNoteRune(%q) = false", open)
		}
	}
	set := newRuneSet("力争")
	for s, want := range map[string]bool{"力争": true, "争": true, "努力": true, "确保": false, "": false, "\xe5\x8a": false} {
		if got := set.in(s); got != want {
			t.Errorf("in(%q) = %v", s, got)
		}
	}
}

// TestLastIndexDecodeAt: lastIndex is strings.LastIndex, and decodeAt is
// utf8.DecodeRuneInString, on texts valid and not.
func TestLastIndexDecodeAt(t *testing.T) {
	subs := []string{"", "、", "连续", "“", "a", "\xe3", "\x80"}
	texts := []string{"", "、", "连续3年、连续", "“3个100万”", "a、\xe3\x80、b", "\xe3\x80", "连", "ab\xed\xa0\x80\xef\xbc\x8c"}
	for _, s := range texts {
		for _, sub := range subs {
			if got, want := lastIndex(s, sub), strings.LastIndex(s, sub); got != want {
				t.Errorf("lastIndex(%q, %q) = %d, want %d", s, sub, got, want)
			}
		}
		for i := range len(s) {
			gr, gn := decodeAt(s, i)
			if wr, wn := utf8.DecodeRuneInString(s[i:]); gr != wr || gn != wn {
				t.Errorf("decodeAt(%q, %d) = %q %d, want %q %d", s, i, gr, gn, wr, wn)
			}
		}
	}
	for c := range 256 {
		for _, s := range []string{string([]byte{byte(c), 0x80, 0x80}), string([]byte{byte(c), 0xBF, 0xBF}), string([]byte{byte(c), 0x9F, 0xBF}), string([]byte{byte(c), 0xA0, 0x80, 0x80}), string([]byte{byte(c), 0x80})} {
			gr, gn := decodeAt(s, 0)
			if wr, wn := utf8.DecodeRuneInString(s); gr != wr || gn != wn {
				t.Errorf("decodeAt(%q) = %q %d, want %q %d", s, gr, gn, wr, wn)
			}
		}
	}
}

// TestMarkersHaveKeys: every word looked for only in clauses holding its
// first character has a key for it, so that no clause holding it is
// passed over.
func TestMarkersHaveKeys(t *testing.T) {
	for _, m := range append(append([]string{"将", "计划", estimateMarker}, targetMarkers...), pastInReview...) {
		if firstKey(m) == 0 || targetKeys&firstKey(m) == 0 && m != estimateMarker {
			t.Errorf("%s: no key among targetKeys", m)
		}
	}
	for _, w := range []string{respectively, "由", "从", "五"} {
		if firstKey(w) == 0 {
			t.Errorf("%s: no key", w)
		}
	}
}
