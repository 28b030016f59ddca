package archive

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/typo"
)

// Livelihood projects (民生实事). A report that plans the next year often
// lists the projects it promises as numbered items, under a heading or
// after a paragraph that names them: （三）办好十件民生实事 followed by 1.
// 2. 3., or 今年重点办好以下民生实事： followed by 一是… points. Each item
// is set beside the block of the next year's report that speaks of it,
// when the match is clear:
//
//  1. the item's distinctive phrases are its runs of four Chinese
//     characters (digits and punctuation apart: 8公里 becomes 8.2公里 in
//     the next report) that no other block of its own report holds, other
//     items of the list included, and that do not name the list (实事);
//     a phrase every part of a report repeats (提升群众获得感) says nothing
//     of one project;
//  2. the next report's blocks outside its plan part (where it reviews the
//     year) that hold a distinctive phrase must be exactly one;
//  3. and the phrases it holds must cover at least six characters of the
//     item: 青山路老旧供水管网 is clear, 污水处理厂 (five) is not.
//
// Otherwise the project is not found: two blocks that both speak of 白石村
// 幼儿园 are not a clear match, and the index never picks one.

// The statuses of a project (and NoNextReport).
const (
	Found    Status = "已找到" // the next report clearly speaks of it
	NotFound Status = "未找到" // the next report exists; no block clearly speaks of it
)

// Project is one livelihood project a report lists for the next year, and
// where the next year's report speaks of it.
type Project struct {
	Year int    // the year the project is for: its report's year + 1
	Text string // the item as written, marker and sub-items included
	Ref         // the item: its report and anchor
	List string // the heading or paragraph that names the list, as written
	// Mention is the block of the next year's report that speaks of the
	// project; nil unless the status is Found.
	Mention *Ref
	// Phrase is the longest run of the item's words the mention holds.
	Phrase string
	Status Status // Found, NotFound or NoNextReport
}

// Thresholds of a clear match (see above).
const (
	gramRunes    = 4 // the length of a distinctive phrase
	minCoverRune = 6 // the characters of the item the mention must cover
)

// listWords name a list of livelihood projects; notListWords hold 实事 but
// name none (坚持实事求是; the campaign 我为群众办实事).
var (
	listWords    = []string{"实事"}
	notListWords = []string{"实事求是", "我为群众办实事"}
)

// projects returns, report by report, the livelihood projects each lists
// for the next year, with their mentions in the next year's report.
func projects(rs []entry) []Project {
	var out []Project
	for ri := range rs {
		r := &rs[ri]
		if r.Doc == nil || r.Meta.Year == 0 {
			continue // an undated report has no next year
		}
		lists := projectLists(r.Doc, r.Meta.Year)
		if len(lists) == 0 {
			continue
		}
		own := newGramIndex(r.Doc.Blocks, nil)
		next := reportsOf(rs, r.Meta.Year+1)
		var nextIx []*gramIndex
		for _, ni := range next {
			if d := rs[ni].Doc; d != nil {
				nextIx = append(nextIx, newGramIndex(d.Blocks, reviewScope(d, rs[ni].Meta.Year)))
			} else {
				nextIx = append(nextIx, nil)
			}
		}
		for _, l := range lists {
			for _, it := range l.items {
				p := Project{Year: r.Meta.Year + 1, Text: it.text, List: l.name,
					Ref: Ref{Report: r.Meta.Slug, Anchor: r.Doc.Blocks[it.first].ID}}
				p.Status = NoNextReport
				if len(next) > 0 {
					p.Status = NotFound
				}
				grams := distinctive(it, own)
				for k, ni := range next {
					if nextIx[k] == nil {
						continue
					}
					if b, phrase, ok := nextIx[k].clear(it.han, grams); ok {
						p.Mention = &Ref{Report: rs[ni].Meta.Slug, Anchor: rs[ni].Doc.Blocks[b].ID}
						p.Phrase, p.Status = phrase, Found
						break
					}
				}
				out = append(out, p)
			}
		}
	}
	return out
}

// projectList is a list of projects in a report.
type projectList struct {
	name  string // the heading or paragraph naming it
	head  int    // its block
	items []listItem
}

// listItem is one numbered item: blocks first..last (its sub-items).
type listItem struct {
	first, last int
	text        string
	han         []rune // its Chinese text, folded, with a break (0) between runs
}

