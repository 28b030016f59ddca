package typo

import (
	"sort"
	"strings"
)

// Half-width punctuation (GB/T 15834 §4): , : ; ! ? ( ) " ' become full-width
// when Chinese text is next to them, looking past spaces and past other
// half-width punctuation. Parentheses and quotes go by pairs within a line: a
// pair converts when there is a Chinese character inside it or Chinese
// context at any of its four sides; a straight quote paired with a curly one
// always converts. Left alone: anything inside a URL, , : ; ! ? with a digit
// on both sides (1,200 10:30 2、3,4), a run of ? with a Chinese character on
// both sides (a lost ·, reported by Check), apostrophes (Xi'an, don't) and
// parentheses right after a letter or digit with no Chinese inside (f(x)),
// and pinyin in parentheses right after a Chinese character (镇(zhèn)).
// -- (exactly two) with Chinese on both sides becomes ——, and ... or ......
// with Chinese on one side and no letter or digit on either becomes …….

// tkind is what a token is.
type tkind uint8

const (
	tkBlocked tkind = iota // stays as it is; scans stop at it
	tkPunct                // , : ; ! ?
	tkParen                // ( )
	tkDQ                   // "
	tkSQ                   // '
	tkHyph                 // --
	tkDots                 // ... or ......
)

// token is one half-width punctuation mark (or -- / ...) that may convert.
type token struct {
	start, end int
	mate       int32 // index of the paired token, -1 if none
	han        int32 // Han characters before start, to tell if a pair holds any
	kind       tkind
	open       bool // opens a pair (paren or quote)
	always     bool // paired with a curly quote: converts regardless
	flag       bool // will convert

	// Context, fixed before solving: the nearest non-space thing on each
	// side is the neighbouring token (adj) or a character that is or is
	// not Chinese (ch). imm* is the same without looking past spaces.
	adjL, adjR, chL, chR bool
	immTokL, immTokR     bool
	immChL, immChR       bool
	alnumL, alnumR       bool
	seenL, seenR         bool // per-iteration scan results
}

func (t *token) skippable() bool { return t.kind >= tkPunct && t.kind <= tkSQ }

// tokAt returns the token starting at or covering pos, or nil.
func (p *planner) tokAt(pos int) *token {
	i := sort.Search(len(p.toks), func(i int) bool { return p.toks[i].end > pos })
	if i < len(p.toks) && p.toks[i].start <= pos {
		return &p.toks[i]
	}
	return nil
}

// quoteState pairs quotes within a line; opener is a token index or -1 for
// a curly opening quote.
type quoteState struct {
	open   bool
	opener int32
}

// tokenScan is the state of planTokens: pairing within the current line,
// and the count of Han characters so far.
type tokenScan struct {
	parens []int32
	dq, sq quoteState
	han    int32
}

// planTokens collects the tokens of s and pairs them.
func (p *planner) planTokens() {
	s := p.s
	n := countTokenBytes(s)
	if n == 0 {
		return
	}
	p.toks = make([]token, 0, n)
	var st tokenScan
	ui := 0
	for i := 0; i < len(s); {
		for ui < len(p.urls) && p.urls[ui][1] <= i {
			ui++
		}
		if ui < len(p.urls) && p.urls[ui][0] <= i {
			i = p.urls[ui][1] // URLs are left alone
			continue
		}
		i += p.scanRune(&st, i)
	}
	p.fixContext()
}

