package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/typo"
)

// How text and queries are folded before they are compared, character by
// character (one rune for one rune, so offsets in the folded text are
// offsets in the text as written):
//
//   - full-width forms (ＡＰＰ, ６２００, ％, ，) are their ASCII characters;
//   - Latin letters are lower case (APP, app);
//   - curly quotes are straight ones (“四下基层” and "四下基层");
//   - Traditional characters are Simplified, as the import's checks read
//     them (typo.Fold: 萬元, 畝, 報告);
//   - every kind of space, and punctuation that ends or wraps words
//     (，。、；：！？“”（）《》 and , ; ! ? " ( ) …), is a stop: no match
//     runs across it, and a query splits into words there ("村（社区）"
//     finds the paragraphs with both 村 and 社区). Marks that belong to
//     figures and codes (. % + - / : _ #) are characters like any other.

// stop is what every space and stop mark folds to.
const stop = ' '

// stops are the marks that separate words.
const (
	stops = ",;!?\"'()[]{}<>`|" + "，。、；：！？“”‘’「」『』（）《》〈〉【】〔〕〖〗…—―·・～〝〞„‟　\u0085\u200b\ufeff"
)

var (
	tradOnce sync.Once
	trad     []rune // Traditional → Simplified by rune − cjkStart, 0 where none; from typo.Fold
	tradList string // the same as pairs, for the browser
	stopSet  = map[rune]bool{}
)

const cjkStart, cjkEnd = 0x4E00, 0xA000

func init() {
	for _, r := range stops {
		stopSet[r] = true
	}
}

// tradTable builds the Traditional → Simplified table from typo.Fold, so
// that search always folds what the import folds.
func tradTable() {
	trad = make([]rune, cjkEnd-cjkStart)
	var b strings.Builder
	for r := rune(cjkStart); r < cjkEnd; r++ {
		f, ok := typo.Fold(string(r))
		if !ok {
			continue
		}
		to, _ := utf8.DecodeRuneInString(f)
		trad[r-cjkStart] = to
		b.WriteRune(r)
		b.WriteRune(to)
	}
	tradList = b.String()
}

// foldRune returns the character r is searched as.
func foldRune(r rune) rune {
	switch {
	case r < 0x80:
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		if r <= ' ' || stopSet[r] {
			return stop
		}
		return r
	case r >= cjkStart && r < cjkEnd:
		tradOnce.Do(tradTable)
		if s := trad[r-cjkStart]; s != 0 {
			return s
		}
		return r
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		return foldRune(r - 0xFEE0)
	case stopSet[r] || unicode.IsSpace(r):
		return stop
	}
	return r
}

// Fold returns s as search compares it: the same number of runes, each
// folded (see above).
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// Words splits a query into the words it searches for: folded, split at
// spaces, without repeats, in the order typed.
func Words(q string) []string {
	var out []string
	for _, w := range strings.Split(Fold(q), string(stop)) {
		if w != "" && !contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
