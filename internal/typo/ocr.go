package typo

import (
	"strings"
	"unicode/utf8"
)

// OCR repairs, made only where the reading is certain:
//
//   - 〇 in a Chinese year: a four-character run of Chinese numerals starting
//     with 一 or 二, followed by 年, where one or two characters are O, o, Ο
//     (Greek) or О (Cyrillic): 二Ο三五年 → 二〇三五年.
//   - 。 for o: a lowercase o between a Chinese character and a digit or a
//     Chinese character (元/月o2023年 → 元/月。2023年), unless both are
//     numerals that a year is written with (二o二三: 〇 or 。?).
//   - digits for I, l, O, o, Ο, О inside a number: a run of digits and
//     lookalikes (a single . allowed between them) that is not part of a
//     Latin word, holds at least two characters and one lookalike, does not
//     start with a 0-lookalike (numbers do not start with 0: O2O), has a real
//     digit or both an I/l and an O (so Roman II, III stay), and either is
//     followed by a unit (多万元, 亩, %, 年…; spaces allowed) or starts and
//     ends with a real digit with more real digits than lookalikes (2O23).
//     IlOO多万元 → 1100多万元, 1O0亩 → 100亩; APP, IOS, LED, O2O, H2O stay.
func (p *planner) planOCR() {
	var periods, years, digits []edit
	if p.has&svO != 0 {
		periods = p.planPeriods()
	}
	if p.has&svZero != 0 {
		years = p.planYears(periods)
	}
	claimed := mergeEdits(years, periods)
	if p.has&svNum != 0 {
		digits = p.planDigits(claimed)
	}
	p.ocr = mergeEdits(claimed, digits)
}

// isYearChar reports whether r may be part of a year in Chinese numerals.
func isYearChar(r rune) bool { return isZeroLike(r) || isYearNumeral(r) }

// isYearNumeral reports whether r is a numeral years are written with.
func isYearNumeral(r rune) bool { return strings.ContainsRune("〇零一二三四五六七八九", r) }

// planYears finds 〇 written as a letter in Chinese years. It starts from
// each lookalike of 0 and looks at the run of year characters around it.
func (p *planner) planYears(periods []edit) []edit {
	s := p.s
	var out []edit
	yearAt := func(pos int) (int, bool) {
		r, n := p.runeAt(pos)
		return n, n > 0 && isYearChar(r) && findEdit(periods, pos) == nil
	}
	for i := 0; i < len(s); {
		if !zeroStart[s[i]] {
			i++ // a tight loop: most bytes start no lookalike of 0
			continue
		}
		n, ok := yearAt(i)
		if r, _ := p.runeAt(i); !ok || !isZeroLike(r) {
			i++
			continue
		}
		a, b := i, i+n
		for {
			_, m := p.runeBefore(a)
			if _, ok := yearAt(a - m); m == 0 || !ok {
				break
			}
			a -= m
		}
		for m, ok := yearAt(b); ok; m, ok = yearAt(b) {
			b += m
		}
		if p.isYear(a, b) {
			for k := a; k < b; {
				r2, n2 := utf8.DecodeRuneInString(s[k:])
				if isZeroLike(r2) {
					out = append(out, edit{k, k + n2, "〇", CodeOCR, clsChinese})
				}
				k += n2
			}
		}
		i = b
	}
	return out
}

// zeroStart and numStart mark the bytes that may start a lookalike of 0,
// and a digit or any lookalike.
var (
	zeroStart = byteSet("Oo\xCE\xD0")
	numStart  = byteSet("0123456789IlOo\xCE\xD0")
)

// lookalikeAt returns the lookalike letter at byte i and its length, or 0
// length; it decodes only where a lookalike may start.
func (p *planner) lookalikeAt(i int) (rune, int) {
	switch c := p.s[i]; {
	case c == 'I' || c == 'l' || c == 'O' || c == 'o':
		return rune(c), 1
	case c == 0xCE || c == 0xD0: // Greek and Cyrillic lead bytes
		if r, n := utf8.DecodeRuneInString(p.s[i:]); isLookalike(r) {
			return r, n
		}
	}
	return 0, 0
}

// isYear reports whether the run of year characters s[a:b] is a year with
// one or two lookalikes for 〇, followed by 年.
func (p *planner) isYear(a, b int) bool {
	if !strings.HasPrefix(p.s[b:], "年") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(p.s[a:])
	count, looks := 0, 0
	for _, r := range p.s[a:b] {
		count++
		if isZeroLike(r) {
			looks++
		}
	}
	return count == 4 && looks <= 2 && (first == '一' || first == '二')
}

// planPeriods finds o standing for 。.
func (p *planner) planPeriods() []edit {
	s := p.s
	var out []edit
	for off := 0; ; {
		k := strings.IndexByte(s[off:], 'o')
		if k < 0 {
			return out
		}
		i := off + k
		off = i + 1
		prev, _ := p.runeBefore(i)
		next, _ := p.runeAt(i + 1)
		if isHan(prev) && (isDigit(next) || isHan(next)) && !(isYearNumeral(prev) && isYearNumeral(next)) {
			out = append(out, edit{i, i + 1, "。", CodeOCR, clsChinese})
		}
	}
}

