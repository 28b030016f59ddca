package source

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// buildParas turns the remaining lines into Paras: a line joins the
// previous one after a page marker, when it starts with closing punctuation,
// or when the document is hard-wrapped and the join rules allow it. A line
// holding several paragraphs separated by a space after a sentence end is
// split. Every join records where the source line began (Para.breaks).
func (r *reader) buildParas() {
	w := r.wrapMode()
	var b paraBuilder
	var prev *line
	// Since prev: a blank line, and a removed wrapper. Blank lines break
	// paragraphs in wrapped text, except around a page number.
	blank, dropped := false, false
	for i := range r.lines {
		l := &r.lines[i]
		switch {
		case l.table != nil:
			b.flush(&r.src.Paras)
			r.src.Paras = append(r.src.Paras, *l.table)
			prev = nil
			continue
		case l.drop:
			dropped = true
			continue
		case l.text == "":
			blank = true
			continue
		}
		pieces := splitParagraphs(l.text)
		if len(pieces) >= flatPieces && !r.flat {
			r.flat = true
			r.find(l.n, report.Warning, "breaks", "%d paragraphs ran together on one line, separated by spaces: rebuilt the breaks at sentence ends and numbering; check them", len(pieces))
		}
		for k := range pieces {
			if !l.front {
				pieces[k] = r.closeWordSpaces(l.n, pieces[k])
			}
		}
		cont, sep := continues(prev, l, w, blank && !dropped && !w.double)
		cont = cont && !l.notice && !prev.notice
		for k, p := range pieces {
			if k == 0 && cont {
				b.add(l.n, p, sep)
			} else {
				b.flush(&r.src.Paras)
				b.start(l.n, p)
				b.p.Notice = l.notice
			}
		}
		prev, blank, dropped = l, false, false
	}
	b.flush(&r.src.Paras)
}

// flatPieces is how many paragraphs one line must hold to be text that lost
// its breaks (one paragraph after a heading or the salutation is common).
const flatPieces = 3

// continues decides whether line l continues the previous line's paragraph,
// and with what separator.
func continues(prev, l *line, w wrapMode, blank bool) (bool, string) {
	switch {
	case prev == nil:
		return false, ""
	case l.join || startsClosing(l.text) || prev.text == "（" || prev.text == "(":
		return true, "" // a bracket alone ends the line before what it opens: （ / 三）…
	case !blank && w.joins(prev, l):
		return true, wordSep(prev.text, l.text)
	}
	return false, ""
}

// wordSep keeps a space between Latin words a wrap separated; Chinese needs
// none.
func wordSep(a, b string) string {
	x, _ := utf8.DecodeLastRuneInString(a)
	y, _ := utf8.DecodeRuneInString(b)
	if x < utf8.RuneSelf && y < utf8.RuneSelf && unicode.IsLetter(x) && unicode.IsLetter(y) {
		return " "
	}
	return ""
}

// paraBuilder accumulates one paragraph from its lines, joining them once
// at the end so that a 20 MB paragraph costs one 20 MB allocation.
type paraBuilder struct {
	parts []string
	size  int
	p     Para
	last  int // source line of the text written last
}

func (pb *paraBuilder) start(n int, s string) {
	pb.parts, pb.size = append(pb.parts[:0], s), len(s)
	pb.p = Para{Line: n}
	pb.last = n
}

func (pb *paraBuilder) add(n int, s, sep string) {
	switch {
	case s == "":
		return
	case pb.size == 0:
		pb.p.Line, pb.last = n, n
	case n != pb.last:
		pb.p.breaks = append(pb.p.breaks, lineBreak{off: pb.size + len(sep), line: n})
		pb.last = n
	}
	if pb.size > 0 && sep != "" {
		pb.parts, pb.size = append(pb.parts, sep), pb.size+len(sep)
	}
	pb.parts, pb.size = append(pb.parts, s), pb.size+len(s)
}

func (pb *paraBuilder) flush(out *[]Para) {
	if pb.size > 0 {
		pb.p.Text = strings.Join(pb.parts, "")
		*out = append(*out, pb.p)
	}
	pb.parts, pb.size = pb.parts[:0], 0
}

// wrapMode is the per-document decision whether lines are hard-wrapped.
type wrapMode struct {
	on      bool
	tokens  bool // one token per line: line width says nothing
	width   int  // typical full line width, in half-width columns
	indents bool // some lines indented, some not: an indent starts a paragraph
	double  bool // a blank line after nearly every line: blanks mean nothing
}

// lineStats are what wrapMode decides from.
type lineStats struct {
	widths                    []int
	noEnd                     int // lines not ending a sentence
	indented, flat, flatAfter int // flatAfter: flat lines after a line not ending a sentence
	pairs, gaps               int // adjacent lines, and those with a blank line between
}

