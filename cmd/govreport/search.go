package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/govreport/govreport/internal/search"
)

func init() {
	commands["search"] = command{"[--root DIR] [-o public] [--json] [-n N] QUERY…",
		"search the built site's reports as its search page does: every paragraph containing the words (exit status 1: none)",
		(*cli).searchCmd}
}

// searchOutput is what --json prints.
type searchOutput struct {
	Query   string          `json:"query"`
	Count   int             `json:"count"`   // paragraphs found
	Reports int             `json:"reports"` // reports they are in
	Results []search.Result `json:"results"` // the first N, ranked
}

func (c *cli) searchCmd(args []string) error {
	fl := c.flags("search")
	root := fl.String("root", ".", "project `DIR`")
	out := fl.String("o", "public", "the built site `DIR` (its index is DIR/search)")
	asJSON := fl.Bool("json", false, "print JSON: query, count, reports, results")
	n := fl.Int("n", 20, "show the first `N` paragraphs found (0: all)")
	if err := parse(fl, args, -1); err != nil {
		return err
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return exitError(2)
	}
	dir := *out
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(*root, dir)
	}
	ix, err := search.Open(filepath.Join(dir, "search"))
	if err != nil {
		return err
	}
	q := strings.Join(fl.Args(), " ")
	a, err := ix.Search(q)
	if errors.Is(err, search.ErrShort) {
		return fmt.Errorf("%q: %v", q, err)
	} else if err != nil {
		return err
	}
	limit := len(a.Matches)
	if *n > 0 {
		limit = min(limit, *n)
	}
	res, err := a.Results(0, limit)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(searchOutput{q, len(a.Matches), a.Reports(), res}); err != nil {
			return err
		}
	} else {
		c.printResults(a, res)
	}
	if len(a.Matches) == 0 {
		return exitError(1)
	}
	return nil
}

// printResults lists what was found for an editor: per paragraph its link,
// the report and heading, and its text with the words found in **bold**.
func (c *cli) printResults(a *search.Answer, res []search.Result) {
	fmt.Fprintf(c.stdout, "%d paragraphs in %d reports\n", len(a.Matches), a.Reports())
	for _, r := range res {
		where := []string{r.Title}
		if r.Year > 0 {
			where = append(where, fmt.Sprintf("%d年", r.Year))
		}
		for _, s := range []string{r.Place, r.Heading} {
			if s != "" {
				where = append(where, s)
			}
		}
		fmt.Fprintf(c.stdout, "\n%s\n  %s\n  %s\n", r.URL, strings.Join(where, " · "), marked(r.Text, r.Hits))
	}
	if len(res) < len(a.Matches) {
		fmt.Fprintf(c.stdout, "\n… %d more (-n 0 shows all)\n", len(a.Matches)-len(res))
	}
}

// marked is text with the hits (rune offsets, in order) in **bold**;
// hits that touch or overlap are one.
func marked(text string, hits [][2]int) string {
	rs := []rune(text)
	var b strings.Builder
	at := 0
	for i := 0; i < len(hits); i++ {
		start, end := hits[i][0], hits[i][1]
		for i+1 < len(hits) && hits[i+1][0] <= end {
			i++
			end = max(end, hits[i][1])
		}
		if start < at || end > len(rs) {
			continue
		}
		b.WriteString(string(rs[at:start]))
		b.WriteString("**" + string(rs[start:end]) + "**")
		at = end
	}
	b.WriteString(string(rs[at:]))
	return b.String()
}
