package source

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// Watermarks: sites stamp their name or domain through the copied text.
var (
	siteNames = []string{
		"原创力文档", "道客巴巴", "豆丁网", "豆丁文档", "百度文库", "优知文库", "人人文库", "金锄头文库",
		"淘豆网", "冰点文库", "得力文库", "装配图网", "163文库", "文库吧", "爱问共享资料", "点石文库",
		"book118", "docin", "doc88", "renrendoc", "wenku",
	}
	domainRe     = regexp.MustCompile(`(?i)(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|cc|top)(?:\.cn)?\b`)
	siteSuffixes = []string{"文库", "文档网", "范文网", "资料网", "课件网"}
	siteSuffix   = toSet(siteSuffixes)
	// spamPhrases are words sites inject into the text; any use is removed.
	spamPhrases = []string{
		"word可编辑", "Word可编辑", "WORD可编辑", "word版可编辑", "Word版可编辑", "word版本可编辑",
		"下载后可编辑", "可编辑word", "可编辑Word", "精品文档", "欢迎下载", "推荐下载", "精品资料",
	}
	spamPhrase      = toSet(spamPhrases)
	watermarkTerms  = newTermSet(siteNames, siteSuffixes, spamPhrases)
	watermarkMin    = 5 // occurrences that make a watermark
	watermarkMinLen = 4 // characters in a watermark
	// watermarkScan is how much text is searched for watermarks: they
	// repeat every page, so the first megabyte finds them in any report
	// and a huge input costs no more.
	watermarkScan = 1 << 20
)

// dropWatermarks removes strings a sharing site repeated through the text:
// a site name or domain used at least five times, or at least twice if it
// also fills a line of its own (学海文档网 www.xhwdw.cn); and injected
// phrases (word可编辑) wherever they are.
func (r *reader) dropWatermarks() {
	counts, own := r.watermarkCandidates()
	var marks []string
	for tok, c := range counts {
		if c >= watermarkMin && runes(tok) >= watermarkMinLen || own[tok] && c >= 2 || spamPhrase[tok] {
			marks = append(marks, tok)
		}
	}
	// Longest first, so max.book118.com goes before book118.
	sort.Slice(marks, func(i, j int) bool {
		if len(marks[i]) != len(marks[j]) {
			return len(marks[i]) > len(marks[j])
		}
		return marks[i] < marks[j]
	})
	for _, tok := range marks {
		r.removeEverywhere(tok)
	}
}

// removeEverywhere cuts tok out of every line, dropping lines left empty.
func (r *reader) removeEverywhere(tok string) {
	first, n := 0, 0
	for i := range r.lines {
		l := &r.lines[i]
		if l.drop || !strings.Contains(l.text, tok) {
			continue
		}
		if first == 0 {
			first = l.n
		}
		var spans [][2]int
		for off := 0; ; {
			j := strings.Index(l.text[off:], tok)
			if j < 0 {
				break
			}
			spans = append(spans, [2]int{off + j, off + j + len(tok)})
			off += j + len(tok)
		}
		n += len(spans)
		l.text = cutAll(l.text, spans)
		l.drop = l.text == ""
	}
	switch {
	case n > 0 && spamPhrase[tok]:
		r.find(first, report.Warning, "watermark", "removed %s, a phrase the site injected, %d times", quote(tok), n)
	case n > 0:
		r.find(first, report.Warning, "watermark", "removed the watermark %s, repeated %d times in the text", quote(tok), n)
	}
}

// watermarkCandidates counts known site names, domains, …文库-style names
// and injected phrases in the text's first megabyte; own holds the site
// names and domains found filling a line of their own.
func (r *reader) watermarkCandidates() (counts map[string]int, own map[string]bool) {
	counts, own = map[string]int{}, map[string]bool{}
	before := map[string][]string{} // suffix → the Han text before each use
	scanned := 0
	var text []string // the lines scanned
	for _, l := range r.lines {
		if l.drop || l.text == "" {
			continue
		}
		text = append(text, l.text)
		for _, tok := range siteLineTokens(l.text) {
			own[tok] = true
		}
		watermarkTerms.scan(l.text, func(i int, term string) {
			if siteSuffix[term] {
				before[term] = append(before[term], hanBefore(l.text[:i]))
			} else {
				counts[term]++
			}
		})
		if hasTLD(l.text) {
			for _, d := range domainRe.FindAllString(l.text, -1) {
				counts[d]++
			}
		}
		if scanned += len(l.text); scanned > watermarkScan {
			break
		}
	}
	for suf, bs := range before {
		if tok := commonPrefixName(bs); tok != "" {
			counts[tok+suf] = max(counts[tok+suf], countEnding(bs, tok))
		}
	}
	for tok := range own {
		if _, ok := counts[tok]; !ok {
			for _, t := range text {
				counts[tok] += strings.Count(t, tok)
			}
		}
	}
	return counts, own
}