// scanRune adds the token, if any, at byte i and returns how far to move.
func (p *planner) scanRune(st *tokenScan, i int) int {
	r, n := decodeAt(p.s, i)
	switch r {
	case '\n', '\r':
		*st = tokenScan{parens: st.parens[:0], han: st.han}
	case ',', ':', ';', '!':
		p.addPunct(i, st.han)
	case '?':
		n = p.addQuestions(i, st.han)
	case '(', ')':
		p.addParen(st, i, r == '(')
	case '"':
		p.addQuote(&st.dq, i, tkDQ, st.han)
	case '\'':
		if !p.isApostrophe(i) {
			p.addQuote(&st.sq, i, tkSQ, st.han)
		}
	case '-', '.':
		n = p.addRun(i, byte(r), st.han)
	case '“':
		curlyOpen(&st.dq)
	case '‘':
		curlyOpen(&st.sq)
	case '”':
		p.curlyClose(&st.dq)
	case '’':
		p.curlyClose(&st.sq)
	case '〞':
		if findEdit(p.quo, i) != nil {
			p.curlyClose(&st.dq) // it will be ”
		}
	default:
		if isHan(r) && (r != '一' || p.finalHan(i)) {
			st.han++
		}
	}
	return n
}

// tokenByte marks the bytes that may be tokens.
var tokenByte = byteSet(",:;!?()\"'-.")

// byteSet marks the bytes of chars.
func byteSet(chars string) (set [256]bool) {
	for _, c := range []byte(chars) {
		set[c] = true
	}
	return set
}

// countTokenBytes bounds the number of tokens in s.
func countTokenBytes(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if tokenByte[s[i]] {
			n++
		}
	}
	return n
}

func (p *planner) add(t token) int32 {
	t.mate = -1
	p.toks = append(p.toks, t)
	return int32(len(p.toks) - 1)
}

// addPunct adds , : ; ! at i unless digits stand on both sides.
func (p *planner) addPunct(i int, han int32) {
	if p.finalBefore(i) == clsDigit && p.finalAt(i+1) == clsDigit {
		return
	}
	p.add(token{start: i, end: i + 1, kind: tkPunct, han: han})
}

// addQuestions adds a run of ? unless it stands between two Chinese
// characters, where it is most likely a lost character or ·. It returns the
// run's length.
func (p *planner) addQuestions(i int, han int32) int {
	j := i
	for j < len(p.s) && p.s[j] == '?' {
		j++
	}
	if p.finalHanBefore(i) && p.finalHan(j) {
		return j - i
	}
	for k := i; k < j; k++ {
		p.addPunct(k, han)
	}
	return j - i
}

// addParen adds a parenthesis and pairs it with an open one on the line.
func (p *planner) addParen(st *tokenScan, i int, open bool) {
	k := p.add(token{start: i, end: i + 1, kind: tkParen, open: open, han: st.han})
	if open {
		st.parens = append(st.parens, k)
		return
	}
	if len(st.parens) == 0 {
		return
	}
	o := st.parens[len(st.parens)-1]
	st.parens = st.parens[:len(st.parens)-1]
	p.toks[o].mate, p.toks[k].mate = k, o
	prev, _ := p.runeBefore(p.toks[o].start)
	if p.toks[k].han != p.toks[o].han {
		return
	}
	if isDigit(prev) || isWordLetter(prev) || // f(x)
		p.finalHanBefore(p.toks[o].start) && isPinyin(p.s[p.toks[o].end:p.toks[k].start]) { // 镇(zhèn), see Check
		p.toks[o].kind, p.toks[k].kind = tkBlocked, tkBlocked
	}
}

// addQuote adds a straight quote and pairs it by alternation, counting
// curly quotes on the line.
func (p *planner) addQuote(q *quoteState, i int, kind tkind, han int32) {
	k := p.add(token{start: i, end: i + 1, kind: kind, han: han})
	if !q.open {
		p.toks[k].open = true
		q.open, q.opener = true, k
		return
	}
	if q.opener < 0 {
		p.toks[k].always = true
	} else {
		p.toks[q.opener].mate, p.toks[k].mate = k, q.opener
	}
	q.open = false
}

func curlyOpen(q *quoteState) { q.open, q.opener = true, -1 }

func (p *planner) curlyClose(q *quoteState) {
	if q.open && q.opener >= 0 {
		p.toks[q.opener].always = true
	}
	q.open = false
}

// isApostrophe reports whether the ' at i stands inside a word (Xi'an).
func (p *planner) isApostrophe(i int) bool {
	prev, _ := p.runeBefore(i)
	next, _ := p.runeAt(i + 1)
	word := func(r rune) bool { return isDigit(r) || isWordLetter(r) }
	return word(prev) && word(next)
}

