package outline

import (
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// marker is a numbering marker found at the start of a text.
type marker struct {
	kind report.Kind // Part, Section, Point, Item or SubItem
	text string      // the marker as written: 一、 （一） 一是 1、
	n    int         // its number
}

const cnDigits = "〇一二三四五六七八九"

// cnNumber parses a Chinese numeral from 一 to 九十九 at the start of s and
// returns its value and byte length, or 0, 0.
func cnNumber(s string) (int, int) {
	n, size, tens := 0, 0, false
	for size < len(s) {
		r, w := utf8.DecodeRuneInString(s[size:])
		switch {
		case r == '十':
			if tens {
				return 0, 0
			}
			tens = true
			if n == 0 {
				n = 1
			}
			n *= 10
		case r != '〇' && strings.ContainsRune(cnDigits, r):
			d := strings.IndexRune(cnDigits, r) / 3
			if n%10 != 0 || (n > 0 && !tens) {
				return 0, 0 // 二三 is not a number
			}
			n += d
		default:
			return n, size
		}
		size += w
	}
	return n, size
}

// arabic parses one or two ASCII digits at the start of s.
func arabic(s string) (int, int) {
	n, i := 0, 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 0 || i > 2 || n == 0 {
		return 0, 0
	}
	return n, i
}

// cutPrefix returns the length of the first of prefixes that s starts with.
func cutPrefix(s string, prefixes ...string) int {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return len(p)
		}
	}
	return 0
}

// parseMarker reads a numbering marker at the start of s.
func parseMarker(s string) (marker, bool) {
	if m, ok := parseParen(s); ok {
		return m, true
	}
	if n, w := cnNumber(s); n > 0 {
		rest := s[w:]
		if strings.HasPrefix(rest, "是") {
			return marker{report.Point, s[:w+len("是")], n}, true
		}
		if k := cutPrefix(rest, "、", "．", "."); k > 0 {
			return marker{report.Part, s[:w+k], n}, true
		}
		return marker{}, false
	}
	if n, w := arabic(s); n > 0 {
		rest := s[w:]
		k := cutPrefix(rest, "、", "．", ".")
		if k == 0 || (k == 1 && len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9') {
			return marker{}, false // 1.35 is a number, not an item
		}
		if strings.HasPrefix(rest[k:], "、") { // page-marker residue like 2、、 is not ours
			return marker{}, false
		}
		return marker{report.Item, s[:w+k], n}, true
	}
	return marker{}, false
}

// parseParen reads （一） (一)、 （1） at the start of s.
func parseParen(s string) (marker, bool) {
	k := cutPrefix(s, "（", "(")
	if k == 0 {
		return marker{}, false
	}
	kind := report.Section
	n, w := cnNumber(s[k:])
	if n == 0 {
		kind = report.SubItem
		if n, w = arabic(s[k:]); n == 0 {
			return marker{}, false
		}
	}
	end := k + w
	c := cutPrefix(s[end:], "）", ")")
	if c == 0 {
		return marker{}, false
	}
	end += c
	end += cutPrefix(s[end:], "、")
	return marker{kind, s[:end], n}, true
}

// SplitMarker splits a numbering marker off the start of s. It returns the
// kind the marker suggests on its own (a 一、 is a Part; the caller knows
// better where the heading's depth says otherwise), the marker and the rest;
// kind is Paragraph and marker empty when s starts with no marker.
func SplitMarker(s string) (kind report.Kind, mark, rest string) {
	m, ok := parseMarker(s)
	if !ok {
		return report.Paragraph, "", s
	}
	return m.kind, m.text, s[len(m.text):]
}