// siteLineTokens returns the words of a line made only of site names and
// domains, or nil.
func siteLineTokens(s string) []string {
	if !shorter(s, 60) {
		return nil
	}
	fields := strings.FieldsFunc(s, func(r rune) bool { return isHSpace(r) || strings.ContainsRune("|｜—·•", r) })
	for _, f := range fields {
		if !isSiteToken(f) {
			return nil
		}
	}
	return fields
}

// isSiteToken reports a known site name, a domain, or a name like
// 学海文档网 (Han characters ending in a site suffix).
func isSiteToken(f string) bool {
	if d := domainRe.FindString(f); d == f {
		return true
	}
	for _, n := range siteNames {
		if f == n {
			return true
		}
	}
	for _, suf := range siteSuffixes {
		if strings.HasSuffix(f, suf) && f != suf && shorter(f, 10) && strings.TrimFunc(f, isHan) == "" {
			return true
		}
	}
	return false
}

// hanBefore returns up to 6 Han characters at the end of s.
func hanBefore(s string) string {
	k := len(s)
	for n := 0; n < 6 && k > 0; n++ {
		r, size := lastRune(s[:k])
		if !isHan(r) {
			break
		}
		k -= size
	}
	return s[k:]
}

// hasTLD reports whether s may hold a domain name, before trying the
// (slow) domain expression on it.
func hasTLD(s string) bool {
	for _, t := range []string{".com", ".cn", ".net", ".org", ".cc", ".top"} {
		if strings.Contains(s, t) {
			return true
		}
	}
	return false
}

// termSet finds many short terms in one pass over a text: Chinese text
// makes strings.Index slow (every character starts with the same few
// bytes), so it checks each character against a bitmap of the terms'
// first characters instead.
type termSet struct {
	first map[rune][]string
	bits  [1 << 16 / 64]uint64 // first characters in the BMP
}

func newTermSet(terms ...[]string) *termSet {
	t := &termSet{first: map[rune][]string{}}
	for _, ts := range terms {
		for _, s := range ts {
			r, _ := utf8.DecodeRuneInString(s)
			t.first[r] = append(t.first[r], s)
			if r < 1<<16 {
				t.bits[r/64] |= 1 << (r % 64)
			}
		}
	}
	return t
}

// scan calls hit with the offset of each term found in s.
func (t *termSet) scan(s string, hit func(i int, term string)) {
	for i, r := range s {
		if r < 1<<16 && t.bits[r/64]&(1<<(r%64)) == 0 {
			continue
		}
		for _, term := range t.first[r] {
			if strings.HasPrefix(s[i:], term) {
				hit(i, term)
			}
		}
	}
}

// commonPrefixName finds the longest name (2-6 Han characters) that ends
// at least watermarkMin of the texts and loses almost none of them when
// lengthened by one character less: a site name, not report words.
func commonPrefixName(bs []string) string {
	best := ""
	for n := 2; n <= 6; n++ {
		tok, c := mostCommonEnding(bs, n)
		if c < watermarkMin {
			break
		}
		if best != "" && c*5 < countEnding(bs, best)*4 {
			break
		}
		best = tok
	}
	return best
}

// mostCommonEnding returns the most common last-n-characters among bs.
func mostCommonEnding(bs []string, n int) (string, int) {
	c := map[string]int{}
	best, bc := "", 0
	for _, b := range bs {
		rs := []rune(b)
		if len(rs) < n {
			continue
		}
		e := string(rs[len(rs)-n:])
		c[e]++
		if c[e] > bc || c[e] == bc && e < best {
			best, bc = e, c[e]
		}
	}
	return best, bc
}

func countEnding(bs []string, tok string) int {
	n := 0
	for _, b := range bs {
		if strings.HasSuffix(b, tok) {
			n++
		}
	}
	return n
}