// addRun adds -- or ... / ...... starting at i and returns the run length.
func (p *planner) addRun(i int, c byte, han int32) int {
	j := i
	for j < len(p.s) && p.s[j] == c {
		j++
	}
	switch n := j - i; {
	case c == '-' && n == 2:
		p.add(token{start: i, end: j, kind: tkHyph, han: han})
	case c == '.' && (n == 3 || n == 6):
		p.add(token{start: i, end: j, kind: tkDots, han: han})
	}
	return j - i
}

// fixContext records each token's neighbours, which do not change while
// the tokens are solved.
func (p *planner) fixContext() {
	for i := range p.toks {
		t := &p.toks[i]
		t.immTokL = i > 0 && p.toks[i-1].end == t.start
		t.immTokR = i+1 < len(p.toks) && p.toks[i+1].start == t.end
		l, _ := p.runeBefore(t.start)
		r, _ := p.runeAt(t.end)
		t.immChL, t.immChR = l >= 0 && isChinese(l), r >= 0 && isChinese(r)
		t.alnumL = l >= 0 && l < 0x80 && (isDigit(l) || isASCIILetter(l))
		t.alnumR = r >= 0 && r < 0x80 && (isDigit(r) || isASCIILetter(r))
		pos := p.skipSpacesLeft(t.start)
		t.adjL = i > 0 && p.toks[i-1].end == pos
		if !t.adjL {
			c, _ := p.runeBefore(pos)
			t.chL = c >= 0 && isChinese(c)
		}
		pos = p.skipSpacesRight(t.end)
		t.adjR = i+1 < len(p.toks) && p.toks[i+1].start == pos
		if !t.adjR {
			c, _ := p.runeAt(pos)
			t.chR = c >= 0 && isChinese(c)
		}
	}
}

func (p *planner) skipSpacesLeft(pos int) int {
	for {
		r, n := p.runeBefore(pos)
		if n == 0 || !isSpace(r) {
			return pos
		}
		pos -= n
	}
}

func (p *planner) skipSpacesRight(pos int) int {
	for {
		r, n := p.runeAt(pos)
		if n == 0 || !isSpace(r) {
			return pos
		}
		pos += n
	}
}

// resolveTokens solves the tokens to the least fixed point: a token
// converts when its context, with converted tokens counted as Chinese and
// the others looked past, calls for it. Converting only ever adds Chinese
// context, so the loop ends; at the fixed point a second Normalize sees
// exactly the same context and converts nothing more.
func (p *planner) resolveTokens() {
	for changed := len(p.toks) > 0; changed; {
		p.scanContext()
		changed = false
		for i := range p.toks {
			t := &p.toks[i]
			if t.flag || t.kind == tkBlocked || !p.decide(i) {
				continue
			}
			t.flag = true
			if t.mate >= 0 {
				p.toks[t.mate].flag = true
			}
			changed = true
		}
	}
}

// scanContext computes for every token whether Chinese context lies on its
// left (seenL) and right (seenR), looking past spaces and past unconverted
// skippable tokens, in one sweep each way.
func (p *planner) scanContext() {
	for i := range p.toks {
		t := &p.toks[i]
		t.seenL = t.chL
		if t.adjL {
			prev := &p.toks[i-1]
			t.seenL = prev.flag || (prev.skippable() && prev.seenL)
		}
	}
	for i := len(p.toks) - 1; i >= 0; i-- {
		t := &p.toks[i]
		t.seenR = t.chR
		if t.adjR {
			next := &p.toks[i+1]
			t.seenR = next.flag || (next.skippable() && next.seenR)
		}
	}
}

