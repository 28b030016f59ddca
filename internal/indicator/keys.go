package indicator

import (
	"unicode/utf8"

	"github.com/govreport/govreport/internal/typo"
)

// Keys. Several rules look, in a clause and in the words before each of
// its figures, for words that hold one of a few characters (年 for a year,
// 预 for 预计, 力 for 力争 …). The characters a clause holds are noted
// once, as bits; a rule whose words need a character the clause lacks
// finds nothing in it nor in any part of it, and is passed over.
type keys uint16

const (
	keyNian  keys = 1 << iota // 年: a year (2023年, 明年)
	keyMo                     // 末: the end of a five-year plan
	keyWu                     // 五: a period of years (五年来, 十四五)
	keyJiang                  // 将: 将达到
	keyJi                     // 计: 计划
	keyLi                     // 力: 力争, 力求
	keyNi                     // 拟
	keyYu                     // 预: 预期, 预计
	keyZheng                  // 争: 争取
	keyQue                    // 确: 确保
	keyFen                    // 分: 分别
	keyYou                    // 由
	keyCong                   // 从
)

// targetKeys are the characters of the target markers and of 将 and 计划
// (hasTargetMarker); yearKeys those of namedYear.
const (
	targetKeys = keyLi | keyYu | keyNi | keyZheng | keyQue | keyJiang | keyJi
	yearKeys   = keyNian | keyMo
)

// keyOf returns the key bit of r, or 0.
func keyOf(r rune) keys {
	switch r {
	case '年':
		return keyNian
	case '末':
		return keyMo
	case '五':
		return keyWu
	case '将':
		return keyJiang
	case '计':
		return keyJi
	case '力':
		return keyLi
	case '拟':
		return keyNi
	case '预':
		return keyYu
	case '争':
		return keyZheng
	case '确':
		return keyQue
	case '分':
		return keyFen
	case '由':
		return keyYou
	case '从':
		return keyCong
	}
	return 0
}

// firstKey returns the key of the first character of w, or 0.
func firstKey(w string) keys {
	r, _ := utf8.DecodeRuneInString(w)
	return keyOf(r)
}

// The CJK block, U+4E00 to U+9FFF, and bitmaps over it: of the characters
// that are keys, and of the Chinese numerals of isCnDigit, so that a pass
// over a text tells most characters from them with one look.
const cjkStart, cjkEnd = 0x4E00, 0xA000

// scanBits marks the characters scan looks at closer: keys, Chinese
// numerals and Traditional characters that fold (typo.FoldRune), and
// whatever these fold to.
var keyBits, cnDigitBits, scanBits [(cjkEnd - cjkStart) / 64]uint64

func init() {
	for r := rune(cjkStart); r < cjkEnd; r++ {
		if keyOf(r) != 0 {
			setBit(&keyBits, r)
		}
		if isCnDigit(r) {
			setBit(&cnDigitBits, r)
		}
		if f, folds := typo.FoldRune(r); folds || keyOf(r) != 0 || isCnDigit(r) {
			setBit(&scanBits, r)
			setBit(&scanBits, f)
		}
	}
}

// inBits reports whether bitmap bits marks r; r is any rune.
func inBits(bits *[(cjkEnd - cjkStart) / 64]uint64, r rune) bool {
	u := uint32(r - cjkStart) // below cjkStart wraps around, above the block
	return u < cjkEnd-cjkStart && bits[u>>6]&(1<<(u&63)) != 0
}

// cjkAt decodes the three-byte character at s[i] led by E4 to E9 (U+4000
// to U+9FFF), if a valid one is there.
func cjkAt(s string, i int) (rune, bool) {
	if i+2 >= len(s) {
		return 0, false
	}
	c0, c1, c2 := s[i], s[i+1], s[i+2]
	if c0-0xE4 > 0xE9-0xE4 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
		return 0, false
	}
	return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), true
}

// runeSet is a set of characters of the CJK block.
type runeSet struct {
	bits [(cjkEnd - cjkStart) / 64]uint64
}

func newRuneSet(chars string) *runeSet {
	var set runeSet
	for _, r := range chars {
		if r < cjkStart || r >= cjkEnd {
			panic("indicator: " + string(r) + " is not a character of the CJK block")
		}
		set.bits[(r-cjkStart)/64] |= 1 << ((r - cjkStart) % 64)
	}
	return &set
}

// in reports whether s holds one of the characters of the set.
func (set *runeSet) in(s string) bool {
	for i := 0; i < len(s); i++ {
		if r, ok := cjkAt(s, i); ok {
			if inBits(&set.bits, r) {
				return true
			}
			i += 2
		}
	}
	return false
}

// decodeAt is utf8.DecodeRuneInString(s[i:]), inline for ASCII and for
// three-byte characters (led by E1 to EF but ED, which take any
// continuation bytes).
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
