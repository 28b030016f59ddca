package typo

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// How Normalize stays idempotent: every rule decides on the text as it will
// be after all rules have run ("final class"), not on the text as it is. The
// rules run in an order where each only looks at the results of earlier ones
// (OCR, then 〞, then 一一, then punctuation, then lone dashes, then spaces,
// then ％),
// and the punctuation rules, which look at each other, are solved to a fixed
// point. A second run therefore sees the same classes and decides the same.

// cls is the class of a character as the rules see it.
type cls uint8

const (
	clsNone    cls = iota // start or end of a line
	clsSpace              // a space the rules look past
	clsChinese            // a Chinese character or full-width punctuation
	clsDigit              // an ASCII digit
	clsLetter             // a letter of an alphabetic script
	clsOther              // anything else (ASCII punctuation, symbols, invalid bytes)
)

// classOf returns the class of r.
func classOf(r rune) cls {
	switch {
	case r == '\n' || r == '\r':
		return clsNone
	case isSpace(r):
		return clsSpace
	case isChinese(r):
		return clsChinese
	case isDigit(r):
		return clsDigit
	case isWordLetter(r):
		return clsLetter
	}
	return clsOther
}

// edit replaces s[start:end] with repl.
type edit struct {
	start, end int
	repl       string
	code       string
	cls        cls // class of what repl is, for the rules that run later
}

// planner decides all the edits of one Normalize call.
type planner struct {
	s     string
	ocr   []edit   // OCR digit, 〇 and 。 repairs, sorted
	quo   []edit   // 〞 made ”
	yiyi  []edit   // 一一 made ——
	toks  []token  // half-width punctuation, quotes, -- and ...
	late  []edit   // －－ and 。。。
	lone  []edit   // lone — and …
	space []edit   // spaces between figures and units
	pct   []edit   // ％ after a figure made %
	urls  [][2]int // byte ranges of URLs, left alone
	has   survey   // what the text holds that rules look for
}

// survey notes what a text holds of the characters and marks the rules
// look for.
type survey uint32

const (
	svNum        survey = 1 << iota // a byte of numStart: a digit or what may start a lookalike
	svZero                          // a byte of zeroStart
	svO                             // o
	svSpace                         // a space of spaceLen: " ", U+3000, U+00A0
	svToken                         // a byte of tokenByte
	svURL                           // : w W, which URLs (indexURL) hold
	svYiyi                          // 一一
	svHyphens                       // －－
	svPeriods                       // 。。
	svBar                           // ―
	svDash                          // —
	svEllipsis                      // …
	svCloseQuote                    // 〞
	svPercent                       // ％
	svLead                          // E2 E3 E4 EF or C2: the first byte of a mark above
)

// byteSurvey is what each byte tells alone.
var byteSurvey = makeByteSurvey()

func makeByteSurvey() (byteSurvey [256]survey) {
	for c := range 256 {
		if numStart[c] {
			byteSurvey[c] |= svNum
		}
		if zeroStart[c] {
			byteSurvey[c] |= svZero
		}
		if tokenByte[c] {
			byteSurvey[c] |= svToken
		}
	}
	byteSurvey['o'] |= svO
	byteSurvey[' '] |= svSpace
	for _, c := range []byte(":wW") {
		byteSurvey[c] |= svURL
	}
	for _, c := range []byte{0xC2, 0xE2, 0xE3, 0xE4, 0xEF} {
		byteSurvey[c] |= svLead
	}
	return byteSurvey
}

// surveyOf reads s once and returns what it holds. Marks of more than a
// byte start at a lead byte, and the bytes after a lead byte
// (continuation bytes, 80 to BF) mean nothing alone: a character's are
// passed over together.
func surveyOf(s string) survey {
	var has survey
	for i := 0; i < len(s); i++ {
		c := s[i]
		sv := byteSurvey[c]
		has |= sv
		if sv&svLead != 0 {
			has |= marksAt(s[i:])
		}
		switch {
		case c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 2
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i++
		}
	}
	return has
}

// marksAt returns the marks of more than a byte that s starts with.
func marksAt(s string) survey {
	switch s[0] {
	case 0xC2:
		if strings.HasPrefix(s, "\u00a0") {
			return svSpace
		}
	case 0xE2:
		switch {
		case strings.HasPrefix(s, "―"):
			return svBar
		case strings.HasPrefix(s, "—"):
			return svDash
		case strings.HasPrefix(s, "…"):
			return svEllipsis
		}
	case 0xE3:
		switch {
		case strings.HasPrefix(s, "\u3000"):
			return svSpace
		case strings.HasPrefix(s, "。。"):
			return svPeriods
		case strings.HasPrefix(s, "〞"):
			return svCloseQuote
		}
	case 0xE4:
		if strings.HasPrefix(s, "一一") {
			return svYiyi
		}
	case 0xEF:
		switch {
		case strings.HasPrefix(s, "－－"):
			return svHyphens
		case strings.HasPrefix(s, "％"):
			return svPercent
		}
	}
	return 0
}