func (r *reader) lineStats() lineStats {
	var st lineStats
	var prev *line
	blank := false
	for i := range r.lines {
		l := &r.lines[i]
		switch {
		case l.drop:
			continue
		case l.text == "":
			blank = prev != nil
			continue
		case l.keep:
			prev, blank = nil, false
			continue
		}
		st.widths = append(st.widths, width(l.text))
		if !endsSentence(l.text) {
			st.noEnd++
		}
		if prev != nil {
			st.pairs++
			if blank {
				st.gaps++
			}
			if l.indent {
				st.indented++
			} else if st.flat++; !endsSentence(prev.text) {
				st.flatAfter++
			}
		}
		prev, blank = l, false
	}
	return st
}

// wrapMode decides whether the document was hard-wrapped (PDF extraction):
// a token per line (median line ≤ 6 characters); or most lines stop without
// sentence-final punctuation and run to a similar, short, width; or
// paragraphs start indented and the unindented lines continue a sentence.
// Text that keeps its breaks has long lines ending in 。.
func (r *reader) wrapMode() wrapMode {
	st := r.lineStats()
	ws, n := st.widths, len(st.widths)
	if n < 3 {
		return wrapMode{}
	}
	sort.Ints(ws)
	w := wrapMode{
		width:   ws[n*9/10],
		indents: st.indented > 0 && st.flat > 0,
		double:  st.pairs > 0 && st.gaps*5 >= st.pairs*4,
	}
	full := n - sort.SearchInts(ws, w.width*4/5)
	switch {
	case n >= 5 && ws[n/2] <= 12: // six Chinese characters
		w.on, w.tokens = true, true
	case w.width <= 200 && 2*st.noEnd >= n && 2*full >= n:
		w.on = true
	case st.indented >= 2 && st.flat >= 2 && 3*st.flatAfter >= 2*st.flat:
		w.on = true
	}
	return w
}

// joins reports whether line l continues prev in a hard-wrapped document:
// not after a sentence end, not before a numbered block or an indented
// line, not after a short line (a paragraph's last line, or a heading).
func (w wrapMode) joins(prev, l *line) bool {
	switch {
	case !w.on || prev.keep || l.keep:
		return false
	case endsSentence(prev.text) || startsBlock(l.text) || w.indents && l.indent:
		return false
	case !w.tokens && width(prev.text)*5 < w.width*3:
		return false
	}
	return true
}

// width is a line's width in half-width columns: 1 for ASCII, 2 for
// anything else (CJK is full width). It counts bytes, not runes, for speed.
func width(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			n++
		case c >= 0xC0: // a multi-byte character's first byte
			n += 2
		}
	}
	return n
}

// isSentenceEnd reports punctuation that ends a sentence.
func isSentenceEnd(r rune) bool { return strings.ContainsRune("。！？…!?", r) }

// endsSentence reports whether s ends a sentence or a lead-in (：), possibly
// followed by a closing quote or bracket.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune("”’」』）)》", r) })
	r, _ := utf8.DecodeLastRuneInString(s)
	return isSentenceEnd(r) || r == '：'
}

// startsClosing reports a line that starts with punctuation closing the
// previous line's text (。，；：、）」”): it can never start a paragraph.
func startsClosing(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("。，；：、）」』”’！？》】,;", r)
}

// blockRe matches the numbering that starts a new block: 一、 （一） (一) 一是
// 1、 1. 1． （1） —— 第一，.
var blockRe = regexp.MustCompile(`^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+(?:[、.．]|是)|\d{1,2}(?:[、．]|\.(?:\D|$))|[（(]\d{1,2}[）)]|——|第[一二三四五六七八九十]+[，、,是])`)

func startsBlock(s string) bool { return blockRe.MatchString(s) }

// splitParagraphs splits s where a run of spaces follows a sentence end
// (。！？…”) and a paragraph's first character follows: paragraphs that
// lost their breaks but kept the indent. A numbered heading or the
// salutation followed by a space is split from the text after it.
func splitParagraphs(s string) []string {
	if !hasHSpace(s) {
		return []string{s}
	}
	var out []string
	for _, p := range splitSentences(s) {
		out = append(out, splitHeads(p)...)
	}
	return out
}

// headingRe matches the numbering of headings: 一、 （一） (一) 1、 1. （1）.
var headingRe = regexp.MustCompile(`^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．]|\d{1,2}(?:[、．]|\.(?:\D|$))|[（(]\d{1,2}[）)])`)

