package outline

import (
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// Limits on how long a heading or a lead sentence may be, in runes. Longer
// text after a marker is body text, not a title.
const (
	maxHeading = 40
	maxLead    = 60
)

// sentenceEnd reports whether text[:i] ends a sentence: 。！？ possibly
// followed by closing quotes or brackets.
func sentenceEnd(text string, i int) bool {
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:i])
		switch r {
		case '。', '！', '？', '!', '?':
			return true
		case '”', '’', '」', '』', '）':
			i -= w
			continue
		}
		return false
	}
	return true // the start of a text is a boundary
}

// prevRune returns the rune before text[i], or 0.
func prevRune(text string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	if i == 0 {
		return 0
	}
	return r
}

// notPointBefore lists characters that make 一是 part of a word (之一是,
// 第一是, 统一是 …) rather than a point glued to the previous word.
const notPointBefore = "之第唯统同逐单其不即就也都还正若如只万划"

// enumBefore lists characters after which N是 runs inline: ：一是…；二是….
const enumBefore = "：:，,；;、"

// runeIndex returns the byte offset in s after n runes (or len(s)).
func runeIndex(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// headingEnd returns where the title of a part or section that starts at
// from ends: before a glued point or section marker, after a closing 。, after
// a word that ends headings (回顾, 计划 …) when a sentence follows, or at the
// end of a short text. ok is false when no end was found within maxHeading.
func headingEnd(text string, from int) (end int, ok bool) {
	limit := from + runeIndex(text[from:], maxHeading)
	for i := from; i < limit; {
		r, w := utf8.DecodeRuneInString(text[i:])
		if i > from {
			if m, ok := parseMarker(text[i:]); ok && (m.kind == report.Point || m.kind == report.Section) &&
				!strings.ContainsRune(notPointBefore, prevRune(text, i)) {
				return i, true
			}
		}
		switch r {
		case '。', '！', '？', '：':
			return i + w, true
		case ' ', '\u3000', '\t':
			return i, true // a space in Chinese text is a lost line break
		}
		if k := headingWordEnd(text, i); k > 0 {
			return k, true
		}
		if i-from >= 6 && yearSentence(text[i:]) {
			return i, true
		}
		i += w
	}
	if limit == len(text) {
		return len(text), true
	}
	return 0, false
}

var headingWords = []string{"回顾", "计划", "安排", "目标", "任务", "要求", "建议", "思路", "总结", "展望"}

var sentenceStarts = []string{"过去", "一年来", "今年", "去年", "我们", "全镇", "全县", "全区", "全市", "全乡",
	"全年", "力争", "我镇", "我乡", "我县", "我区", "截至", "今后",
	"五年来", "近年来", "本届", "当前", "面对", "新的一年", "在县委", "在区委", "在市委", "在镇党委"}

// headingWordEnd returns the end of a heading word at text[i:] when a
// sentence starts right after it (2023年工作回顾2023年是…), else 0.
func headingWordEnd(text string, i int) int {
	k := cutPrefix(text[i:], headingWords...)
	if k == 0 {
		return 0
	}
	rest := text[i+k:]
	if rest != "" && (rest[0] >= '0' && rest[0] <= '9' || cutPrefix(rest, sentenceStarts...) > 0) {
		return i + k
	}
	return 0
}

// leadEnd returns where the lead sentence of a point or item that starts at
// from ends, no later than limit: after the first 。！？ within maxLead runes,
// else after the first ，；：, else at limit.
func leadEnd(text string, from, limit int) int {
	stop := from + runeIndex(text[from:limit], maxLead)
	comma := -1
	for i, r := range text[from:limit] {
		j := from + i
		switch r {
		case '。', '！', '？':
			if j < stop || comma < 0 {
				return j + utf8.RuneLen(r)
			}
			return comma
		case '，', '；', '：':
			if comma < 0 {
				comma = j + utf8.RuneLen(r)
			}
		}
	}
	if comma >= 0 {
		return comma
	}
	return limit
}

// yearSentence reports whether s opens a sentence with a year: 2023年，
// 2023年是, 2023年以来. Headings name years too (2023年工作回顾), but not so.
func yearSentence(s string) bool {
	if len(s) < 7 || s[0] < '1' || s[0] > '2' {
		return false
	}
	for i := 1; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return cutPrefix(s[4:], "年，", "年,", "年是", "年以来", "年，我", "年全") > 0
}
