package indicator

import (
	"strings"
	"unicode/utf8"
)

// Respectively-lists. 高技术制造业、装备制造业增加值分别增长9.5%、10.7% names
// as many things before 分别 as it gives figures after it, and pairs them
// in order: 高技术制造业增加值 9.5%, 装备制造业增加值 10.7%. A clause that
// names nothing before its 分别 (…，分别增长5.1%和7.6%) pairs its figures
// with the things of the list before it in the sentence.

// respectively is the word that pairs a list of things with a list of figures.
const respectively = "分别"

// listSeps join the figures of a list: 9.5%、10.7%, 41260元和19870元.
var listSeps = []string{"、", "和", "与", "及", "以及"}

// subjectSeps join the things of a list besides 、.
var subjectSeps = []string{"以及", "和", "与", "及"}

// collectives name several things in one word: 城乡居民 is 城镇居民 and
// 农村居民, 牛羊出栏 is 牛出栏 and 羊出栏.
var collectives = []struct {
	word  string
	parts []string
}{
	{"城乡", []string{"城镇", "农村"}}, {"进出口", []string{"进口", "出口"}},
	{"猪牛羊", []string{"猪", "牛", "羊"}}, {"牛羊", []string{"牛", "羊"}},
	{"中小学", []string{"中学", "小学"}}, {"男女", []string{"男", "女"}},
	{"一二三产业", []string{"第一产业", "第二产业", "第三产业"}},
	{"一二三产", []string{"第一产业", "第二产业", "第三产业"}},
}

// listTails are the measures that the last thing of a list may share with
// the ones before it: 高技术制造业、装备制造业增加值 measures both by 增加值.
var listTails = sortLongest(append([]string{"出栏", "存栏", "产量", "人数", "数量", "总量", "占比",
	"比重", "增速", "营业收入", "利润", "零售额", "销售额", "营业额", "交易额", "入学率", "覆盖率",
	"普及率", "达标率", "合格率", "参保率", "产能", "进出口", "出口", "进口", "居民人均可支配收入",
	"人均可支配收入", "水质优良比例", "优良比例"}, measureWords...))

// measureEnds are last characters that make a thing a measure already
// (地区生产总值, 零售额, 覆盖率), so that it takes no shared tail.
const measureEnds = "值额率量入资数积比重速价模能润"

// listLabels returns, for each figure of a clause, the label a
// respectively-list gives it, or "". It also gives each figure of a list
// the change (增长, 下降) said before the first. lists holds the things of
// the last list of the sentence, and is updated.
func listLabels(c *clauseState, st *sentence) []string {
	lists := &st.list
	if !strings.Contains(c.text, respectively) {
		return nil
	}
	var labels []string
	for k := 0; k < len(c.figs); k++ {
		f := &c.figs[k]
		seg := c.text[c.segStart(k):f.qstart]
		i := lastIndex(seg, respectively)
		n := listLen(c, k)
		if f.modifier || i < 0 || n < 2 {
			continue
		}
		names, avg := cutAverage(seg[:i], seg[i+len(respectively):], f)
		things := listThings(names, f, n)
		if things == nil && strings.TrimSpace(names) == "" && len(*lists) == n {
			things = *lists
		}
		if things == nil && strings.TrimSpace(names) == "" && st.subjClause != "" {
			things = listThings(listSubject(st.subjClause), f, n) // 参保人数和参保率逐年提高，分别达到…
		}
		for j := k + 1; j < k+n; j++ {
			if g := &c.figs[j]; !g.change {
				g.change, g.down = f.change, f.down
			}
		}
		if things != nil {
			if labels == nil {
				labels = make([]string, len(c.figs))
			}
			copy(labels[k:], things)
			*lists = things
			if avg != "" {
				for j := range n {
					labels[k+j] += avg
				}
			}
		}
		k += n - 1
	}
	return labels
}

// listSubject returns the words a clause without figures starts with, up
// to what it says of them: 参保人数和参保率从2021年起逐年提高 → 参保人数和参保率.
func listSubject(clause string) string {
	s := trimLead(strings.TrimSpace(clause))
	i := len(s)
	for _, ws := range [][]string{subjectPredicates, predicateStarts, listSubjectEnds} {
		for _, w := range ws {
			if j := strings.Index(s, w); j > 0 && j < i {
				i = j
			}
		}
	}
	if i == len(s) {
		return ""
	}
	return s[:i]
}