// splitHeads splits a heading from the text run on after a space:
// 一、2023年工作回顾 2023年，… or （一）产业发展提质增效 全年…, and the
// salutation 各位代表： 现在，….
func splitHeads(s string) []string {
	var out []string
	for {
		k := headEnd(s)
		if k < 0 {
			return append(out, s)
		}
		out = append(out, s[:k])
		s = strings.TrimLeftFunc(s[k:], isHSpace)
	}
}

// headEnd returns where the heading or salutation at the start of s ends,
// if a space and more text follow it, or -1.
func headEnd(s string) int {
	var k int
	switch m := headingRe.FindStringIndex(s); {
	case isSalutation(s):
		k = strings.Index(s, "：") + len("：")
		if sp, _ := utf8.DecodeRuneInString(s[min(k, len(s)):]); k < len("：") || !isHSpace(sp) {
			return -1
		}
	case m != nil:
		sp := strings.IndexFunc(s[m[1]:], isHSpace)
		if sp < 0 {
			return -1
		}
		k = m[1] + sp
		// A heading ends in a Han character: 一、2023 年 is a number
		// with a space, not a heading.
		head := s[m[1]:k]
		if last, _ := lastRune(head); runes(head) < 2 || !isHan(last) || strings.ContainsAny(head, "，。；：！？,;") {
			return -1
		}
	default:
		return -1
	}
	rest := strings.TrimLeftFunc(s[k:], isHSpace)
	next, _ := utf8.DecodeRuneInString(rest)
	if rest == "" || !startsParagraph(next) && !unicode.IsDigit(next) {
		return -1
	}
	return k
}

// splitSentences splits s at spaces after a sentence end (see
// splitParagraphs).
func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isHSpace(r) || i == start {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			q, n := utf8.DecodeRuneInString(s[j:])
			if !isHSpace(q) {
				break
			}
			j += n
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		if (isSentenceEnd(before) || before == '”') && startsParagraph(after) {
			out = append(out, s[start:i])
			start = j
		}
		i = j
	}
	return append(out, s[start:])
}

// startsParagraph reports a character a paragraph may start with.
func startsParagraph(r rune) bool {
	return unicode.Is(unicode.Han, r) || strings.ContainsRune("（“《【—", r)
}

// closeWordSpaces removes a single space between two Han characters inside
// a sentence (习 近平, 二 十大), reporting each. Spaces that may mean
// something are left: before numbering (…完成 一是), and between the short
// words of a list of names (张三 李四 王五). (A space after a numbered
// heading was a paragraph break: splitParagraphs took it.)
func (r *reader) closeWordSpaces(n int, s string) string {
	if !hasHSpace(s) {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		sp, size := utf8.DecodeRuneInString(s[i:])
		if isHSpace(sp) && wordSpace(s, i, i+size) {
			b.WriteString(s[last:i])
			context := lastN(hanRun(s, i, -1), 6) + string(sp) + firstN(hanRun(s, i+size, 1), 6)
			r.find(n, report.Info, "space", "removed a space inside a word: %s", quote(context))
			last = i + size
		}
		i += size
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// wordSpace reports whether the space s[i:j] sits inside a word. It does
// not between the short words of a list (张三 李四), nor between the two
// halves of a quoted name or slogan (“赤水河谷 中国酱香”): words of two
// characters or more that fill the quotation marks.
func wordSpace(s string, i, j int) bool {
	x, _ := utf8.DecodeLastRuneInString(s[:i])
	y, _ := utf8.DecodeRuneInString(s[j:])
	if !isHan(x) || !isHan(y) || startsBlock(s[j:]) {
		return false
	}
	left, right := hanRun(s, i, -1), hanRun(s, j, 1)
	before, _ := utf8.DecodeLastRuneInString(s[:i-len(left)])
	after, _ := utf8.DecodeRuneInString(s[j+len(right):])
	if quoted := strings.ContainsRune("“‘「『《", before) && strings.ContainsRune("”’」』》", after); quoted && runes(left) >= 2 && runes(right) >= 2 {
		return false
	}
	listy := isHSpace(before) || isHSpace(after)
	return !listy || runes(left) > 4 || runes(right) > 4
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// firstN returns the first n characters of s.
func firstN(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// lastN returns the last n characters of s.
func lastN(s string, n int) string {
	i := len(s)
	for ; i > 0 && n > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// hanRun returns the run of Han characters ending at i (dir -1) or
// starting at i (dir 1).
func hanRun(s string, i, dir int) string {
	j := i
	if dir < 0 {
		for j > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:j])
			if !isHan(r) {
				break
			}
			j -= size
		}
		return s[j:i]
	}
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isHan(r) {
			break
		}
		j += size
	}
	return s[i:j]
}