// projectLists finds the lists of livelihood projects a report gives for
// the coming year: the numbered blocks under a heading naming them, or
// right after a paragraph naming them; two items at least; none in a part
// that reviews the year.
func projectLists(d *report.Doc, year int) []projectList {
	var out []projectList
	bs := d.Blocks
	for i := 0; i < len(bs); i++ {
		b := &bs[i]
		if !mayNameList(b) || !namesList(b.Content()) || partOf(d, i, year) == review {
			continue
		}
		to := len(bs) // the blocks the list may take: a heading's own
		lvl := b.Kind.Level()
		if lvl > 0 {
			for j := i + 1; j < len(bs); j++ {
				if l := bs[j].Kind.Level(); l > 0 && l <= lvl {
					to = j
					break
				}
			}
		}
		items := numbered(bs, i+1, to, lvl == 0)
		if len(items) >= 2 {
			out = append(out, projectList{name: b.Content(), head: i, items: items})
			i = items[len(items)-1].last
		}
	}
	return out
}

// isNumbered reports whether a block is numbered below a part: （一）,
// 一是, 1. or （1）.
func isNumbered(k report.Kind) bool {
	return k == report.Section || k == report.Point || k == report.Item || k == report.SubItem
}

// numbered returns the numbered items of blocks from..to at the level of
// the first one; deeper blocks join the item before them. adjacent asks
// for items right at from, ended by the first paragraph; otherwise
// paragraphs between items are passed over. A part or heading ends them.
func numbered(bs []report.Block, from, to int, adjacent bool) []listItem {
	var items []listItem
	lvl := 0
	for j := from; j < to; j++ {
		k := bs[j].Kind
		l := k.Level()
		switch {
		case !isNumbered(k) && (adjacent || l > 0):
			return finish(bs, items)
		case !isNumbered(k):
			continue
		case lvl == 0:
			lvl = l
		case l < lvl:
			return finish(bs, items)
		}
		if l == lvl {
			items = append(items, listItem{first: j, last: j})
		} else if len(items) > 0 {
			items[len(items)-1].last = j
		}
	}
	return finish(bs, items)
}

// finish fills in the items' texts: each numbered block's, in order.
func finish(bs []report.Block, items []listItem) []listItem {
	for k := range items {
		it := &items[k]
		var sb strings.Builder
		for j := it.first; j <= it.last; j++ {
			if isNumbered(bs[j].Kind) {
				sb.WriteString(bs[j].Content())
			}
		}
		it.text = sb.String()
		it.han = hanRuns(it.text)
	}
	return items
}

// mayNameList is a quick look for the word 实事 (or 實事) in a block,
// before namesList reads it.
func mayNameList(b *report.Block) bool {
	for _, s := range []string{b.Lead, b.Text} {
		if strings.Contains(s, "实事") || strings.Contains(s, "實事") {
			return true
		}
	}
	return false
}