// listSubjectEnds end the subject of a clause besides subjectPredicates.
var listSubjectEnds = []string{"从", "由", "逐年", "逐步", "均", "都", "分别", "较", "比", "同比"}

// cutAverage cuts an average yearly change (年均, 年平均) from the end of
// the things of a list, or from the start of the words after 分别
// (收入、税收收入年均分别增长4.5%、3%; …分别年均增长…), and returns the things
// and the change to add to each label (年均增长): a change over years is
// another measure than the change of the year, and never the year's figure.
func cutAverage(names, after string, f *figure) (string, string) {
	if !f.change {
		return names, ""
	}
	averages := []string{"年均", "年平均"}
	a := suffixIn(names, averages)
	if a != "" {
		names = names[:len(names)-len(a)]
	} else if a = prefixIn(after, averages); a != "" {
		after = after[len(a):]
	} else {
		return names, ""
	}
	w := changeIndex.suffix(trimSuffixes(after, connectorIndex))
	if w == "" {
		return names, ""
	}
	return names, a + w
}

// listLen is the number of figures from k on that are joined by list
// separators only.
func listLen(c *clauseState, k int) int {
	n := 1
	for j := k; j+1 < len(c.figs); j++ {
		between := strings.TrimSpace(c.text[c.figs[j].qend:c.figs[j+1].qstart])
		if c.figs[j+1].modifier || prefixIn(between, listSeps) != between {
			break
		}
		n++
	}
	return n
}

// listThings splits the words before 分别 into n things, or returns nil
// when they do not name n things.
func listThings(s string, f *figure, n int) []string {
	parts := strings.Split(s, "、")
	if len(parts) < n {
		parts = splitAny(s, subjectSeps)
	}
	if len(parts) == 1 {
		parts = expandCollective(s, n)
	}
	if len(parts) != n {
		return nil
	}
	things := make([]string, n)
	for i, p := range parts {
		if things[i] = cleanBefore(p, f, false); things[i] == "" {
			return nil
		}
	}
	shareHalves(things)
	if !shareTail(things) {
		shareNoun(things)
	}
	sharePartner(things)
	return things
}

// shareNoun gives the things before the last of a list the noun the last
// one ends with when they are only ranks (国家级、部级创新平台 → 国家级创新
// 平台). Other words are not cut off the last one's noun: in 工业、服务业
// 企业 its first word is not as long as the first thing.
func shareNoun(things []string) {
	for _, t := range things[:len(things)-1] {
		if !strings.HasSuffix(t, "级") {
			return
		}
	}
	last := things[len(things)-1]
	i := strings.Index(last, "级")
	if i <= 0 || utf8.RuneCountInString(last[i+len("级"):]) < 2 {
		return
	}
	for j := range things[:len(things)-1] {
		things[j] += last[i+len("级"):]
	}
}

// sharePartner gives every thing of a list the 对 its first one starts
// with: 对中亚五国、东盟进出口 is 对中亚五国进出口 and 对东盟进出口, trade with
// a partner, not the total.
func sharePartner(things []string) {
	if !strings.HasPrefix(things[0], partner) {
		return
	}
	for i := range things[1:] {
		if !strings.HasPrefix(things[i+1], partner) {
			things[i+1] = partner + things[i+1]
		}
	}
}

// partner starts the thing of a trade with a partner: 对东盟进出口.
const partner = "对"

// halfPairs are characters that share the rest of a word written once:
// 存、贷款余额 is 存款余额 and 贷款余额, 进、出口 is 进口 and 出口.
var halfPairs = map[string]string{"存": "贷", "进": "出", "中": "小", "大": "中", "城": "乡",
	"上": "下", "内": "外", "男": "女", "水": "电", "一": "二", "二": "三"}

