package typo

import "unicode/utf8"

// Placeholders returns the byte ranges of placeholders in s: values not yet
// filled in or withheld, written XX, xx, xxxx, X.X, ××, **, *** or a run of
// _, and partial ones (xx0.9%, xx.51亿元, 20xx年, 202x年). A single X or x
// counts only between two Chinese characters, where a redaction ate
// characters (全年实X区; X光 and X射线 excepted). Latin words (APP, XML,
// Excel), products like 3x4 and Roman numerals in Latin text are not
// placeholders.
func Placeholders(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		// Only _ X x * . digits and × Ｘ ｘ (led by C3 and EF in UTF-8)
		// start a placeholder; other bytes are passed over one by one,
		// which finds every character that does, as decoding would.
		if c := s[i]; c < utf8.RuneSelf && c != '_' && c != 'X' && c != 'x' && c != '*' && c != '.' && (c < '0' || c > '9') ||
			c >= utf8.RuneSelf && c != 0xC3 && c != 0xEF {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '_':
			j := i
			for j < len(s) && s[j] == '_' {
				j++
			}
			if underscoreHolder(s, i, j) {
				out = append(out, [2]int{i, j})
			}
			i = j
		case isXChar(r) || isDigit(r) || r == '.':
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isXChar(r2) && !isDigit(r2) && r2 != '.' {
					break
				}
				j += n2
			}
			if a, b, ok := xHolder(s, i, j); ok {
				out = append(out, [2]int{a, b})
			}
			i = j
		default:
			i += n
		}
	}
	return out
}

// isXChar reports whether r is a character that stands for a hidden digit.
func isXChar(r rune) bool {
	switch r {
	case 'X', 'x', 'Ｘ', 'ｘ', '×', '*':
		return true
	}
	return false
}

// isLatinX reports whether r is the letter X (half- or full-width).
func isLatinX(r rune) bool { return r == 'X' || r == 'x' || r == 'Ｘ' || r == 'ｘ' }

// underscoreHolder decides a run of _ at s[i:j]: not part of an identifier.
func underscoreHolder(s string, i, j int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[j:])
	alnum := func(r rune) bool { return r < 0x80 && (isDigit(r) || isASCIILetter(r)) }
	if i > 0 && alnum(prev) || j < len(s) && alnum(next) {
		return false
	}
	return j-i >= 2 || i > 0 && isChinese(prev) || j < len(s) && isChinese(next)
}

// xHolder decides the run s[i:j] of X characters, digits and dots, and
// returns the placeholder's range within it.
func xHolder(s string, i, j int) (int, int, bool) {
	a, b := i, j
	for a < b && s[a] == '.' {
		a++
	}
	for b > a && s[b-1] == '.' {
		b--
	}
	st := xStatsOf(s[a:b])
	switch {
	case st.latin+st.marks == 0:
		return 0, 0, false
	case st.latin == 0 && st.marks < 2:
		return 0, 0, false // 3×4, a lone *
	case st.digitBefore && st.digitAfter:
		return 0, 0, false // 3x4, 1920x1080
	case st.latin > 0 && !latinXContextOK(s, i, j):
		return 0, 0, false
	case st.latin == 1 && st.marks == 0 && !st.digits && !loneXHolder(s, a, b):
		return 0, 0, false
	}
	return a, b, true
}

// xStats counts what a run of X characters, digits and dots holds.
type xStats struct {
	latin, marks                    int  // Latin X, and × or *
	digits, digitBefore, digitAfter bool // digits at all, before the first and after the last X
}

func xStatsOf(run string) xStats {
	var st xStats
	seenX := false
	for _, r := range run {
		switch {
		case isLatinX(r):
			st.latin++
		case r == '×' || r == '*':
			st.marks++
		case isDigit(r):
			st.digits = true
			st.digitBefore = st.digitBefore || !seenX
			st.digitAfter = st.digitAfter || seenX
			continue
		default:
			continue
		}
		seenX, st.digitAfter = true, false
	}
	return st
}

// latinXContextOK reports whether X characters at s[i:j] stand apart from
// Latin words: no letter touches them, and if Latin text lies on a side
// (past spaces), Chinese lies on the other.
func latinXContextOK(s string, i, j int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[j:])
	if i > 0 && (isWordLetter(prev) || prev == '_') || j < len(s) && (isWordLetter(next) || next == '_') {
		return false
	}
	l, r := nearLeft(s, i), nearRight(s, j)
	if isWordLetter(l) || isWordLetter(r) {
		return isChinese(l) || isChinese(r)
	}
	return true
}

// loneXHolder decides a single X at s[a:b]: only between two Chinese
// characters, and not X光 or X射线.
func loneXHolder(s string, a, b int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:a])
	next, _ := utf8.DecodeRuneInString(s[b:])
	return a > 0 && b < len(s) && isHan(prev) && isHan(next) && next != '光' && next != '射'
}

// nearLeft returns the nearest rune before i that is not a space, or -1.
func nearLeft(s string, i int) rune {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !isSpace(r) {
			return r
		}
		i -= n
	}
	return -1
}

// nearRight returns the nearest rune at or after j that is not a space, or -1.
func nearRight(s string, j int) rune {
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isSpace(r) {
			return r
		}
		j += n
	}
	return -1
}