// planDigits finds lookalike letters inside numbers.
func (p *planner) planDigits(claimed []edit) []edit {
	s := p.s
	var out []edit
	for i := 0; i < len(s); {
		if !numStart[s[i]] {
			i++ // a tight loop: most bytes start no number
			continue
		}
		if c := s[i]; !isDigit(rune(c)) {
			if _, n := p.lookalikeAt(i); n == 0 || findEdit(claimed, i) != nil {
				i++ // bytes of other characters never start a run
				continue
			}
		}
		j := p.numRunEnd(i, claimed)
		if e, ok := p.digitRun(i, j, claimed); ok {
			out = append(out, e)
		}
		i = j
	}
	return out
}

// numRunEnd returns the end of the run of digits, lookalikes and single
// dots between them that starts at i.
func (p *planner) numRunEnd(i int, claimed []edit) int {
	s := p.s
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if p.isNumChar(r, j, claimed) {
			j += n
			continue
		}
		if r == '.' && j > i && j+1 < len(s) {
			if r3, _ := utf8.DecodeRuneInString(s[j+1:]); p.isNumChar(r3, j+1, claimed) {
				j++
				continue
			}
		}
		break
	}
	return j
}

// isNumChar reports whether r at pos is a digit or a lookalike not already
// claimed by the year and period rules.
func (p *planner) isNumChar(r rune, pos int, claimed []edit) bool {
	if isDigit(r) {
		return true
	}
	return isLookalike(r) && findEdit(claimed, pos) == nil
}

// runStats describes a run of digits, lookalikes and dots.
type runStats struct {
	digits, looks int
	hasI, hasO    bool
	first, last   rune
	lo, hi        int // byte range of the lookalikes within the run
}

func statsOf(run string) runStats {
	st := runStats{lo: -1}
	for k, r := range run {
		switch {
		case r == '.':
			continue
		case isDigit(r):
			st.digits++
		default:
			st.looks++
			st.hasI = st.hasI || !isZeroLike(r)
			st.hasO = st.hasO || isZeroLike(r)
			if st.lo < 0 {
				st.lo = k
			}
			st.hi = k + utf8.RuneLen(r)
		}
		if st.first == 0 {
			st.first = r
		}
		st.last = r
	}
	return st
}

// digitRun decides the run s[i:j] of digits, lookalikes and dots.
func (p *planner) digitRun(i, j int, claimed []edit) (edit, bool) {
	run := p.s[i:j]
	st := statsOf(run)
	switch {
	case isZeroLike(st.first) && !strings.HasPrefix(run[utf8.RuneLen(st.first):], "."):
		return edit{}, false // numbers do not start with 0: O2O
	case st.looks == 0 || st.digits+st.looks < 2:
		return edit{}, false
	case st.digits == 0 && !(st.hasI && st.hasO):
		return edit{}, false // II, III: Roman numerals
	case !p.numLeftOK(i, claimed) || !p.numRightOK(j):
		return edit{}, false
	case p.inURL(i) || p.inURL(i-1):
		return edit{}, false // in a URL, or would extend one
	case !p.unitAfter(j) && !(isDigit(st.first) && isDigit(st.last) && st.digits > st.looks):
		return edit{}, false
	}
	b := make([]byte, 0, st.hi-st.lo)
	for _, r := range run[st.lo:st.hi] {
		if isLookalike(r) {
			b = append(b, lookDigit(r))
		} else {
			b = utf8.AppendRune(b, r)
		}
	}
	return edit{i + st.lo, i + st.hi, string(b), CodeOCR, clsDigit}, true
}

// numLeftOK reports whether the character before a number run at i leaves it
// a number rather than part of a Latin word or code (ISO9001, A-1O, x.1O).
func (p *planner) numLeftOK(i int, claimed []edit) bool {
	r, n := p.runeBefore(i)
	switch {
	case r < 0:
		return true
	case findEdit(claimed, i-n) != nil:
		return true // a repaired 。 or 〇
	case isWordLetter(r) || strings.ContainsRune("_@#&\\", r):
		return false
	case strings.ContainsRune(".-/:", r): // a.1O, A-1O; but not ...1O or 中-1O
		r2, _ := p.runeBefore(i - n)
		return !isLatinWordLetter(r2)
	}
	return true
}

// numRightOK is numLeftOK for the character after a number run ending at j.
func (p *planner) numRightOK(j int) bool {
	r, n := p.runeAt(j)
	switch {
	case r < 0:
		return true
	case isWordLetter(r) || strings.ContainsRune("_@#&\\", r):
		return false
	case strings.ContainsRune(".-/", r):
		r2, _ := p.runeAt(j + n)
		return !isLatinWordLetter(r2)
	}
	return true
}

// isLatinWordLetter reports whether r is a letter beyond a separator that
// makes a number part of a code (A-1O, 1O.txt). Lookalikes do not count:
// they may be digits of a number of their own (2O5/lIO万), and whether they
// are must not decide this number.
func isLatinWordLetter(r rune) bool { return isWordLetter(r) && !isLookalike(r) }

// unitAfter reports whether a unit follows byte j, past spaces.
func (p *planner) unitAfter(j int) bool {
	for {
		r, n := p.runeAt(j)
		if r == ' ' || r == 0x3000 || r == 0xA0 {
			j += n
			continue
		}
		return r >= 0 && isUnitStart(r)
	}
}