// namesList reports whether s names a list of livelihood projects.
func namesList(s string) bool {
	s, _ = typo.Fold(s)
	for _, w := range notListWords {
		s = strings.ReplaceAll(s, w, "")
	}
	for _, w := range listWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// The parts of a report: one that reviews the year, one that plans the
// next, or neither known.
const (
	unknown = iota
	review
	plan
)

// reviewWords and planWords in a part's title say which it is.
var (
	reviewWords = []string{"回顾", "过去", "总结", "成绩", "成效"}
	planWords   = []string{"安排", "目标", "打算", "计划", "任务", "思路", "谋划", "重点工作", "今年", "部署"}
)

// partOf returns what the top-level part holding block i does in a report
// of year.
func partOf(d *report.Doc, i, year int) int {
	for j := i; j >= 0; j-- {
		if k := d.Blocks[j].Kind; k == report.Part || k == report.Heading {
			return partKind(d.Blocks[j].Title(), year)
		}
	}
	return unknown
}

// partKind reads a part's title: 2023年工作回顾 reviews; 2024年工作安排
// plans. A title naming the year after the report's plans; naming the
// report's year alone, it reviews.
func partKind(title string, year int) int {
	t, _ := typo.Fold(title)
	next := year > 0 && strings.Contains(t, strconv.Itoa(year+1)+"年")
	switch {
	case containsAny(t, reviewWords):
		return review
	case next || containsAny(t, planWords):
		return plan
	case year > 0 && strings.Contains(t, strconv.Itoa(year)+"年"):
		return review
	}
	return unknown
}

func containsAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// reviewScope returns which blocks of the next report may speak of a
// project done: all but those of a part that plans.
func reviewScope(d *report.Doc, year int) []bool {
	in := make([]bool, len(d.Blocks))
	kind := unknown
	for i, b := range d.Blocks {
		if b.Kind == report.Part || b.Kind == report.Heading {
			kind = partKind(b.Title(), year)
		}
		in[i] = kind != plan
	}
	return in
}

// hanRuns returns the Chinese characters of s, folded into Simplified, with
// a 0 between two runs that something else parts.
func hanRuns(s string) []rune {
	s, _ = typo.Fold(s)
	out := make([]rune, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			out = append(out, r)
		} else if len(out) > 0 && out[len(out)-1] != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// gram is a run of gramRunes Chinese characters.
type gram [gramRunes]rune

// grams calls f with each gram of han and its offset.
func grams(han []rune, f func(at int, g gram)) {
next:
	for i := 0; i+gramRunes <= len(han); i++ {
		var g gram
		for k := range g {
			if han[i+k] == 0 {
				continue next
			}
			g[k] = han[i+k]
		}
		f(i, g)
	}
}

// gramIndex tells, for each gram of a report's blocks (those in scope),
// which blocks hold it: the first two, and how many (counted up to three).
type gramIndex struct {
	hits map[gram]gramHits
}

// gramHits are the blocks that hold a gram.
type gramHits struct {
	a, b int32
	n    uint8
}

// newGramIndex indexes the blocks in scope (all when scope is nil).
func newGramIndex(bs []report.Block, scope []bool) *gramIndex {
	ix := &gramIndex{hits: map[gram]gramHits{}}
	for i := range bs {
		if scope != nil && !scope[i] {
			continue
		}
		grams(hanRuns(bs[i].Content()), func(_ int, g gram) {
			h, ok := ix.hits[g]
			switch {
			case !ok:
				ix.hits[g] = gramHits{a: int32(i), b: -1, n: 1}
			case h.a == int32(i) || h.b == int32(i) || h.n >= 3:
			case h.n == 1:
				h.b, h.n = int32(i), 2
				ix.hits[g] = h
			default:
				h.n = 3
				ix.hits[g] = h
			}
		})
	}
	return ix
}

// distinctive returns which grams of an item are distinctive (by offset in
// its Chinese text): held by no block of its own report but the item's,
// and not naming the list.
func distinctive(it listItem, own *gramIndex) []bool {
	out := make([]bool, len(it.han))
	inItem := func(b int32) bool { return b < 0 || int(b) >= it.first && int(b) <= it.last }
	grams(it.han, func(at int, g gram) {
		if containsAny(string(g[:]), listWords) {
			return
		}
		if h := own.hits[g]; h.n > 0 && h.n < 3 && inItem(h.a) && inItem(h.b) {
			out[at] = true
		}
	})
	return out
}

// clear returns the one block of ix that clearly speaks of an item, and the
// longest run of the item's words it holds; false when no block does, or
// more than one might.
func (ix *gramIndex) clear(han []rune, dist []bool) (int, string, bool) {
	block := -1
	covered := make([]bool, len(han))
	ambiguous := false
	grams(han, func(at int, g gram) {
		if !dist[at] {
			return
		}
		h := ix.hits[g]
		switch {
		case h.n == 0:
			return
		case h.n > 1 || block >= 0 && int(h.a) != block:
			ambiguous = true
			return
		}
		block = int(h.a)
		for k := at; k < at+gramRunes; k++ {
			covered[k] = true
		}
	})
	if ambiguous || block < 0 {
		return -1, "", false
	}
	n, best, run, start := 0, "", 0, 0
	for k, c := range covered {
		if !c {
			run = 0
			continue
		}
		n++
		if run == 0 {
			start = k
		}
		run++
		if s := string(han[start : k+1]); utf8.RuneCountInString(s) > utf8.RuneCountInString(best) {
			best = s
		}
	}
	if n < minCoverRune {
		return -1, "", false
	}
	return block, best, true
}