// shareHalves completes the things of a list whose first halves are written
// alone (金融机构本外币存、贷款余额): each takes the rest of the last one, and
// the last one the words before the first half.
func shareHalves(things []string) {
	n := len(things)
	last := things[n-1]
	b, bw := utf8.DecodeRuneInString(last)
	rest := last[bw:]
	if rest == "" || utf8.RuneCountInString(rest) > 4 {
		return // 产业新城、乡村振兴示范区 are two things
	}
	var prefix string
	for i := range things[:n-1] {
		a, aw := utf8.DecodeLastRuneInString(things[i])
		if halfPairs[string(a)] == "" || !pairedHalf(things, i, string(b)) {
			return
		}
		if i == 0 {
			prefix = things[0][:len(things[0])-aw]
		}
	}
	for i := range things[:n-1] {
		things[i] += rest
	}
	things[n-1] = prefix + last
}

// pairedHalf reports whether the half ending thing i pairs with the one
// after it (the first character of the next thing, or b for the last).
func pairedHalf(things []string, i int, b string) bool {
	a, _ := utf8.DecodeLastRuneInString(things[i])
	next := b
	if i+1 < len(things)-1 {
		r, _ := utf8.DecodeLastRuneInString(things[i+1])
		if utf8.RuneCountInString(things[i+1]) != 1 {
			return false
		}
		next = string(r)
	}
	return halfPairs[string(a)] == next
}

// splitAny splits s at every word of seps.
func splitAny(s string, seps []string) []string {
	var out []string
	for {
		i, w := -1, ""
		for _, sep := range seps {
			if j := strings.Index(s, sep); j >= 0 && (i < 0 || j < i) {
				i, w = j, sep
			}
		}
		if i < 0 {
			return append(out, s)
		}
		out, s = append(out, s[:i]), s[i+len(w):]
	}
}

// expandCollective splits a thing named by a collective word into n
// things, or returns it whole.
func expandCollective(s string, n int) []string {
	for _, c := range collectives {
		if i := strings.Index(s, c.word); i >= 0 && len(c.parts) == n {
			out := make([]string, n)
			for k, p := range c.parts {
				out[k] = s[:i] + p + s[i+len(c.word):]
			}
			return out
		}
	}
	return []string{s}
}

// shareTail gives the things before the last of a list the measure the
// last one ends with (高技术制造业 → 高技术制造业增加值), unless one of them
// is a measure itself (进口货值、免签入境游客、…销售额 name their own). It
// reports whether the last one ends with a measure.
func shareTail(things []string) (shared bool) {
	last := things[len(things)-1]
	tail := suffixIn(last, listTails)
	if tail == "" || tail == last {
		return false
	}
	for _, t := range things[:len(things)-1] {
		r, _ := utf8.DecodeLastRuneInString(t)
		if strings.ContainsRune(measureEnds, r) || strings.HasSuffix(t, tail) {
			return true // they name their own measure
		}
	}
	for i := range things[:len(things)-1] {
		things[i] += tail
	}
	return true
}

// fromLists labels the figures of a change of several things at once
// (城乡居民人均可支配收入从2021年的46503元和16935元分别提高到58794元和23184元):
// n figures after 由 or 从 joined as a list, a verb ending in 至, 到 or 为,
// and n figures joined as a list again. The things named before 由 are
// paired in order with the figures of both lists, and the year named after
// 由 dates the first list. labels is what listLabels gave, and is returned
// with the labels of such changes set.
func fromLists(c *clauseState, labels []string) []string {
	if !strings.Contains(c.text, "由") && !strings.Contains(c.text, "从") {
		return labels
	}
	for k := 0; k < len(c.figs); k++ {
		f := &c.figs[k]
		seg, year := cutYearOf(c.text[c.segStart(k):f.qstart])
		w := suffixIn(seg, fromWords)
		n := listLen(c, k)
		if w == "" || f.modifier || n < 2 || k+2*n > len(c.figs) || listLen(c, k+n) < n {
			continue
		}
		between := c.text[c.figs[k+n-1].qend:c.figs[k+n].qstart]
		if !reachesTo(strings.Replace(between, respectively, "", 1)) {
			continue
		}
		things := listThings(seg[:len(seg)-len(w)], f, n)
		if things == nil {
			continue
		}
		if labels == nil {
			labels = make([]string, len(c.figs))
		}
		for j := range n {
			labels[k+j], labels[k+n+j] = things[j], things[j]
			c.figs[k+j].fromYear, c.figs[k+j].fromStart = year, true
			c.figs[k+n+j].change = false
		}
		k += 2*n - 1
	}
	return labels
}
