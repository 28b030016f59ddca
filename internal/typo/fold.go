package typo

import "unicode/utf8"

// Traditional script. Reports written in Traditional characters (萬元, 億元,
// 畝, 增長, 預計, 工作報告) are read as the same words in Simplified: the
// text is folded, character by character, into a copy in which every
// Traditional character the rules know stands as its Simplified form. The
// rules read the copy; what they quote comes from the report as written.

// foldPairs holds a Traditional character and its Simplified form, pair
// after pair: every character that the word lists of internal/indicator and
// the front-matter rules of internal/outline use and
// that has a distinct Traditional (or Taiwan or Hong Kong) form in OpenCC's
// character tables, less forms seen in Simplified reports. When a word list
// gains a character with a Traditional form, add the pair here.
const foldPairs = "歐欧" +
	"萬万與与業业兩两嚴严個个箇个臨临為为爲为舉举義义鄉乡爭争於于產产産产畝亩親亲億亿從从們们價价優优會会體体餘余脩修剋克兌兑興兴養养內内冊册農农決决況况準准減减齣出" +
	"擊击劃划別别彆别製制辦办務务動动勢势區区韆千昇升陞升單单佔占衛卫衞卫卽即縣县參参蔘参發发髮发衹只隻只枱台檯台臺台颱台閤合衕同後后嚮向曏向噸吨員员週周迴回園园場场" +
	"塊块堅坚處处復复複复頭头學学實实審审傢家對对壽寿將将侷局屆届屬属嵗岁歲岁帶带幫帮並并併并牀床開开張张噹当當当彔录錄录録录總总戰战戶户纔才護护報报擬拟據据搖摇撐撑" +
	"敎教數数時时條条來来極极構构査查標标棟栋欄栏檢检潤润漲涨點点豬猪現现電电盞盏蓋盖確确種种積积稱称稅税穩稳簽签籤签類类糧粮纍累紅红約约級级納纳組组織织經经結结績绩" +
	"續续維维罰罚節节獲获穫获營营虛虚錶表見见規规計计訂订訓训議议設设訪访評评識识該该調调談谈財财責责賬账質质貼贴費费資资趕赶躋跻車车輪轮較较輛辆達达過过還还這这進进" +
	"違违連连踰逾裏里裡里鈡钟鍾钟鐘钟錢钱銷销鎭镇鎮镇長长門门問问間间階阶際际麪面麫面麵面頃顷項项順顺顧顾預预領领額额風风駐驻"

// folds maps a Traditional character to its Simplified form; tradBits marks
// the Traditional characters of the CJK block, to skip the map for the rest.
var (
	folds    = map[rune]rune{}
	tradBits [(cjkEnd - cjkStart + 63) / 64]uint64
)

const cjkStart, cjkEnd = 0x4E00, 0xA000

func init() {
	rs := []rune(foldPairs)
	for i := 0; i+1 < len(rs); i += 2 {
		t, s := rs[i], rs[i+1]
		if t < cjkStart || t >= cjkEnd || utf8.RuneLen(t) != utf8.RuneLen(s) {
			panic("typo: fold pair " + string(t) + string(s) + " changes the width of the text")
		}
		folds[t] = s
		tradBits[(t-cjkStart)/64] |= 1 << ((t - cjkStart) % 64)
	}
}

// isTrad reports whether r is a Traditional character that folds.
func isTrad(r rune) bool {
	return inCJKBits(&tradBits, r)
}

// FoldRune returns the Simplified form of r, and true, when r is a
// Traditional character that Fold folds; r and false otherwise.
func FoldRune(r rune) (rune, bool) {
	if !isTrad(r) {
		return r, false
	}
	return folds[r], true
}

// inCJKBits reports whether bits, a bitmap over the CJK block, marks r.
func inCJKBits(bits *[(cjkEnd - cjkStart + 63) / 64]uint64, r rune) bool {
	u := uint32(r - cjkStart) // below cjkStart wraps around, above the block
	return u < cjkEnd-cjkStart && bits[u>>6]&(1<<(u&63)) != 0
}

// Fold returns s with its Traditional characters in Simplified form, byte
// for byte as long as s, so that offsets in one are offsets in the other,
// and whether it has any.
func Fold(s string) (string, bool) {
	var b []byte
	for i := 0; i < len(s); i++ {
		r, ok := cjkAt(s, i)
		if !ok {
			continue // not a character of the CJK block; a valid one starts at a lead byte
		}
		if isTrad(r) {
			if b == nil {
				b = []byte(s)
			}
			utf8.EncodeRune(b[i:], folds[r])
		}
		i += 2
	}
	if b == nil {
		return s, false
	}
	return string(b), true
}
