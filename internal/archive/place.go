package archive

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/typo"
)

// Places across years. Two reports are of one place when their place names
// are the same after these steps, and only then:
//   - Traditional characters read as Simplified (青山鎮 is 青山镇), as
//     import reads them (typo.Fold);
//   - spaces go (青山 镇, a title spaced out);
//   - the organ that gives the report goes when the place's own kind comes
//     before it: 长沙县人民政府 and 长沙县政府 are the government of 长沙县,
//     and a 街道办事处 is the office of its 街道. The importer already takes
//     the short name from a title; these reach the index only from a front
//     matter edited by hand.
//
// Nothing else: 青山镇 and 青山乡 are two places (a 乡 made a 镇 is a new
// government, and the index cannot tell a renaming from a neighbour), and a
// name withheld is no name at all.

// kinds are the kinds of place a report's government runs, longest first.
var kinds = []string{"自治区", "自治州", "自治县", "街道", "镇", "乡", "县", "区", "市", "州", "旗", "盟", "省"}

// organs name the government of a place after the place's name.
var organs = []string{"人民政府", "政府", "办事处"}

// withheldMarks stand for characters of a name withheld, besides the
// placeholders of report text (XX, ××, **): 某镇, ○○乡, □□街道.
const withheldMarks = "某○〇□△■"

// placeName returns the name a report's place is known by across years, and
// false when the report names no place or withholds it.
func placeName(s string) (string, bool) {
	s, _ = typo.Fold(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	if s == "" || len(typo.Placeholders(s)) > 0 || strings.ContainsAny(s, withheldMarks) {
		return "", false
	}
	for _, o := range organs {
		if t, ok := strings.CutSuffix(s, o); ok && kindOf(t) != "" {
			s = t
			break
		}
	}
	if kindOf(s) == s || slices.Contains(organs, s) {
		return "", false // 镇人民政府, 人民政府: a kind or an organ, no name
	}
	return s, true
}

// kindOf returns the kind of place name ends with, or "".
func kindOf(name string) string {
	for _, k := range kinds {
		if strings.HasSuffix(name, k) {
			return k
		}
	}
	return ""
}

// assignSlugs gives each place an ASCII page name from its name's pinyin,
// spelt as report slugs are (outline.Slug: 青山镇 → qingshan-zhen). Places
// whose names read the same (青山镇, 清山镇) share a base; the one with the
// earliest report (year, then date, then name) keeps it and the others add
// -2, -3 in that order. So a slug never changes when a later year's report
// comes in; it changes only when a report is added for an earlier year than
// a homophone's first.
func assignSlugs(places []*Place) {
	groups := map[string][]*Place{}
	var bases []string
	for _, p := range places {
		b := outline.Slug(0, p.Name)
		if b == "report" { // a name with nothing to spell in ASCII
			b = "place"
		}
		if groups[b] == nil {
			bases = append(bases, b)
		}
		groups[b] = append(groups[b], p)
	}
	slices.Sort(bases)
	taken := map[string]bool{}
	for _, b := range bases {
		taken[b] = true
	}
	for _, b := range bases {
		g := groups[b]
		slices.SortFunc(g, func(x, y *Place) int {
			return cmp.Or(byYearDate(x.Reports[0], y.Reports[0]), cmp.Compare(x.Name, y.Name))
		})
		g[0].Slug = b
		n := 2
		for _, p := range g[1:] {
			for taken[b+"-"+strconv.Itoa(n)] {
				n++
			}
			p.Slug = b + "-" + strconv.Itoa(n)
			taken[p.Slug] = true
			n++
		}
	}
}
