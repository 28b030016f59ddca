package outline

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/govreport/govreport/internal/report"
)

// frame is an open numbered block while ids are assigned.
type frame struct {
	level         int
	id            string
	paras, tables int
}

// FillIDs gives every block without an id one derived from the report's own
// numbering: part 一 → s1, its section （二） → s1-2, that section's 三是 →
// s1-2-3, item 1、 under it → s1-2-3-1; paragraphs and tables are numbered
// under the nearest numbered block (s1-2-p1, s1-2-t1); unnumbered headings
// are h1, h2 …; the paragraphs of a notice before the report are n1, n2 …;
// numbered blocks with no numbered parent take a prefix of their kind (see
// topPrefix). Ids already set are kept, wherever they are (links to them
// are out in the world): a new block whose id would be one of them, or one
// given before, takes the next free suffix (s1-p1_2). It reports ids set
// twice.
func FillIDs(doc *report.Doc) []report.Finding {
	seen, fs := writtenIDs(doc.Blocks)
	stack := []frame{{}}
	next := map[string]int{} // the next suffix to try for a repeated id
	headings, notices := 0, 0
	for i := range doc.Blocks {
		blk := &doc.Blocks[i]
		id := blk.ID
		if blk.Kind == report.Notice { // the notice before the report: n1, n2 …
			notices++
			if id == "" {
				id = "n" + strconv.Itoa(notices)
			}
		} else if lvl := blk.Kind.Level(); lvl > 0 {
			for len(stack) > 1 && stack[len(stack)-1].level >= lvl {
				stack = stack[:len(stack)-1]
			}
			if blk.Kind == report.Heading {
				headings++
			}
			if id == "" {
				id = childID(stack[len(stack)-1].id, blk, headings)
			}
			stack = append(stack, frame{level: lvl})
		} else if id == "" {
			top := &stack[len(stack)-1]
			if blk.Kind == report.Table {
				top.tables++
				id = join(top.id, "t"+strconv.Itoa(top.tables))
			} else {
				top.paras++
				id = join(top.id, "p"+strconv.Itoa(top.paras))
			}
		}
		if blk.ID == "" {
			if seen[id] {
				id = unique(id, seen, next)
			}
			seen[id] = true
		}
		blk.ID = id
		if blk.Kind.Level() > 0 {
			stack[len(stack)-1].id = id
		}
	}
	return fs
}

// writtenIDs returns the ids already set in blocks, and an error for each
// one set again.
func writtenIDs(blocks []report.Block) (map[string]bool, []report.Finding) {
	seen := make(map[string]bool, len(blocks))
	var fs []report.Finding
	for _, blk := range blocks {
		if blk.ID == "" {
			continue
		}
		if seen[blk.ID] {
			fs = append(fs, report.Finding{Line: blk.Line, Level: report.Error, Code: "duplicate-id",
				Message: fmt.Sprintf("id %q is used twice: anchors must be unique", blk.ID)})
		}
		seen[blk.ID] = true
	}
	return seen, fs
}

// topPrefix starts the id of a numbered block that has no numbered parent:
// parts are s1, s2 …; a report without parts numbers its sections c1, c2 …,
// and points or items before any heading get ids of their own kind, so
// they never take a part's id.
var topPrefix = map[report.Kind]string{report.Part: "s", report.Section: "c", report.Point: "pt", report.Item: "i", report.SubItem: "si"}

// childID derives a numbered block's id from its parent's.
func childID(parent string, blk *report.Block, headings int) string {
	if blk.Kind == report.Heading {
		return "h" + strconv.Itoa(headings)
	}
	n := 0
	if m, ok := parseMarker(blk.Marker); ok {
		n = m.n
	}
	if parent == "" {
		return topPrefix[blk.Kind] + strconv.Itoa(n)
	}
	return parent + "-" + strconv.Itoa(n)
}

func join(parent, local string) string {
	if parent == "" {
		return local
	}
	return parent + "-" + local
}

// unique returns id with the smallest suffix _2, _3 … not yet seen;
// next remembers where to start, so many repeats stay linear.
func unique(id string, seen map[string]bool, next map[string]int) string {
	for k := max(2, next[id]); ; k++ {
		if c := id + "_" + strconv.Itoa(k); !seen[c] {
			next[id] = k + 1
			return c
		}
	}
}

// Format renders a report's outline, one line per title, heading, point or
// item: level, marker, title and anchor, separated by tabs.
func Format(doc *report.Doc) string {
	var b strings.Builder
	if doc.Meta.Title != "" {
		fmt.Fprintf(&b, "1\t\t%s\t\n", doc.Meta.Title)
	}
	for _, blk := range doc.Blocks {
		if lvl := blk.Kind.Level(); lvl > 0 {
			fmt.Fprintf(&b, "%d\t%s\t%s\t%s\n", lvl, blk.Marker, blk.Title(), blk.ID)
		}
	}
	return b.String()
}
