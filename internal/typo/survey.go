package typo

import "unicode/utf8"

// What Check reads of a text in one pass, before its rules run: its digit
// runs, where a change verb may start, and which of the characters the
// other rules look for it holds. A rule that looks for what the text
// lacks finds nothing and is passed over.

// checkSurvey flags.
const (
	chX       = 1 << iota // _ X x * × Ｘ ｘ: what a placeholder holds
	chSuspect             // what checkChars may report (maySuspect)
	chTrad                // a character of traditional
	chYear                // 年
	chPercent             // % ％
	chDash                // — ―
	chParen               // ( （
)

// asciiSurvey is what each ASCII byte tells.
var asciiSurvey = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		if c < 0x20 || c == 0x7F {
			t[c] |= chSuspect
		}
	}
	for _, c := range []byte("?oO") {
		t[c] |= chSuspect
	}
	for _, c := range []byte("_Xx*") {
		t[c] |= chX
	}
	t['%'] |= chPercent
	t['('] |= chParen
	return t
}()

// maySuspect reports whether suspiciousRune may find something wrong with
// r, a rune beyond ASCII: an invalid byte or U+FFFD, a C1 control, an
// invisible character, a private-use one, half-width katakana, a Greek or
// Cyrillic letter.
func maySuspect(r rune) bool {
	return r == utf8.RuneError || r < 0xA0 || r >= 0x370 && r <= 0x4FF || isInvisible(r) ||
		r >= 0xE000 && r <= 0xF8FF || r >= 0xF0000 || r >= 0xFF61 && r <= 0xFF9F
}

// checkSurvey is what Check reads of a text in one pass. Offsets are in
// order.
type checkSurvey struct {
	flags    uint8
	runs     []digitRun // maximal runs of ASCII digits
	phrases  []int      // where a character that starts a phrase of verbPhrases stands
	years    []int      // where 年 stands
	percents []int      // where % and ％ stand
}

// surveyBits marks the characters of the CJK block surveyCheck looks at
// closer: those of traditional, the first of each phrase of verbPhrases,
// and 年.
var surveyBits [(cjkEnd - cjkStart + 63) / 64]uint64

func init() {
	words := append([]string{traditional, "年"}, verbPhrases...)
	for _, w := range words {
		for _, r := range w {
			surveyBits[(r-cjkStart)/64] |= 1 << ((r - cjkStart) % 64)
			if w != traditional {
				break // the first character of a phrase
			}
		}
	}
}

// surveyCheck reads s. What it finds is appended to the slices of sv.
func surveyCheck(s string, sv checkSurvey) checkSurvey {
	var f uint8
	runs, phrases, years, percents := sv.runs, sv.phrases, sv.years, sv.percents
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c-'0' <= 9 {
				a := i
				for i < len(s) && s[i]-'0' <= 9 {
					i++
				}
				runs = append(runs, digitRun{a, i})
				continue
			}
			if c == '%' {
				percents = append(percents, i)
			}
			f |= asciiSurvey[c]
			i++
			continue
		}
		if r, ok := cjkAt(s, i); ok { // U+4000–U+9FFF: never suspicious
			if inCJKBits(&surveyBits, r) {
				if isTraditional(r) {
					f |= chTrad
				}
				if r == '年' {
					f |= chYear
					years = append(years, i)
				}
				if inCJKBits(&phraseBits, r) {
					phrases = append(phrases, i)
				}
			}
			i += 3
			continue
		}
		r, n := decodeAt(s, i)
		switch r {
		case '×', 'Ｘ', 'ｘ':
			f |= chX
		case '％':
			f |= chPercent
			percents = append(percents, i)
		case '—', '―':
			f |= chDash
		case '（':
			f |= chParen
		}
		if maySuspect(r) {
			f |= chSuspect
		}
		i += n
	}
	return checkSurvey{f, runs, phrases, years, percents}
}