// decide says whether token i converts given the current flags.
func (p *planner) decide(i int) bool {
	t := &p.toks[i]
	switch t.kind {
	case tkHyph:
		return p.immChinese(i, true) && p.immChinese(i, false)
	case tkDots:
		return (p.immChinese(i, true) || p.immChinese(i, false)) && !t.alnumL && !t.alnumR
	}
	if t.always || t.seenL || t.seenR {
		return true
	}
	if t.mate < 0 || t.kind == tkPunct {
		return false
	}
	o, c := &p.toks[i], &p.toks[t.mate]
	if !o.open {
		o, c = c, o
	}
	return c.han > o.han || c.seenL || c.seenR || o.seenL || o.seenR
}

// immChinese reports whether the character directly left (or right) of
// token i is, or will be, Chinese.
func (p *planner) immChinese(i int, left bool) bool {
	t := &p.toks[i]
	if left {
		if t.immTokL {
			return p.toks[i-1].flag
		}
		return t.immChL
	}
	if t.immTokR {
		return p.toks[i+1].flag
	}
	return t.immChR
}

// fullWidth maps each half-width mark to its full-width form.
var fullWidth = map[byte]string{',': "，", ':': "：", ';': "；", '!': "！", '?': "？"}

// tokenEdits returns the edits of the converted tokens.
func (p *planner) tokenEdits() []edit {
	n := 0
	for i := range p.toks {
		if p.toks[i].flag {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]edit, 0, n)
	for i := range p.toks {
		t := &p.toks[i]
		if !t.flag {
			continue
		}
		e := edit{start: t.start, end: t.end, code: CodePunct, cls: clsChinese}
		switch t.kind {
		case tkPunct:
			e.repl = fullWidth[p.s[t.start]]
		case tkParen:
			e.repl = pick(t.open, "（", "）")
		case tkDQ:
			e.repl = pick(t.open, "“", "”")
		case tkSQ:
			e.repl = pick(t.open, "‘", "’")
		case tkHyph:
			e.repl, e.code = "——", CodeDash
		case tkDots:
			e.repl, e.code = "……", CodeDash
		}
		out = append(out, e)
	}
	return out
}

func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

// findURLs returns the byte ranges of URLs (scheme:// or www.) in s, without
// trailing punctuation.
func findURLs(s string) [][2]int {
	var out [][2]int
	for off := 0; off < len(s); {
		k := indexURL(s[off:])
		if k < 0 {
			break
		}
		start := off + k
		for strings.HasPrefix(s[off+k:], "://") && start > 0 && isASCIILetter(rune(s[start-1])) {
			start-- // the scheme
		}
		end := start
		for end < len(s) && isURLByte(s[end]) {
			end++
		}
		end = trimURL(s, start, end)
		if len(out) > 0 && start < out[len(out)-1][1] {
			start = out[len(out)-1][1]
		}
		if end > start {
			out = append(out, [2]int{start, end})
		}
		off = max(end, off+k+1)
	}
	return out
}

// trimURL drops trailing punctuation from the URL s[start:end]: . , : ; !
// ? ' (, and ) unless it closes a ( of the URL.
func trimURL(s string, start, end int) int {
	for end > start {
		c := s[end-1]
		if c == ')' && strings.Count(s[start:end], "(") >= strings.Count(s[start:end], ")") {
			break
		}
		if strings.IndexByte(".,:;!?'()", c) < 0 {
			break
		}
		end--
	}
	return end
}

// inURL reports whether byte pos is inside a URL.
func (p *planner) inURL(pos int) bool {
	i := sort.Search(len(p.urls), func(i int) bool { return p.urls[i][1] > pos })
	return i < len(p.urls) && p.urls[i][0] <= pos
}

// indexURL returns the index of the next "://" (at its scheme) or "www.".
func indexURL(s string) int {
	a := strings.Index(s, "://")
	b := strings.Index(s, "www.")
	if c := strings.Index(s, "WWW."); c >= 0 && (b < 0 || c < b) {
		b = c
	}
	switch {
	case a < 0:
		return b
	case b < 0 || a < b:
		return a
	}
	return b
}

func isURLByte(c byte) bool {
	return c < 0x80 && (isASCIILetter(rune(c)) || isDigit(rune(c)) || strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", c) >= 0)
}
