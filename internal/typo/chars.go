package typo

import (
	"strings"
	"unicode"
)

// isHan reports whether r is a Chinese character (including 〇).
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// isCJKPunct reports whether r is full-width or CJK punctuation, the other
// half of what makes text "Chinese" for the punctuation rules.
func isCJKPunct(r rune) bool {
	switch {
	case r == 0x2014 || r == 0x2015 || r == 0x2026 || r == 0x2018 || r == 0x2019 || r == 0x201C || r == 0x201D:
		return true // — ― … ‘ ’ “ ”
	case r >= 0x3001 && r <= 0x303F: // 、。〈〉《》「」【】〔〕〝〞…
		return true
	case r >= 0xFF01 && r <= 0xFF60: // full-width forms
		return true
	case r >= 0xFE10 && r <= 0xFE1F, r >= 0xFE30 && r <= 0xFE4F: // vertical and compatibility forms
		return true
	}
	return false
}

// isChinese reports whether r counts as Chinese context.
func isChinese(r rune) bool { return isHan(r) || isCJKPunct(r) }

// isSpace reports whether r is a space the punctuation rules look past.
// Line ends are not: context never crosses a line.
func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == 0x3000 || r == 0xA0 }

// isDigit reports whether r is an ASCII digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isASCIILetter reports whether r is an ASCII letter.
func isASCIILetter(r rune) bool { return r|0x20 >= 'a' && r|0x20 <= 'z' }

// isWordLetter reports whether r is a letter of an alphabetic script
// (Latin, Greek, Cyrillic…): what Latin words, codes and names are made of.
func isWordLetter(r rune) bool {
	if r < 0x80 {
		return isASCIILetter(r)
	}
	return r < 0x2E80 && unicode.IsLetter(r)
}

// isLookalike reports whether r is a letter OCR confuses with 1 or 0.
func isLookalike(r rune) bool {
	switch r {
	case 'I', 'l', 'O', 'o', 0x039F, 0x03BF, 0x041E, 0x043E: // Ο ο О о
		return true
	}
	return false
}

// isZeroLike reports whether r is a lookalike of 0 (or of 〇).
func isZeroLike(r rune) bool { return isLookalike(r) && r != 'I' && r != 'l' }

// lookDigit returns the digit a lookalike stands for.
func lookDigit(r rune) byte {
	if r == 'I' || r == 'l' {
		return '1'
	}
	return '0'
}

// isHanNumeral reports whether r is a Chinese numeral or magnitude.
func isHanNumeral(r rune) bool {
	return strings.ContainsRune("〇零一二三四五六七八九十百千万亿两", r)
}

// unitStarts are the characters that may directly follow a figure: the
// first character of a unit or of a numeric phrase (多万元, 余人, %).
const unitStarts = "%％‰多余万亿千百元亩年月日号个人户名家次项公米吨平立台辆件座所处条批场天倍册岁位间株头只套张篇起秒周斤克升"

// isUnitStart reports whether r may directly follow a figure.
func isUnitStart(r rune) bool { return strings.ContainsRune(unitStarts, r) }