func newPlanner(s string, has survey) *planner { return &planner{s: s, has: has} }

// plan runs the rules in dependency order and returns the edits as sorted
// lists, one per rule family, and their total count. A rule whose marks
// the text lacks (surveyOf) finds nothing and is passed over.
func (p *planner) plan() ([8][]edit, int) {
	if p.has&svURL != 0 {
		p.urls = findURLs(p.s)
	}
	p.planOCR()
	if p.has&svCloseQuote != 0 {
		p.planCloseQuote()
	}
	if p.has&svYiyi != 0 {
		p.planYiyi()
	}
	if p.has&svToken != 0 {
		p.planTokens()
	}
	p.resolveTokens()
	p.planLate()
	if p.has&svSpace != 0 {
		p.planSpaces()
	}
	if p.has&svPercent != 0 {
		p.planPercent()
	}
	lists := [8][]edit{p.ocr, p.quo, p.yiyi, p.tokenEdits(), p.late, p.lone, p.space, p.pct}
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	return lists, n
}

// nextEdit removes and returns the first edit of sorted lists.
func nextEdit(lists [][]edit) edit {
	best := -1
	for i, l := range lists {
		if len(l) > 0 && (best < 0 || l[0].start < lists[best][0].start) {
			best = i
		}
	}
	e := lists[best][0]
	lists[best] = lists[best][1:]
	return e
}

// mergeEdits merges sorted lists of edits into one sorted list.
func mergeEdits(lists ...[]edit) []edit {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	if n == 0 {
		return nil
	}
	out := make([]edit, 0, n)
	for range n {
		out = append(out, nextEdit(lists))
	}
	return out
}

// findEdit returns the edit of sorted edits that covers byte pos, or nil.
func findEdit(edits []edit, pos int) *edit {
	i := sort.Search(len(edits), func(i int) bool { return edits[i].end > pos })
	if i < len(edits) && edits[i].start <= pos {
		return &edits[i]
	}
	return nil
}

// runeAt and runeBefore decode around byte pos; -1 stands for no rune.
func (p *planner) runeAt(pos int) (rune, int) {
	if pos < 0 || pos >= len(p.s) {
		return -1, 0
	}
	return decodeAt(p.s, pos)
}

// decodeAt is utf8.DecodeRuneInString(s[i:]), inline for ASCII and for
// the three-byte characters of Chinese text (led by E1 to EF but ED, which
// take any continuation bytes).
func decodeAt(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

func (p *planner) runeBefore(pos int) (rune, int) {
	if pos <= 0 || pos > len(p.s) {
		return -1, 0
	}
	return utf8.DecodeLastRuneInString(p.s[:pos])
}

// finalAt returns the class the character at pos will have once the rules
// decided so far are applied.
func (p *planner) finalAt(pos int) cls {
	r, _ := p.runeAt(pos)
	if r < 0 {
		return clsNone
	}
	if r < 0x80 || isLookalike(r) {
		if e := findEdit(p.ocr, pos); e != nil {
			return e.cls
		}
		if t := p.tokAt(pos); t != nil && t.flag {
			return clsChinese
		}
	}
	return classOf(r)
}

// finalBefore is finalAt for the character that ends at pos.
func (p *planner) finalBefore(pos int) cls {
	_, n := p.runeBefore(pos)
	if n == 0 {
		return clsNone
	}
	return p.finalAt(pos - n)
}

// finalHan reports whether the character at pos is, or will be, a Chinese
// character: 一一 made —— is not, a letter made 〇 is.
func (p *planner) finalHan(pos int) bool {
	r, _ := p.runeAt(pos)
	switch {
	case r == '一':
		return findEdit(p.yiyi, pos) == nil
	case isLookalike(r):
		e := findEdit(p.ocr, pos)
		return e != nil && e.repl == "〇"
	}
	return r >= 0 && isHan(r)
}

// finalHanBefore is finalHan for the character that ends at pos.
func (p *planner) finalHanBefore(pos int) bool {
	_, n := p.runeBefore(pos)
	return n > 0 && p.finalHan(pos-n)
}
